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

/**
 * What the audit log can be narrowed to: exact actor, action and target (an empty one narrows nothing);
 * `from` inclusive, `to` exclusive.
 */
export interface AuditFilters {
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** The audit log, newest first, filtered; cursor is the last id seen. */
export async function listAudit(
  roster: Roster,
  filters: AuditFilters & { cursor?: number; limit?: number },
): Promise<{ items: AuditView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(filters.limit ?? 100, 1), 1000);
  const { action, actor, targetType, targetId, from, to, cursor } = filters;
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
    .$if(Boolean(action), (q) => q.where('action', '=', action ?? ''))
    .$if(Boolean(actor), (q) => q.where('actor', '=', actor ?? ''))
    .$if(Boolean(targetType), (q) => q.where('target_type', '=', targetType ?? ''))
    .$if(Boolean(targetId), (q) => q.where('target_id', '=', targetId ?? ''))
    .$if(from !== undefined, (q) => q.where('at', '>=', from ?? new Date(0)))
    .$if(to !== undefined, (q) => q.where('at', '<', to ?? new Date(0)))
    .$if(Boolean(cursor), (q) => q.where('id', '<', cursor ?? 0))
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map((r) => ({ ...r, at: r.at.toISOString() }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
}
