import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { describeProviderFaultMatrix } from '../../../test/support/provider-fault-matrix.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { addSource, syncSource } from '../../modules/sources/sources.service.js';
import {
  type RunningGoogleAdmin,
  startGoogleAdmin,
  startGoogleAdminSimulator,
} from '../../simulators/google-admin/google-admin-simulator.js';
import { generateDirectory } from '../../simulators/kit/directory.js';
import { googleWorkspaceSourceKind } from './google-workspace-source.js';

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

describe.each(lanes)('a Google Workspace user deprovisioned, then synced, on %s', (lane) => {
  const directory = generateDirectory({ people: 60, now: new Date('2026-11-01') });
  let roster: TestRoster;
  let sim: RunningGoogleAdmin;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    sim = await startGoogleAdminSimulator({ directory, pageSize: 50 });
  });
  afterAll(async () => {
    await sim.close();
    await roster.close();
  });

  it('is reported suspended and without licences at the next sync', async () => {
    const source = await addSource(roster, 'test', {
      kind: sim.kind,
      name: 'Google Workspace',
      config: { ...sim.source.config, discoverOAuthApps: false },
      credentials: sim.source.credentials,
    });
    expect((await syncSource(roster, 'test', source.id)).status).toBe('succeeded');
    const leaver = directory.people.find((p) => p.accountStatus === 'active' && p.licenses.length > 0)!;
    const observed = () =>
      sql<{ external_id: string; status: string; license_types: string[]; held: number }>`
        select ao.external_id, ao.status, ao.license_types,
               (select count(*)::int from account_licenses al where al.account_id = ao.account_id
                  and al.removed_at is null) as held
        from account_observations ao join apps a on a.id = ao.app_id join users u on u.id = ao.user_id
        where ao.source_id = ${source.id} and a.name = 'Google Workspace' and u.email = ${leaver.email}`
        .execute(roster.database.db)
        .then((r) => r.rows[0]!);
    const before = await observed();
    expect(before).toMatchObject({ status: 'active', held: leaver.licenses.length });

    const result = await googleWorkspaceSourceKind.deprovisioner!.deprovision(
      {
        config: googleWorkspaceSourceKind.configSchema.parse(sim.source.config),
        credentials: googleWorkspaceSourceKind.credentialsSchema!.parse(sim.source.credentials),
        signal: AbortSignal.timeout(60_000),
        outbound: loopbackFetchContext().outbound,
        onCall: () => {},
      },
      {
        app: 'Google Workspace',
        email: leaver.email,
        externalId: before.external_id,
        accountStatus: 'active',
      },
    );
    expect(result.outcome).toBe('done');

    expect((await syncSource(roster, 'test', source.id)).status).toBe('succeeded');
    expect(await observed()).toMatchObject({ status: 'suspended', license_types: [], held: 0 });
  });
});

describeProviderFaultMatrix('Google Workspace', startGoogleAdmin);
