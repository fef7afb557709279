import { sql } from 'kysely';
import { refreshExpenseTotals } from '../../src/modules/expenses/expense-totals.js';
import type { Roster } from '../../src/roster.js';

/**
 * Expense lines written straight into the tables, with their derived columns already set, so the figures
 * can be tested without the import and matching steps. Self-consistent: a line's app is its descriptor's
 * (unless set by hand), an excluded line's account is excluded, a converted amount is the amount when
 * the line is in the organisation's currency.
 */
export async function insertExpenseSource(
  roster: Roster,
  name: string,
  config: Record<string, unknown> = {},
): Promise<number> {
  const row = await roster.database.db
    .insertInto('sources')
    .values({ kind: 'expense-csv', name, config: JSON.stringify(config) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function appIdNamed(roster: Roster, name: string): Promise<number> {
  const { db } = roster.database;
  const found = await db.selectFrom('apps').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  return (await db.insertInto('apps').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
}

export interface LineSpec {
  source: number;
  date: string;
  amount: number;
  vendor: string;
  description?: string;
  currency?: string;
  /** null: no rate converts it. Default: the amount. */
  converted?: number | null;
  app?: string;
  match?: { kind: 'rule'; ruleId: number } | { kind: 'automatic'; alias: string };
  manualApp?: string;
  ignored?: boolean;
  ignoreRuleId?: number;
  account?: string;
  excluded?: boolean;
  reportId?: string;
  itemType?: 'main' | 'line';
  countedItem?: boolean;
  duplicateOf?: number;
  email?: string;
  suggestions?: { catalogId: string; name: string; reason: string }[];
}

async function newImport(roster: Roster, sourceId: number): Promise<number> {
  const row = await roster.database.db
    .insertInto('expense_imports')
    .values({ source_id: sourceId, file_name: 'test.csv' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts the lines (and their descriptors, apps, accounts) and rewrites the figures' totals. Answers their ids. */
export async function insertExpenseLines(roster: Roster, specs: LineSpec[]): Promise<number[]> {
  const { db } = roster.database;
  const ids: number[] = [];
  const imports = new Map<number, number>();
  for (const [index, spec] of specs.entries()) {
    const appId = spec.app ? await appIdNamed(roster, spec.app) : null;
    const manualAppId = spec.manualApp ? await appIdNamed(roster, spec.manualApp) : null;
    const description = spec.description ?? '';
    const descriptor = await db
      .insertInto('expense_descriptors')
      .values({
        vendor: spec.vendor,
        description,
        normalised: `${spec.vendor} ${description}`.trim().toLowerCase(),
        app_id: appId,
        match_kind: appId ? (spec.match?.kind ?? 'automatic') : null,
        match_rule_id: spec.match?.kind === 'rule' ? spec.match.ruleId : (spec.ignoreRuleId ?? null),
        match_alias:
          spec.match?.kind === 'automatic' ? spec.match.alias : appId && !spec.match ? spec.vendor : null,
        ignored: spec.ignored ?? false,
        suggestions: JSON.stringify(spec.suggestions ?? []),
        matched_at: new Date(),
      })
      .onConflict((oc) => oc.columns(['vendor', 'description']).doUpdateSet({ vendor: spec.vendor }))
      .returning('id')
      .executeTakeFirstOrThrow();
    const account = spec.account ?? '';
    await db
      .insertInto('expense_accounts')
      .values({
        source_id: spec.source,
        account,
        excluded_at: spec.excluded ? new Date() : null,
        excluded_by: spec.excluded ? 'admin@acme.io' : null,
      })
      .onConflict((oc) => oc.columns(['source_id', 'account']).doNothing())
      .execute();
    const line = await db
      .insertInto('expense_lines')
      .values({
        source_id: spec.source,
        external_id: `t-${Date.now()}-${index}-${Math.random()}`,
        first_import_id:
          imports.get(spec.source) ??
          imports.set(spec.source, await newImport(roster, spec.source)).get(spec.source)!,
        date: spec.date,
        amount: spec.amount,
        currency: spec.currency ?? 'USD',
        descriptor_id: descriptor.id,
        report_id: spec.reportId ?? null,
        item_type: spec.itemType ?? 'line',
        account,
        employee_email: spec.email ?? null,
        amount_converted: spec.converted === undefined ? spec.amount : spec.converted,
        excluded: spec.excluded ?? false,
        counted_item: spec.countedItem ?? true,
        manual_app_id: manualAppId,
        manual_by: manualAppId ? 'admin@acme.io' : null,
        manual_at: manualAppId ? new Date() : null,
        app_id: manualAppId ?? appId,
        ignored: spec.ignored ?? false,
        duplicate_of: spec.duplicateOf ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(line.id);
  }
  await db.transaction().execute((trx) => refreshExpenseTotals(trx));
  return ids;
}

/** A Match or Ignore rule row, as the rules service would store it. */
export async function insertExpenseRule(
  roster: Roster,
  rule: {
    action: 'match' | 'ignore';
    app?: string;
    field: 'vendor' | 'description';
    op: 'contains' | 'equals' | 'regex';
    value: string;
    priority?: number;
  },
): Promise<number> {
  const appId = rule.app ? await appIdNamed(roster, rule.app) : null;
  const { rows } = await sql<{ id: number }>`
    insert into expense_rules (action, app_id, field, op, value, priority, created_by)
    values (${rule.action}, ${appId}, ${rule.field}, ${rule.op}, ${rule.value}, ${rule.priority ?? 100}, 'admin@acme.io')
    returning id`.execute(roster.database.db);
  return rows[0]!.id;
}
