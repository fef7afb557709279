import { sql } from 'kysely';
import type { Roster } from '../../roster.js';

/** What the expense explanations count, read from the lines themselves (no speed target here). */

export async function sourcePeriods(roster: Roster) {
  const { rows } = await sql<{
    source: string;
    from: string;
    to: string;
    lines: number;
    countItems: string | null;
  }>`
    select s.name as source, min(l.date) as "from", max(l.date) as "to", count(*)::int as lines,
           s.config->>'countItems' as "countItems"
    from expense_lines l join sources s on s.id = l.source_id
    group by s.id, s.name order by s.id`.execute(roster.database.db);
  return rows.map((row) => ({ ...row, countItems: row.countItems === 'main' ? 'main' : 'lines' }));
}

export async function accountTotals(roster: Roster) {
  const { rows } = await sql<{
    source: string;
    account: string;
    excluded: boolean;
    excludedBy: string | null;
    lines: number;
    amount: number;
  }>`
    select s.name as source, a.account, a.excluded_at is not null as excluded, a.excluded_by as "excludedBy",
           count(l.id)::int as lines, coalesce(sum(l.amount_converted), 0) as amount
    from expense_accounts a join sources s on s.id = a.source_id
    left join expense_lines l on l.source_id = a.source_id and l.account = a.account
    group by s.id, s.name, a.account, a.excluded_at, a.excluded_by
    order by s.id, a.account`.execute(roster.database.db);
  return rows;
}

/** Reports holding both a main item and line items, per source, and what of them is not counted. */
export async function reportsWithBothKinds(roster: Roster) {
  const { rows } = await sql<{ source: string; reports: number; notCounted: number; amount: number }>`
    select s.name as source, count(*)::int as reports, sum(r.not_counted)::int as "notCounted",
           coalesce(sum(r.amount), 0) as amount
    from (select source_id, report_id, count(*) filter (where not counted_item) as not_counted,
                 sum(amount_converted) filter (where not counted_item) as amount
          from expense_lines where report_id is not null
          group by source_id, report_id
          having bool_or(item_type = 'main') and bool_or(item_type = 'line')) r
    join sources s on s.id = r.source_id
    group by s.id, s.name order by s.id`.execute(roster.database.db);
  return rows;
}

export async function duplicatePairs(roster: Roster) {
  const { rows } = await sql<{ source: string; countedIn: string; lines: number; amount: number }>`
    select d.name as source, c.name as "countedIn", count(*)::int as lines, coalesce(sum(l.amount_converted), 0) as amount
    from expense_lines l join expense_lines k on k.id = l.duplicate_of
    join sources d on d.id = l.source_id join sources c on c.id = k.source_id
    where l.status = 'duplicate'
    group by d.name, c.name order by d.name, c.name`.execute(roster.database.db);
  return rows;
}

export async function unconvertedByCurrency(roster: Roster) {
  const { rows } = await sql<{ currency: string; lines: number; amount: number }>`
    select currency, count(*)::int as lines, sum(amount) as amount from expense_lines
    where amount_converted is null and status in ('matched', 'unmatched')
    group by currency order by currency`.execute(roster.database.db);
  return rows;
}

export async function biggestUnmatched(roster: Roster, limit = 5) {
  const { rows } = await sql<{ vendor: string; description: string; lines: number; amount: number }>`
    select d.vendor, d.description, count(*)::int as lines, coalesce(sum(l.amount_converted), 0) as amount
    from expense_lines l join expense_descriptors d on d.id = l.descriptor_id
    where l.status = 'unmatched'
    group by d.id, d.vendor, d.description
    order by amount desc, d.vendor limit ${limit}`.execute(roster.database.db);
  return rows;
}

/** How an app's lines were matched: per rule, per alias, by hand, and its lines not counted by status. */
export async function appMatches(roster: Roster, appId: number) {
  const { rows } = await sql<{
    how: 'rule' | 'automatic' | 'manual';
    ruleId: number | null;
    rule: { field: string; op: string; value: string; priority: number } | null;
    alias: string | null;
    status: string;
    lines: number;
    amount: number;
  }>`
    select m.how, m."ruleId",
           (select json_build_object('field', r.field, 'op', r.op, 'value', r.value, 'priority', r.priority)
            from expense_rules r where r.id = m."ruleId") as rule,
           m.alias, m.status, m.lines, m.amount
    from (select case when l.manual_app_id is not null then 'manual' else d.match_kind end as how,
                 case when l.manual_app_id is null then d.match_rule_id end as "ruleId",
                 case when l.manual_app_id is null then d.match_alias end as alias,
                 l.status, count(*)::int as lines, coalesce(sum(l.amount_converted), 0) as amount
          from expense_lines l join expense_descriptors d on d.id = l.descriptor_id
          where l.app_id = ${appId}
          group by 1, 2, 3, 4) m
    order by m.amount desc`.execute(roster.database.db);
  return rows;
}

/** The names an app goes by on statements: its name, its catalog entry's name and expense aliases. */
export async function namesOfApp(roster: Roster, appId: number): Promise<{ app: string; names: string[] }> {
  const { rows } = await sql<{ app: string; catalogName: string | null; aliases: string[] | null }>`
    select a.name as app, c.name as "catalogName", c.expense_aliases as aliases
    from apps a left join catalog_apps c on c.id = a.catalog_id where a.id = ${appId}`.execute(
    roster.database.db,
  );
  const row = rows[0]!;
  const names = [row.app, row.catalogName, ...(row.aliases ?? [])]
    .filter((name): name is string => Boolean(name && name.trim().length >= 3))
    .map((name) => name.trim().toLowerCase());
  return { app: row.app, names: [...new Set(names)] };
}

/** Lines on no app (unmatched, or dropped by an Ignore rule) whose descriptor names the app. */
export async function linesNaming(roster: Roster, names: string[]) {
  if (names.length === 0) return [];
  const patterns = names.map((name) => `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const { rows } = await sql<{
    vendor: string;
    description: string;
    status: string;
    ruleId: number | null;
    suggestions: unknown;
    lines: number;
    amount: number;
  }>`
    select d.vendor, d.description, l.status, case when l.status = 'ignored' then d.match_rule_id end as "ruleId",
           d.suggestions, count(*)::int as lines, coalesce(sum(l.amount_converted), 0) as amount
    from expense_descriptors d join expense_lines l on l.descriptor_id = d.id
    where (lower(d.vendor) like any (${patterns}::text[]) or lower(d.description) like any (${patterns}::text[])
           or d.normalised like any (${patterns}::text[]))
      and l.status in ('unmatched', 'ignored')
    group by d.id, d.vendor, d.description, l.status, 4
    order by amount desc`.execute(roster.database.db);
  return rows;
}
