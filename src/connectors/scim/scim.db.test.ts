import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProviderFaultMatrix } from '../../../test/support/provider-fault-matrix.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { addSource, syncSource } from '../../modules/sources/sources.service.js';
import { startScimProvider } from '../../simulators/scim/scim-provider.js';
import { type RunningScim, startScimSimulator } from '../../simulators/scim/scim-simulator.js';
import { scimPeople } from '../../simulators/scim/scim-user-store.js';

// Throttling, errors, silence, cut-off and endless pages, revoked tokens, a page served again, a user listed
// on two pages, empty and short listings: the same matrix as every provider connector.
describeProviderFaultMatrix('SCIM', startScimProvider);

const http = { timeoutMs: 5_000, maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 20 };

describe.each(lanes)('a SCIM source through the sync engine on %s', (lane) => {
  let roster: TestRoster;
  let scim: RunningScim;
  let sources = 0;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    // 320 people, every 8th deactivated, on pages of 50: seven pages, the last one short.
    scim = await startScimSimulator({ users: scimPeople(320, { inactiveEvery: 8 }) });
  });
  afterAll(async () => {
    await scim?.close();
    await roster?.close();
  });

  async function addScim(app: string, service: RunningScim = scim) {
    const name = `SCIM ${++sources}`;
    const { config, credentials } = service.source(app);
    await addSource(roster, 'test', {
      kind: 'scim',
      name,
      config: { ...config, pageSize: 50, http },
      credentials,
      schedule: null,
    });
    return name;
  }

  const accountsOf = (app: string) =>
    roster.database.db
      .selectFrom('accounts')
      .innerJoin('apps', 'apps.id', 'accounts.app_id')
      .innerJoin('users', 'users.id', 'accounts.user_id')
      .innerJoin('account_observations as o', 'o.account_id', 'accounts.id')
      .select(['users.email', 'accounts.status', 'accounts.name', 'o.external_id'])
      .where('apps.name', '=', app)
      .where('accounts.removed_at', 'is', null)
      .orderBy('users.email')
      .execute();

  it('lands every user of the service as an account of its app, with its status, across pages', async () => {
    const name = await addScim('Notion');
    const result = await syncSource(roster, 'test', name);
    expect(result.error).toBeNull();
    expect(result.status).toBe('succeeded');
    const accounts = await accountsOf('Notion');
    expect(accounts).toHaveLength(320);
    expect(accounts.filter((a) => a.status === 'suspended')).toHaveLength(40);
    expect(accounts.find((a) => a.email === 'person0016@acme.example')).toEqual({
      email: 'person0016@acme.example',
      status: 'suspended',
      name: 'Person 0016',
      external_id: 'user-0016',
    });
    expect(accounts.find((a) => a.email === 'person0017@acme.example')?.status).toBe('active');
    expect(scim.requests.filter((r) => r.path === '/Users').map((r) => r.query.startIndex)).toEqual([
      '1',
      '51',
      '101',
      '151',
      '201',
      '251',
      '301',
    ]);

    // A user deactivated at the service is suspended by the next sync; nothing else changes.
    const user = scim.store.get('user-0017')!;
    scim.store.replace('user-0017', { ...user, active: false });
    const again = await syncSource(roster, 'test', name);
    expect(again.error).toBeNull();
    expect(again.counters).toMatchObject({ updated: 1, removed: 0 });
    expect((await accountsOf('Notion')).find((a) => a.email === 'person0017@acme.example')?.status).toBe(
      'suspended',
    );
  });

  it('fails a run with a user without an email, naming its row and field, and applies nothing', async () => {
    const users = scimPeople(12);
    users[7] = { id: 'user-nomail', userName: 'jdoe', displayName: 'J. Doe' };
    const broken = await startScimSimulator({ users });
    try {
      const name = await addScim('Linear', broken);
      const result = await syncSource(roster, 'test', name);
      expect(result.status).toBe('failed');
      expect(result.error?.details).toEqual([
        expect.objectContaining({ path: 'Users page from startIndex 1, Resources[7].emails' }),
      ]);
      expect(await accountsOf('Linear')).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});
