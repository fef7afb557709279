import { useState } from 'react';

/** A list's order as the API takes it: a field, "-" first for descending. */
export type SortParam<F extends string> = F | `-${F}`;

export interface ServerSortState {
  field: string;
  descending: boolean;
}

/** A table whose rows are one page of a longer list: the server sorts, by the fields it knows. */
export interface ServerSorting {
  mode: 'server';
  /** Column ids the API can sort by (the table's column ids are the API's field names). */
  fields: readonly string[];
  /** The order the server applies now, its default order included. */
  current: ServerSortState;
  toggle: (field: string) => void;
}

/**
 * The sort of a server-sorted list. A header click goes ascending, then descending, then back to the
 * list's default order; `onChange` runs with it (back to the first page: cursors belong to one order).
 */
export function useServerSort<F extends string>(fields: readonly F[], fallback: F, onChange: () => void) {
  const [sort, setSort] = useState<{ field: F; descending: boolean } | null>(null);
  const current = sort ?? { field: fallback, descending: false };
  const toggle = (field: string) => {
    const f = fields.find((known) => known === field);
    if (!f) return;
    if (current.field !== f) setSort({ field: f, descending: false });
    else if (!current.descending) setSort({ field: f, descending: true });
    else setSort(null);
    onChange();
  };
  const param: SortParam<F> | undefined = sort
    ? sort.descending
      ? `-${sort.field}`
      : sort.field
    : undefined;
  const sorting: ServerSorting = { mode: 'server', fields, current, toggle };
  return { param, sorting };
}
