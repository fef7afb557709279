import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../../test/support/test-roster.js';
import { importExpenses } from './expense-import.service.js';

const header = 'id,date,amount,currency,vendor,description,report_id,item_type,account,employee_email';

/**
 * An import matches its new descriptors before it writes their lines, so each line is written once, already
 * derived. What the lines say must be what a derivation gives them.
 */
describe.each(lanes)('lines an import writes already derived, on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(() => roster?.close());

  it('a catalog app the first file discovers names the source importing it', async () => {
    const result = await importExpenses(roster, 'test', {
      source: 'Card feed',
      content: Buffer.from(`${header}\ntx-1,2026-01-05,49.00,USD,SLACK T0123,Slack Pro,,,card-1,\n`),
    });
    expect(result.status).toBe('succeeded');
    const slack = await roster.database.db
      .selectFrom('apps')
      .select(['catalog_id', 'discovered_by_source_id'])
      .where('name', '=', 'Slack')
      .executeTakeFirstOrThrow();
    expect(slack).toEqual({ catalog_id: 'slack', discovered_by_source_id: result.source.id });
    const line = await roster.database.db
      .selectFrom('expense_lines')
      .innerJoin('apps', 'apps.id', 'expense_lines.app_id')
      .select(['apps.name', 'expense_lines.status', 'expense_lines.amount_converted'])
      .where('expense_lines.source_id', '=', result.source.id)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ name: 'Slack', status: 'matched', amount_converted: 49 });
  });

  it('new lines of a second source take the app, conversion and duplicate the derivation gives', async () => {
    const result = await importExpenses(roster, 'test', {
      source: 'Expense reports',
      content: Buffer.from(
        `${header}\nr-1,2026-01-05,49.00,USD,SLACK T0123,Slack Pro,,,,\nr-2,2026-01-06,10,EUR,SLACK T0123,Slack Pro,,,,\n`,
      ),
    });
    expect(result.status).toBe('succeeded');
    const lines = await roster.database.db
      .selectFrom('expense_lines')
      .select(['external_id', 'status', 'amount_converted'])
      .where('source_id', '=', result.source.id)
      .orderBy('external_id')
      .execute();
    expect(lines).toEqual([
      { external_id: 'r-1', status: 'duplicate', amount_converted: 49 },
      // No EUR rate: unconverted, counted in no total.
      { external_id: 'r-2', status: 'matched', amount_converted: null },
    ]);
  });
});
