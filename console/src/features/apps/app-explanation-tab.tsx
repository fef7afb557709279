import { SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { type ExplainWhat, ExplanationPanel } from '../../components/explanation-panel';

const figures: { value: ExplainWhat; label: string }[] = [
  { value: 'app-users', label: 'Users' },
  { value: 'app-licenses', label: 'Licenses' },
  { value: 'app-usage', label: 'Usage' },
  { value: 'inactive', label: 'Inactive licenses' },
];

/** Why the app's figures are what they are, one figure at a time. */
export function AppExplanationTab({ app }: { app: string }) {
  const [what, setWhat] = useState<ExplainWhat>('app-users');
  return (
    <Stack>
      <SegmentedControl
        aria-label="Figure to explain"
        value={what}
        onChange={(v) => setWhat(v as ExplainWhat)}
        data={figures}
        w="fit-content"
      />
      <ExplanationPanel what={what} app={app} />
    </Stack>
  );
}
