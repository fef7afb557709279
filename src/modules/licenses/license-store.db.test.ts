import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, ago, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { findAppId, setInactivityThreshold } from '../apps/apps.service.js';
import { licenseStatesMaxAgeMs } from './license-store.js';
import { licenseCounts, listInactiveLicenses } from './licenses.repo.js';

const day = 86_400_000;

describe.each(lanes)('stored license states on %s', (lane) => {
  let roster: TestRoster;
  let source = 0;
  const inactiveEmails = async (now?: Date) =>
    (await listInactiveLicenses(roster, {}, now ? { now } : {})).items.map((l) => `${l.email} ${l.reason}`);
  const sync = async (lastUsedAt: string) =>
    expect(
      (
        await syncRecords(roster, source, [
          account('ann@acme.io', 'Jira', { licenseTypes: ['Standard'], lastUsedAt }),
          account('bob@acme.io', 'Jira', { licenseTypes: ['Standard'], lastUsedAt: ago(1) }),
        ])
      ).status,
    ).toBe('succeeded');

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    source = (
      await roster.database.db
        .insertInto('sources')
        .values({ kind: 'scripted', name: 'Jira export', config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => roster?.close());

  it('follow a sync: its changes show in the next read', async () => {
    await sync(ago(80));
    expect(await inactiveEmails()).toEqual([]);
    await sync(ago(120));
    expect(await inactiveEmails()).toEqual(['ann@acme.io no_usage_in_threshold']);
    const [counts] = await licenseCounts(roster, await findAppId(roster, 'Jira'));
    expect(counts).toMatchObject({ assigned: 2, active: 1, inactive: 1, usageUnknown: 0 });
  });

  it('follow a threshold change at once', async () => {
    await sync(ago(80));
    expect(await inactiveEmails()).toEqual([]);
    await setInactivityThreshold(roster, 'test', 'Jira', 60);
    expect(await inactiveEmails()).toEqual(['ann@acme.io no_usage_in_threshold']);
    await setInactivityThreshold(roster, 'test', 'Jira', null);
    expect(await inactiveEmails()).toEqual([]);
  });

  it('follow time: read at a later moment, a license that crossed its threshold is inactive', async () => {
    const later = new Date(Date.now() + 20 * day);
    expect(await inactiveEmails(later)).toEqual(['ann@acme.io no_usage_in_threshold']);
    // Back to the present, which is also more than the refresh interval from that later moment.
    expect(20 * day).toBeGreaterThan(licenseStatesMaxAgeMs);
    expect(await inactiveEmails()).toEqual([]);
  });

  it('are recorded as fresh once read, with nothing left marked stale', async () => {
    await sync(ago(5));
    await inactiveEmails();
    const status = await roster.database.db
      .selectFrom('license_states_status')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(status.stale_all).toBe(false);
    expect(status.stale_app_ids).toEqual([]);
    expect(status.computed_at).not.toBeNull();
  });
});
