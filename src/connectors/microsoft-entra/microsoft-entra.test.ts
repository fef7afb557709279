import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { type Directory, generateDirectory } from '../../simulators/kit/directory.js';
import type { FaultOptions } from '../../simulators/kit/faults.js';
import type { RunningProvider } from '../../simulators/kit/simulated-provider.js';
import { startSimulator } from '../../simulators/kit/simulator-server.js';
import {
  type GraphSimulatorOptions,
  graphSimulatorCredentials,
  simulatedTenant,
  startMicrosoftGraph,
} from '../../simulators/microsoft-graph/graph-simulator.js';
import type { Page } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import type { SourceRecordInput } from '../kit/records.js';
import { graphClient } from './graph-client.js';
import { microsoftEntraSourceKind } from './microsoft-entra-source.js';

const now = new Date('2026-11-01T00:00:00Z');
const directory = generateDirectory({ people: 60, aliasesPerPerson: 2, now });
const fast = { baseDelayMs: 1, maxDelayMs: 20 };

let running: RunningProvider[] = [];
afterEach(async () => {
  await Promise.all(running.map((p) => p.close()));
  running = [];
});

async function start(options: Partial<GraphSimulatorOptions> = {}): Promise<RunningProvider> {
  const provider = await startMicrosoftGraph({
    directory,
    guests: 5,
    pageSize: 10,
    retryAfterSeconds: 0,
    ...options,
  });
  running.push(provider);
  return provider;
}

interface Collected {
  records: SourceRecordInput[];
  pages: Page[];
}

