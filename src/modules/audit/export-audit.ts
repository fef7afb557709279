import type { Roster } from '../../roster.js';
import { writeAudit } from './audit.repo.js';

/** The lists Roster downloads as CSV; each export is recorded under `<what>.export`. */
export type ExportedList = 'apps' | 'people' | 'app-users' | 'merge-report' | 'audit';

/**
 * Records that someone took a list out of Roster, with the filters they used: exports leave Roster, so
 * the audit log says who took which (as for inactive licenses, `license-export-audit.ts`). Written as the
 * export starts.
 */
export async function auditExport(
  roster: Roster,
  actor: string,
  what: ExportedList,
  details: { targetId?: string | number; filters?: Record<string, unknown> } = {},
): Promise<void> {
  const filters = Object.fromEntries(
    Object.entries(details.filters ?? {}).filter(([, value]) => value !== undefined),
  );
  await writeAudit(roster.database.db, {
    actor,
    action: `${what}.export`,
    targetType: what,
    targetId: details.targetId ?? null,
    after: { format: 'csv', filters },
  });
}
