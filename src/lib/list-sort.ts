import { type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import { invalidInput } from './errors.js';

/** A list's sort as the API spells it: a field name, with a leading "-" for descending ("-users"). */
export type SortParam<F extends string> = F | `-${F}`;

/** The `sort` query parameter: an enum, so an unknown field answers 400 naming `sort`. */
export function sortParam<F extends string>(fields: readonly [F, ...F[]], fallback: F) {
  const values = fields.flatMap((f) => [f, `-${f}` as const]) as [SortParam<F>, ...SortParam<F>[]];
  return z
    .enum(values)
    .optional()
    .describe(
      `Sort field, "-" first for descending (default ${fallback}). Rows without a value come last in both directions; ties are broken by the default order.`,
    );
}

export interface Sort<F extends string> {
  field: F;
  descending: boolean;
  /** The canonical spelling, carried in cursors so a cursor is only read by the sort that made it. */
  param: SortParam<F>;
}

export function parseSort<F extends string>(value: SortParam<F> | undefined, fallback: F): Sort<F> {
  const param = value ?? fallback;
  const descending = param.startsWith('-');
  return { field: (descending ? param.slice(1) : param) as F, descending, param };
}

/** How a list orders by one field: the value, whether it can be NULL, and unique tie-breakers. */
export interface SortKey {
  value: RawBuilder<unknown>;
  nullable: boolean;
  /** Always ascending, never NULL, unique together with the value: they make the order total. */
  ties: RawBuilder<unknown>[];
}

export type CursorValue = string | number | null;

/** Opaque cursor: the sort, then the last row's value and tie-breakers, base64url-encoded JSON. */
export function encodeSortCursor(sort: string, key: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([sort, ...key]), 'utf8').toString('base64url');
}

export function decodeSortCursor(
  cursor: string | undefined,
  sort: string,
  arity: number,
): CursorValue[] | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isCursorKey(value, arity + 1)) {
    throw invalidInput('The cursor is not valid', [
      { field: 'cursor', message: 'use the nextCursor of a previous page' },
    ]);
  }
  if (value[0] !== sort) {
    // A page boundary only means something in the order that drew it.
    throw invalidInput('The cursor belongs to another sort', [
      { field: 'cursor', message: `made for sort=${value[0]}, not sort=${sort}; start from the first page` },
    ]);
  }
  return value.slice(1);
}

function isCursorKey(value: unknown, length: number): value is [string, ...CursorValue[]] {
  return (
    Array.isArray(value) &&
    value.length === length &&
    typeof value[0] === 'string' &&
    value.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
  );
}

/** ORDER BY for a key: the value (NULLS LAST either way), then the tie-breakers ascending. */
export function keysetOrder(key: SortKey, descending: boolean): RawBuilder<unknown> {
  const direction = descending ? sql`desc` : sql`asc`;
  // Only a nullable value says NULLS LAST: on a NOT NULL column it would only stop an index being used.
  const value = key.nullable ? sql`${key.value} ${direction} nulls last` : sql`${key.value} ${direction}`;
  return sql.join([value, ...key.ties.map((t) => sql`${t} asc`)]);
}

/** The rows after the cursor's row in keysetOrder's order. */
export function keysetAfter(
  key: SortKey,
  descending: boolean,
  after: readonly CursorValue[] | undefined,
): RawBuilder<unknown> {
  if (!after) return sql`true`;
  const [value, ...ties] = after;
  const tiesAfter = key.ties.length
    ? sql`(${sql.join(key.ties)}) > (${sql.join(ties.map((t) => sql`${t}`))})`
    : sql`false`;
  // Past the last non-NULL value come the NULLs; among NULLs only the tie-breakers order rows.
  if (value === null) return sql`(${key.value} is null and ${tiesAfter})`;
  const beyond = descending ? sql`${key.value} < ${value}` : sql`${key.value} > ${value}`;
  const nulls = key.nullable ? sql`or ${key.value} is null` : sql``;
  return sql`(${beyond} ${nulls} or (${key.value} = ${value} and ${tiesAfter}))`;
}