async function collect(
  provider: RunningProvider,
  overrides: { config?: Record<string, unknown>; credentials?: unknown; onPage?: (n: number) => void } = {},
): Promise<Collected> {
  const config = microsoftEntraSourceKind.configSchema.parse({
    ...provider.source.config,
    http: fast,
    ...overrides.config,
  });
  const pages: Page[] = [];
  for await (const page of microsoftEntraSourceKind.fetch({
    config,
    credentials: (overrides.credentials ?? provider.source.credentials) as never,
    input: undefined,
    signal: new AbortController().signal,
    ...loopbackFetchContext(),
  })) {
    pages.push(page);
    overrides.onPage?.(pages.length);
  }
  return { records: pages.flatMap((p) => p.records), pages };
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const ofType = <T extends SourceRecordInput['type']>(records: SourceRecordInput[], type: T) =>
  records.filter((r): r is Extract<SourceRecordInput, { type: T }> => r.type === type);
const m365 = (records: SourceRecordInput[]) =>
  ofType(records, 'account').filter((a) => a.app === 'Microsoft 365');

describe('Microsoft Entra ID connector against the simulated Microsoft Graph', () => {
  const tenant = simulatedTenant({ directory, guests: 5 });
  const listed = directory.people.filter((p) => p.accountStatus !== 'deprovisioned');

  it('maps users, guests, licences, aliases, domains and enterprise apps', async () => {
    const provider = await start();
    const { records, pages } = await collect(provider);

    // Every listed user once on Microsoft 365; deleted (deprovisioned) users are not in /users.
    const accounts = m365(records);
    expect(accounts).toHaveLength(listed.length + 5);
    expect(new Set(accounts.map((a) => a.externalId)).size).toBe(accounts.length);
    for (const person of listed) {
      const account = accounts.find((a) => a.externalId === person.id)!;
      expect(account).toMatchObject({
        email: person.email,
        name: person.displayName,
        status: person.accountStatus === 'active' ? 'active' : 'suspended',
        role: 'member',
        lastUsedAt: person.lastSignInAt,
      });
      const skuNames = person.licenses.map((part) => directory.skus.find((s) => s.partNumber === part)!.name);
      expect([...(account.licenseTypes ?? [])].sort()).toEqual([...skuNames].sort());
    }
    expect(accounts.filter((a) => a.status === 'suspended')).toHaveLength(
      listed.filter((p) => p.accountStatus === 'suspended').length,
    );

    // Guests are accounts with role guest, not employees; a guest without mail is read from its #EXT# UPN.
    const guests = accounts.filter((a) => a.role === 'guest');
    expect(guests).toHaveLength(5);
    for (const guest of guests) expect(guest.email).toMatch(/^[a-z0-9.]+@partner\.example$/);
    const employees = ofType(records, 'employee');
    expect(employees).toHaveLength(listed.length);
    expect(employees.some((e) => guests.some((g) => g.email === e.email))).toBe(false);
    expect(employees.filter((e) => e.status === 'terminated')).toHaveLength(
      listed.filter((p) => p.accountStatus === 'suspended').length,
    );
    const first = employees.find((e) => e.email === listed[0]!.email)!;
    expect(first).toMatchObject({ department: listed[0]!.department, status: 'active' });
    expect(first.attributes).toMatchObject({ employeeId: listed[0]!.employeeNumber });

    // Aliases exactly as Graph writes them: SMTP: primary, smtp: secondary, SIP:, and other mails.
    const aliases = ofType(records, 'alias');
    const expected = tenant.users.reduce((n, u) => n + u.proxyAddresses.length + u.otherMails.length, 0);
    expect(aliases).toHaveLength(expected);
    const mine = aliases
      .filter((a) => a.primaryEmail === listed[0]!.email)
      .map((a) => `${a.field}=${a.value}`);
    expect(mine).toContain(`proxyAddresses=SMTP:${listed[0]!.email}`);
    expect(mine).toContain(`proxyAddresses=smtp:${listed[0]!.aliases[0]}`);
    expect(mine).toContain(`proxyAddresses=smtp:${listed[0]!.aliases[1]}`);
    if (listed[0]!.personalEmail) expect(mine).toContain(`otherMails=${listed[0]!.personalEmail}`);

    // Subscribed SKUs: purchased seats are prepaidUnits.enabled.
    const licenseTypes = ofType(records, 'license_type');
    expect(licenseTypes.map((l) => [l.name, l.purchased]).sort()).toEqual(
      directory.skus.map((s) => [s.name, s.purchased]).sort(),
    );
    expect(licenseTypes.every((l) => l.app === 'Microsoft 365')).toBe(true);

    // Domains: verified ones, the initial onmicrosoft.com domain, and one still unverified.
    const domains = ofType(records, 'domain');
    expect(domains.filter((d) => d.verified).map((d) => d.name)).toEqual(
      expect.arrayContaining([directory.domain, ...directory.aliasDomains, 'acme.onmicrosoft.com']),
    );
    expect(domains.filter((d) => !d.verified).map((d) => d.name)).toEqual([`pending.${directory.domain}`]);

    // Enterprise apps: the directory's SSO apps, not Microsoft's own, a managed identity or Roster's registration.
    const apps = ofType(records, 'app');
    expect(apps.map((a) => a.name).sort()).toEqual(
      ['Microsoft 365', ...directory.apps.map((a) => a.name)].sort(),
    );
    expect(apps.find((a) => a.name === 'Slack')?.domain).toBe('slack.com');
    for (const app of directory.apps) {
      const assigned = listed.filter((p) => p.apps.includes(app.name)).map((p) => p.email);
      const seen = ofType(records, 'account').filter((a) => a.app === app.name);
      // Group assignments are read transitively; a user assigned directly and through a group counts once.
      expect(seen.map((a) => a.email).sort()).toEqual(assigned.sort());
      expect(seen.every((a) => a.status === 'active' && a.lastUsedAt === null)).toBe(true);
    }

    expect(pages.some((p) => p.unavailable)).toBe(false);
  });

  it('reads every users page through @odata.nextLink and reports progress', async () => {
    const provider = await start({ pageSize: 7 });
    const { pages } = await collect(provider);
    const userPages = pages.filter((p) => p.progress);
    expect(userPages.length).toBe(Math.ceil((listed.length + 5) / 7));
    expect(userPages.at(-1)?.progress?.done).toBe(listed.length + 5);
    expect(userPages.map((p) => p.progress!.done)).toEqual(
      [...userPages.map((p) => p.progress!.done)].sort((a, b) => a - b),
    );
  });

  it('caps users pages at 120 while sign-in activity is read, and reads 999 without it', async () => {
    const big = generateDirectory({ people: 400, now });
    const provider = await startMicrosoftGraph({ directory: big, guests: 0, retryAfterSeconds: 0 });
    running.push(provider);
    const withSignIns = (await collect(provider)).pages.filter((p) => p.progress);
    expect(withSignIns.map((p) => p.records.filter((r) => r.type === 'account').length).slice(0, 2)).toEqual([
      120, 120,
    ]);
    const without = (await collect(provider, { config: { signInActivity: false } })).pages.filter(
      (p) => p.progress,
    );
    expect(without).toHaveLength(1);
    expect(without[0]!.unavailable).toEqual([
      { capability: 'lastUsed', reason: expect.stringContaining('turned off') },
    ]);
  });

  it('says last use is unknown, and still syncs, when the tenant lacks Entra ID P1/P2', async () => {
    const provider = await start({ premium: false });
    const { records, pages } = await collect(provider);
    const unavailable = pages.flatMap((p) => p.unavailable ?? []);
    expect(unavailable).toEqual([
      {
        capability: 'lastUsed',
        reason: expect.stringContaining('Authentication_RequestFromNonPremiumTenantOrB2CTenant'),
      },
    ]);
    expect(unavailable[0]!.reason).toContain('P1 or P2');
    const accounts = m365(records);
    expect(accounts).toHaveLength(listed.length + 5);
    expect(accounts.every((a) => a.lastUsedAt === null)).toBe(true);
    expect(ofType(records, 'employee')).toHaveLength(listed.length);
  });

  describe('missing permissions', () => {
    const all = [
      'User.Read.All',
      'AuditLog.Read.All',
      'Domain.Read.All',
      'Organization.Read.All',
      'Application.Read.All',
      'GroupMember.Read.All',
    ] as const;
    const without = (permission: (typeof all)[number]) =>
      start({ permissions: all.filter((p) => p !== permission) });

    it('without AuditLog.Read.All, says why last use is unknown and syncs the rest', async () => {
      const { records, pages } = await collect(await without('AuditLog.Read.All'));
      expect(pages.flatMap((p) => p.unavailable ?? [])).toEqual([
        { capability: 'lastUsed', reason: expect.stringContaining('lacks the AuditLog.Read.All permission') },
      ]);
      expect(m365(records)).toHaveLength(listed.length + 5);
      expect(m365(records).every((a) => a.lastUsedAt === null)).toBe(true);
    });

    it.each([
      ['User.Read.All', 'User.Read.All application permission'],
      ['Domain.Read.All', 'Domain.Read.All application permission'],
      ['Organization.Read.All', 'Organization.Read.All application permission'],
      ['Application.Read.All', 'or set discoverApps to false'],
      ['GroupMember.Read.All', 'needs the GroupMember.Read.All permission'],
    ] as const)('without %s, fails as a permission problem that names it', async (permission, hint) => {
      const error = await failure(collect(await without(permission)));
      expect(error.code).toBe('permission');
      expect(error.message).toContain(
        'Insufficient privileges to complete the operation. (Authorization_RequestDenied)',
      );
      expect(error.message).toContain(hint);
    });

    it('does not read enterprise apps when told not to', async () => {
      const { records } = await collect(await without('Application.Read.All'), {
        config: { discoverApps: false },
      });
      expect(ofType(records, 'app').map((a) => a.name)).toEqual(['Microsoft 365']);
    });
  });

  describe('faults', () => {
    let baseline: SourceRecordInput[];
    const run = async (faults: FaultOptions, config: Record<string, unknown> = {}) => {
      const provider = await start({ faults });
      return { provider, ...(await collect(provider, { config })) };
    };
    const sameAsBaseline = async (records: SourceRecordInput[]) => {
      baseline ??= (await collect(await start())).records;
      expect(records).toEqual(baseline);
    };

    it('waits out 429 Too Many Requests on every call and completes', async () => {
      const { records, provider } = await run({ throttleEvery: 1 });
      await sameAsBaseline(records);
      expect(provider.faults.callCount).toBeGreaterThan(20);
    });

    it('retries a page that answered a server error', async () => {
      await sameAsBaseline((await run({ failPages: [2] })).records);
    });

    it('gives up on a page that never answers and asks again', async () => {
      await sameAsBaseline((await run({ timeoutPages: [3] }, { http: { ...fast, timeoutMs: 300 } })).records);
    });

    it('asks again for a page whose JSON was cut off', async () => {
      await sameAsBaseline((await run({ truncatePages: [1, 4] })).records);
    });

    it('lists a user repeated at the top of the next page once', async () => {
      const { records } = await run({ repeatUserAcrossPages: true });
      await sameAsBaseline(records);
    });

    it('fails with a clear message when Graph hands back a page link it already gave', async () => {
      const provider = await start({ faults: { repeatPageLink: 2 } });
      const error = await failure(collect(provider));
      expect(error.code).toBe('invalid_data');
      expect(error.message).toContain(
        'Microsoft Graph returned a page link it had already given (after page 2)',
      );
    });

    it('throws transient when a page keeps failing after every retry', async () => {
      const provider = await start({ faults: { failPages: [2], faultTimes: 10 } });
      const error = await failure(collect(provider, { config: { http: { ...fast, maxAttempts: 3 } } }));
      expect(error.code).toBe('transient');
      expect(error.message).toMatch(
        /Microsoft Graph kept failing on \/v1\.0\/users after 3 attempts: HTTP 503/,
      );
      expect(error.message).toContain('serviceNotAvailable');
    });

    it('ends the run as an auth failure with Graph’s error when the grant is revoked mid-run', async () => {
      const provider = await start({ faults: { revokeTokenAfterCalls: 4 } });
      const error = await failure(collect(provider));
      expect(error.code).toBe('auth');
      expect(error.message).toContain('Microsoft Graph refused the credentials (HTTP 401)');
      expect(error.message).toContain('InvalidAuthenticationToken');
    });

    it('fetches a new token once when the token expires mid-run, and carries on', async () => {
      const provider = await start();
      const { records } = await collect(provider, {
        onPage: (n) => {
          if (n === 2) provider.expireTokens();
        },
      });
      await sameAsBaseline(records);
      // Two token requests and the one call refused with the expired token are the only calls beyond the API's.
      expect(provider.requests - provider.faults.callCount).toBe(3);
    });
  });

  it('reads an empty organisation', async () => {
    const empty: Directory = {
      ...directory,
      people: [],
      skus: directory.skus.map((s) => ({ ...s, purchased: 0 })),
    };
    const provider = await startMicrosoftGraph({ directory: empty, retryAfterSeconds: 0 });
    running.push(provider);
    const { records, pages } = await collect(provider);
    expect(ofType(records, 'account')).toEqual([]);
    expect(ofType(records, 'employee')).toEqual([]);
    expect(ofType(records, 'alias')).toEqual([]);
    expect(ofType(records, 'license_type').map((l) => l.purchased)).toEqual([0, 0, 0, 0]);
    expect(ofType(records, 'app')).toHaveLength(1 + directory.apps.length);
    expect(pages.filter((p) => p.progress)).toHaveLength(1);
  });

  it('refuses a wrong client secret with the identity platform’s reason, never the secret', async () => {
    const provider = await start();
    const error = await failure(collect(provider, { credentials: { clientSecret: 'not-the-secret' } }));
    expect(error.code).toBe('auth');
    expect(error.message).toContain('Microsoft Entra ID did not issue a token (HTTP 401): invalid_client');
    expect(error.message).toContain('AADSTS7000215');
    expect(error.message).not.toContain('not-the-secret');
    expect(error.message).not.toContain(graphSimulatorCredentials.clientSecret);
  });

  it('refuses an unknown static access token as an auth failure', async () => {
    const provider = await start();
    const error = await failure(collect(provider, { credentials: { accessToken: 'eyJ0eXAi.not.valid' } }));
    expect(error.code).toBe('auth');
    expect(error.message).toContain('InvalidAuthenticationToken');
    expect(error.message).not.toContain('eyJ0eXAi.not.valid');
  });

  it('never sends the token to a next link on another host', async () => {
    const seen: string[] = [];
    const graph = await startSimulator([
      {
        method: 'GET',
        path: /^\/v1\.0\/users$/,
        handle: (request) => {
          seen.push(String(request.headers.authorization));
          return {
            status: 200,
            json: { value: [], '@odata.nextLink': 'https://attacker.example/v1.0/users?$skiptoken=x' },
          };
        },
      },
    ]);
    running.push({ ...graph, kind: 'x', source: { config: {} }, expireTokens: () => {} });
    const client = graphClient({
      baseUrl: `${graph.url}/v1.0`,
      tokenUrl: `${graph.url}/token`,
      credentials: { accessToken: 'static-token' },
      signal: new AbortController().signal,
      outbound: loopbackFetchContext().outbound,
      http: fast,
    });
    const pages = async () => {
      for await (const _ of client.pages('/users')) {
        // reading to the end
      }
    };
    const error = await failure(pages());
    expect(error.code).toBe('invalid_data');
    expect(error.message).toContain('attacker.example');
    expect(seen).toEqual(['Bearer static-token']);
  });
});
