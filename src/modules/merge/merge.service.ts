import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { countOf } from '../../lib/count-of.js';
import { conflict, invalidInput } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { markLicenseStatesStale } from '../licenses/license-store.js';
import { readManagedDomains } from '../settings/settings.service.js';
import { findSourceRow } from '../sources/sources.repo.js';
import { aliasFieldsOf } from './alias-fields.js';
import { computeMerges, type MergeComputation, type Provenance, type SkipRule } from './compute-merges.js';
import {
  type AliasSourceConfig,
  type MergeState,
  readAppliedLinks,
  readCandidates,
  readEmployeeEmails,
  readMergeState,
  readMergeStats,
  readUserEmails,
} from './merge.repo.js';

export interface MergeReport {
  enabled: boolean;
  configuration: { source: string; sourceId: number; fields: string[] }[];
  usersBefore: number;
  usersAfter: number;
  merges: {
    primary: string;
    aliases: string[];
    provenance: { email: string; via: Provenance[] }[];
    apps: number;
    licenses: number;
    annualCost: number | null;
    status: 'current' | 'past';
  }[];
  skipped: { email: string; claimedBy: string[]; rule: SkipRule }[];
  pending: MergeComputation['pending'];
  ignored: MergeComputation['ignored'];
  /** What applying this configuration would change, compared with the merge in force. */
  changes: { merge: { email: string; primary: string }[]; unmerge: { email: string; primary: string }[] };
}

async function describeConfig(roster: Roster, config: AliasSourceConfig[]) {
  const names = await roster.database.db
    .selectFrom('sources')
    .select(['id', 'name'])
    .where('id', 'in', config.length ? config.map((c) => c.sourceId) : [-1])
    .execute();
  return config.map((c) => ({
    source: names.find((n) => n.id === c.sourceId)?.name ?? `#${c.sourceId}`,
    sourceId: c.sourceId,
    fields: c.fields,
  }));
}

async function compute(roster: Roster, config: AliasSourceConfig[]): Promise<MergeComputation> {
  const [candidates, users, employees, domains] = await Promise.all([
    readCandidates(roster, config),
    readUserEmails(roster),
    readEmployeeEmails(roster),
    readManagedDomains(roster),
  ]);
  return computeMerges({ candidates, users, employees, managedDomains: new Set(domains) });
}

const pairsOf = (c: MergeComputation) =>
  c.merges.flatMap((m) => m.aliases.map((a) => ({ email: a.email, primary: m.primary })));

/** Sets which alias fields of which sources count. Saved for preview; nothing changes until applied. */
export async function configureMerge(
  roster: Roster,
  actor: string,
  entries: { source: string | number; fields: string[] }[],
): Promise<MergeReport> {
  const config: AliasSourceConfig[] = [];
  for (const [i, entry] of entries.entries()) {
    const source = await findSourceRow(roster, entry.source);
    const allowed = aliasFieldsOf(source.kind).map((f) => f.field);
    const fields = [...new Set(entry.fields.map((f) => f.trim()).filter(Boolean))].sort();
    const wrong = fields.filter((f) => !allowed.includes(f));
    if (fields.length === 0 || wrong.length) {
      throw invalidInput(
        `"${source.name}" (${source.kind}) offers the alias fields: ${allowed.join(', ') || 'none'}`,
        [
          {
            field: `sources[${i}].fields`,
            message: wrong.length
              ? `unknown for this source: ${wrong.join(', ')}`
              : 'name at least one field',
          },
        ],
      );
    }
    if (config.some((c) => c.sourceId === source.id)) {
      throw invalidInput(`"${source.name}" is listed twice`, [
        { field: `sources[${i}].source`, message: 'list each source once' },
      ]);
    }
    config.push({ sourceId: source.id, fields });
  }
  config.sort((a, b) => a.sourceId - b.sourceId);
  await roster.database.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('merge_settings')
      .select('alias_sources')
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('merge_settings')
      .set({ alias_sources: JSON.stringify(config) })
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'merge.configure',
      targetType: 'merge',
      before: before.alias_sources,
      after: config,
    });
  });
  return previewMerge(roster);
}

