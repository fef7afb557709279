import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { type RunningBambooHr, startBambooHr } from '../../simulators/bamboohr/bamboohr-simulator.js';
import { type Directory, generateDirectory } from '../../simulators/kit/directory.js';
import type { FaultOptions } from '../../simulators/kit/faults.js';
import { startSimulator } from '../../simulators/kit/simulator-server.js';
import type { Page } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { employeeRecordSchema, type SourceRecordInput } from '../kit/records.js';
import { findSourceKind } from '../registry.js';
import { bambooHrSourceKind } from './bamboohr-source.js';
import { employeeFromRow } from './employee-mapping.js';

const now = new Date('2026-11-28T00:00:00Z');
const fast = { baseDelayMs: 1, maxDelayMs: 20 };
let sim: RunningBambooHr | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: { people?: number; directory?: Directory; faults?: FaultOptions } = {}) {
  sim = await startBambooHr({
    directory: options.directory ?? generateDirectory({ people: options.people ?? 200, now }),
    faults: options.faults,
    retryAfterSeconds: 0,
  });
  return sim;
}

async function run(
  running: RunningBambooHr,
  config: Record<string, unknown> = {},
  credentials: unknown = running.source.credentials,
) {
  const parsedConfig = bambooHrSourceKind.configSchema.parse({
    ...running.source.config,
    ...config,
    http: { ...fast, ...(config.http as object) },
  });
  const parsedCredentials = bambooHrSourceKind.credentialsSchema?.parse(credentials);
  const pages: Page[] = [];
  for await (const page of bambooHrSourceKind.fetch({
    config: parsedConfig,
    credentials: parsedCredentials,
    input: undefined,
    signal: AbortSignal.timeout(20_000),
    ...loopbackFetchContext(),
  }))
    pages.push(page);
  const records = pages.flatMap((p) => p.records);
  return {
    pages,
    records,
    employees: records.map((r) => employeeRecordSchema.parse(r)),
    rejected: pages.flatMap((p) => p.rejected ?? []),
  };
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('BambooHR source', () => {
  it('yields one employee per HR person, leavers included, with status, dates, personal email, department and manager', async () => {
    const directory = generateDirectory({ people: 300, now });
    const running = await start({ directory });
    const { employees, records, rejected, pages } = await run(running);
    const people = directory.people.filter((p) => p.kind !== 'service');
    expect(rejected).toEqual([]);
    expect(records.every((r) => r.type === 'employee')).toBe(true);
    expect(employees).toHaveLength(people.length);
    const byEmail = new Map(employees.map((e) => [e.email, e]));
    const leavers = people.filter((p) => p.employment === 'terminated');
    // Leavers must be in: a listing of current employees only (the directory) would never show anyone leave.
    expect(leavers.length).toBeGreaterThan(0);
    expect(employees.filter((e) => e.status === 'terminated')).toHaveLength(leavers.length);
    for (const p of people) {
      const e = byEmail.get(p.email);
      expect(e, p.email).toMatchObject({
        name: p.displayName,
        status: p.employment,
        terminationDate: p.terminationDate,
        personalEmail: p.personalEmail,
        department: p.department,
        managerEmail: p.managerEmail,
        attributes: {},
      });
    }
    expect(employees.some((e) => e.managerEmail !== null)).toBe(true);
    expect(employees.some((e) => e.personalEmail !== null)).toBe(true);
    expect(pages.at(-1)?.progress).toEqual({ done: people.length, total: people.length });
    expect(records[0]?.ref).toMatch(/^employee \d+$/);
  });

  it('reads the whole company in one request and stages it in steps of 1000', async () => {
    const directory = generateDirectory({ people: 2600, now });
    const running = await start({ directory });
    const { pages, employees } = await run(running);
    const people = directory.people.filter((p) => p.kind !== 'service');
    expect(running.faults.callCount).toBe(1);
    expect(pages.length).toBe(Math.ceil(people.length / 1000));
    expect(pages.every((p) => p.records.length <= 1000)).toBe(true);
    expect(pages.map((p) => p.progress?.done)).toEqual(
      pages.map((_, i) => Math.min(people.length, (i + 1) * 1000)),
    );
    expect(new Set(employees.map((e) => e.email)).size).toBe(people.length);
  });

  it('copies the fields an admin adds to the source into attributes, and only those', async () => {
    const directory = generateDirectory({ people: 50, now });
    const running = await start({ directory });
    const { employees } = await run(running, { fields: ['jobTitle', 'employeeNumber', 'hireDate'] });
    const person = directory.people.find((p) => p.kind === 'employee');
    const e = employees.find((x) => x.email === person?.email);
    expect(e?.attributes).toEqual({
      jobTitle: person?.jobTitle,
      employeeNumber: person?.employeeNumber,
      hireDate: person?.createdAt.slice(0, 10),
    });
  });

  it('fails the run naming a field BambooHR leaves out of the report', async () => {
    const running = await start({ people: 20 });
    const error = await failure(run(running, { fields: ['jobTitle', 'shoeSize'] }));
    expect(error.code).toBe('invalid_data');
    expect(error.message).toContain('shoeSize');
    expect(error.message).not.toContain('jobTitle');
    expect(error.details).toEqual([{ field: 'fields', message: 'BambooHR did not return "shoeSize"' }]);
  });

  it('reports an employee without a work email as a rejected row naming the employee, and keeps the others', async () => {
    const directory = generateDirectory({ people: 40, now });
    const target = directory.people.find((p) => p.kind === 'employee');
    if (!target) throw new Error('no employee generated');
    target.email = '';
    const running = await start({ directory });
    const { employees, rejected } = await run(running);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      field: 'workEmail',
      path: expect.stringMatching(/^employees\[id \d+\]$/),
    });
    expect(rejected[0]?.message).toContain(target.displayName);
    expect(employees).toHaveLength(directory.people.filter((p) => p.kind !== 'service').length - 1);
  });

  it('counts once an employee BambooHR lists twice', async () => {
    const directory = generateDirectory({ people: 400, now });
    const running = await start({ directory, faults: { repeatUserAcrossPages: true } });
    const { employees } = await run(running);
    const people = directory.people.filter((p) => p.kind !== 'service');
    expect(employees).toHaveLength(people.length);
    expect(new Set(employees.map((e) => e.email)).size).toBe(people.length);
  });

  it('completes when throttled (429 + Retry-After)', async () => {
    const running = await start({ people: 50, faults: { throttleEvery: 1 } });
    const { employees } = await run(running);
    expect(employees.length).toBeGreaterThan(0);
    expect(running.faults.callCount).toBe(2);
  });

  it('completes after a server error, a timeout, and a truncated answer', async () => {
    const running = await start({ people: 50 });
    const expected = (await run(running)).employees.length;
    for (const faults of [{ failPages: [1] }, { timeoutPages: [1] }, { truncatePages: [1] }]) {
      running.faults.set(faults);
      const { employees } = await run(running, { http: { timeoutMs: 300 } });
      expect(employees, JSON.stringify(faults)).toHaveLength(expected);
      expect(running.faults.callCount, JSON.stringify(faults)).toBe(2);
    }
  });

  it('throws transient when the report still fails after every retry', async () => {
    const running = await start({ people: 10, faults: { failPages: [1], faultTimes: 10 } });
    const error = await failure(run(running, { http: { maxAttempts: 3 } }));
    expect(error.code).toBe('transient');
    expect(error.message).toMatch(
      /BambooHR kept failing .* after 3 attempts: HTTP 500: An internal error occurred/,
    );
  });

  it('ends the run as auth with BambooHR’s own text when the key is revoked or wrong', async () => {
    const running = await start({ people: 10, faults: { revokeTokenAfterCalls: 0 } });
    const revoked = await failure(run(running));
    expect(revoked.code).toBe('auth');
    expect(revoked.message).toBe('BambooHR refused the credentials (HTTP 401): Invalid API key');

    running.faults.set({});
    running.expireTokens();
    expect((await failure(run(running))).code).toBe('auth');
    const wrong = await failure(run(running, {}, { apiKey: 'not-a-key' }));
    expect(wrong.code).toBe('auth');
    expect(wrong.message).not.toContain('not-a-key');
  });

  it('ends the run as permission when the key’s user may not run reports', async () => {
    const running = await start({ people: 10 });
    const error = await failure(run(running, {}, { apiKey: running.restrictedApiKey }));
    expect(error.code).toBe('permission');
    expect(error.message).toContain('You do not have access to run this report');
    expect(error.message).not.toContain(running.restrictedApiKey);
  });

  it('names an unknown company as not found', async () => {
    const running = await start({ people: 10 });
    const error = await failure(run(running, { companyDomain: 'other' }));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('Company not found');
  });

  it('accepts the API key as accessToken', async () => {
    const running = await start({ people: 10 });
    const apiKey = (running.source.credentials as { apiKey: string }).apiKey;
    const { employees } = await run(running, {}, { accessToken: apiKey });
    expect(employees.length).toBeGreaterThan(0);
  });

  it('fails the run when BambooHR silently leaves out a field it cannot give', async () => {
    // BambooHR may drop a field the key's user may not see instead of refusing the report.
    const employees: Record<string, string>[] = [
      { id: '1', workEmail: 'ann@acme.io', status: 'Active', jobTitle: 'CTO' },
    ];
    let hidden = new Set(['costCenter']);
    const fake = await startSimulator([
      {
        method: 'POST',
        path: /reports\/custom$/,
        handle: (request) => {
          const asked = (JSON.parse(request.body) as { fields: string[] }).fields;
          const visible = asked.filter((f) => !hidden.has(f));
          return {
            status: 200,
            json: {
              title: 'Report',
              fields: visible.map((id) => ({ id, type: 'text', name: id })),
              employees: employees.map((e) => Object.fromEntries(visible.map((f) => [f, e[f] ?? null]))),
            },
          };
        },
      },
    ]);
    try {
      const source = { config: { companyDomain: 'acme', baseUrl: fake.url }, credentials: { apiKey: 'k' } };
      const running = { source } as unknown as RunningBambooHr;
      const ok = await run(running, { fields: ['jobTitle'] });
      expect(ok.employees[0]?.attributes).toEqual({ jobTitle: 'CTO' });
      const extra = await failure(run(running, { fields: ['jobTitle', 'costCenter'] }));
      expect(extra.code).toBe('invalid_data');
      expect(extra.message).toContain('costCenter');
      expect(extra.message).not.toContain('jobTitle');
      hidden = new Set(['workEmail']);
      const core = await failure(run(running));
      expect(core.code).toBe('permission');
      expect(core.message).toContain('workEmail');
    } finally {
      await fake.close();
    }
  });

  it('waits and retries on the 503 + Retry-After BambooHR answered when throttling before September 2026', async () => {
    let calls = 0;
    const fake = await startSimulator([
      {
        method: 'POST',
        path: /reports\/custom$/,
        handle: () =>
          ++calls === 1
            ? { status: 503, headers: { 'Retry-After': '0' } }
            : {
                status: 200,
                json: {
                  title: 'Report',
                  fields: [],
                  employees: [
                    { id: '1', workEmail: 'a@acme.io', status: 'Active' },
                    { id: null, workEmail: null },
                    { workEmail: '' },
                  ],
                },
              },
      },
    ]);
    try {
      const source = { config: { companyDomain: 'acme', baseUrl: fake.url }, credentials: { apiKey: 'k' } };
      const { employees, rejected } = await run({ source } as unknown as RunningBambooHr, {
        http: { baseDelayMs: 30_000, maxDelayMs: 60_000 },
      });
      expect(calls).toBe(2);
      expect(employees.map((e) => e.email)).toEqual(['a@acme.io']);
      // Rows without an id are each reported, not folded into one.
      expect(rejected).toHaveLength(2);
    } finally {
      await fake.close();
    }
  });

  it('yields one empty page for a company without employees', async () => {
    const running = await start({ people: 0 });
    const { pages } = await run(running);
    expect(pages).toEqual([{ records: [], progress: { done: 0, total: 0 } }]);
  });

  it('is registered, and the simulator’s source settings are a valid source', async () => {
    const running = await start({ people: 1 });
    const kind = findSourceKind('bamboohr');
    expect(kind?.capabilities.employees).toBe(true);
    expect(kind?.capabilities.users).toBe(false);
    expect(kind?.configSchema.safeParse(running.source.config).success).toBe(true);
    expect(kind?.credentialsSchema?.safeParse(running.source.credentials).success).toBe(true);
    expect(kind?.credentialsSchema?.safeParse({}).success).toBe(false);
    expect(
      bambooHrSourceKind.configSchema.safeParse({ companyDomain: 'acme', fields: Array(101).fill('x') })
        .success,
    ).toBe(false);
  });
});

