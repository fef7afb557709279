import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addExpenseSource, insertExpenseLines } from '../../../../test/support/expense-lines.js';
import { lanes, openTestRoster, type TestRoster } from '../../../../test/support/test-roster.js';
import type { DB } from '../../../db/schema.js';
import { deriveExpenseLines, reapplyRules } from '../derive.js';
import { addRule } from './expense-rules.service.js';

// Vendors the catalog knows (matched automatically), ones only a rule can match, and one nothing matches.
const vendors = [
  'SLACK TECHNOLOGIES',
  'FIGMA INC',
  'ZOOM.US 888-799-9666',
  'DWH CLOUD',
  'AMZN MKTP',
  'CORNER CAFE',
];
const rules = [
  { action: 'match', app: 'Data Warehouse', field: 'vendor', op: 'contains', value: 'DWH' },
  { action: 'match', app: 'Team Chat', field: 'vendor', op: 'regex', value: '^(AMZN|SLACK)' },
  { action: 'ignore', app: null, field: 'vendor', op: 'contains', value: 'ZOOM' },
  { action: 'ignore', app: null, field: 'vendor', op: 'equals', value: 'figma inc' },
  { action: 'match', app: 'Data Warehouse', field: 'vendor', op: 'contains', value: 'FIGMA' },
] as const;

const line = fc.record({
  source: fc.integer({ min: 0, max: 2 }),
  vendor: fc.integer({ min: 0, max: vendors.length - 1 }),
  // Few dates and amounts across two months, so lines of different sources meet as duplicates.
  date: fc.constantFrom('2026-01-05', '2026-01-20', '2026-02-05'),
  amount: fc.constantFrom(10, 25),
  // A line set by hand keeps its app whatever the rules say.
  manual: fc.boolean(),
});

const scenario = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 25 }),
  // Rules standing before the change, by index into `rules`, each with its priority.
  before: fc.uniqueArray(fc.integer({ min: 0, max: rules.length - 1 }), { maxLength: 3 }),
  change: fc.oneof(
    fc.record({
      add: fc.integer({ min: 0, max: rules.length - 1 }),
      priority: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({ remove: fc.nat() }),
  ),
});

class Rollback extends Error {}

/** Everything a derivation decides about the lines, and the totals, in a fixed order. */
async function derivedState(trx: Kysely<DB>) {
  const lines =
    await sql`select id, app_id, ignored, duplicate_of, status from expense_lines order by id`.execute(trx);
  const totals = await sql`select app_id, month::text, status, converted, lines, amount::text,
                                  first_date::text, last_date::text
                           from expense_line_totals order by 1, 2, 3, 4`.execute(trx);
  return { lines: lines.rows, totals: totals.rows };
}

describe.each(lanes)('Re-applying expense rules on %s', (lane) => {
  let roster: TestRoster;
  let sources: number[];
  let apps: Record<string, number>;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    sources = [
      await addExpenseSource(roster, 'Card'),
      await addExpenseSource(roster, 'Reports'),
      await addExpenseSource(roster, 'Payables'),
    ];
    const rows = await roster.database.db
      .insertInto('apps')
      .values([{ name: 'Data Warehouse' }, { name: 'Team Chat' }])
      .returning(['id', 'name'])
      .execute();
    apps = Object.fromEntries(rows.map((r) => [r.name, Number(r.id)]));
  });
  afterAll(() => roster?.close());

  it('gives the same lines and totals as deriving every line again, whatever rule is added or removed', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const outcome = roster.database.db.transaction().execute(async (trx) => {
          const ruleIds: number[] = [];
          for (const [n, r] of s.before.entries()) {
            const rule = rules[r] ?? rules[0];
            const row = await trx
              .insertInto('expense_rules')
              .values({ ...ruleRow(rule), priority: (n + 1) * 10, created_by: 'test' })
              .returning('id')
              .executeTakeFirstOrThrow();
            ruleIds.push(Number(row.id));
          }
          await insertLines(trx, s.lines);
          await deriveExpenseLines(trx, {});

          if ('add' in s.change) {
            const rule = rules[s.change.add] ?? rules[0];
            await trx
              .insertInto('expense_rules')
              .values({ ...ruleRow(rule), priority: s.change.priority, created_by: 'test' })
              .execute();
          } else if (ruleIds.length > 0) {
            await trx
              .deleteFrom('expense_rules')
              .where('id', '=', ruleIds[s.change.remove % ruleIds.length] ?? 0)
              .execute();
          }
          await reapplyRules(trx);
          const scoped = await derivedState(trx);
          await deriveExpenseLines(trx, {});
          const full = await derivedState(trx);
          expect(scoped).toEqual(full);
          throw new Rollback();
        });
        await expect(outcome).rejects.toBeInstanceOf(Rollback);
      }),
      { numRuns: 25 },
    );
  });

  it('rewrites only the totals of the apps and months whose lines a rule moves', async () => {
    const [card] = sources as [number];
    await insertExpenseLines(roster, [
      { source: card, vendor: 'DWH CLOUD', amount: 40, date: '2026-03-10' },
      { source: card, vendor: 'CORNER CAFE', amount: 12, date: '2026-04-10' },
    ]);
    const { db } = roster.database;
    await db.transaction().execute((trx) => deriveExpenseLines(trx, {}));
    const versions = async () => {
      const { rows } = await sql<{ month: string; app_id: number | null; version: string }>`
        select month::text, app_id, xmin::text as version from expense_line_totals
        where month in ('2026-03-01', '2026-04-01') order by month`.execute(db);
      return rows;
    };
    const before = await versions();
    expect(before.map((r) => [r.month, r.app_id])).toEqual([
      ['2026-03-01', null],
      ['2026-04-01', null],
    ]);

    await addRule(roster, 'test', {
      action: 'match',
      app: 'Data Warehouse',
      field: 'vendor',
      op: 'contains',
      value: 'DWH',
    });
    const after = await versions();
    // March's line moved to the app; April's group was not touched, so its row is the same version.
    expect(after.map((r) => [r.month, r.app_id])).toEqual([
      ['2026-03-01', apps['Data Warehouse']],
      ['2026-04-01', null],
    ]);
    expect(after[1]?.version).toBe(before[1]?.version);
  });

  function ruleRow(rule: (typeof rules)[number]) {
    return {
      action: rule.action,
      app_id: rule.app ? (apps[rule.app] ?? null) : null,
      field: rule.field,
      op: rule.op,
      value: rule.value,
    };
  }

  async function insertLines(
    trx: Kysely<DB>,
    lines: (typeof line extends fc.Arbitrary<infer T> ? T : never)[],
  ) {
    await sql`insert into expense_descriptors (vendor, description, normalised)
              select v, '', '' from unnest(${vendors}::text[]) as v
              on conflict (vendor, description) do nothing`.execute(trx);
    const imp = await trx
      .insertInto('expense_imports')
      .values({ source_id: sources[0] as number })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, l] of lines.entries())
      await sql`insert into expense_lines (source_id, external_id, first_import_id, date, amount, currency,
                                           descriptor_id, item_type, amount_converted, manual_app_id)
                select ${sources[l.source]}, ${`p-${i}`}, ${imp.id}, ${l.date}, ${l.amount}, 'USD', d.id, 'line',
                       ${l.amount}, ${l.manual ? (apps['Team Chat'] ?? null) : null}
                from expense_descriptors d where d.vendor = ${vendors[l.vendor]} and d.description = ''`.execute(
        trx,
      );
  }
});
