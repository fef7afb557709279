import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { generateDirectory } from '../../simulators/kit/directory.js';
import type { RunningProvider } from '../../simulators/kit/simulated-provider.js';
import {
  type GraphPermission,
  type GraphSimulatorOptions,
  startMicrosoftGraph,
} from '../../simulators/microsoft-graph/graph-simulator.js';
import { ConnectorError } from '../kit/connector-error.js';
import type { DeprovisionTarget } from '../kit/deprovision.js';
import type { ProviderCall } from '../kit/provider-http.js';
import type { SourceRecordInput } from '../kit/records.js';
import { microsoftEntraSourceKind } from './microsoft-entra-source.js';

const now = new Date('2026-11-01T00:00:00Z');
const directory = generateDirectory({ people: 60, now });
const fast = { baseDelayMs: 1, maxDelayMs: 20 };
const deprovisioner = microsoftEntraSourceKind.deprovisioner!;
const readPermissions: GraphPermission[] = [
  'User.Read.All',
  'AuditLog.Read.All',
  'Domain.Read.All',
  'Organization.Read.All',
  'Application.Read.All',
  'GroupMember.Read.All',
];

let running: RunningProvider[] = [];
afterEach(async () => {
  await Promise.all(running.map((p) => p.close()));
  running = [];
});

async function start(options: Partial<GraphSimulatorOptions> = {}): Promise<RunningProvider> {
  const provider = await startMicrosoftGraph({
    directory,
    guests: 2,
    pageSize: 20,
    retryAfterSeconds: 0,
    ...options,
  });
  running.push(provider);
  return provider;
}

const configOf = (provider: RunningProvider) =>
  microsoftEntraSourceKind.configSchema.parse({ ...provider.source.config, http: fast });

/** Deprovisions one target, keeping the calls the deprovisioner reported. */
async function deprovision(provider: RunningProvider, target: DeprovisionTarget) {
  const calls: ProviderCall[] = [];
  const run = deprovisioner.deprovision(
    {
      config: configOf(provider),
      credentials: provider.source.credentials as never,
      signal: AbortSignal.timeout(60_000),
      outbound: loopbackFetchContext().outbound,
      onCall: (call) => calls.push(call),
    },
    target,
  );
  return { run, calls };
}

/** What a sync reads afterwards: the account on Microsoft 365 of that user. */
async function syncedAccount(provider: RunningProvider, id: string) {
  const records: SourceRecordInput[] = [];
  for await (const page of microsoftEntraSourceKind.fetch({
    config: microsoftEntraSourceKind.configSchema.parse({
      ...provider.source.config,
      http: fast,
      discoverApps: false,
    }),
    credentials: provider.source.credentials as never,
    input: undefined,
    signal: AbortSignal.timeout(60_000),
    ...loopbackFetchContext(),
  }))
    records.push(...page.records);
  return records.find(
    (r): r is Extract<SourceRecordInput, { type: 'account' }> => r.type === 'account' && r.externalId === id,
  );
}

const licensed = directory.people.find((p) => p.accountStatus === 'active' && p.licenses.length >= 2)!;
const target = (person = licensed, overrides: Partial<DeprovisionTarget> = {}): DeprovisionTarget => ({
  app: 'Microsoft 365',
  email: person.email,
  externalId: person.id,
  accountStatus: 'active',
  ...overrides,
});
const writes = (calls: ProviderCall[]) => calls.filter((c) => c.method !== 'GET');

