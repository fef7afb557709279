import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProviderFaultMatrix } from '../../../test/support/provider-fault-matrix.js';
import { openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { addSource, syncSource } from '../../modules/sources/sources.service.js';
import {
  type RunningGoogleAdmin,
  startGoogleAdmin,
  startGoogleAdminSimulator,
} from '../../simulators/google-admin/google-admin-simulator.js';
import { generateDirectory } from '../../simulators/kit/directory.js';

describe('a Google Workspace source synced through the engine', () => {
  const directory = generateDirectory({ people: 120, aliasesPerPerson: 3, now: new Date('2026-11-01') });
  let roster: TestRoster;
  let sim: RunningGoogleAdmin;

  beforeAll(async () => {
    roster = await openTestRoster('pglite');
    sim = await startGoogleAdminSimulator({ directory, pageSize: 50 });
  });
  afterAll(async () => {
    await sim.close();
    await roster.close();
  });

  it('is created from the simulator’s source settings and syncs without a rejected record', async () => {
    const source = await addSource(roster, 'test', {
      kind: sim.kind,
      name: 'Google Workspace',
      config: sim.source.config,
      credentials: sim.source.credentials,
    });
    const result = await syncSource(roster, 'test', source.id);
    expect(result.error).toBeNull();
    expect(result.status).toBe('succeeded');
    const listed = directory.people.filter((p) => p.accountStatus !== 'deprovisioned');
    const accounts = await roster.database.db
      .selectFrom('account_observations as a')
      .innerJoin('apps', 'apps.id', 'a.app_id')
      .select(({ fn }) => ['apps.name', fn.countAll<number>().as('n')])
      .where('a.source_id', '=', source.id)
      .groupBy('apps.name')
      .execute();
    const byApp = new Map(accounts.map((a) => [a.name, Number(a.n)]));
    expect(byApp.get('Google Workspace')).toBe(listed.length);
    expect(byApp.size).toBe(1 + new Set(listed.flatMap((p) => p.apps)).size);
    // A second run over the same data completes too (nothing removed, nothing duplicated).
    const again = await syncSource(roster, 'test', source.id);
    expect(again.status).toBe('succeeded');
  });
});

describeProviderFaultMatrix('Google Workspace', startGoogleAdmin);