/** The full changes report for the configured alias sources, compared with the merge in force. */
export async function previewMerge(roster: Roster): Promise<MergeReport> {
  const state = await readMergeState(roster.database.db);
  const computation = await compute(roster, state.configured);
  const pairs = pairsOf(computation);
  const [stats, applied, userCount] = await Promise.all([
    readMergeStats(roster, pairs),
    readAppliedLinks(roster),
    roster.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const key = (p: { email: string; primary: string }) => `${p.email} ${p.primary}`;
  const proposed = new Set(pairs.map(key));
  const current = new Set(applied.map(key));
  return {
    enabled: state.enabled,
    configuration: await describeConfig(roster, state.configured),
    usersBefore: Number(userCount.n) - applied.length,
    usersAfter: Number(userCount.n) - pairs.length,
    merges: computation.merges.map((m) => {
      const s = stats.get(m.primary);
      return {
        primary: m.primary,
        aliases: m.aliases.map((a) => a.email),
        provenance: m.aliases.map((a) => ({ email: a.email, via: a.provenance })),
        apps: s?.apps ?? 0,
        licenses: s?.licenses ?? 0,
        annualCost: s?.annualCost ?? null,
        status: s?.status ?? 'current',
      };
    }),
    skipped: computation.skipped,
    pending: computation.pending,
    ignored: computation.ignored,
    changes: {
      merge: pairs.filter((p) => !current.has(key(p))),
      unmerge: applied.filter((p) => !proposed.has(key(p))),
    },
  };
}

/** Replaces the applied links with `pairs` inside the caller's transaction; returns what changed. */
async function writeLinks(
  trx: Transaction<DB>,
  computation: MergeComputation,
): Promise<{ merged: number; unmerged: number }> {
  const rows = computation.merges.flatMap((m) =>
    m.aliases.map((a) => ({ primary: m.primary, email: a.email, first: a.provenance[0]! })),
  );
  await sql`create temporary table wanted_links on commit drop as
            select a.id as user_id, p.id as primary_user_id, w.source_id, w.field, w.raw_value
            from unnest(${rows.map((r) => r.email)}::text[], ${rows.map((r) => r.primary)}::text[],
                        ${rows.map((r) => r.first.sourceId)}::bigint[], ${rows.map((r) => r.first.field)}::text[],
                        ${rows.map((r) => r.first.value)}::text[]) as w(email, primary_email, source_id, field, raw_value)
            join users a on a.email = w.email join users p on p.email = w.primary_email`.execute(trx);
  const gone = await sql<{ user_id: number }>`
    delete from person_links l
    where not exists (select 1 from wanted_links w where w.user_id = l.user_id and w.primary_user_id = l.primary_user_id)
    returning user_id`.execute(trx);
  const added = await sql<{ user_id: number }>`
    insert into person_links (user_id, primary_user_id, source_id, field, raw_value)
    select w.user_id, w.primary_user_id, w.source_id, w.field, w.raw_value from wanted_links w
    where not exists (select 1 from person_links l where l.user_id = w.user_id)
    returning user_id`.execute(trx);
  // A person's licenses follow the person: who holds them and whether the holder is a past employee.
  await markLicenseStatesStale(trx, 'all');
  return { merged: added.rows.length, unmerged: gone.rows.length };
}

export interface MergeApplied {
  merged: number;
  unmerged: number;
  message: string;
}

/**
 * A merge computed outside any lock (it reads every alias), from the settings as they were then. It is
 * written only if those settings are unchanged under the lock, so an apply, revoke or new configuration
 * that lands in between is never undone by a writer that computed before it.
 */
export interface MergePlan {
  basis: MergeState;
  computation: MergeComputation;
}

const sameConfig = (a: AliasSourceConfig[], b: AliasSourceConfig[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Tries a plan-then-commit a few times; settings that keep moving under it are a conflict to retry later. */
async function untilCommitted<T>(
  plan: () => Promise<MergePlan | null>,
  commit: (plan: MergePlan) => Promise<T | 'stale'>,
): Promise<T | null> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const planned = await plan();
    if (!planned) return null;
    const outcome = await commit(planned);
    if (outcome !== 'stale') return outcome;
  }
  throw conflict('Merge Users settings kept changing while this ran; try again');
}

/** Plans turning Merge Users on with the configured alias sources. */
export async function planMergeApply(roster: Roster): Promise<MergePlan> {
  const basis = await readMergeState(roster.database.db);
  if (basis.configured.length === 0) {
    throw invalidInput(
      'Configure at least one alias source first (roster merge configure --source NAME --fields FIELD)',
    );
  }
  return { basis, computation: await compute(roster, basis.configured) };
}

/** Writes a planned apply in one transaction, audited; `'stale'` (nothing written) when the settings moved. */
export async function commitMergeApply(
  roster: Roster,
  actor: string,
  plan: MergePlan,
): Promise<MergeApplied | 'stale'> {
  return roster.database.db.transaction().execute(async (trx) => {
    const state = await readMergeState(trx, { lock: true });
    if (
      state.enabled !== plan.basis.enabled ||
      !sameConfig(state.applied, plan.basis.applied) ||
      !sameConfig(state.configured, plan.basis.configured)
    )
      return 'stale' as const;
    const counts = await writeLinks(trx, plan.computation);
    const unchanged =
      state.enabled &&
      counts.merged === 0 &&
      counts.unmerged === 0 &&
      sameConfig(state.applied, state.configured);
    if (unchanged)
      return {
        ...counts,
        message: 'Merge Users is already applied with this configuration; nothing changed',
      };
    await trx
      .updateTable('merge_settings')
      .set({
        enabled: true,
        applied_alias_sources: JSON.stringify(state.configured),
        applied_at: new Date(),
        applied_by: actor,
      })
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'merge.apply',
      targetType: 'merge',
      before: { enabled: state.enabled, aliasSources: state.applied },
      after: { enabled: true, aliasSources: state.configured, ...counts },
    });
    return {
      ...counts,
      message: `Merged ${countOf(counts.merged, 'email')} into their people; ${countOf(counts.unmerged, 'merge')} undone.`,
    };
  });
}