describe('BambooHR report row mapping', () => {
  const today = '2026-11-28';
  const base = { id: '7', firstName: 'Ann', lastName: 'Lee', workEmail: 'Ann@Acme.io' };
  const map = (row: Record<string, unknown>, extra: string[] = []) => {
    const mapped = employeeFromRow({ ...base, ...row }, extra, today);
    return mapped.rejected ? mapped.rejected : employeeRecordSchema.parse(mapped.record as SourceRecordInput);
  };

  it('reads "0000-00-00" and empty dates as no termination date', () => {
    expect(map({ status: 'Active', terminationDate: '0000-00-00' })).toMatchObject({
      status: 'active',
      terminationDate: null,
    });
    expect(map({ status: 'Active', terminationDate: null })).toMatchObject({ terminationDate: null });
    expect(map({ status: 'Inactive', terminationDate: '' })).toMatchObject({
      status: 'terminated',
      terminationDate: null,
    });
  });

  it('trusts status, keeps a future leaving date on an active person, and falls back to the date without status', () => {
    expect(map({ status: 'Active', terminationDate: '2027-01-31' })).toMatchObject({
      status: 'active',
      terminationDate: '2027-01-31',
    });
    expect(map({ status: 'Inactive', terminationDate: '2026-10-01' })).toMatchObject({
      status: 'terminated',
    });
    expect(map({ terminationDate: '2026-10-01' })).toMatchObject({ status: 'terminated' });
    expect(map({ terminationDate: '2027-10-01' })).toMatchObject({ status: 'active' });
    expect(map({ employmentHistoryStatus: 'Terminated' })).toMatchObject({ status: 'terminated' });
  });

  it('leaves out a malformed personal or manager email instead of dropping the person', () => {
    expect(
      map({ status: 'Active', homeEmail: 'not an email', supervisorEmail: 'boss@acme.io' }),
    ).toMatchObject({
      email: 'ann@acme.io',
      name: 'Ann Lee',
      personalEmail: null,
      managerEmail: 'boss@acme.io',
    });
  });

  it('rejects a malformed work email naming the employee, and keeps attribute values as BambooHR wrote them', () => {
    expect(map({ workEmail: 'ann at acme' })).toMatchObject({ path: 'employees[id 7]', field: 'workEmail' });
    expect(
      map({ status: 'Active', shirt: 'M', startedOn: '0000-00-00', n: 3 }, [
        'shirt',
        'startedOn',
        'n',
        'absent',
      ]),
    ).toMatchObject({
      attributes: { shirt: 'M', startedOn: null, n: 3, absent: null },
    });
  });
});
