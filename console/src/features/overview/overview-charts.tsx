import '@mantine/charts/styles.css';
import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { formatNumber, reasonLabels } from '../../api/format';

const reasonColors: Record<string, string> = {
  account_suspended: 'orange.7',
  past_user: 'red.8',
  never_used: 'grape.7',
  no_usage_in_threshold: 'indigo.7',
};

/** License use per app, inactive licenses by reason, apps discovered per month. */
export default function OverviewCharts({ overview }: { overview: Schemas['Overview'] }) {
  const reasons = Object.entries(overview.inactiveByReason).map(([reason, value]) => ({
    name: reasonLabels[reason] ?? reason,
    value,
    color: reasonColors[reason] ?? 'gray.6',
    reason,
  }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Card withBorder>
        <Title order={2} size="h4">
          License use per app
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          The {overview.utilisation.length} apps with the most assigned licenses
        </Text>
        {overview.utilisation.length === 0 ? (
          <Text c="dimmed">No license data yet.</Text>
        ) : (
          <BarChart
            h={300}
            data={overview.utilisation}
            dataKey="app"
            type="stacked"
            orientation="vertical"
            yAxisProps={{ width: 110 }}
            series={[
              { name: 'active', color: 'teal.8', label: 'Active' },
              { name: 'inactive', color: 'red.8', label: 'Inactive' },
              { name: 'usageUnknown', color: 'gray.6', label: 'Usage unknown' },
            ]}
          />
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4">
          Inactive licenses by reason
        </Title>
        {reasons.length === 0 ? (
          <Text c="dimmed">No inactive licenses.</Text>
        ) : (
          <Group align="center" wrap="nowrap">
            <DonutChart
              data={reasons}
              withLabels={false}
              chartLabel={formatNumber(overview.inactiveLicenses)}
            />
            <Stack gap={4}>
              {reasons.map((r) => (
                <Anchor key={r.reason} component={Link} to={`/licenses?reason=${r.reason}`} size="sm">
                  {r.name}: {formatNumber(r.value)}
                </Anchor>
              ))}
            </Stack>
          </Group>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4">
          Apps discovered over time
        </Title>
        {overview.discovered.length === 0 ? (
          <Text c="dimmed">No apps yet.</Text>
        ) : (
          <LineChart
            h={220}
            data={overview.discovered}
            dataKey="month"
            series={[{ name: 'apps', color: 'indigo.8', label: 'Apps first seen' }]}
          />
        )}
      </Card>
    </SimpleGrid>
  );
}
