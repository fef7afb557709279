import type { Roster } from '../../roster.js';

export { type AuditEntry, writeAudit } from '../../db/audit-log.js';

export interface AuditView {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

/** The audit log, newest first, filtered by action and actor; cursor is the last id seen. */
export async function listAudit(
  roster: Roster,
  filters: { action?: string; actor?: string; cursor?: number; limit?: number },
): Promise<{ items: AuditView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(filters.limit ?? 100, 1), 1000);
  const rows = await roster.database.db
    .selectFrom('audit_log')
    .select([
      'id',
      'at',
      'actor',
      'action',
      'target_type as targetType',
      'target_id as targetId',
      'before',
      'after',
    ])
    .$if(Boolean(filters.action), (q) => q.where('action', '=', filters.action ?? ''))
    .$if(Boolean(filters.actor), (q) => q.where('actor', '=', filters.actor ?? ''))
    .$if(Boolean(filters.cursor), (q) => q.where('id', '<', filters.cursor ?? 0))
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map((r) => ({ ...r, at: r.at.toISOString() }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
}
