import { NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { type ExplainWhat, ExplanationPanel } from '../../components/explanation-panel';

const organisationWide: Partial<Record<ExplainWhat, string>> = {
  'app-users':
    'Apps are discovered from direct integrations, CSV uploads, custom integrations, SSO and IdP assignments, the browser extension and expenses, or added by hand. Each app counts once, whichever sources saw it.',
  'app-licenses':
    'Licenses are the assigned licenses that direct integrations and CSVs report, summed over every app. Apps whose sources report no license types add none.',
  inactive:
    'Each assigned license is inactive when its account is suspended, its holder has left, it was never used since being assigned longer ago than the threshold, or not used within the threshold.',
};

/**
 * Why an overview figure is what it is. The people count has an organisation-wide explanation; the
 * app and license figures are sums over apps, so their causes are shown app by app.
 */
export function OverviewExplanation({
  what,
  overview,
}: {
  what: ExplainWhat;
  overview: Schemas['Overview'];
}) {
  const apps = overview.utilisation.map((u) => u.app);
  const [app, setApp] = useState(apps[0] ?? '');
  if (what === 'user-count') return <ExplanationPanel what="user-count" />;
  return (
    <Stack>
      <Text size="sm">{organisationWide[what]}</Text>
      {apps.length > 0 && (
        <>
          <NativeSelect
            label="Explain it for one app"
            value={app}
            data={apps}
            onChange={(e) => setApp(e.currentTarget.value)}
          />
          <ExplanationPanel what={what} app={app} />
        </>
      )}
    </Stack>
  );
}
