import { Anchor } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { formatMoney, formatNumber } from '../../api/format';
import { type Columns, DataTable } from '../../components/data-table';
import { appPath } from '../apps/apps-page';

type AppSpend = Schemas['ExpenseAppSpend'];
const column = createColumnHelper<AppSpend>();

/** Spend per app, biggest first, with the license cost beside it where prices are known. */
export function ExpensesAppsTable({ apps, currency }: { apps: AppSpend[]; currency: string }) {
  const columns: Columns<AppSpend> = [
    column.accessor('app', {
      header: 'App',
      cell: (c) => (
        <Anchor component={Link} to={`${appPath(c.getValue())}?tab=spend`}>
          {c.getValue()}
        </Anchor>
      ),
    }),
    column.accessor('total', { header: 'Total', cell: (c) => formatMoney(c.getValue(), currency) }),
    column.accessor('lines', { header: 'Lines', cell: (c) => formatNumber(c.getValue()) }),
    column.accessor((a) => a.annualised ?? -1, {
      id: 'annualised',
      header: 'A year',
      cell: (c) => {
        const a = c.row.original;
        return (
          <span
            title={
              a.annualisedFrom === 'extrapolated'
                ? 'extrapolated from less than a year'
                : 'the last 12 months'
            }
          >
            {formatMoney(a.annualised, currency)}
            {a.annualisedFrom === 'extrapolated' ? ' (extrapolated)' : ''}
          </span>
        );
      },
    }),
    column.accessor((a) => a.licenseCost ?? -1, {
      id: 'licenseCost',
      header: 'License cost a year',
      cell: (c) => formatMoney(c.row.original.licenseCost, currency),
    }),
  ];
  return (
    <DataTable<AppSpend>
      noun="apps with spend"
      columns={columns}
      rows={apps}
      loading={false}
      error={null}
      rowKey={(a) => String(a.appId)}
      sorting={{ mode: 'client' }}
      empty="No expense line is matched to an app yet."
    />
  );
}
