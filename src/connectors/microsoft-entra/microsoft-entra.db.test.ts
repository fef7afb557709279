import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { describeProviderFaultMatrix } from '../../../test/support/provider-fault-matrix.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { explainAppUsers } from '../../modules/explain/explain-app.js';
import { configureMerge, previewMerge } from '../../modules/merge/merge.service.js';
import { updateSettings } from '../../modules/settings/settings.service.js';
import { addSource, syncSource } from '../../modules/sources/sources.service.js';
import { generateDirectory } from '../../simulators/kit/directory.js';
import type { RunningProvider } from '../../simulators/kit/simulated-provider.js';
import { startMicrosoftGraph } from '../../simulators/microsoft-graph/graph-simulator.js';
import { microsoftEntraSourceKind } from './microsoft-entra-source.js';

const directory = generateDirectory({ people: 80, aliasesPerPerson: 1, now: new Date() });
const listed = directory.people.filter((p) => p.accountStatus !== 'deprovisioned');

describe.each(lanes)('A Microsoft Entra ID source synced through the engine on %s', (lane) => {
  let roster: TestRoster;
  const providers: RunningProvider[] = [];
  const add = async (
    name: string,
    options: { premium?: boolean } = {},
    started?: (p: RunningProvider) => void,
  ) => {
    const provider = await startMicrosoftGraph({
      directory,
      guests: 4,
      pageSize: 25,
      retryAfterSeconds: 0,
      ...options,
    });
    providers.push(provider);
    started?.(provider);
    const source = await addSource(roster, 'test', {
      kind: provider.kind,
      name,
      config: { ...provider.source.config, http: { baseDelayMs: 1, maxDelayMs: 20 } },
      credentials: provider.source.credentials,
    });
    return source.id;
  };
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    (await query.execute(roster.database.db)).rows[0]!.n;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await updateSettings(roster, 'test', { domains: [directory.domain, ...directory.aliasDomains] });
  });
  afterAll(async () => {
    await Promise.all(providers.map((p) => p.close()));
    await roster.close();
  });

  it('applies users, licences, employees, aliases and enterprise apps, and changes nothing the second time', async () => {
    const id = await add('Entra ID');
    const first = await syncSource(roster, 'test', id);
    expect(first.error).toBeNull();
    expect(first.status).toBe('succeeded');
    expect(
      await count(sql`select count(*)::int as n from account_observations ac join apps a on a.id = ac.app_id
                      where a.name = 'Microsoft 365' and ac.source_id = ${id} and ac.removed_at is null`),
    ).toBe(listed.length + 4);
    expect(
      await count(
        sql`select count(*)::int as n from account_observations where role = 'guest' and source_id = ${id}`,
      ),
    ).toBe(4);
    expect(await count(sql`select count(*)::int as n from employees where source_id = ${id}`)).toBe(
      listed.length,
    );
    expect(
      (
        await sql<{
          name: string;
          purchased: number;
        }>`select name, purchased from license_types where source_id = ${id} order by name`.execute(
          roster.database.db,
        )
      ).rows,
    ).toEqual(
      directory.skus
        .map((s) => ({ name: s.name, purchased: s.purchased }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
    const assigned = listed.reduce((n, p) => n + p.licenses.length, 0);
    expect(
      await count(sql`select count(*)::int as n from account_licenses al join license_types lt on lt.id = al.license_type_id
                      where lt.source_id = ${id} and al.removed_at is null`),
    ).toBe(assigned);
    expect(
      await count(
        sql`select count(distinct app_id)::int as n from account_observations where source_id = ${id} and removed_at is null`,
      ),
    ).toBe(1 + directory.apps.filter((a) => listed.some((p) => p.apps.includes(a.name))).length);
    expect(
      await count(
        sql`select count(*)::int as n from identity_aliases where source_id = ${id} and field = 'proxyAddresses'`,
      ),
    ).toBeGreaterThan(listed.length * 2);

    expect(await count(sql`select count(*)::int as n from usage where source_id = ${id}`)).toBe(
      listed.filter((p) => p.lastSignInAt).length + 3,
    );

    const second = await syncSource(roster, 'test', id);
    expect(second.status).toBe('succeeded');
    expect(second.counters).toMatchObject({ added: 0, updated: 0, removed: 0 });
  });

  it('is the full list of Microsoft 365 users, and only the assigned users of the apps it discovers', async () => {
    const slack = await explainAppUsers(roster, 'Slack');
    expect(slack.sources).toEqual([expect.objectContaining({ name: 'Entra ID', coverage: 'partial' })]);
    expect(slack.causes.find((c) => c.code === 'not_integrated')?.text).toContain('Entra ID');
    const m365 = await explainAppUsers(roster, 'Microsoft 365');
    expect(m365.sources).toEqual([expect.objectContaining({ name: 'Entra ID', coverage: 'full' })]);
    expect(m365.causes.map((c) => c.code)).not.toContain('not_integrated');
  });

  it('offers its proxyAddresses and otherMails, and only those, to Merge Users', async () => {
    await expect(
      configureMerge(roster, 'test', [{ source: 'Entra ID', fields: ['emails'] }]),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await configureMerge(roster, 'test', [{ source: 'Entra ID', fields: ['proxyAddresses', 'otherMails'] }]);
    await expect(previewMerge(roster)).resolves.toBeDefined();
  });

  it('syncs a tenant without Entra ID P1/P2, with last use unknown', async () => {
    const id = await add('Entra ID (no premium)', { premium: false });
    const result = await syncSource(roster, 'test', id);
    expect(result.error).toBeNull();
    expect(result.status).toBe('succeeded');
    expect(await count(sql`select count(*)::int as n from usage where source_id = ${id}`)).toBe(0);
  });

  it('reports a deprovisioned user suspended and without licences at the next sync', async () => {
    let provider!: RunningProvider;
    const id = await add('Entra ID (offboarding)', {}, (p) => {
      provider = p;
    });
    expect((await syncSource(roster, 'test', id)).status).toBe('succeeded');
    const leaver = listed.find((p) => p.accountStatus === 'active' && p.licenses.length > 0)!;
    const observed = () =>
      sql<{ status: string; license_types: string[]; held: number }>`
        select ao.status, ao.license_types,
               (select count(*)::int from account_licenses al where al.account_id = ao.account_id
                  and al.removed_at is null) as held
        from account_observations ao join apps a on a.id = ao.app_id
        where ao.source_id = ${id} and ao.external_id = ${leaver.id} and a.name = 'Microsoft 365'`
        .execute(roster.database.db)
        .then((r) => r.rows[0]);
    expect(await observed()).toMatchObject({ status: 'active', held: leaver.licenses.length });

    const result = await microsoftEntraSourceKind.deprovisioner!.deprovision(
      {
        config: microsoftEntraSourceKind.configSchema.parse({
          ...provider.source.config,
          http: { baseDelayMs: 1, maxDelayMs: 20 },
        }),
        credentials: provider.source.credentials as never,
        signal: AbortSignal.timeout(60_000),
        outbound: loopbackFetchContext().outbound,
        onCall: () => {},
      },
      { app: 'Microsoft 365', email: leaver.email, externalId: leaver.id, accountStatus: 'active' },
    );
    expect(result.outcome).toBe('done');

    expect((await syncSource(roster, 'test', id)).status).toBe('succeeded');
    expect(await observed()).toEqual({ status: 'suspended', license_types: [], held: 0 });
  });
});

// The one provider that also syncs an organisation of 50,000 people in the suite.
describeProviderFaultMatrix('Microsoft Entra ID', startMicrosoftGraph, { largeOrganisation: true });
