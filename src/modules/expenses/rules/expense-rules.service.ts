import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { invalidInput, notFound } from '../../../lib/errors.js';
import type { Roster } from '../../../roster.js';
import { writeAudit } from '../../audit/audit.repo.js';
import { reapplyRules } from '../derive.js';
import { compileRegex } from '../matching/rules.js';
import type { RuleInput, RuleView } from './expense-rules.schemas.js';

/** A rule checked and resolved: its app's id, its priority. */
export interface CheckedRule {
  action: 'match' | 'ignore';
  appId: number | null;
  app: string | null;
  field: 'vendor' | 'description';
  op: 'contains' | 'equals' | 'regex';
  value: string;
  priority: number;
}

/**
 * Rule changes re-derive every line, as an import's apply does: the same lock keeps them one at a time
 * (two derivations writing the same lines in different orders would deadlock on a server database).
 */
export const lockDerivations = (trx: Transaction<DB>) =>
  sql`select pg_advisory_xact_lock(hashtext('roster.sync.apply'))`.execute(trx);

/** Checks an admin's rule: a Match rule names an existing app, an Ignore rule none, a pattern RE2 can run. */
export async function checkRule(db: Kysely<DB>, input: RuleInput): Promise<CheckedRule> {
  const value = input.value.trim();
  if (value === '')
    throw invalidInput('The rule has no value', [{ field: 'value', message: 'must not be blank' }]);
  if (input.op === 'regex') compileRegex(value, 'value');
  let appId: number | null = null;
  let app: string | null = null;
  if (input.action === 'match') {
    if (!input.app)
      throw invalidInput('A Match rule names its app', [
        { field: 'app', message: 'required for --action match' },
      ]);
    const ref = input.app.trim();
    const row = await db
      .selectFrom('apps')
      .select(['id', 'name'])
      .where((eb) =>
        /^\d+$/.test(ref) ? eb('id', '=', Number(ref)) : eb(sql`lower(name)`, '=', ref.toLowerCase()),
      )
      .executeTakeFirst();
    if (!row)
      throw invalidInput(`No app "${ref}"`, [{ field: 'app', message: `no app named or numbered "${ref}"` }]);
    appId = Number(row.id);
    app = row.name;
  } else if (input.app) {
    throw invalidInput('An Ignore rule gives lines no app', [
      { field: 'app', message: 'only for --action match' },
    ]);
  }
  const priority =
    input.priority ??
    Number(
      (
        await db
          .selectFrom('expense_rules')
          .select(sql<number>`coalesce(max(priority), 0) + 10`.as('next'))
          .executeTakeFirstOrThrow()
      ).next,
    );
  return { action: input.action, appId, app, field: input.field, op: input.op, value, priority };
}

export async function listRules(db: Kysely<DB>): Promise<RuleView[]> {
  const rows = await sql<{
    id: number;
    action: 'match' | 'ignore';
    app_id: number | null;
    app: string | null;
    field: 'vendor' | 'description';
    op: 'contains' | 'equals' | 'regex';
    value: string;
    priority: number;
    created_by: string;
    created_at: Date;
    lines: number;
    amount: number;
  }>`select r.id, r.action, r.app_id, a.name as app, r.field, r.op, r.value, r.priority, r.created_by, r.created_at,
            coalesce(u.lines, 0)::int as lines, coalesce(u.amount, 0)::float8 as amount
     from expense_rules r
     left join apps a on a.id = r.app_id
     left join lateral (
       select count(*) as lines, sum(l.amount_converted) as amount
       from expense_descriptors d join expense_lines l on l.descriptor_id = d.id
       where d.match_kind = 'rule' and d.match_rule_id = r.id and l.manual_app_id is null
         and not l.excluded and l.counted_item
     ) u on true
     order by r.priority, r.id`.execute(db);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    action: r.action,
    appId: r.app_id === null ? null : Number(r.app_id),
    app: r.app,
    field: r.field,
    op: r.op,
    value: r.value,
    priority: r.priority,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    lines: Number(r.lines),
    amount: Number(r.amount),
  }));
}

async function ruleView(db: Kysely<DB>, id: number): Promise<RuleView> {
  const rule = (await listRules(db)).find((r) => r.id === id);
  if (!rule) throw notFound(`No expense rule ${id}`);
  return rule;
}

/** Adds a rule and applies it to every line, past and future, in one audited transaction. */
export async function addRule(roster: Roster, actor: string, input: RuleInput): Promise<RuleView> {
  const { db } = roster.database;
  const id = await db.transaction().execute(async (trx) => {
    await lockDerivations(trx);
    const rule = await checkRule(trx, input);
    const row = await trx
      .insertInto('expense_rules')
      .values({
        action: rule.action,
        app_id: rule.appId,
        field: rule.field,
        op: rule.op,
        value: rule.value,
        priority: rule.priority,
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await reapplyRules(trx);
    await writeAudit(trx, {
      actor,
      action: 'expense-rule.add',
      targetType: 'expense-rule',
      targetId: row.id,
      after: rule,
    });
    return Number(row.id);
  });
  return ruleView(db, id);
}

/** Removes a rule; its lines go to the next rule or to automatic matching, in one audited transaction. */
export async function removeRule(roster: Roster, actor: string, id: number): Promise<void> {
  await roster.database.db.transaction().execute(async (trx) => {
    await lockDerivations(trx);
    const removed = await trx
      .deleteFrom('expense_rules')
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!removed) throw notFound(`No expense rule ${id}`);
    await reapplyRules(trx);
    await writeAudit(trx, {
      actor,
      action: 'expense-rule.remove',
      targetType: 'expense-rule',
      targetId: id,
      before: {
        action: removed.action,
        appId: removed.app_id,
        field: removed.field,
        op: removed.op,
        value: removed.value,
        priority: removed.priority,
      },
    });
  });
}
