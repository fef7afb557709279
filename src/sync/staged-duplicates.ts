import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { ErrorDetail } from '../lib/errors.js';

/** The same user twice in one app, the same employee or license type twice: each reported with its rows. */
export async function findStagedDuplicates(
  database: Database,
  runId: number,
  refStyle: 'row' | 'index',
  limit = 200,
): Promise<ErrorDetail[]> {
  const { rows } = await sql<{ kind: string; key: string; seqs: number[] }>`
    (select 'account' as kind, email as key, array_agg(seq order by seq) as seqs
       from staged_accounts where run_id = ${runId} group by lower(app_name), email having count(*) > 1)
    union all
    (select 'employee', email, array_agg(seq order by seq)
       from staged_employees where run_id = ${runId} group by email having count(*) > 1)
    union all
    (select 'license type', name, array_agg(seq order by seq)
       from staged_license_types where run_id = ${runId} group by lower(app_name), name having count(*) > 1)
    order by 1, 2 limit ${limit}`.execute(database.db);
  return rows.map((r) => {
    const field = r.kind === 'license type' ? 'name' : 'email';
    const message = `${r.kind} "${r.key}" appears more than once`;
    if (refStyle === 'row')
      return { row: r.seqs[1], field, message: `${message} (rows ${r.seqs.join(', ')})` };
    const array = r.kind === 'license type' ? 'licenseTypes' : r.kind === 'employee' ? 'employees' : 'users';
    return {
      path: `${array}[${r.seqs[1]}].${field}`,
      message: `${message} (${r.seqs.map((i) => `${array}[${i}]`).join(', ')})`,
    };
  });
}
