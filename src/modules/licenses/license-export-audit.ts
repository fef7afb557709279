import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { InactiveFilters } from './licenses.repo.js';

/**
 * Records that someone exported the inactive licenses (who holds which license, by email): exports leave
 * Roster, so the audit log says who took one and with which filters. Written as the export starts.
 */
export async function auditInactiveLicensesExport(
  roster: Roster,
  actor: string,
  filters: InactiveFilters,
): Promise<void> {
  const { appIds, ...rest } = filters;
  await writeAudit(roster.database.db, {
    actor,
    action: 'licenses.export',
    targetType: 'licenses',
    after: { format: 'csv', filters: rest, ...(appIds ? { appIds } : {}) },
  });
}
