import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import {
  type GoogleAdminOptions,
  type RunningGoogleAdmin,
  startGoogleAdminSimulator,
} from '../../simulators/google-admin/google-admin-simulator.js';
import { generateDirectory } from '../../simulators/kit/directory.js';
import { ConnectorError } from '../kit/connector-error.js';
import type { DeprovisionTarget } from '../kit/deprovision.js';
import type { ProviderCall } from '../kit/provider-http.js';
import type { SourceRecordInput } from '../kit/records.js';
import { googleWorkspaceSourceKind } from './google-workspace-source.js';

const directory = generateDirectory({ people: 60, now: new Date('2026-11-01T00:00:00Z') });
const fast = { baseDelayMs: 1, maxDelayMs: 20 };
const deprovisioner = googleWorkspaceSourceKind.deprovisioner!;
const running: RunningGoogleAdmin[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function simulate(options: Partial<GoogleAdminOptions> = {}) {
  const sim = await startGoogleAdminSimulator({ directory, pageSize: 25, retryAfterSeconds: 0, ...options });
  running.push(sim);
  return sim;
}

const configOf = (sim: RunningGoogleAdmin, extra: Record<string, unknown> = {}) =>
  googleWorkspaceSourceKind.configSchema.parse({ ...sim.source.config, http: fast, ...extra });

async function deprovision(sim: RunningGoogleAdmin, target: DeprovisionTarget, credentials?: unknown) {
  const calls: ProviderCall[] = [];
  const run = deprovisioner.deprovision(
    {
      config: configOf(sim),
      credentials: googleWorkspaceSourceKind.credentialsSchema!.parse(credentials ?? sim.source.credentials),
      signal: AbortSignal.timeout(60_000),
      outbound: loopbackFetchContext().outbound,
      onCall: (call) => calls.push(call),
    },
    target,
  );
  return { run, calls };
}

type Account = Extract<SourceRecordInput, { type: 'account' }>;

/** What a sync reads: the Google Workspace account of an address. */
async function syncedAccount(sim: RunningGoogleAdmin, email: string): Promise<Account | undefined> {
  const records: SourceRecordInput[] = [];
  for await (const page of googleWorkspaceSourceKind.fetch({
    config: configOf(sim, { discoverOAuthApps: false }),
    credentials: googleWorkspaceSourceKind.credentialsSchema!.parse(sim.source.credentials),
    input: undefined,
    signal: AbortSignal.timeout(60_000),
    ...loopbackFetchContext(),
  }))
    records.push(...page.records);
  return records.find(
    (r): r is Account => r.type === 'account' && r.app === 'Google Workspace' && r.email === email,
  );
}

const licensed = directory.people.find((p) => p.accountStatus === 'active' && p.licenses.length >= 2)!;
const target = async (
  sim: RunningGoogleAdmin,
  person = licensed,
  overrides: Partial<DeprovisionTarget> = {},
): Promise<DeprovisionTarget> => ({
  app: 'Google Workspace',
  email: person.email,
  externalId: (await syncedAccount(sim, person.email))?.externalId ?? null,
  accountStatus: 'active',
  ...overrides,
});
const summary = (calls: ProviderCall[]) => calls.map((c) => `${c.method} ${c.status}`);

describe('deprovisioning through the Google Admin SDK', () => {
  it('declares the capability and handles only its own app, Google Workspace', async () => {
    expect(googleWorkspaceSourceKind.capabilities.deprovisioning).toBe(true);
    const config = configOf(await simulate());
    expect(deprovisioner.handles(config, 'Google Workspace')).toBe(true);
    expect(deprovisioner.handles(config, 'Slack')).toBe(false);
    expect(deprovisioner.describe(config, 'Google Workspace')).toMatch(
      /^Suspends the user .*removes their licences/,
    );
  });

  it('suspends the user and removes each licence, and a sync then sees the account suspended without licences', async () => {
    const sim = await simulate();
    const before = await syncedAccount(sim, licensed.email);
    expect(before).toMatchObject({ status: 'active' });
    expect(before!.licenseTypes).toHaveLength(licensed.licenses.length);

    const account = await target(sim);
    const { run, calls } = await deprovision(sim, account);
    expect(await run).toEqual({
      outcome: 'done',
      summary: `Suspended the user and removed ${licensed.licenses.length} licences`,
    });
    const userUrl = `${sim.url}/admin/directory/v1/users/${account.externalId}`;
    expect(calls[0]).toEqual({ method: 'GET', url: userUrl, status: 200 });
    // The assignments of every configured product are read (page by page) to find the user's.
    const listings = calls.slice(1).filter((c) => c.method === 'GET');
    expect(new Set(listings.map((c) => c.url))).toEqual(
      new Set(
        (configOf(sim).licenseProducts as string[]).map(
          (p) => `${sim.url}/apps/licensing/v1/product/${p}/users`,
        ),
      ),
    );
    expect(summary(calls.filter((c) => c.method !== 'GET'))).toEqual([
      'PUT 200',
      ...Array(licensed.licenses.length).fill('DELETE 204'),
    ]);
    expect(calls.find((c) => c.method === 'PUT')!.url).toBe(userUrl);
    expect(calls.at(-1)!.url).toMatch(
      new RegExp(`/apps/licensing/v1/product/[^/]+/sku/\\d+/user/${encodeURIComponent(licensed.email)}$`),
    );
    expect(await syncedAccount(sim, licensed.email)).toMatchObject({ status: 'suspended', licenseTypes: [] });
  });

  it('answers already the second time, and writes nothing', async () => {
    const sim = await simulate();
    const account = await target(sim);
    await (await deprovision(sim, account)).run;
    const again = await deprovision(sim, account);
    expect(await again.run).toEqual({
      outcome: 'already',
      summary: 'The user was already suspended and held no licence',
    });
    expect(again.calls.every((c) => c.method === 'GET' && c.status === 200)).toBe(true);
  });

  it('removes the licences of a user who was already suspended', async () => {
    const sim = await simulate();
    const leaver = directory.people.find(
      (p, i) => p.accountStatus === 'suspended' && p.licenses.length > 0 && i % 2 === 0,
    )!;
    const before = await syncedAccount(sim, leaver.email);
    expect(before).toMatchObject({ status: 'suspended' });
    const { run, calls } = await deprovision(sim, await target(sim, leaver, { accountStatus: 'suspended' }));
    expect(await run).toMatchObject({
      outcome: 'done',
      summary: expect.stringMatching(/^The user was already suspended and removed \d licences?$/),
    });
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    expect(await syncedAccount(sim, leaver.email)).toMatchObject({ licenseTypes: [] });
  });

  it('answers already for a user Google deleted (404)', async () => {
    const sim = await simulate();
    const deleted = directory.people.find((p) => p.accountStatus === 'deprovisioned')!;
    const { run, calls } = await deprovision(sim, {
      app: 'Google Workspace',
      email: deleted.email,
      externalId: '199999999999999999999',
      accountStatus: 'deleted',
    });
    expect(await run).toMatchObject({ outcome: 'already', summary: expect.stringContaining('deleted') });
    expect(calls).toEqual([
      {
        method: 'GET',
        url: `${sim.url}/admin/directory/v1/users/199999999999999999999`,
        status: 404,
        detail: 'Resource Not Found: userKey',
      },
    ]);
  });

  it('looks the user up by address when Roster has no id for it', async () => {
    const sim = await simulate();
    const { run, calls } = await deprovision(sim, await target(sim, licensed, { externalId: null }));
    expect(await run).toMatchObject({ outcome: 'done' });
    expect(calls[0]!.url).toBe(`${sim.url}/admin/directory/v1/users/${encodeURIComponent(licensed.email)}`);
    expect(await syncedAccount(sim, licensed.email)).toMatchObject({ status: 'suspended', licenseTypes: [] });
  });

  it('retries Google’s throttling (403 rateLimitExceeded, userRateLimitExceeded, 429) and succeeds', async () => {
    const sim = await simulate();
    const account = await target(sim);
    sim.faults.set({ throttleEvery: 1 });
    const { run, calls } = await deprovision(sim, account);
    expect(await run).toMatchObject({ outcome: 'done' });
    const writes = calls.filter((c) => c.method !== 'GET');
    // Every distinct request is throttled once, then served.
    expect(writes.filter((c) => c.status === 403 || c.status === 429)).toHaveLength(
      1 + licensed.licenses.length,
    );
    expect(writes.filter((c) => c.status === 200 || c.status === 204)).toHaveLength(
      1 + licensed.licenses.length,
    );
    expect(calls.map((c) => c.detail).filter(Boolean)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Rate Limit Exceeded|Too Many Requests|Quota exceeded/)]),
    );
    sim.faults.set({});
    expect(await syncedAccount(sim, licensed.email)).toMatchObject({ status: 'suspended', licenseTypes: [] });
  });

  it('fails with Google’s 403 insufficientPermissions for a token without the write scope, naming the scope', async () => {
    const sim = await simulate({
      staticTokenScopes: [
        'admin.directory.user.readonly',
        'admin.directory.domain.readonly',
        'apps.licensing',
      ],
    });
    const account = await target(sim);
    const { run, calls } = await deprovision(sim, account, { accessToken: sim.staticAccessToken });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('permission');
    expect((error as ConnectorError).message).toContain('Request had insufficient authentication scopes.');
    expect((error as ConnectorError).message).toContain(
      'https://www.googleapis.com/auth/admin.directory.user scope',
    );
    expect(calls.at(-1)).toMatchObject({
      method: 'PUT',
      status: 403,
      detail: 'Request had insufficient authentication scopes.',
    });
    expect(await syncedAccount(sim, licensed.email)).toMatchObject({ status: 'active' });
  });

  it('names the scope when the delegation does not include it', async () => {
    const sim = await simulate({
      delegatedScopes: ['admin.directory.user.readonly', 'admin.directory.domain.readonly', 'apps.licensing'],
    });
    const { run } = await deprovision(sim, { ...(await target(sim)), externalId: null });
    const error = (await run.then(
      () => undefined,
      (e: unknown) => e,
    )) as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.code).toBe('auth');
    expect(error.message).toContain('unauthorized_client');
    expect(error.message).toContain('admin.directory.user scope (not only .readonly)');
  });

  it('refuses to suspend the admin the source acts as, writing nothing', async () => {
    const sim = await simulate();
    const { run, calls } = await deprovision(sim, {
      app: 'Google Workspace',
      email: sim.adminEmail,
      externalId: null,
      accountStatus: 'active',
    });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).message).toContain('is the admin this source acts as');
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
  });

  it('plans the calls without sending any', async () => {
    const sim = await simulate();
    const config = configOf(sim);
    const planned = deprovisioner.plan(config, {
      app: 'Google Workspace',
      email: licensed.email,
      externalId: '100000000000000000001',
      accountStatus: 'active',
    });
    expect(planned.map((c) => `${c.method} ${c.url.replace(sim.url, '')}`)).toEqual([
      'GET /admin/directory/v1/users/100000000000000000001',
      ...(config.licenseProducts as string[]).map((p) => `GET /apps/licensing/v1/product/${p}/users`),
      'PUT /admin/directory/v1/users/100000000000000000001',
      'DELETE /apps/licensing/v1/product/{productId}/sku/{skuId}/user/{primaryEmail}',
    ]);
    const lookedUp = deprovisioner.plan(config, {
      app: 'Google Workspace',
      email: licensed.email,
      externalId: null,
      accountStatus: 'active',
    });
    expect(lookedUp[0]!.purpose).toContain(licensed.email);
    expect(sim.requests).toBe(0);
  });
});
