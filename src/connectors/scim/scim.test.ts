import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { type RunningScim, startScimSimulator } from '../../simulators/scim/scim-simulator.js';
import { scimPeople } from '../../simulators/scim/scim-user-store.js';
import type { Page } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import type { SourceRecordInput } from '../kit/records.js';
import { scimSourceKind } from './scim-source.js';

const fast = { baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 5_000, maxAttempts: 3 };

let running: RunningScim | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: Parameters<typeof startScimSimulator>[0] = {}) {
  running = await startScimSimulator(options);
  return running;
}

async function collect(scim: RunningScim, overrides: Record<string, unknown> = {}, token = scim.token) {
  const config = scimSourceKind.configSchema.parse({
    ...scim.source('Notion').config,
    http: fast,
    ...overrides,
  });
  const credentials = scimSourceKind.credentialsSchema?.parse({ token });
  const pages: Page[] = [];
  for await (const page of scimSourceKind.fetch({
    config,
    credentials,
    input: undefined,
    signal: AbortSignal.timeout(60_000),
    ...loopbackFetchContext(),
  }))
    pages.push(page);
  const records = pages.flatMap((p) => p.records) as Extract<SourceRecordInput, { type: 'account' }>[];
  return { pages, records, rejected: pages.flatMap((p) => p.rejected ?? []) };
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('reading a SCIM service', () => {
  it('reads every user once across pages, with email, SCIM id, name and status', async () => {
    const scim = await start({ users: scimPeople(250, { inactiveEvery: 10 }) });
    const { pages, records, rejected } = await collect(scim, { pageSize: 40 });
    expect(rejected).toEqual([]);
    expect(pages).toHaveLength(7);
    expect(records).toHaveLength(250);
    expect(new Set(records.map((r) => r.externalId)).size).toBe(250);
    expect(records.filter((r) => r.status === 'suspended')).toHaveLength(25);
    expect(records[9]).toMatchObject({
      app: 'Notion',
      email: 'person0010@acme.example',
      externalId: 'user-0010',
      name: 'Person 0010',
      status: 'suspended',
    });
    expect(pages.at(-1)?.progress).toEqual({ done: 250, total: 250 });
    // Pages asked by 1-based startIndex, each after the users the last one held; nothing past the total.
    const asked = scim.requests.map((r) => r.query.startIndex);
    expect(asked).toEqual(['1', '41', '81', '121', '161', '201', '241']);
    expect(scim.requests.every((r) => r.query.count === '40')).toBe(true);
    expect(scim.requests[0]?.accept).toContain('application/scim+json');
  });

  it('follows a service that serves fewer users per page than asked', async () => {
    const scim = await start({ users: scimPeople(120), maxPageSize: 25 });
    const { records, pages } = await collect(scim, { pageSize: 100 });
    expect(records).toHaveLength(120);
    expect(pages).toHaveLength(5);
  });

  it('fails, naming the page, on a service that ignores startIndex instead of reading page one forever', async () => {
    const scim = await start({ users: scimPeople(60) });
    scim.quirks.ignoreStartIndex = true;
    const error = await failure(collect(scim, { pageSize: 20 }));
    expect(error.code).toBe('invalid_data');
    expect(error.message).toContain('the Users page from startIndex 21');
    expect(error.message).toContain('ignore startIndex');
    expect(scim.requests).toHaveLength(2);
  });

  it('rejects a user without an email address, naming the row and its emails field', async () => {
    const users = scimPeople(30);
    users[23] = { id: 'user-x', userName: 'jdoe', emails: [{ value: 'home@example.com', type: 'home' }] };
    const scim = await start({ users });
    const { rejected, records } = await collect(scim, { pageSize: 10 });
    expect(rejected).toEqual([
      {
        path: 'Users page from startIndex 21, Resources[3].emails',
        message: expect.stringContaining('has no email address'),
      },
    ]);
    expect(rejected[0]?.message).toContain('user-x');
    expect(records).toHaveLength(29);
  });

  it('fails naming the page when a page is not JSON, after retrying it', async () => {
    const scim = await start({ users: scimPeople(30) });
    scim.quirks.brokenPages = [11];
    const error = await failure(collect(scim, { pageSize: 10 }));
    expect(error.code).toBe('transient');
    expect(error.message).toContain('not complete JSON');
    expect(error.message).toContain('the Users page from startIndex 11');
    expect(scim.requests.filter((r) => r.query.startIndex === '11')).toHaveLength(fast.maxAttempts);
  });

  it('asks again for a page cut off half way, and reads on', async () => {
    const scim = await start({ users: scimPeople(30), faults: { truncatePages: [2] } });
    const { records } = await collect(scim, { pageSize: 10 });
    expect(records).toHaveLength(30);
    expect(scim.requests.filter((r) => r.query.startIndex === '11')).toHaveLength(2);
  });

  it('waits out a throttled page (429 with Retry-After) and reads on', async () => {
    const scim = await start({ users: scimPeople(30) });
    scim.throttle(2);
    const { records } = await collect(scim, { pageSize: 10 });
    expect(records).toHaveLength(30);
    expect(scim.requests.filter((r) => r.query.startIndex === '1')).toHaveLength(3);
  });

  it('fails a refused token with the SCIM error detail', async () => {
    const scim = await start({ users: scimPeople(3) });
    const error = await failure(collect(scim, {}, 'wrong-token'));
    expect(error.code).toBe('auth');
    expect(error.message).toContain('refused the credentials (HTTP 401)');
    expect(error.message).toContain('The bearer token is missing, expired or wrong');
    expect(error.message).not.toContain('wrong-token');
  });

  it('reads an empty service as empty', async () => {
    const scim = await start();
    const { records, rejected } = await collect(scim);
    expect(records).toEqual([]);
    expect(rejected).toEqual([]);
  });
});

describe('SCIM settings', () => {
  it('refuse a plain http service root off loopback, and default to deactivating 100 users a page', () => {
    const base = { app: 'Notion' };
    expect(
      scimSourceKind.configSchema.safeParse({ ...base, baseUrl: 'http://scim.example.com/v2' }).success,
    ).toBe(false);
    expect(
      scimSourceKind.configSchema.parse({ ...base, baseUrl: 'https://scim.example.com/v2/' }),
    ).toMatchObject({ baseUrl: 'https://scim.example.com/v2', deprovision: 'deactivate', pageSize: 100 });
    expect(
      scimSourceKind.configSchema.safeParse({ ...base, baseUrl: 'https://x.example.com', pageSize: 5000 })
        .success,
    ).toBe(false);
  });
});
