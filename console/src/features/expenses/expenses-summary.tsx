import { Card, SimpleGrid, Text } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { formatMoney, formatNumber } from '../../api/format';

type Summary = Schemas['ExpenseSummary'];

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** The figures, each with what it leaves out beside it. */
export function ExpensesSummary({ summary: s }: { summary: Summary }) {
  const money = (n: number | null) => formatMoney(n, s.currency);
  const figures = [
    {
      label: 'Total',
      value: money(s.total),
      note: `${formatNumber(s.lines.matched + s.lines.unmatched)} lines`,
    },
    {
      label: 'Matched to apps',
      value: money(s.matched),
      note: `${percent(s.matchRate.byAmount)} by amount, ${percent(s.matchRate.byCount)} by count`,
    },
    {
      label: 'Unmatched',
      value: money(s.unmatched),
      note: `${formatNumber(s.lines.unmatched)} lines on no app`,
    },
    {
      label: 'A year',
      value: money(s.annualised),
      note: s.annualisedWording ?? 'no lines yet',
    },
  ];
  const beside = [
    { label: 'Ignored', value: money(s.ignored), lines: s.lines.ignored },
    { label: 'Excluded accounts', value: money(s.excluded), lines: s.lines.excluded },
    { label: 'Duplicates', value: money(s.duplicates), lines: s.lines.duplicates },
    { label: 'Other item kind', value: money(s.itemised), lines: s.lines.itemised },
    { label: 'Without a rate', value: '—', lines: s.unconverted },
  ];
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {figures.map((f) => (
          <Card key={f.label} withBorder>
            <Text size="sm" c="dimmed">
              {f.label}
            </Text>
            <Text fz={28} fw={700} data-testid={`expenses-${f.label}`}>
              {f.value}
            </Text>
            <Text size="xs">{f.note}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Not in the total:{' '}
        {beside
          .map(
            (b) =>
              `${b.label.toLowerCase()} ${b.value === '—' ? '' : `${b.value}, `}${formatNumber(b.lines)} lines`,
          )
          .join(' · ')}
        .
      </Text>
    </>
  );
}