/** Turns Merge Users on with the configured alias sources, in one transaction, audited. */
export async function applyMerge(roster: Roster, actor: string): Promise<MergeApplied> {
  const applied = await untilCommitted(
    () => planMergeApply(roster),
    (plan) => commitMergeApply(roster, actor, plan),
  );
  // planMergeApply never answers null
  return applied!;
}

/** Turns Merge Users off: every link is removed, which restores the exact state before merging. */
export async function revokeMerge(roster: Roster, actor: string): Promise<MergeApplied> {
  return roster.database.db.transaction().execute(async (trx) => {
    const state = await readMergeState(trx, { lock: true });
    const removed = await trx.deleteFrom('person_links').returning('user_id').execute();
    if (!state.enabled && removed.length === 0)
      throw conflict('Merge Users is not applied; there is nothing to revoke');
    await markLicenseStatesStale(trx, 'all');
    await trx
      .updateTable('merge_settings')
      .set({ enabled: false, applied_alias_sources: '[]', applied_at: null, applied_by: null })
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'merge.revoke',
      targetType: 'merge',
      before: { enabled: state.enabled, aliasSources: state.applied, links: removed.length },
      after: { enabled: false },
    });
    return {
      merged: 0,
      unmerged: removed.length,
      message: `Revoked Merge Users: ${countOf(removed.length, 'email is a separate user', 'emails are separate users')} again.`,
    };
  });
}

/** Plans bringing the applied merge up to date after a sync; `null` when Merge Users is off. */
export async function planMergeRefresh(roster: Roster): Promise<MergePlan | null> {
  const basis = await readMergeState(roster.database.db);
  if (!basis.enabled) return null;
  return { basis, computation: await compute(roster, basis.applied) };
}

/**
 * Writes a planned refresh; `'stale'` (nothing written) when Merge Users was revoked or re-applied since
 * it was planned. A new configuration that is not applied yet does not matter: a refresh follows the
 * applied one.
 */
export async function commitMergeRefresh(
  roster: Roster,
  plan: MergePlan,
): Promise<{ merged: number; unmerged: number } | 'stale'> {
  return roster.database.db.transaction().execute(async (trx) => {
    const state = await readMergeState(trx, { lock: true });
    if (!state.enabled || !sameConfig(state.applied, plan.basis.applied)) return 'stale' as const;
    const counts = await writeLinks(trx, plan.computation);
    if (counts.merged || counts.unmerged) {
      await writeAudit(trx, { actor: 'sync', action: 'merge.refresh', targetType: 'merge', after: counts });
    }
    return counts;
  });
}

/**
 * After a sync, brings the applied merge up to date with the configuration in force: aliases that were
 * waiting to be discovered merge now; aliases a source dropped are unmerged.
 */
export function refreshMerge(roster: Roster): Promise<{ merged: number; unmerged: number } | null> {
  return untilCommitted(
    () => planMergeRefresh(roster),
    (plan) => commitMergeRefresh(roster, plan),
  );
}
