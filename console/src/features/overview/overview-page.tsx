import { Anchor, Button, Card, Drawer, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatMoney, formatNumber } from '../../api/format';
import type { ExplainWhat } from '../../components/explanation-panel';
import { QueryState } from '../../components/query-state';
import { OverviewExplanation } from './overview-explanation';

// Charts bring recharts: they load after the figures, which show at once.
const OverviewCharts = lazy(() => import('./overview-charts'));

interface Figure {
  label: string;
  value: string;
  list: string;
  explain: ExplainWhat;
  note?: string;
}

/** The organisation at a glance: each figure opens its list and says why it is what it is. */
export function OverviewPage() {
  const [explaining, setExplaining] = useState<Figure | null>(null);
  const overview = useQuery({ queryKey: ['overview'], queryFn: () => unwrap(api.GET('/api/v1/overview')) });
  if (!overview.data) return <QueryState query={overview} what="the overview" />;
  const o = overview.data;
  const figures: Figure[] = [
    { label: 'Apps', value: formatNumber(o.apps), list: '/apps', explain: 'app-users' },
    { label: 'People', value: formatNumber(o.people), list: '/people', explain: 'user-count' },
    {
      label: 'Licenses',
      value: formatNumber(o.licenses),
      list: '/apps',
      explain: 'app-licenses',
      note:
        o.annualLicenseCost === null ? undefined : `${formatMoney(o.annualLicenseCost, o.currency)} a year`,
    },
    {
      label: 'Inactive licenses',
      value: formatNumber(o.inactiveLicenses),
      list: '/licenses',
      explain: 'inactive',
      note: o.usageUnknownLicenses
        ? `${formatNumber(o.usageUnknownLicenses)} more of unknown usage`
        : undefined,
    },
  ];
  return (
    <Stack>
      <Title order={1}>Overview</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: o.spend === null ? 4 : 5 }}>
        {figures.map((f) => (
          <Card key={f.label} withBorder>
            <Text size="sm" c="dimmed">
              {f.label}
            </Text>
            <Anchor
              component={Link}
              to={f.list}
              fz={28}
              fw={700}
              aria-label={`${f.value} ${f.label}: open the list`}
            >
              {f.value}
            </Anchor>
            {f.note && <Text size="xs">{f.note}</Text>}
            <Button
              variant="subtle"
              size="compact-xs"
              mt={4}
              w="fit-content"
              onClick={() => setExplaining(f)}
            >
              Why this number?
            </Button>
          </Card>
        ))}
        {o.spend !== null && (
          <Card withBorder>
            <Text size="sm" c="dimmed">
              Spend a year
            </Text>
            <Anchor component={Link} to="/expenses" fz={28} fw={700} aria-label="Spend a year: open Expenses">
              {formatMoney(o.spend, o.currency)}
            </Anchor>
            <Text size="xs">
              {o.spendFrom === 'trailing-12-months'
                ? 'the last 12 months of expenses'
                : 'extrapolated from less than a year of expenses'}
            </Text>
          </Card>
        )}
      </SimpleGrid>
      {o.spend === null && (
        <Text size="xs" c="dimmed">
          Spend appears here once expenses are imported.
        </Text>
      )}
      <Suspense fallback={<Text c="dimmed">Loading charts…</Text>}>
        <OverviewCharts overview={o} />
      </Suspense>
      <Drawer
        opened={explaining !== null}
        onClose={() => setExplaining(null)}
        position="right"
        size="lg"
        title={explaining ? `Why: ${explaining.label} (${explaining.value})` : ''}
      >
        {explaining && <OverviewExplanation what={explaining.explain} overview={o} />}
      </Drawer>
      <Group>
        <Text size="xs" c="dimmed">
          Licenses count assigned licenses; usage-unknown licenses are neither active nor inactive.
        </Text>
      </Group>
    </Stack>
  );
}
