import { importJWK, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { type Directory, generateDirectory } from '../../simulators/kit/directory.js';
import type { SimulatorOptions } from '../../simulators/kit/simulated-provider.js';
import { type RunningOkta, startOktaSimulator } from '../../simulators/okta/okta-simulator.js';
import type { Page } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import type { SourceRecordInput } from '../kit/records.js';
import { nextLink, oktaThrottleDelay, sameOrigin } from './okta-client.js';
import { userRecords } from './okta-records.js';
import { oktaSourceKind } from './okta-source.js';

const now = new Date('2026-11-28T00:00:00.000Z');
const directory = generateDirectory({ people: 430, now, seed: 7 });
const fast = { baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 5_000 };

let running: RunningOkta | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: Partial<SimulatorOptions> = {}, dir: Directory = directory) {
  running = await startOktaSimulator({ directory: dir, pageSize: 50, retryAfterSeconds: 0, ...options });
  return running;
}

type Source = { config: Record<string, unknown>; credentials?: Record<string, unknown> };

async function collect(
  source: Source,
  overrides: Record<string, unknown> = {},
  onPage?: (page: Page, index: number) => void,
) {
  const config = oktaSourceKind.configSchema.parse({
    ...source.config,
    ...overrides,
    http: { ...fast, ...(overrides.http as object) },
  });
  const credentials = oktaSourceKind.credentialsSchema?.parse(source.credentials);
  const records: SourceRecordInput[] = [];
  const pages: Page[] = [];
  for await (const page of oktaSourceKind.fetch({
    config,
    credentials,
    input: undefined,
    signal: AbortSignal.timeout(60_000),
    ...loopbackFetchContext(),
  })) {
    onPage?.(page, pages.length);
    pages.push(page);
    records.push(...page.records);
  }
  return { records, pages, rejected: pages.flatMap((p) => p.rejected ?? []) };
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const of = <T extends SourceRecordInput['type']>(records: SourceRecordInput[], type: T) =>
  records.filter((r): r is Extract<SourceRecordInput, { type: T }> => r.type === type);
const oktaAccounts = (records: SourceRecordInput[]) => of(records, 'account').filter((a) => a.app === 'Okta');
const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;

/** What the generated organisation says Roster must see, whatever the paging or faults. */
function expectWholeOrganisation(records: SourceRecordInput[], dir: Directory = directory) {
  const accounts = oktaAccounts(records);
  expect(accounts).toHaveLength(dir.people.length);
  expect(new Set(accounts.map((a) => a.externalId)).size).toBe(dir.people.length);
  expect(of(records, 'employee')).toHaveLength(dir.people.length);
  const appAccounts = of(records, 'account').filter((a) => a.app !== 'Okta');
  const assigned = dir.people
    .filter((p) => p.accountStatus !== 'deprovisioned')
    .reduce((n, p) => n + p.apps.length, 0);
  expect(appAccounts).toHaveLength(assigned);
  // One account per person and app, even when two Okta apps share a label.
  expect(new Set(appAccounts.map((a) => `${a.app} ${a.email}`)).size).toBe(assigned);
  expect(new Set(of(records, 'app').map((a) => a.name)).size).toBe(of(records, 'app').length);
}

describe('Okta connector against the simulated Okta Management API', () => {
  it('maps users, leavers, second emails and app assignments', async () => {
    const okta = await start();
    const { records, pages, rejected } = await collect(okta.source);
    expect(rejected).toEqual([]);
    expectWholeOrganisation(records);

    const people = new Map(directory.people.map((p) => [p.email, p]));
    const accounts = oktaAccounts(records);
    for (const account of accounts) {
      const person = people.get(account.email);
      expect(person, account.email).toBeDefined();
      if (!person) continue;
      const expected = { active: 'active', suspended: 'suspended', deprovisioned: 'deleted' }[
        person.accountStatus
      ];
      expect(account.status, account.email).toBe(expected);
      expect(account.name).toBe(`${person.givenName} ${person.familyName}`);
      expect(account.lastUsedAt ?? null).toBe(person.lastSignInAt);
      expect(account.externalId).toMatch(/^00u[0-9A-Za-z]{17}$/);
      expect(account.licenseTypes).toEqual([]);
    }
    // DEPROVISIONED users only come from the second, status-filtered listing.
    const deprovisioned = count(directory.people, (p) => p.accountStatus === 'deprovisioned');
    expect(deprovisioned).toBeGreaterThan(0);
    expect(count(accounts, (a) => a.status === 'deleted')).toBe(deprovisioned);
    expect(count(accounts, (a) => a.lastUsedAt == null)).toBe(
      count(directory.people, (p) => p.lastSignInAt === null),
    );

    const employees = of(records, 'employee');
    expect(count(employees, (e) => e.status === 'terminated')).toBe(
      count(directory.people, (p) => p.accountStatus !== 'active'),
    );
    const leaver = employees.find((e) => e.status === 'terminated');
    expect(leaver?.terminationDate).toBe(people.get(leaver?.email ?? '')?.terminationDate);
    const someone = employees[0];
    const person = people.get(someone?.email ?? '');
    expect(someone?.department).toBe(person?.department);
    expect(someone?.attributes).toMatchObject({
      employeeNumber: person?.employeeNumber,
      title: person?.jobTitle,
    });

    const aliases = of(records, 'alias');
    expect(aliases).toHaveLength(count(directory.people, (p) => p.aliases.length > 0));
    expect(aliases.every((a) => a.field === 'secondEmail')).toBe(true);
    expect(aliases.find((a) => a.primaryEmail === person?.email)?.value).toBe(person?.aliases[0]);

    // Active apps only, not Okta's own admin console nor an inactive app; the domain from the sign-on URL.
    const apps = of(records, 'app');
    expect(apps.map((a) => a.name).sort()).toEqual(directory.apps.map((a) => a.name).sort());
    for (const app of directory.apps) expect(apps.find((a) => a.name === app.name)?.domain).toBe(app.domain);
    expect(of(records, 'license_type')).toEqual([]);
    expect(of(records, 'domain')).toEqual([]);
    const slack = of(records, 'account').filter((a) => a.app === 'Slack');
    expect(slack.length).toBe(
      count(directory.people, (p) => p.accountStatus !== 'deprovisioned' && p.apps.includes('Slack')),
    );
    expect(slack.every((a) => a.status === 'active' && a.lastUsedAt === null)).toBe(true);

    // Several pages, with progress counting users.
    const userPages = pages.filter((p) => oktaAccounts(p.records).length > 0);
    expect(userPages.length).toBeGreaterThanOrEqual(Math.ceil(directory.people.length / 50));
    expect(pages.at(-1)?.progress?.done).toBe(directory.people.length);
  });

  it('sees every Okta user status and maps each one', () => {
    const cases = [
      ['STAGED', 'active', 'active'],
      ['PROVISIONED', 'active', 'active'],
      ['ACTIVE', 'active', 'active'],
      ['RECOVERY', 'active', 'active'],
      ['PASSWORD_EXPIRED', 'active', 'active'],
      ['LOCKED_OUT', 'active', 'active'],
      ['SUSPENDED', 'suspended', 'terminated'],
      ['DEPROVISIONED', 'deleted', 'terminated'],
    ] as const;
    for (const [status, account, employee] of cases) {
      const records = userRecords(
        {
          id: '00uabc',
          status,
          statusChanged: '2026-10-01T10:00:00.000Z',
          profile: { email: 'Ann@Acme.example', login: 'ann', secondEmail: 'ann@gmail.example' },
        },
        'users[1]',
      );
      expect(of(records ?? [], 'account')[0]?.status, status).toBe(account);
      expect(of(records ?? [], 'employee')[0]?.status, status).toBe(employee);
      expect(of(records ?? [], 'employee')[0]?.terminationDate).toBe(
        employee === 'terminated' ? '2026-10-01' : null,
      );
    }
    // A login that is another address is an alias too; one that is not an address is not.
    const records = userRecords({ id: '1', profile: { email: 'a@x.example', login: 'ann@y.example' } }, 'r');
    expect(of(records ?? [], 'alias')).toEqual([
      { type: 'alias', primaryEmail: 'a@x.example', field: 'login', value: 'ann@y.example', ref: 'r' },
    ]);
    expect(userRecords({ id: '2', profile: { login: 'no-address' } }, 'r')).toBeNull();
  });

  it('reads through an OAuth service app (client credentials, private_key_jwt)', async () => {
    const okta = await start();
    const { records } = await collect(okta.clientCredentialsSource);
    expectWholeOrganisation(records);
  });

  it('fetches a new OAuth token once when the token expires mid-run, and carries on', async () => {
    const plain = await start();
    await collect(plain.clientCredentialsSource);
    const baseline = plain.requests;
    await plain.close();
    const okta = await start();
    const { records } = await collect(okta.clientCredentialsSource, {}, (_page, index) => {
      if (index === 2) okta.expireTokens();
    });
    expectWholeOrganisation(records);
    // One refused call and one extra token request beyond a run without expiry.
    expect(okta.requests).toBe(baseline + 2);
  });

  it('ends the run as an auth error with Okta’s text when the API token is revoked mid-run', async () => {
    const okta = await start({ faults: { revokeTokenAfterCalls: 3 } });
    const error = await failure(collect(okta.source));
    expect(error.code).toBe('auth');
    expect(error.message).toContain('Okta');
    expect(error.message).toContain('Invalid token provided (E0000011)');
    expect(error.message).not.toContain(okta.apiToken);
  });

  it('ends the run when an API token stops working (expireTokens) instead of reading half the org', async () => {
    const okta = await start();
    const error = await failure(
      collect(okta.source, {}, (_page, index) => {
        if (index === 1) okta.expireTokens();
      }),
    );
    expect(error.code).toBe('auth');
  });

  it('refuses a wrong API token with Okta’s E0000011 text', async () => {
    const okta = await start();
    const error = await failure(collect({ ...okta.source, credentials: { apiToken: 'wrong' } }));
    expect(error.code).toBe('auth');
    expect(error.message).toBe('Okta refused the credentials (HTTP 401): Invalid token provided (E0000011)');
  });

  it('reports a missing okta.apps.read scope as a permission problem, naming the scope', async () => {
    const okta = await start();
    const { clientId, privateKey } = okta.clientCredentialsSource.credentials as {
      clientId: string;
      privateKey: string;
    };
    const tokenUrl = `${okta.url}/oauth2/v1/token`;
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(tokenUrl)
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('one-time')
      .sign(await importJWK(JSON.parse(privateKey), 'RS256'));
    const response = await fetch(tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'okta.users.read',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }),
    });
    const { access_token: accessToken } = (await response.json()) as { access_token: string };
    const source = { config: okta.source.config, credentials: { accessToken } };
    const error = await failure(collect(source));
    expect(error.code).toBe('permission');
    expect(error.message).toContain('You do not have permission to perform the requested action (E0000006)');
    expect(error.message).toContain('okta.apps.read');
    // Users only: the same token reads the directory.
    const { records } = await collect(source, { includeApps: false });
    expect(oktaAccounts(records)).toHaveLength(directory.people.length);
    expect(of(records, 'app')).toEqual([]);
  });

  it('ends the run as an auth error when Okta refuses the service app at the token endpoint', async () => {
    const okta = await start();
    const credentials = { ...okta.clientCredentialsSource.credentials, clientId: '0oaSomeOtherApp' };
    const error = await failure(collect({ ...okta.clientCredentialsSource, credentials }));
    expect(error.code).toBe('auth');
    expect(error.message).toContain('Okta did not issue a token (HTTP 401): invalid_client');
  });

  it('names the fix when the service app requires DPoP-bound tokens', async () => {
    const okta = await startOktaSimulator({ directory, requireDpop: true });
    running = okta;
    const error = await failure(collect(okta.clientCredentialsSource));
    expect(error.code).toBe('auth');
    expect(error.message).toContain('invalid_dpop_proof');
    expect(error.message).toContain('Turn off "Require Demonstrating Proof of Possession');
  });

  it('says the private key is unusable without echoing it', async () => {
    const okta = await start();
    const source = {
      config: okta.source.config,
      credentials: { clientId: 'x', privateKey: 'not-a-key-SECRET' },
    };
    const error = await failure(collect(source));
    expect(error.code).toBe('auth');
    expect(error.message).not.toContain('SECRET');
  });

  it('completes when every page is throttled first', async () => {
    const okta = await start({ faults: { throttleEvery: 1 } });
    const { records } = await collect(okta.source);
    expectWholeOrganisation(records);
  });

  it('waits until X-Rate-Limit-Reset when Okta throttles', async () => {
    const small = generateDirectory({ people: 20, now, seed: 3 });
    const okta = await start({ faults: { throttleEvery: 1 }, retryAfterSeconds: 1 }, small);
    const started = Date.now();
    await collect(okta.source, { includeApps: false, http: { maxDelayMs: 5_000 } });
    // Two listings (users, deprovisioned users), each throttled once for about a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
  });

  it('computes the wait from X-Rate-Limit-Reset against Okta’s own clock', () => {
    const headers = new Headers({
      'x-rate-limit-reset': String(Date.parse('2026-11-28T10:00:30Z') / 1000),
      date: 'Sat, 28 Nov 2026 10:00:00 GMT',
    });
    const wait = oktaThrottleDelay({ status: 429, headers, body: {} }, Date.parse('2026-11-28T12:00:00Z'));
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThan(30_300);
    expect(oktaThrottleDelay({ status: 200, headers, body: [] })).toBeUndefined();
    expect(oktaThrottleDelay({ status: 429, headers: new Headers(), body: {} })).toBeUndefined();
  });

  it('retries a server error and completes', async () => {
    const okta = await start({ faults: { failPages: [1, 2] } });
    const { records } = await collect(okta.source);
    expectWholeOrganisation(records);
  });

  it('retries a page that does not answer in time', async () => {
    const okta = await start({ faults: { timeoutPages: [2] } });
    const { records } = await collect(okta.source, { http: { timeoutMs: 300 } });
    expectWholeOrganisation(records);
  });

  it('retries a page cut off half way', async () => {
    const okta = await start({ faults: { truncatePages: [1, 3] } });
    const { records } = await collect(okta.source);
    expectWholeOrganisation(records);
  });

  it('fails clearly when a page links back to itself', async () => {
    const okta = await start({ faults: { repeatPageLink: 2 } });
    const error = await failure(collect(okta.source));
    expect(error.code).toBe('invalid_data');
    expect(error.message).toContain('Okta returned a page link it had already given (after page 2)');
  });

  it('yields a user listed on two pages once', async () => {
    const okta = await start({ faults: { repeatUserAcrossPages: true } });
    const { records } = await collect(okta.source);
    expectWholeOrganisation(records);
  });

  it('handles an organisation without users', async () => {
    const empty = generateDirectory({ people: 0, now });
    const okta = await start({}, empty);
    const { records, rejected } = await collect(okta.source);
    expect(rejected).toEqual([]);
    expect(of(records, 'account')).toEqual([]);
    expect(of(records, 'employee')).toEqual([]);
    expect(of(records, 'app')).toHaveLength(empty.apps.length);
  });

  it('throws a transient error when a page keeps failing', async () => {
    const okta = await start({ faults: { failPages: [1], faultTimes: 10 } });
    const error = await failure(collect(okta.source, { http: { maxAttempts: 3 } }));
    expect(error.code).toBe('transient');
    expect(error.message).toContain('Okta kept failing on /api/v1/users after 3 attempts');
    expect(error.message).toContain('Internal Server Error (E0000009)');
  });
});

