import { Alert, Anchor, Stack, Tabs, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useCanWrite, useMe } from '../../app/use-me';
import { ConnectorForm } from './connector-form';
import { CsvImportForm } from './csv-import-form';
import { CustomIntegrationForm } from './custom-integration-form';

const ways = ['csv', 'custom', 'connector'] as const;

/** Three ways in: a CSV of one app's users, a custom integration pushing JSON, or a connector. */
export function AddSourcePage() {
  const [params, setParams] = useSearchParams();
  const way = ways.find((w) => w === params.get('way')) ?? 'csv';
  const me = useMe();
  const canWrite = useCanWrite();
  if (me.data && !canWrite)
    return (
      <Stack>
        <Title order={1}>Add a source</Title>
        <Alert color="blue" title="Only editors and admins add sources">
          You are signed in as {me.data.role}: ask an admin to add the source, or to give you the editor role.
        </Alert>
      </Stack>
    );
  return (
    <Stack>
      <Anchor component={Link} to="/integrations" size="sm">
        ← Integrations
      </Anchor>
      <Title order={1}>Add a source</Title>
      <Tabs
        value={way}
        onChange={(v) => setParams(v ? { way: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="csv">CSV upload</Tabs.Tab>
          <Tabs.Tab value="custom">Custom integration</Tabs.Tab>
          <Tabs.Tab value="connector">Connector</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="csv" pt="md">
          <CsvImportForm />
        </Tabs.Panel>
        <Tabs.Panel value="custom" pt="md">
          <CustomIntegrationForm />
        </Tabs.Panel>
        <Tabs.Panel value="connector" pt="md">
          <ConnectorForm />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
