import {
  ActionIcon,
  Center,
  Loader,
  ScrollArea,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import {
  type ColumnDef,
  type ExpandedState,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { Fragment, type ReactNode, useMemo, useState } from 'react';
import { ErrorAlert } from './query-state';
import type { ServerSorting } from './use-server-sort';

/**
 * A table's columns. Each column's value type differs (TanStack's column helper types them one by one),
 * so the list holds them as `any`, the library's own documented way.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Columns<T> = ColumnDef<T, any>[];

export interface DataTableProps<T> {
  /** What the table lists, for its accessible name and its empty and error texts ("apps"). */
  noun: string;
  columns: Columns<T>;
  rows: T[] | undefined;
  loading: boolean;
  error: unknown;
  /** Shown when the list is empty: what would fill it. */
  empty: ReactNode;
  rowKey: (row: T) => string;
  /**
   * How a header click sorts; without it the headers do not sort. `client` reorders the rows on screen,
   * so only a table holding the whole list may use it; a page of a longer list sorts on the server.
   */
  sorting?: TableSorting;
  /** Fetching a new page while the previous one stays on screen. */
  refreshing?: boolean;
  /** Rows that open to show more: a toggle first in each row, the detail in a row of its own below it. */
  detail?: RowDetail<T>;
}

/** What an opened row shows, and its toggle's accessible name ("Show what each source saw for ann@acme.io"). */
export interface RowDetail<T> {
  label: (row: T) => string;
  render: (row: T) => ReactNode;
}

/** The column of toggles that open and close a row's detail. */
function detailColumn<T>(detail: RowDetail<T>): ColumnDef<T, unknown> {
  return {
    id: 'detail',
    enableSorting: false,
    header: () => <VisuallyHidden>Details</VisuallyHidden>,
    cell: ({ row }) => (
      <ActionIcon
        variant="subtle"
        size="sm"
        aria-label={detail.label(row.original)}
        aria-expanded={row.getIsExpanded()}
        onClick={row.getToggleExpandedHandler()}
      >
        {row.getIsExpanded() ? '▾' : '▸'}
      </ActionIcon>
    ),
  };
}

export type TableSorting = { mode: 'client' } | ServerSorting;

const sortMark = { asc: ' ▲', desc: ' ▼' } as const;

/** Every list of the console: one table shape, with its loading, error and empty states. */
export function DataTable<T>(props: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const server = props.sorting?.mode === 'server' ? props.sorting : undefined;
  const { detail, columns } = props;
  const shownColumns = useMemo(
    () => (detail ? [detailColumn(detail), ...columns] : columns),
    [detail, columns],
  );
  const table = useReactTable({
    data: props.rows ?? [],
    columns: shownColumns,
    state: { sorting, expanded },
    onSortingChange: setSorting,
    onExpandedChange: setExpanded,
    getRowCanExpand: () => detail !== undefined,
    enableSorting: props.sorting?.mode === 'client',
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: props.rowKey,
  });
  if (props.error) return <ErrorAlert error={props.error} title={`Could not load ${props.noun}`} />;
  if (props.loading && !props.rows)
    return (
      <Center py="xl">
        <Loader aria-label={`Loading ${props.noun}`} />
      </Center>
    );
  if (!props.rows?.length)
    return (
      <Text c="dimmed" py="lg" data-testid="empty-state">
        {props.empty}
      </Text>
    );
  return (
    <ScrollArea type="auto">
      <Table
        striped
        highlightOnHover
        aria-label={props.noun}
        aria-busy={props.refreshing ? true : undefined}
        style={{ opacity: props.refreshing ? 0.6 : 1 }}
      >
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const { id } = header.column;
                const canSort = server ? server.fields.includes(id) : header.column.getCanSort();
                // The server's order, or the browser's when the rows are the whole list.
                const sorted = server
                  ? server.current.field === id && (server.current.descending ? 'desc' : 'asc')
                  : canSort && header.column.getIsSorted();
                const onClick = server ? () => server.toggle(id) : header.column.getToggleSortingHandler();
                return (
                  <Table.Th
                    key={header.id}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {canSort ? (
                      <UnstyledButton onClick={onClick} fw={700} fz="sm">
                        {label}
                        {sorted ? sortMark[sorted] : ''}
                      </UnstyledButton>
                    ) : (
                      label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Fragment key={row.id}>
              <Table.Tr>
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
              {detail && row.getIsExpanded() && (
                <Table.Tr>
                  <Table.Td colSpan={row.getVisibleCells().length}>{detail.render(row.original)}</Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
