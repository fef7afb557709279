import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { Schemas } from '../../api/client';
import { countOf, formatMoney, formatNumber } from '../../api/format';
import { CsvDownloadButton } from '../../components/csv-download-button';
import type { Columns } from '../../components/data-table';
import { PagedTable } from '../../components/paged-table';
import { ruleTexts } from './skip-rules';

type Merge = Schemas['MergeReport']['merges'][number];
type Skipped = Schemas['MergeReport']['skipped'][number];
const merge = createColumnHelper<Merge>();
const skipped = createColumnHelper<Skipped>();

const mergeColumns: Columns<Merge> = [
  merge.accessor('primary', { header: 'Primary email' }),
  merge.accessor('provenance', {
    header: 'Merged emails',
    cell: (c) =>
      c.row.original.provenance.map((p) => (
        <Text key={p.email} size="sm">
          {p.email}{' '}
          <Text span size="xs" c="dimmed">
            ({p.via.map((v) => `${v.source} ${v.field}`).join(', ')})
          </Text>
        </Text>
      )),
  }),
  merge.accessor('apps', { header: 'Apps', cell: (c) => formatNumber(c.getValue()) }),
  merge.accessor('licenses', { header: 'Licenses', cell: (c) => formatNumber(c.getValue()) }),
  merge.accessor('annualCost', { header: 'Annual cost', cell: (c) => formatMoney(c.getValue()) }),
  merge.accessor('status', {
    header: 'Status',
    cell: (c) => <Badge variant="outline">{c.getValue()}</Badge>,
  }),
];

const skippedColumns: Columns<Skipped> = [
  skipped.accessor('email', { header: 'Email' }),
  skipped.accessor((s) => s.claimedBy.join(', '), { id: 'claimedBy', header: 'Claimed by' }),
  skipped.accessor((s) => ruleTexts[s.rule] ?? s.rule, { id: 'rule', header: 'Rule that stopped it' }),
];

/** The full changes report: users before and after, every merge, every skipped candidate and why. */
export function MergeReportView({ report }: { report: Schemas['MergeReport'] }) {
  return (
    <Stack data-testid="merge-report">
      <Group>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Users before
          </Text>
          <Text fz="xl" fw={700}>
            {formatNumber(report.usersBefore)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Users after
          </Text>
          <Text fz="xl" fw={700} data-testid="users-after">
            {formatNumber(report.usersAfter)}
          </Text>
        </Card>
        <Text size="sm">
          {countOf(report.changes.merge.length, 'email')} to merge,{' '}
          {formatNumber(report.changes.unmerge.length)} to split back
        </Text>
        <CsvDownloadButton
          path="/api/v1/merge/preview.csv"
          filename="merge-report.csv"
          label="Download report (CSV)"
        />
      </Group>
      <Title order={3}>Merges ({formatNumber(report.merges.length)})</Title>
      <PagedTable
        noun="Proposed merges"
        columns={mergeColumns}
        rows={report.merges}
        rowKey={(m) => m.primary}
        empty="No alias has been seen in use by any source yet, so nothing merges."
      />
      <Title order={3}>Not merged ({formatNumber(report.skipped.length)})</Title>
      <PagedTable
        noun="Skipped candidates"
        columns={skippedColumns}
        rows={report.skipped}
        rowKey={(s) => s.email}
        empty="No candidate was stopped by a safety rule."
      />
      <Text size="sm" c="dimmed">
        {countOf(report.pending.length, 'alias is', 'aliases are')} remembered but not yet seen in any app:
        they merge automatically once a source discovers them.{' '}
        {countOf(report.ignored.length, 'listed value is', 'listed values are')} not an address Roster can
        use.
      </Text>
    </Stack>
  );
}