describe('deprovisioning through Microsoft Graph', () => {
  it('declares the capability and handles only its own app, Microsoft 365', async () => {
    expect(microsoftEntraSourceKind.capabilities.deprovisioning).toBe(true);
    const config = configOf(await start());
    expect(deprovisioner.handles(config, 'Microsoft 365')).toBe(true);
    expect(deprovisioner.handles(config, 'Slack')).toBe(false);
    expect(deprovisioner.describe(config, 'Microsoft 365')).toMatch(
      /Blocks .*sign-in .*removes every licence/,
    );
  });

  it('blocks sign-in and removes every licence, and a sync then sees the user suspended without licences', async () => {
    const provider = await start();
    const before = await syncedAccount(provider, licensed.id);
    expect(before).toMatchObject({ status: 'active' });
    expect(before!.licenseTypes).toHaveLength(licensed.licenses.length);

    const { run, calls } = await deprovision(provider, target());
    expect(await run).toEqual({
      outcome: 'done',
      summary: `Blocked sign-in and removed ${licensed.licenses.length} licences`,
    });
    const base = `${provider.url}/v1.0/users/${licensed.id}`;
    expect(calls).toEqual([
      { method: 'GET', url: base, status: 200 },
      { method: 'PATCH', url: base, status: 204 },
      { method: 'POST', url: `${base}/assignLicense`, status: 200 },
    ]);
    const after = await syncedAccount(provider, licensed.id);
    expect(after).toMatchObject({ status: 'suspended', licenseTypes: [] });
  });

  it('answers already the second time, and writes nothing', async () => {
    const provider = await start();
    await (await deprovision(provider, target())).run;
    const again = await deprovision(provider, target());
    expect(await again.run).toEqual({
      outcome: 'already',
      summary: 'Sign-in was already blocked and no licence was assigned directly',
    });
    expect(again.calls.map((c) => `${c.method} ${c.status}`)).toEqual(['GET 200']);
  });

  it('removes the licences of a user whose sign-in was already blocked', async () => {
    const provider = await start();
    const blocked = directory.people.find((p) => p.accountStatus === 'suspended' && p.licenses.length > 0)!;
    const { run, calls } = await deprovision(provider, target(blocked, { accountStatus: 'suspended' }));
    expect(await run).toMatchObject({
      outcome: 'done',
      summary: expect.stringMatching(/^Sign-in was already blocked and removed \d licences?$/),
    });
    expect(writes(calls).map((c) => c.method)).toEqual(['POST']);
    expect(await syncedAccount(provider, blocked.id)).toMatchObject({
      status: 'suspended',
      licenseTypes: [],
    });
  });

  it('leaves licences a group hands out, which Graph cannot remove from the user, and says so', async () => {
    const provider = await start({ groupLicensed: ['SPE_E3'] });
    const member = directory.people.find(
      (p) => p.accountStatus === 'active' && p.licenses.includes('SPE_E3') && p.licenses.length >= 2,
    )!;
    const { run, calls } = await deprovision(provider, target(member));
    const direct = member.licenses.length - 1;
    expect(await run).toEqual({
      outcome: 'done',
      summary: `Blocked sign-in and removed ${direct} licence${direct === 1 ? '' : 's'}; 1 licence comes from group membership and stays until the user leaves those groups`,
    });
    expect(calls.map((c) => `${c.method} ${c.status}`)).toEqual(['GET 200', 'PATCH 204', 'POST 200']);
    expect(await syncedAccount(provider, member.id)).toMatchObject({
      status: 'suspended',
      licenseTypes: ['Microsoft 365 E3'],
    });
    const again = await deprovision(provider, target(member));
    expect(await again.run).toMatchObject({ outcome: 'already' });
  });

  it('answers already for a user Entra deleted (404 Request_ResourceNotFound)', async () => {
    const provider = await start();
    const deleted = directory.people.find((p) => p.accountStatus === 'deprovisioned')!;
    const { run, calls } = await deprovision(provider, target(deleted));
    expect(await run).toMatchObject({ outcome: 'already', summary: expect.stringContaining('deleted') });
    expect(calls).toEqual([
      {
        method: 'GET',
        url: `${provider.url}/v1.0/users/${deleted.id}`,
        status: 404,
        detail: expect.stringContaining('(Request_ResourceNotFound)'),
      },
    ]);
  });

  it('looks the user up by address when Roster has no id for it', async () => {
    const provider = await start();
    const { run, calls } = await deprovision(provider, target(licensed, { externalId: null }));
    expect(await run).toMatchObject({ outcome: 'done' });
    expect(calls.map((c) => `${c.method} ${c.url.replace(provider.url, '')}`)).toEqual([
      'GET /v1.0/users',
      `GET /v1.0/users/${licensed.id}`,
      `PATCH /v1.0/users/${licensed.id}`,
      `POST /v1.0/users/${licensed.id}/assignLicense`,
    ]);
    expect(await syncedAccount(provider, licensed.id)).toMatchObject({
      status: 'suspended',
      licenseTypes: [],
    });
    // No user has the address: nothing to remove.
    const unknown = await deprovision(
      provider,
      target(licensed, { externalId: null, email: 'nobody@acme.example' }),
    );
    expect(await unknown.run).toMatchObject({ outcome: 'already' });
  });

  it('retries throttled writes (429 with Retry-After) and succeeds', async () => {
    const provider = await start({ faults: { throttleEvery: 1 } });
    const { run, calls } = await deprovision(provider, target());
    expect(await run).toMatchObject({ outcome: 'done' });
    expect(calls.map((c) => `${c.method} ${c.status}`)).toEqual([
      'GET 429',
      'GET 200',
      'PATCH 429',
      'PATCH 204',
      'POST 429',
      'POST 200',
    ]);
    expect(calls[2]!.detail).toContain('(TooManyRequests)');
    provider.faults.set({});
    expect(await syncedAccount(provider, licensed.id)).toMatchObject({
      status: 'suspended',
      licenseTypes: [],
    });
  });

  it('fails with Graph’s 403 Authorization_RequestDenied without the write permissions, naming them', async () => {
    const provider = await start({ permissions: readPermissions });
    const { run, calls } = await deprovision(provider, target());
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('permission');
    expect((error as ConnectorError).message).toContain(
      'Insufficient privileges to complete the operation. (Authorization_RequestDenied)',
    );
    expect((error as ConnectorError).message).toContain('User.EnableDisableAccount.All');
    expect(calls.map((c) => `${c.method} ${c.status}`)).toEqual(['GET 200', 'PATCH 403']);
    expect(calls[1]!.detail).toContain('Authorization_RequestDenied');
    // Nothing changed at Entra.
    expect(await syncedAccount(provider, licensed.id)).toMatchObject({ status: 'active' });
  });

  it('blocks sign-in with User.ReadWrite.All alone, the broader permission', async () => {
    const provider = await start({ permissions: [...readPermissions, 'User.ReadWrite.All'] });
    expect(await (await deprovision(provider, target())).run).toMatchObject({ outcome: 'done' });
  });

  it('plans the calls without sending any', async () => {
    const provider = await start();
    const config = configOf(provider);
    const planned = deprovisioner.plan(config, target());
    expect(planned.map((c) => `${c.method} ${c.url.replace(provider.url, '')}`)).toEqual([
      `GET /v1.0/users/${licensed.id}`,
      `PATCH /v1.0/users/${licensed.id}`,
      `POST /v1.0/users/${licensed.id}/assignLicense`,
    ]);
    const lookedUp = deprovisioner.plan(config, target(licensed, { externalId: null }));
    expect(lookedUp[0]).toMatchObject({ method: 'GET', purpose: expect.stringContaining(licensed.email) });
    expect(lookedUp.slice(1).every((c) => c.url.includes('{id}'))).toBe(true);
    expect(provider.requests).toBe(0);
  });
});
