import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { ExpenseScope } from '../derive.js';
import { type DescriptorDecision, decideDescriptor } from './decide.js';
import { buildMatcher } from './matcher.js';
import { normaliseDescriptor } from './normalise.js';
import { compileRules, type RuleDefinition } from './rules.js';
import { buildSimilarity } from './suggestions.js';

interface DescriptorRow {
  id: number;
  vendor: string;
  description: string;
}

/** Every descriptor when the scope is everything (rules or apps changed); else those never matched yet. */
async function descriptorsInScope(trx: Kysely<DB>, scope: ExpenseScope): Promise<DescriptorRow[]> {
  let query = trx.selectFrom('expense_descriptors').select(['id', 'vendor', 'description']);
  if (scope.sourceIds) query = query.where('matched_at', 'is', null);
  return query.orderBy('id').execute();
}

export async function loadRules(trx: Kysely<DB>): Promise<RuleDefinition[]> {
  const rows = await trx
    .selectFrom('expense_rules')
    .select(['id', 'action', 'app_id as appId', 'field', 'op', 'value', 'priority'])
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), appId: r.appId === null ? null : Number(r.appId) }));
}

/** The matcher and the similarity index over the catalog and the organisation's apps, built once per run. */
export async function loadMatchingIndex(trx: Kysely<DB>) {
  const [catalog, apps] = await Promise.all([
    trx.selectFrom('catalog_apps').select(['id', 'name', 'vendor', 'domains', 'expense_aliases']).execute(),
    trx.selectFrom('apps').select(['id', 'name', 'catalog_id']).orderBy('id').execute(),
  ]);
  const entries = catalog.map((c) => ({
    id: c.id,
    name: c.name,
    vendor: c.vendor,
    domains: c.domains,
    expenseAliases: c.expense_aliases,
  }));
  const matcher = buildMatcher(
    entries,
    apps.map((a) => ({ id: Number(a.id), name: a.name, catalogId: a.catalog_id })),
  );
  const textsByCatalog = new Map(entries.map((e) => [e.id, [e.name, ...e.expenseAliases]]));
  const similarity = buildSimilarity(
    matcher.apps.map((app) => ({
      app,
      texts: app.catalogId ? [app.name, ...(textsByCatalog.get(app.catalogId) ?? [])] : [app.name],
    })),
  );
  return { matcher, similarity };
}

/**
 * Catalog apps matched automatically that the organisation does not have yet are discovered from its
 * expenses (PRODUCT.md §2): created, linked to the catalog, with the source of the first line naming them.
 */
async function createDiscoveredApps(
  trx: Kysely<DB>,
  scope: ExpenseScope,
  wanted: Map<string, { name: string; descriptorIds: number[] }>,
): Promise<Map<string, number>> {
  if (wanted.size === 0) return new Map();
  const input = [...wanted].map(([catalogId, w]) => ({
    catalogId,
    name: w.name,
    descriptorIds: w.descriptorIds,
  }));
  // An import matches its new descriptors before writing their lines: then the source importing is the first.
  const importing = scope.sourceIds?.length ? Math.min(...scope.sourceIds) : null;
  await sql`insert into apps (name, catalog_id, discovered_by_source_id)
            select w.name, w."catalogId",
                   coalesce((select min(l.source_id) from expense_lines l
                    where l.descriptor_id = any (array(select jsonb_array_elements_text(w."descriptorIds")::bigint))),
                    ${importing}::bigint)
            from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as w("catalogId" text, name text, "descriptorIds" jsonb)
            order by w."catalogId"
            on conflict do nothing`.execute(trx);
  // An app of the same name the organisation created by hand is that app.
  const rows = await trx
    .selectFrom('apps')
    .select(['id', 'catalog_id', sql<string>`lower(name)`.as('name_key')])
    .where((eb) =>
      eb.or([
        eb('catalog_id', 'in', [...wanted.keys()]),
        eb(
          sql`lower(name)`,
          'in',
          input.map((w) => w.name.toLowerCase()),
        ),
      ]),
    )
    .execute();
  const out = new Map<string, number>();
  for (const w of input) {
    const row =
      rows.find((r) => r.catalog_id === w.catalogId) ?? rows.find((r) => r.name_key === w.name.toLowerCase());
    if (row) out.set(w.catalogId, Number(row.id));
  }
  return out;
}

interface DescriptorWrite {
  id: number;
  normalised: string;
  appId: number | null;
  matchKind: string | null;
  ruleId: number | null;
  alias: string | null;
  ignored: boolean;
  suggestions: DescriptorDecision['suggestions'];
}

/** One statement for every descriptor; only those whose outcome changed are written (and stamped). */
async function writeDescriptors(trx: Kysely<DB>, writes: DescriptorWrite[]): Promise<number[]> {
  if (writes.length === 0) return [];
  const rows = await sql<{ id: number }>`
    update expense_descriptors d
    set normalised = w.normalised, app_id = w."appId", match_kind = w."matchKind", match_rule_id = w."ruleId",
        match_alias = w.alias, ignored = w.ignored, suggestions = w.suggestions, matched_at = now()
    from jsonb_to_recordset(${JSON.stringify(writes)}::jsonb)
         as w(id bigint, normalised text, "appId" bigint, "matchKind" text, "ruleId" bigint, alias text,
              ignored boolean, suggestions jsonb)
    where d.id = w.id
      and (d.matched_at is null
           or (d.normalised, d.app_id, d.match_kind, d.match_rule_id, d.match_alias, d.ignored, d.suggestions)
              is distinct from (w.normalised, w."appId", w."matchKind", w."ruleId", w.alias, w.ignored, w.suggestions))
    returning d.id`.execute(trx);
  return rows.rows.map((r) => Number(r.id));
}

