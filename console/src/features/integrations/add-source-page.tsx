import { Anchor, Stack, Tabs, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ConnectorForm } from './connector-form';
import { CsvImportForm } from './csv-import-form';
import { CustomIntegrationForm } from './custom-integration-form';

const ways = ['csv', 'custom', 'connector'] as const;

/** Three ways in: a CSV of one app's users, a custom integration pushing JSON, or a connector. */
export function AddSourcePage() {
  const [params, setParams] = useSearchParams();
  const way = ways.find((w) => w === params.get('way')) ?? 'csv';
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
