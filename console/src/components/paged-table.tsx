import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Columns, DataTable, type RowDetail } from './data-table';
import { Pager } from './pager';
import { useClientPages } from './use-client-pages';

/**
 * A list the API answers whole, shown one page at a time with the same pager as server-paged lists.
 * Rows keep the API's order.
 */
export function PagedTable<T>(props: {
  noun: string;
  columns: Columns<T>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty: ReactNode;
  detail?: RowDetail<T>;
}) {
  const pages = useClientPages(props.rows);
  return (
    <Stack gap={0}>
      <DataTable<T>
        noun={props.noun}
        columns={props.columns}
        rows={pages.rows}
        loading={false}
        error={null}
        rowKey={props.rowKey}
        empty={props.empty}
        detail={props.detail}
      />
      {pages.total > pages.limit && (
        <Pager
          pages={pages}
          shown={pages.rows?.length ?? 0}
          total={pages.total}
          noun={props.noun.toLowerCase()}
        />
      )}
    </Stack>
  );
}