/**
 * Each line's app and ignored flag from its descriptor, or the app an admin set by hand: the lines of the
 * descriptors whose outcome changed, and after an import every line of its sources (new lines start
 * without an app). Lines are reached through the descriptor index, so re-applying rules over a million
 * lines reads only the lines of the descriptors that moved; only lines whose values change are written.
 * With `recordChanges`, each written line is also recorded in `expense_line_changes` (line-changes.ts)
 * with the app it left and the one it joined.
 */
async function updateLines(
  trx: Kysely<DB>,
  scope: ExpenseScope,
  changedDescriptors: number[],
  recordChanges: boolean,
): Promise<void> {
  const ofChanged = sql`l.descriptor_id = any (${changedDescriptors}::bigint[])`;
  const filter = scope.sourceIds
    ? sql`(l.source_id = any (${[...scope.sourceIds]}::bigint[]) or ${ofChanged})`
    : ofChanged;
  if (!scope.sourceIds && changedDescriptors.length === 0) return;
  if (!recordChanges) {
    await sql`update expense_lines l
              set app_id = coalesce(l.manual_app_id, d.app_id), ignored = d.ignored
              from expense_descriptors d
              where d.id = l.descriptor_id and ${filter}
                and (l.app_id, l.ignored) is distinct from (coalesce(l.manual_app_id, d.app_id), d.ignored)`.execute(
      trx,
    );
    return;
  }
  await sql`with changed as (
              select l.id, l.date, l.amount, l.currency, l.app_id as left_app_id,
                     coalesce(l.manual_app_id, d.app_id) as app_id, d.ignored
              from expense_lines l join expense_descriptors d on d.id = l.descriptor_id
              where ${filter}
                and (l.app_id, l.ignored) is distinct from (coalesce(l.manual_app_id, d.app_id), d.ignored)
            ),
            written as (
              update expense_lines l set app_id = c.app_id, ignored = c.ignored
              from changed c where l.id = c.id
            )
            insert into expense_line_changes (app_id, month, date, amount, currency)
            select app.id, date_trunc('month', c.date)::date, c.date, c.amount, c.currency
            from changed c cross join lateral (values (c.left_app_id), (c.app_id)) as app(id)`.execute(trx);
}

/**
 * Matches the descriptors of the lines in scope to apps, then sets each line's `app_id` and `ignored`;
 * with `recordChanges`, the lines written are recorded in `expense_line_changes` (line-changes.ts).
 */
export async function applyMatching(
  trx: Kysely<DB>,
  scope: ExpenseScope,
  options: { recordChanges?: boolean } = {},
): Promise<void> {
  const changed = await decideDescriptors(trx, scope);
  await updateLines(trx, scope, changed, options.recordChanges ?? false);
}

/**
 * Decides the descriptors in scope (every one, or after an import those never matched) and writes those
 * whose outcome changed, without touching lines: an import decides its new descriptors before writing
 * their lines, already matched. Answers the ids of the descriptors written.
 */
export async function decideDescriptors(trx: Kysely<DB>, scope: ExpenseScope): Promise<number[]> {
  const descriptors = await descriptorsInScope(trx, scope);
  let changed: number[] = [];
  if (descriptors.length > 0) {
    const rules = compileRules(await loadRules(trx));
    const { matcher, similarity } = await loadMatchingIndex(trx);
    const decided = descriptors.map((d) => {
      const normalised = normaliseDescriptor(d.vendor, d.description);
      return { d, normalised, decision: decideDescriptor({ ...d, normalised }, rules, matcher, similarity) };
    });
    const discovered = new Map<string, { name: string; descriptorIds: number[] }>();
    for (const { d, decision } of decided) {
      const app = decision.app;
      if (!app || app.appId !== null || !app.catalogId) continue;
      const entry = discovered.get(app.catalogId) ?? { name: app.name, descriptorIds: [] };
      entry.descriptorIds.push(Number(d.id));
      discovered.set(app.catalogId, entry);
    }
    const created = await createDiscoveredApps(trx, scope, discovered);
    changed = await writeDescriptors(
      trx,
      decided.map(({ d, normalised, decision }) => {
        const appId = decision.app
          ? (decision.app.appId ?? created.get(decision.app.catalogId ?? '') ?? null)
          : null;
        return {
          id: Number(d.id),
          normalised,
          appId,
          // An automatic match whose app could not be created is no match.
          matchKind: decision.matchKind === 'automatic' && appId === null ? null : decision.matchKind,
          ruleId: decision.ruleId,
          alias: decision.alias,
          ignored: decision.ignored,
          suggestions: decision.suggestions,
        };
      }),
    );
  }
  return changed;
}
