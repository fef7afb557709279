import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatNumber } from '../../api/format';
import { QueryState } from '../../components/query-state';
import { AppSpendTab } from '../expenses/app-spend-tab';
import { AppExplanationTab } from './app-explanation-tab';
import { AppLicensesTab } from './app-licenses-tab';
import { AppOffboardingTab } from './app-offboarding-tab';
import { AppSettingsTab } from './app-settings-tab';
import { AppSourcesTab } from './app-sources-tab';
import { AppUsersTab } from './app-users-tab';
import { useApp } from './use-app';

const tabs = ['users', 'licenses', 'spend', 'sources', 'offboarding', 'settings', 'why'] as const;

export function AppPage() {
  const ref = useParams().ref ?? '';
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'users';
  const app = useApp(ref);
  if (!app.data) return <QueryState query={app} what={`the app ${ref}`} />;
  const a = app.data;
  const inactive = a.licenseTypesDetail.reduce((n, t) => n + t.inactive, 0);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{a.name}</Title>
          <Text c="dimmed" size="sm">
            {[a.vendor, a.category].filter(Boolean).join(' · ') || 'Custom app'}{' '}
            <Badge variant="outline">{a.origin}</Badge>
          </Text>
        </div>
        <Group gap="lg">
          <Text size="sm">{formatNumber(a.users)} users</Text>
          <Text size="sm">{formatNumber(a.activeAccounts)} active accounts</Text>
          <Anchor component={Link} to={`/licenses?app=${encodeURIComponent(a.name)}`} size="sm">
            {formatNumber(inactive)} inactive licenses
          </Anchor>
        </Group>
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'users' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="users">Users</Tabs.Tab>
          <Tabs.Tab value="licenses">Licenses</Tabs.Tab>
          <Tabs.Tab value="spend">Spend</Tabs.Tab>
          <Tabs.Tab value="sources">Sources</Tabs.Tab>
          <Tabs.Tab value="offboarding">Offboarding</Tabs.Tab>
          <Tabs.Tab value="settings">Threshold and owners</Tabs.Tab>
          <Tabs.Tab value="why">Why these numbers</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <AppUsersTab app={a} />
        </Tabs.Panel>
        <Tabs.Panel value="licenses" pt="md">
          <AppLicensesTab app={a} />
        </Tabs.Panel>
        <Tabs.Panel value="spend" pt="md">
          <AppSpendTab app={a.name} />
        </Tabs.Panel>
        <Tabs.Panel value="sources" pt="md">
          <AppSourcesTab app={a} />
        </Tabs.Panel>
        <Tabs.Panel value="offboarding" pt="md">
          <AppOffboardingTab app={a.name} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <AppSettingsTab app={a} />
        </Tabs.Panel>
        <Tabs.Panel value="why" pt="md">
          <AppExplanationTab app={a.name} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
