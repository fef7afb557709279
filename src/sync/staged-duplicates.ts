import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { ErrorDetail } from '../lib/errors.js';

export type Duplicate = { kind: string; key: string; seqs: number[] };
export type RefStyle = 'row' | 'index';

/** Records a run lists twice: found while applying, so the run applies nothing. */
export class DuplicateRecords extends Error {
  constructor(readonly details: ErrorDetail[]) {
    super('The data lists the same user more than once; nothing was applied');
  }
}

/** The same employee or license type twice in one run, each reported with its rows. */
export async function findStagedDuplicates(
  database: Database,
  runId: number,
  refStyle: RefStyle,
  limit = 200,
): Promise<ErrorDetail[]> {
  const { rows } = await sql<Duplicate>`
    (select 'employee' as kind, email as key, array_agg(seq order by seq) as seqs
       from staged_employees where run_id = ${runId} group by email having count(*) > 1)
    union all
    (select 'license type', name, array_agg(seq order by seq)
       from staged_license_types where run_id = ${runId} group by lower(app_name), name having count(*) > 1)
    order by 1, 2 limit ${limit}`.execute(database.db);
  return rows.map((r) => describe(r, refStyle));
}

/**
 * The same user twice in one app (however the source spelled the app), found on the run's resolved accounts
 * (`run_accounts`): grouping a million staged rows by integer ids costs a fraction of grouping them by text.
 */
export async function findAccountDuplicates(
  trx: Transaction<DB>,
  refStyle: RefStyle,
  limit = 200,
): Promise<ErrorDetail[]> {
  const { rows } = await sql<Duplicate>`
    with twice as (select app_id, user_id from run_accounts group by app_id, user_id having count(*) > 1 limit ${limit})
    select 'account' as kind, min(r.email) as key, array_agg(r.seq order by r.seq) as seqs
    from run_accounts r join twice t on t.app_id = r.app_id and t.user_id = r.user_id
    group by r.app_id, r.user_id order by 2`.execute(trx);
  return rows.map((r) => describe(r, refStyle));
}

/** A duplicate as the run's problem: the rows or array positions that list the same thing. */
export function describe(r: Duplicate, refStyle: RefStyle): ErrorDetail {
  const field = r.kind === 'license type' ? 'name' : r.kind === 'expense line' ? 'id' : 'email';
  const message = `${r.kind} "${r.key}" appears more than once`;
  if (refStyle === 'row') return { row: r.seqs[1], field, message: `${message} (rows ${r.seqs.join(', ')})` };
  const array =
    r.kind === 'license type'
      ? 'licenseTypes'
      : r.kind === 'employee'
        ? 'employees'
        : r.kind === 'expense line'
          ? 'lines'
          : 'users';
  return {
    path: `${array}[${r.seqs[1]}].${field}`,
    message: `${message} (${r.seqs.map((i) => `${array}[${i}]`).join(', ')})`,
  };
}
