import { findSourceKind } from '../../connectors/registry.js';
import { invalidInput } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { markLicenseStatesStale } from '../licenses/license-store.js';
import { findSourceRow } from '../sources/sources.repo.js';

/** Which source decides who is an employee, and by which rule (PRODUCT.md §7). */
export interface EmployeeSourceOfTruth {
  /** The source an admin chose, while it is connected. */
  chosen: SourceRef | null;
  /** The sources whose employee records count now. */
  effective: SourceRef[];
  rule: 'chosen' | 'hr_sources' | 'identity_providers' | 'none';
  explanation: string;
}

interface SourceRef {
  id: number;
  name: string;
  kind: string;
}

const explanations: Record<EmployeeSourceOfTruth['rule'], string> = {
  chosen: 'An admin chose this source as the employee source of truth.',
  hr_sources:
    'No source was chosen, so the HR sources (sources that report employees but no app accounts) decide who is an employee.',
  identity_providers:
    'No source was chosen and no HR source is connected, so the identity providers decide who is an employee.',
  none: 'No connected source reports employees, so Roster cannot tell employees from other addresses.',
};

export async function getEmployeeSource(roster: Roster): Promise<EmployeeSourceOfTruth> {
  const { db } = roster.database;
  const chosen = await db
    .selectFrom('organisation_settings as o')
    .innerJoin('sources as s', 's.id', 'o.employee_source_id')
    .select(['s.id', 's.name', 's.kind'])
    .where('s.disconnected_at', 'is', null)
    .executeTakeFirst();
  const effective = await db
    .selectFrom('employee_sources as e')
    .innerJoin('sources as s', 's.id', 'e.id')
    .select(['s.id', 's.name', 's.kind'])
    .orderBy('s.name')
    .execute();
  const hasAccounts = effective.length
    ? await db
        .selectFrom('account_observations')
        .select('account_id')
        .where(
          'source_id',
          'in',
          effective.map((s) => s.id),
        )
        .where('removed_at', 'is', null)
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const rule = chosen
    ? 'chosen'
    : effective.length === 0
      ? 'none'
      : hasAccounts
        ? 'identity_providers'
        : 'hr_sources';
  return { chosen: chosen ?? null, effective, rule, explanation: explanations[rule] };
}

/** Chooses the employee source of truth; `null` goes back to the default rule (HR sources, else the IdPs). */
export async function setEmployeeSource(
  roster: Roster,
  actor: string,
  ref: string | number | null,
  findKind = findSourceKind,
): Promise<EmployeeSourceOfTruth> {
  const before = await getEmployeeSource(roster);
  let sourceId: number | null = null;
  if (ref !== null) {
    const source = await findSourceRow(roster, ref);
    if (!findKind(source.kind)?.capabilities.employees) {
      throw invalidInput(`The source "${source.name}" (${source.kind}) does not report employees`, [
        { field: 'source', message: 'choose an HR system or an identity provider that reports employees' },
      ]);
    }
    sourceId = source.id;
  }
  await roster.database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organisation_settings')
      .set({ employee_source_id: sourceId, updated_at: new Date() })
      .where('id', '=', 1)
      .execute();
    await markLicenseStatesStale(trx, 'all');
    await writeAudit(trx, {
      actor,
      action: 'employees.source',
      targetType: 'settings',
      before: { source: before.chosen?.name ?? null },
      after: { source: ref === null ? null : String(ref) },
    });
  });
  return getEmployeeSource(roster);
}
