import { exportPKCS8, generateKeyPair } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import {
  type RunningGoogleAdmin,
  startGoogleAdminSimulator,
} from '../../simulators/google-admin/google-admin-simulator.js';
import { type Directory, generateDirectory } from '../../simulators/kit/directory.js';
import type { FaultOptions } from '../../simulators/kit/faults.js';
import type { Page } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { type SourceRecord, type SourceRecordInput, sourceRecordSchema } from '../kit/records.js';
import { googleThrottle } from './google-client.js';
import { mapBounded, pacer } from './google-oauth-apps.js';
import { lastLogin } from './google-users.js';
import { googleWorkspaceSourceKind } from './google-workspace-source.js';

const now = new Date('2026-11-01T00:00:00Z');
const fast = { baseDelayMs: 1, maxDelayMs: 20 };
const running: RunningGoogleAdmin[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function simulate(
  directory: Directory,
  options: {
    faults?: FaultOptions;
    pageSize?: number;
    tokenLifetimeSeconds?: number;
    delegatedScopes?: string[];
  } = {},
) {
  const sim = await startGoogleAdminSimulator({
    directory,
    pageSize: options.pageSize ?? 25,
    retryAfterSeconds: 0,
    ...options,
  });
  running.push(sim);
  return sim;
}

interface RunOptions {
  config?: Record<string, unknown>;
  credentials?: unknown;
  /** Called after each page is taken, e.g. to expire tokens mid-run. */
  afterPage?: (page: number) => void;
}

async function run(sim: RunningGoogleAdmin, options: RunOptions = {}) {
  const config = googleWorkspaceSourceKind.configSchema.parse({
    ...sim.source.config,
    http: fast,
    ...options.config,
  });
  const credentials = googleWorkspaceSourceKind.credentialsSchema!.parse(
    options.credentials ?? sim.source.credentials,
  );
  const pages: Page[] = [];
  for await (const page of googleWorkspaceSourceKind.fetch({
    config,
    credentials,
    input: undefined,
    signal: AbortSignal.timeout(60_000),
    ...loopbackFetchContext(),
  })) {
    pages.push(page);
    options.afterPage?.(pages.length);
  }
  // What the sync engine would stage: every record must pass its schema.
  const records = pages.flatMap((p) => p.records).map((r) => sourceRecordSchema.parse(r));
  return { pages, records };
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const ofType = <T extends SourceRecord['type']>(records: SourceRecord[], type: T) =>
  records.filter((r): r is Extract<SourceRecord, { type: T }> => r.type === type);

function expected(directory: Directory) {
  const listed = directory.people.filter((p) => p.accountStatus !== 'deprovisioned');
  return {
    listed,
    suspended: listed.filter((p) => p.accountStatus === 'suspended').length,
    neverSignedIn: listed.filter((p) => p.lastSignInAt === null).length,
    aliases: listed.reduce((n, p) => n + 2 * p.aliases.length + (p.personalEmail ? 1 : 0), 0),
    appNames: new Set(listed.flatMap((p) => p.apps)),
    appAccounts: listed.reduce((n, p) => n + p.apps.length, 0),
  };
}

const workspace = (records: SourceRecord[]) =>
  ofType(records, 'account').filter((a) => a.app === 'Google Workspace');

describe('Google Workspace connector against the simulated Admin SDK', () => {
  const directory = generateDirectory({ people: 80, aliasesPerPerson: 2, now });
  const want = expected(directory);

  it('maps users, aliases, domains, licences and OAuth apps, across several pages', async () => {
    const sim = await simulate(directory);
    const { pages, records } = await run(sim);

    const accounts = workspace(records);
    expect(accounts).toHaveLength(want.listed.length);
    expect(new Set(accounts.map((a) => a.email)).size).toBe(want.listed.length);
    expect(accounts.filter((a) => a.status === 'suspended')).toHaveLength(want.suspended);
    expect(want.suspended).toBeGreaterThan(0);
    expect(accounts.filter((a) => a.lastUsedAt === null)).toHaveLength(want.neverSignedIn);
    expect(accounts.every((a) => /^\d{21}$/.test(a.externalId ?? ''))).toBe(true);

    const ann = want.listed.find((p) => p.isAdmin && p.lastSignInAt && p.accountStatus === 'active')!;
    const annAccount = accounts.find((a) => a.email === ann.email)!;
    expect(annAccount.role).toBe('admin');
    expect(annAccount.name).toBe(ann.displayName);
    expect(annAccount.lastUsedAt).toBe(ann.lastSignInAt);
    expect(annAccount.licenseTypes).toHaveLength(ann.licenses.length);
    expect(accounts.find((a) => !want.listed.find((p) => p.email === a.email)?.isAdmin)?.role).toBeNull();

    const employees = ofType(records, 'employee');
    expect(employees).toHaveLength(want.listed.length);
    expect(employees.filter((e) => e.status === 'terminated')).toHaveLength(want.suspended);
    const managed = want.listed.find((p) => p.managerEmail && p.personalEmail)!;
    expect(employees.find((e) => e.email === managed.email)).toMatchObject({
      department: managed.department,
      managerEmail: managed.managerEmail,
      personalEmail: managed.personalEmail,
      attributes: { jobTitle: managed.jobTitle, employeeId: managed.employeeNumber },
    });

    const aliases = ofType(records, 'alias');
    expect(aliases).toHaveLength(want.aliases);
    expect(new Set(aliases.map((a) => a.field))).toEqual(
      new Set(['aliases', 'nonEditableAliases', 'emails']),
    );
    const withAlias = want.listed[0]!;
    expect(aliases.filter((a) => a.primaryEmail === withAlias.email).map((a) => a.value)).toEqual(
      expect.arrayContaining(withAlias.aliases),
    );

    expect(ofType(records, 'domain').map((d) => d.name)).toEqual([
      directory.domain,
      directory.aliasDomains[1],
      directory.aliasDomains[2],
      directory.aliasDomains[0],
    ]);

    const licenseTypes = ofType(records, 'license_type');
    const skus = new Set(want.listed.flatMap((p) => p.licenses));
    expect(licenseTypes).toHaveLength(skus.size);
    expect(licenseTypes.map((l) => l.name)).toContain('Google Workspace Business Standard');
    expect(licenseTypes.every((l) => l.app === 'Google Workspace' && l.purchased === null)).toBe(true);
    const assigned = accounts.reduce((n, a) => n + a.licenseTypes.length, 0);
    expect(assigned).toBe(want.listed.reduce((n, p) => n + p.licenses.length, 0));

    const apps = ofType(records, 'app').filter((a) => a.name !== 'Google Workspace');
    expect(new Set(apps.map((a) => a.name))).toEqual(want.appNames);
    expect(apps.map((a) => a.name)).not.toContain('iOS Account Manager');
    expect(apps.map((a) => a.name)).not.toContain('anonymous');
    const appAccounts = ofType(records, 'account').filter((a) => a.app !== 'Google Workspace');
    expect(appAccounts).toHaveLength(want.appAccounts);
    expect(appAccounts.every((a) => a.status === 'active' && a.lastUsedAt === null)).toBe(true);

    // One page of domains, then one per 25 users, with progress.
    expect(pages).toHaveLength(1 + Math.ceil(want.listed.length / 25));
    expect(pages.at(-1)?.progress).toEqual({ done: want.listed.length });
    expect(sim.tokensIssued).toBe(1);
  });

  it('reads custom schema fields as employee attributes with projection=full', async () => {
    const sim = await simulate(directory);
    const { records } = await run(sim, { config: { projection: 'full', discoverOAuthApps: false } });
    const contractor = want.listed.find((p) => p.kind === 'contractor')!;
    expect(ofType(records, 'employee').find((e) => e.email === contractor.email)?.attributes).toMatchObject({
      'Employment.workerType': 'contractor',
    });
  });

  it('skips the per-user token calls when OAuth discovery is off', async () => {
    const sim = await simulate(directory);
    const { records } = await run(sim, { config: { discoverOAuthApps: false } });
    expect(ofType(records, 'app').map((a) => a.name)).toEqual(['Google Workspace']);
    // Token endpoint, domains, licence pages (4 products) and user pages: nothing per user.
    expect(sim.requests).toBeLessThan(20);
  });

  it('reads with a static access token', async () => {
    const sim = await simulate(directory);
    const { records } = await run(sim, { credentials: { accessToken: sim.staticAccessToken } });
    expect(workspace(records)).toHaveLength(want.listed.length);
    expect(sim.tokensIssued).toBe(0);
  });

  it('completes when every request is throttled once (403 usageLimits and 429, no Retry-After)', async () => {
    const calm = await simulate(directory);
    await run(calm);
    const sim = await simulate(directory, { faults: { throttleEvery: 1 } });
    const { records } = await run(sim);
    expect(workspace(records)).toHaveLength(want.listed.length);
    expect(ofType(records, 'account').length).toBe(want.listed.length + want.appAccounts);
    expect(sim.requests - sim.tokensIssued).toBe(2 * (calm.requests - calm.tokensIssued));
  });

  it('retries a server error, a timeout and a cut-off page', async () => {
    const sim = await simulate(directory, {
      faults: { failPages: [2], timeoutPages: [3], truncatePages: [1] },
    });
    const { records } = await run(sim, { config: { http: { ...fast, timeoutMs: 300 } } });
    expect(workspace(records)).toHaveLength(want.listed.length);
    expect(ofType(records, 'alias')).toHaveLength(want.aliases);
  });

  it('fails as transient when a page keeps failing', async () => {
    const sim = await simulate(directory, { faults: { failPages: [2], faultTimes: 10 } });
    const error = await failure(run(sim, { config: { http: { ...fast, maxAttempts: 3 } } }));
    expect(error.code).toBe('transient');
    expect(error.message).toMatch(/^Google Workspace kept failing on .* after 3 attempts: HTTP 503/);
  });

  it('ends with an auth error naming Google’s words when the grant is revoked mid-run', async () => {
    const sim = await simulate(directory, { faults: { revokeTokenAfterCalls: 5 } });
    const error = await failure(run(sim));
    expect(error.code).toBe('auth');
    expect(error.message).toContain('Request had invalid authentication credentials');
    expect(sim.tokensIssued).toBe(2);
  });

  it('fetches a new token once when the token expires mid-run, and carries on', async () => {
    const sim = await simulate(directory);
    const { records } = await run(sim, { afterPage: (n) => n === 2 && sim.expireTokens() });
    expect(workspace(records)).toHaveLength(want.listed.length);
    expect(sim.tokensIssued).toBe(2);
  });

  it('does not refresh a static access token that was refused', async () => {
    const sim = await simulate(directory);
    const error = await failure(run(sim, { credentials: { accessToken: 'ya29.not-a-token' } }));
    expect(error.code).toBe('auth');
    expect(error.message).toContain('(HTTP 401)');
  });

  it('stops at a repeated page token', async () => {
    const sim = await simulate(directory, { faults: { repeatPageLink: 2 } });
    const error = await failure(run(sim, { config: { licenseProducts: [] } }));
    expect(error.code).toBe('invalid_data');
    expect(error.message).toMatch(/Google Workspace users returned a page link it had already given/);
  });

  it('yields a user listed on two pages once', async () => {
    const sim = await simulate(directory, { faults: { repeatUserAcrossPages: true } });
    const { records } = await run(sim);
    const accounts = workspace(records);
    expect(accounts).toHaveLength(want.listed.length);
    expect(ofType(records, 'employee')).toHaveLength(want.listed.length);
    expect(ofType(records, 'account').length).toBe(want.listed.length + want.appAccounts);
  });

  it('reads an empty organisation', async () => {
    const empty = generateDirectory({ people: 0, now });
    const sim = await simulate(empty);
    const { records, pages } = await run(sim);
    expect(ofType(records, 'account')).toHaveLength(0);
    expect(ofType(records, 'license_type')).toHaveLength(0);
    expect(ofType(records, 'domain')).toHaveLength(4);
    expect(pages.at(-1)?.progress).toEqual({ done: 0 });
  });
});

describe('Google Workspace credentials', () => {
  const directory = generateDirectory({ people: 10, now });

  it('reports Google’s invalid_grant for an assertion signed with another key', async () => {
    const sim = await simulate(directory);
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const error = await failure(
      run(sim, {
        credentials: { ...sim.serviceAccountKey, private_key: await exportPKCS8(privateKey) },
      }),
    );
    expect(error.code).toBe('auth');
    expect(error.message).toBe(
      'Google Workspace did not issue a token (HTTP 400): invalid_grant: Invalid JWT Signature.',
    );
  });

  it('names a private key that is not a key, without printing it', async () => {
    const sim = await simulate(directory);
    const error = await failure(
      run(sim, { credentials: { ...sim.serviceAccountKey, private_key: 'secret-not-a-pem' } }),
    );
    expect(error.code).toBe('auth');
    expect(error.message).not.toContain('secret-not-a-pem');
  });

  it('turns "Not Authorized" for a subject who is not an admin into a permission error', async () => {
    const sim = await simulate(directory);
    const user = directory.people.find((p) => !p.isAdmin && p.accountStatus === 'active')!;
    const error = await failure(run(sim, { config: { adminEmail: user.email } }));
    expect(error.code).toBe('permission');
    expect(error.message).toContain('Not Authorized to access this resource/api');
  });

  it('asks only for the scopes its settings need', async () => {
    // An admin who delegated no licensing and no security scope: the full setup is refused by Google...
    const sim = await simulate(directory, {
      delegatedScopes: ['admin.directory.user.readonly', 'admin.directory.domain.readonly'],
    });
    const error = await failure(run(sim));
    expect(error.code).toBe('auth');
    expect(error.message).toContain('unauthorized_client: Client is unauthorized');
    // ...and works once OAuth discovery and licences are off, since those scopes are then not requested.
    const { records, pages } = await run(sim, { config: { discoverOAuthApps: false, licenseProducts: [] } });
    expect(ofType(records, 'license_type')).toHaveLength(0);
    // Licences were not asked for, so Roster must treat them as unknown rather than as none.
    expect(pages[0]?.unavailable?.map((u) => u.capability)).toEqual(['licenseTypes']);
    expect(workspace(records)).toHaveLength(
      directory.people.filter((p) => p.accountStatus !== 'deprovisioned').length,
    );
    expect(workspace(records).every((a) => a.licenseTypes.length === 0)).toBe(true);
  });

  it('reports invalid_grant for an adminEmail Google does not know', async () => {
    const sim = await simulate(directory);
    const error = await failure(run(sim, { config: { adminEmail: 'nobody@elsewhere.example' } }));
    expect(error.code).toBe('auth');
    expect(error.message).toContain('invalid_grant: Invalid email or User ID');
  });

  it('needs adminEmail with a service-account key', async () => {
    const sim = await simulate(directory);
    const error = await failure(run(sim, { config: { adminEmail: undefined } }));
    expect(error.code).toBe('fatal');
    expect(error.message).toContain('adminEmail');
  });
});

describe('Google Workspace rules', () => {
  it('reads the 1970 epoch as never signed in', () => {
    expect(lastLogin('1970-01-01T00:00:00.000Z')).toBeNull();
    expect(lastLogin(undefined)).toBeNull();
    expect(lastLogin('2026-10-01T08:00:00.000Z')).toBe('2026-10-01T08:00:00.000Z');
  });

  it('treats usage-limit 403s and 429 as throttling, other 403s as permission', () => {
    const answer = (status: number, body: unknown) => ({ status, headers: new Headers(), body });
    const usage = (reason: string) => ({ error: { code: 403, errors: [{ domain: 'usageLimits', reason }] } });
    expect(googleThrottle(answer(403, usage('userRateLimitExceeded')))).toBeNull();
    expect(googleThrottle(answer(403, usage('quotaExceeded')))).toBeNull();
    expect(googleThrottle(answer(429, { error: { code: 429, status: 'RESOURCE_EXHAUSTED' } }))).toBeNull();
    expect(
      googleThrottle(
        answer(403, { error: { code: 403, errors: [{ domain: 'global', reason: 'forbidden' }] } }),
      ),
    ).toBeUndefined();
    expect(googleThrottle(answer(500, usage('backendError')))).toBeUndefined();
  });

  it('keeps at most the given number of calls in flight, in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapBounded([...Array(30).keys()], 8, async (n) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight -= 1;
      return n * 2;
    });
    expect(peak).toBe(8);
    expect(results).toEqual([...Array(30).keys()].map((n) => n * 2));
  });

  it('spaces grant look-ups to the configured rate', async () => {
    const pace = pacer(6000, AbortSignal.timeout(5000));
    const started = Date.now();
    const starts = await mapBounded([...Array(11).keys()], 8, async () => {
      await pace();
      return Date.now() - started;
    });
    // 6,000 a minute is one every 10 ms: the eleventh starts 100 ms after the first.
    expect(Math.max(...starts)).toBeGreaterThanOrEqual(95);
    expect(Math.max(...starts)).toBeLessThan(1000);
  });

  it('leaves no raw payloads on records', async () => {
    const sim = await simulate(generateDirectory({ people: 5, now }));
    const config = googleWorkspaceSourceKind.configSchema.parse({ ...sim.source.config, http: fast });
    const all: SourceRecordInput[] = [];
    for await (const page of googleWorkspaceSourceKind.fetch({
      config,
      credentials: googleWorkspaceSourceKind.credentialsSchema!.parse(sim.source.credentials),
      input: undefined,
      signal: AbortSignal.timeout(30_000),
      ...loopbackFetchContext(),
    }))
      all.push(...page.records);
    expect(all.some((r) => r.raw)).toBe(false);
  });
});
