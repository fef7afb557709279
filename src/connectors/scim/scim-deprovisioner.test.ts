import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { type RunningScim, startScimSimulator } from '../../simulators/scim/scim-simulator.js';
import { scimPeople } from '../../simulators/scim/scim-user-store.js';
import { ConnectorError } from '../kit/connector-error.js';
import type { DeprovisionTarget } from '../kit/deprovision.js';
import type { ProviderCall } from '../kit/provider-http.js';
import { scimDeprovisioner } from './scim-deprovisioner.js';
import { scimSourceKind } from './scim-source.js';

const fast = { baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 5_000, maxAttempts: 4 };

let running: RunningScim | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start() {
  running = await startScimSimulator({ users: scimPeople(5) });
  return running;
}

const target = (overrides: Partial<DeprovisionTarget> = {}): DeprovisionTarget => ({
  app: 'Notion',
  email: 'person0002@acme.example',
  externalId: 'user-0002',
  accountStatus: 'active',
  ...overrides,
});

function configOf(scim: RunningScim, overrides: Record<string, unknown> = {}) {
  return scimSourceKind.configSchema.parse({ ...scim.source('Notion').config, http: fast, ...overrides });
}

async function deprovision(
  scim: RunningScim,
  who: DeprovisionTarget,
  options: { config?: Record<string, unknown>; token?: string } = {},
) {
  const calls: ProviderCall[] = [];
  const result = await scimDeprovisioner.deprovision(
    {
      config: configOf(scim, options.config),
      credentials: { token: options.token ?? scim.token },
      signal: AbortSignal.timeout(30_000),
      outbound: loopbackFetchContext().outbound,
      onCall: (call) => calls.push(call),
    },
    who,
  );
  return { result, calls };
}

const writes = (scim: RunningScim) => scim.requests.filter((r) => r.method !== 'GET');

describe('deprovisioning through SCIM (deactivate, the default)', () => {
  it('sets active to false in the service, reading the user first', async () => {
    const scim = await start();
    const { result, calls } = await deprovision(scim, target());
    expect(result.outcome).toBe('done');
    expect(scim.store.get('user-0002')?.active).toBe(false);
    expect(scim.store.get('user-0001')?.active).toBe(true);
    expect(calls.map((c) => [c.method, c.url.replace(scim.url, ''), c.status])).toEqual([
      ['GET', '/Users/user-0002', 200],
      ['PATCH', '/Users/user-0002', 200],
    ]);
  });

  it('does not count a deactivation the service answered but did not apply', async () => {
    const scim = await start();
    scim.quirks.ignorePatches = true;
    const error = await deprovision(scim, target()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).message).toContain('still shows the user as active');
  });

  it('answers already on a second call, and writes nothing', async () => {
    const scim = await start();
    await deprovision(scim, target());
    const before = writes(scim).length;
    const { result } = await deprovision(scim, target());
    expect(result.outcome).toBe('already');
    expect(writes(scim)).toHaveLength(before);
    expect(scim.store.get('user-0002')?.active).toBe(false);
  });

  it('answers already for a user the service no longer has (404)', async () => {
    const scim = await start();
    const { result, calls } = await deprovision(scim, target({ externalId: 'user-gone' }));
    expect(result.outcome).toBe('already');
    expect(calls.map((c) => c.status)).toEqual([404]);
    expect(writes(scim)).toHaveLength(0);
  });

  it('finds the user by userName when Roster has no SCIM id', async () => {
    const scim = await start();
    const { result } = await deprovision(
      scim,
      target({ externalId: null, email: 'person0004@acme.example' }),
    );
    expect(result.outcome).toBe('done');
    expect(scim.store.get('user-0004')?.active).toBe(false);
    expect(scim.requests[0]?.query.filter).toBe('userName eq "person0004@acme.example"');
    const unknown = await deprovision(scim, target({ externalId: null, email: 'nobody@acme.example' }));
    expect(unknown.result.outcome).toBe('already');
  });

  it('retries a throttled write (429 with Retry-After) and succeeds', async () => {
    const scim = await start();
    scim.throttle(2, { writesOnly: true });
    const { result, calls } = await deprovision(scim, target());
    expect(result.outcome).toBe('done');
    expect(scim.store.get('user-0002')?.active).toBe(false);
    expect(calls.map((c) => [c.method, c.status])).toEqual([
      ['GET', 200],
      ['PATCH', 429],
      ['PATCH', 429],
      ['PATCH', 200],
    ]);
  });

  it('fails with the SCIM detail and keeps the calls when the token may not write (403)', async () => {
    const scim = await start();
    const calls: ProviderCall[] = [];
    const error = await scimDeprovisioner
      .deprovision(
        {
          config: configOf(scim),
          credentials: { token: scim.readOnlyToken },
          signal: AbortSignal.timeout(30_000),
          outbound: loopbackFetchContext().outbound,
          onCall: (call) => calls.push(call),
        },
        target(),
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('permission');
    expect((error as ConnectorError).message).toContain('This token may read users but not change them');
    expect(calls.map((c) => [c.method, c.status])).toEqual([
      ['GET', 200],
      ['PATCH', 403],
    ]);
    expect(calls[1]?.detail).toBe('This token may read users but not change them');
    expect(scim.store.get('user-0002')?.active).toBe(true);
  });

  it('fails a refused token (401) with the SCIM detail', async () => {
    const scim = await start();
    const error = await deprovision(scim, target(), { token: 'nope' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as ConnectorError).code).toBe('auth');
    expect((error as ConnectorError).message).toContain('The bearer token is missing, expired or wrong');
  });
});

