import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addExpenseSource, insertExpenseLines, lineStates } from '../../../../test/support/expense-lines.js';
import { lanes, openTestRoster, type TestRoster } from '../../../../test/support/test-roster.js';
import { deriveExpenseLines } from '../derive.js';
import { descriptorSuggestionsSchema } from './suggestions.js';

describe.each(lanes)('Matching expense lines to apps on %s', (lane) => {
  let roster: TestRoster;
  let card: number;
  let lines: number[];

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    card = await addExpenseSource(roster, 'Corporate card');
    await roster.database.db.insertInto('apps').values({ name: 'Acme Analytics' }).execute();
    lines = await insertExpenseLines(roster, [
      { source: card, vendor: 'SLACK T0123ABCD 4155550100 CA', amount: 120 },
      { source: card, vendor: 'DROPBOX*ABC123XYZ DROPBOX.COM CA', amount: 20 },
      { source: card, vendor: 'NOTION CAPITAL LLP LONDON GB', amount: 5000 },
      { source: card, vendor: 'SQ *ACME ANALYTICS 855-555-0100 SAN FRANCISCO CA', amount: 99 },
      { source: card, vendor: 'SLACK DROPBOX', amount: 7 },
      { source: card, vendor: 'ACME ANALYTIX', amount: 3 },
    ]);
    await roster.database.db.transaction().execute((trx) => deriveExpenseLines(trx, { sourceIds: [card] }));
  });
  afterAll(() => roster?.close());

  it('matches each line through its descriptor, creating catalog apps the organisation did not have', async () => {
    const states = await lineStates(roster);
    expect(states.map((s) => [s.app, s.status])).toEqual([
      ['Slack', 'matched'],
      ['Dropbox', 'matched'],
      [null, 'unmatched'],
      ['Acme Analytics', 'matched'],
      [null, 'unmatched'],
      [null, 'unmatched'],
    ]);
    const slack = await roster.database.db
      .selectFrom('apps')
      .select(['catalog_id', 'discovered_by_source_id'])
      .where('name', '=', 'Slack')
      .executeTakeFirstOrThrow();
    expect(slack).toEqual({ catalog_id: 'slack', discovered_by_source_id: card });
  });

  it('records how each descriptor matched, its normalised form, and suggestions for the unmatched', async () => {
    const rows = await roster.database.db
      .selectFrom('expense_descriptors')
      .select(['vendor', 'normalised', 'match_kind', 'match_alias', 'suggestions'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.normalised, r.match_kind, r.match_alias])).toEqual([
      ['SLACK', 'automatic', 'Slack'],
      ['DROPBOX DROPBOX COM', 'automatic', 'dropbox.com'],
      ['NOTION CAPITAL', null, null],
      ['ACME ANALYTICS', 'automatic', 'Acme Analytics'],
      ['SLACK DROPBOX', null, null],
      ['ACME ANALYTIX', null, null],
    ]);
    const tie = descriptorSuggestionsSchema.parse(rows[4]?.suggestions);
    expect(tie.map((s) => s.name).sort()).toEqual(['Dropbox', 'Slack']);
    expect(tie[0]?.rule).toEqual({
      action: 'match',
      field: 'vendor',
      op: 'contains',
      value: 'SLACK DROPBOX',
    });
    const close = descriptorSuggestionsSchema.parse(rows[5]?.suggestions);
    expect(close[0]?.name).toBe('Acme Analytics');
    expect(close[0]?.rule?.value).toBe('ACME ANALYTIX');
    expect(descriptorSuggestionsSchema.parse(rows[2]?.suggestions)).toEqual([]);
  });

  it('writes nothing when derived again with nothing changed', async () => {
    // A row's xmin is the transaction that last wrote it: rows left alone keep theirs.
    const stamps = async () => ({
      descriptors: await roster.database.db
        .selectFrom('expense_descriptors')
        .select(['id', 'matched_at', sql<string>`xmin::text`.as('xmin')])
        .orderBy('id')
        .execute(),
      lines: (
        await sql<{ xmin: string }>`select xmin::text from expense_lines order by id`.execute(
          roster.database.db,
        )
      ).rows,
    });
    // The first full run gives the tied suggestions the ids of the apps created meanwhile.
    await roster.database.db.transaction().execute((trx) => deriveExpenseLines(trx, {}));
    const before = await stamps();
    await roster.database.db.transaction().execute((trx) => deriveExpenseLines(trx, {}));
    const after = await stamps();
    expect(after).toEqual(before);
    expect(lines).toHaveLength(6);
  });
});
