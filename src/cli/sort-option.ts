import { invalidInput } from '../lib/errors.js';
import type { SortParam } from '../lib/list-sort.js';

/**
 * A list command's `--sort`, spelled as the API's `sort` (a field, "-" first for descending). An unknown
 * field is refused before anything is read, naming the option and what it accepts.
 */
export function sortOption<F extends string>(
  value: string | undefined,
  fields: readonly F[],
): SortParam<F> | undefined {
  if (value === undefined) return undefined;
  const accepted = fields.flatMap((f) => [f, `-${f}`]);
  if (!accepted.includes(value))
    throw invalidInput(`Cannot sort by "${value}"`, [
      { field: '--sort', message: `must be one of ${accepted.join(', ')}` },
    ]);
  return value as SortParam<F>;
}
