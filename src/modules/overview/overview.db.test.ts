import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../../test/support/http.js';
import { account, ago, syncRecords } from '../../../test/support/records.js';
import { lanes } from '../../../test/support/test-roster.js';
import { jobWorkerOptions } from '../../jobs/start-worker.js';
import { ensureLicenseStates } from '../licenses/license-store.js';
import { inactiveSummary } from '../licenses/licenses.repo.js';
import { loadOverview } from './overview.repo.js';
import { overviewFigures } from './overview-figures.js';

describe('GET /api/overview', () => {
  const ctx = useTestServer(async ({ roster }) => {
    const { id } = await roster.database.db
      .insertInto('sources')
      .values({ kind: 'scripted', name: 'Jira feed', config: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncRecords(roster, id, [
      { type: 'license_type', app: 'Jira', name: 'Standard', purchased: 5, pricePerUserCents: 1000 },
      account('ann@acme.io', 'Jira', { licenseTypes: ['Standard'], lastUsedAt: ago(2) }),
      account('bob@acme.io', 'Jira', { licenseTypes: ['Standard'], lastUsedAt: ago(200) }),
      account('cy@acme.io', 'Confluence'),
    ]);
  });

  it('counts apps, people and licenses as the lists do, with utilisation, reasons and discovery', async () => {
    const response = await ctx.server.app.inject({
      url: '/api/overview',
      headers: ctx.server.as('read-only'),
    });
    expect(response.statusCode).toBe(200);
    const overview = response.json();
    expect(overview).toMatchObject({
      apps: 2,
      people: 3,
      licenses: 2,
      inactiveLicenses: 1,
      usageUnknownLicenses: 0,
      annualLicenseCost: 240,
      spend: null,
      inactiveByReason: { no_usage_in_threshold: 1 },
    });
    expect(overview.utilisation).toEqual([
      expect.objectContaining({ app: 'Jira', purchased: 5, assigned: 2, active: 1, inactive: 1 }),
    ]);
    expect(overview.discovered).toEqual([{ month: new Date().toISOString().slice(0, 7), apps: 2 }]);
    // The inactive list agrees with the overview's count.
    const inactive = await ctx.server.app.inject({
      url: '/api/licenses/inactive',
      headers: ctx.server.as('read-only'),
    });
    expect(inactive.json().items).toHaveLength(overview.inactiveLicenses);
  });

  it('is organisation-wide, so app owners may not read it', async () => {
    const response = await ctx.server.app.inject({
      url: '/api/overview',
      headers: ctx.server.as('app-owner'),
    });
    expect(response.statusCode).toBe(403);
  });
});

describe.each(lanes)('the Overview and the stored license states on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      const { id } = await roster.database.db
        .insertInto('sources')
        .values({ kind: 'scripted', name: 'Jira feed', config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await syncRecords(roster, id, [
        { type: 'license_type', app: 'Jira', name: 'Standard', pricePerUserCents: 1000 },
        // Used an hour short of the 90-day threshold: active now, inactive two hours from now.
        account('ann@acme.io', 'Jira', { licenseTypes: ['Standard'], lastUsedAt: ago(90 - 1 / 24) }),
        account('bob@acme.io', 'Jira', { licenseTypes: ['Standard'], lastUsedAt: ago(200) }),
      ]);
    },
    { lane },
  );

  it('counts what the inactive summary counts, from the same stored states, until they are recomputed', async () => {
    await ensureLicenseStates(ctx.roster.database, new Date());
    const later = new Date(Date.now() + 2 * 3_600_000);
    const overview = await loadOverview(ctx.roster, later);
    const summary = await inactiveSummary(ctx.roster, later);
    expect(summary).toEqual([expect.objectContaining({ app: 'Jira', inactive: 1 })]);
    expect(overview).toMatchObject({ licenses: 2, inactiveLicenses: 1, annualLicenseCost: 240 });
    expect(overview.utilisation).toEqual([expect.objectContaining({ app: 'Jira', active: 1, inactive: 1 })]);
  });
});

describe.each(lanes)('the Overview’s figures kept by the job worker on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      const { id } = await roster.database.db
        .insertInto('sources')
        .values({ kind: 'scripted', name: 'Jira feed', config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await syncRecords(roster, id, [account('ann@acme.io', 'Jira')]);
    },
    { lane },
  );

  it('are computed by the worker’s poll, read ready, and computed again once the data changes', async () => {
    const { db } = ctx.roster.database;
    await jobWorkerOptions(ctx.roster).beforePoll?.();
    // An app added where the generation cannot see it: the figures read are the ones the worker computed.
    await sql`alter table apps disable trigger user`.execute(db);
    try {
      await db.insertInto('apps').values({ name: 'Unseen' }).execute();
    } finally {
      await sql`alter table apps enable trigger user`.execute(db);
    }
    expect((await overviewFigures(ctx.roster)).apps).toBe(1);
    const read = await ctx.server.app.inject({ url: '/api/v1/overview', headers: ctx.server.as('admin') });
    expect(read.json().apps).toBe(1);
    await db.insertInto('apps').values({ name: 'Figma' }).execute();
    expect((await overviewFigures(ctx.roster)).apps).toBe(3);
  });
});