describe('Okta paging links', () => {
  it('finds the next link among several and treats it as opaque', () => {
    const headers = new Headers();
    headers.append('link', '<https://acme.okta.com/api/v1/users?limit=200>; rel="self"');
    headers.append('link', '<https://acme.okta.com/api/v1/users?after=00u1,2&limit=200>; rel="next"');
    expect(nextLink(headers)).toBe('https://acme.okta.com/api/v1/users?after=00u1,2&limit=200');
    expect(nextLink(new Headers({ link: '<https://acme.okta.com/api/v1/users>; rel="self"' }))).toBeNull();
    expect(nextLink(new Headers())).toBeNull();
  });

  it('never follows a next link to another host, which would send the API token there', () => {
    expect(sameOrigin('https://acme.okta.com', 'https://acme.okta.com/api/v1/users?after=x')).toBe(
      'https://acme.okta.com/api/v1/users?after=x',
    );
    expect(() => sameOrigin('https://acme.okta.com', 'https://evil.example/api/v1/users')).toThrow(
      /another host/,
    );
  });

  it('accepts only https org URLs, except on loopback', () => {
    const parse = (baseUrl: string) => oktaSourceKind.configSchema.safeParse({ baseUrl }).success;
    expect(parse('https://acme.okta.com')).toBe(true);
    expect(parse('http://127.0.0.1:8080')).toBe(true);
    expect(parse('http://acme.okta.com')).toBe(false);
  });
});
