import { Button, NumberInput, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useSettings } from './use-settings';

type Settings = Schemas['Settings'];

/** Domains as people paste them: one per line, or separated by commas or spaces. */
const domainsOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);

function SettingsForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(settings.name);
  const [domains, setDomains] = useState(settings.domains.join('\n'));
  const [stalenessDays, setStalenessDays] = useState<number | string>(settings.stalenessDays);
  const [inactivityDays, setInactivityDays] = useState<number | string>(settings.inactivityDays);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/settings', {
          body: {
            name: name.trim(),
            domains: domainsOf(domains),
            stalenessDays: Number(stalenessDays),
            inactivityDays: Number(inactivityDays),
          },
        }),
      ),
    // Thresholds change which licenses are inactive: every view that shows them reads again.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      aria-label="Organisation settings"
    >
      <Stack maw={520}>
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <Textarea
          label="Domains"
          description="The organisation's email domains, one per line: people at other domains are external"
          autosize
          minRows={2}
          value={domains}
          onChange={(e) => setDomains(e.currentTarget.value)}
        />
        <NumberInput
          label="Staleness limit (days)"
          description="A source that has not synced successfully for longer needs attention, and its usage dates count as stale"
          min={1}
          max={365}
          value={stalenessDays}
          onChange={setStalenessDays}
          required
        />
        <NumberInput
          label="Default inactivity threshold (days)"
          description="A license not used for longer is inactive, unless its app sets its own threshold"
          min={1}
          max={3650}
          value={inactivityDays}
          onChange={setInactivityDays}
          required
        />
        <Button type="submit" loading={save.isPending} w="fit-content">
          Save settings
        </Button>
        {save.error && <ErrorAlert error={save.error} title="Settings not saved" />}
        {save.isSuccess && <Text size="sm">Settings saved.</Text>}
      </Stack>
    </form>
  );
}

/** The organisation's name, domains, staleness limit and default inactivity threshold. */
export function OrganisationPage() {
  const settings = useSettings();
  return (
    <Stack>
      <Title order={1}>Organisation settings</Title>
      {settings.data ? (
        <SettingsForm settings={settings.data} />
      ) : (
        <QueryState query={settings} what="the settings" />
      )}
    </Stack>
  );
}