describe('deprovisioning through SCIM (delete)', () => {
  it('deletes the user, and a second call is already', async () => {
    const scim = await start();
    const first = await deprovision(scim, target(), { config: { deprovision: 'delete' } });
    expect(first.result.outcome).toBe('done');
    expect(scim.store.get('user-0002')).toBeUndefined();
    expect(scim.store.size).toBe(4);
    expect(first.calls.map((c) => [c.method, c.status])).toEqual([['DELETE', 204]]);
    const second = await deprovision(scim, target(), { config: { deprovision: 'delete' } });
    expect(second.result.outcome).toBe('already');
    expect(scim.store.size).toBe(4);
  });
});

describe('planning a SCIM deprovisioning', () => {
  it('lists the calls without sending any', async () => {
    const scim = await start();
    const config = configOf(scim);
    expect(scimDeprovisioner.plan(config, target()).map((c) => [c.method, c.url])).toEqual([
      ['GET', `${scim.url}/Users/user-0002`],
      ['PATCH', `${scim.url}/Users/user-0002`],
    ]);
    const lookup = scimDeprovisioner.plan(
      configOf(scim, { deprovision: 'delete' }),
      target({ externalId: null }),
    );
    expect(lookup.map((c) => [c.method, c.url])).toEqual([
      ['GET', `${scim.url}/Users`],
      ['DELETE', `${scim.url}/Users/{id}`],
    ]);
    expect(lookup[0]?.purpose).toContain('userName eq "person0002@acme.example"');
    expect(scim.requests).toEqual([]);
    expect(scim.store.get('user-0002')?.active).toBe(true);
  });

  it('handles its own app only, and says what it will do', () => {
    const config = scimSourceKind.configSchema.parse({
      app: 'Notion',
      baseUrl: 'https://scim.example.com/v2',
    });
    expect(scimDeprovisioner.handles(config, 'notion')).toBe(true);
    expect(scimDeprovisioner.handles(config, 'Slack')).toBe(false);
    expect(scimDeprovisioner.describe(config, 'Notion')).toContain('Deactivates');
    expect(scimDeprovisioner.describe({ ...config, deprovision: 'delete' }, 'Notion')).toContain('Deletes');
  });
});
