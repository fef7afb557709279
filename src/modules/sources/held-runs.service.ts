import { invalidInput } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import type { SyncResult } from '../../sync/engine.js';
import { confirmHeldRun, discardHeldRun } from '../../sync/held-runs.js';
import { type RemovalThreshold, removalThresholdSchema } from '../../sync/removal-threshold.js';
import { writeAudit } from '../audit/audit.repo.js';
import { refreshMerge } from '../merge/merge.service.js';
import { queueWorkflowsAfterSync } from '../workflows/workflow-jobs.js';
import { type SourceView, toSourceView } from './source-view.js';
import { findSourceRow } from './sources.repo.js';

/** Applies the source's held run, removals included, exactly as it was fetched. */
export async function confirmHeldRemovals(
  roster: Roster,
  actor: string,
  ref: string | number,
): Promise<SyncResult> {
  const row = await findSourceRow(roster, ref);
  const result = await confirmHeldRun(
    { database: roster.database, secrets: roster.secrets, filesDir: roster.config.filesDir },
    row.id,
    { trigger: actor, audit: true },
  );
  if (result.status === 'succeeded') {
    await refreshMerge(roster);
    await queueWorkflowsAfterSync(roster, result.runId);
  }
  return result;
}

/** Ends the source's held run without applying it. */
export async function discardHeldRemovals(roster: Roster, actor: string, ref: string | number) {
  const row = await findSourceRow(roster, ref);
  return discardHeldRun(roster.database, row.id, { actor, audit: true });
}

/** Validates a removal threshold from a person (API body, CLI flag); null restores the default. */
export function parseRemovalThreshold(value: unknown, field = 'removalThreshold'): RemovalThreshold | null {
  if (value === null) return null;
  const parsed = removalThresholdSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalidInput(
    'The removal threshold is { percent, count }, { disabled: true } or null for the default',
    parsed.error.issues.map((i) => ({ field: [field, ...i.path].join('.'), message: i.message })),
  );
}

/** Sets how many removals a run of the source may make before it is held (null: Roster's default). */
export async function setRemovalThreshold(
  roster: Roster,
  actor: string,
  ref: string | number,
  threshold: unknown,
): Promise<SourceView> {
  const value = parseRemovalThreshold(threshold);
  const row = await findSourceRow(roster, ref);
  const updated = await roster.database.db.transaction().execute(async (trx) => {
    const after = await trx
      .updateTable('sources')
      .set({ removal_threshold: value === null ? null : JSON.stringify(value), updated_at: new Date() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor,
      action: 'source.removal-threshold',
      targetType: 'source',
      targetId: row.id,
      before: { removalThreshold: row.removal_threshold },
      after: { removalThreshold: value },
    });
    return after;
  });
  const settings = await roster.database.db
    .selectFrom('organisation_settings')
    .select('staleness_days')
    .executeTakeFirstOrThrow();
  return toSourceView(updated, settings.staleness_days, new Date());
}
