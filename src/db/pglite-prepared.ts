import type { CompiledQuery } from 'kysely';
import { preparedTextGuard } from './prepared-texts.js';

/**
 * A value as an SQL literal for `EXECUTE name(...)`: PGlite's EXECUTE takes no bind parameters, so a
 * prepared statement's arguments travel as literals. An escape string (`E'...'`) with its quotes and
 * backslashes doubled reads back as the same text whatever `standard_conforming_strings` says; the
 * untyped literal takes the type PREPARE inferred for its parameter.
 */
export function executeArgument(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  if (typeof value === 'number' && Number.isFinite(value)) return `'${value}'`;
  if (typeof value === 'boolean') return value ? "'true'" : "'false'";
  throw new TypeError(
    `A prepared statement's argument must be text, a finite number, a boolean or null, not ${typeof value}`,
  );
}

const preparedName = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new TypeError(`"${name}" is not a valid prepared statement name`);
  return name;
};

/**
 * Prepared statements on PGlite's one session: each name is prepared once (its text fixed from then on)
 * and executed with its arguments as literals, so PostgreSQL's plan cache settles on a generic plan after
 * its first custom ones instead of planning the statement on every request, as a plain query does.
 */
export function pglitePreparedStatements(run: (text: string) => Promise<{ rows: unknown[] }>) {
  const checkText = preparedTextGuard();
  const prepared = new Map<string, Promise<void>>();
  return async <R>(name: string, query: CompiledQuery<R>): Promise<R[]> => {
    const statement = preparedName(name);
    checkText(statement, query.sql);
    let ready = prepared.get(statement);
    if (!ready) {
      ready = run(`prepare ${statement} as ${query.sql}`).then(() => undefined);
      prepared.set(statement, ready);
      // A statement that failed to prepare is asked again next time rather than remembered as prepared.
      ready.catch(() => prepared.delete(statement));
    }
    await ready;
    const args = query.parameters.map(executeArgument);
    const { rows } = await run(
      args.length ? `execute ${statement}(${args.join(', ')})` : `execute ${statement}`,
    );
    return rows as R[];
  };
}
