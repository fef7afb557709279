import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { generateDirectory } from '../../simulators/kit/directory.js';
import type { FaultOptions } from '../../simulators/kit/faults.js';
import { type RunningOkta, startOktaSimulator } from '../../simulators/okta/okta-simulator.js';
import { ConnectorError } from '../kit/connector-error.js';
import type { DeprovisionTarget } from '../kit/deprovision.js';
import type { ProviderCall } from '../kit/provider-http.js';
import type { OktaCredentials } from './okta-client.js';
import { oktaSourceKind } from './okta-source.js';

const now = new Date('2026-11-28T00:00:00.000Z');
const directory = generateDirectory({ people: 120, now, seed: 11 });
const deprovisioner = oktaSourceKind.deprovisioner;
if (!deprovisioner) throw new Error('the okta kind must declare a deprovisioner');

let running: RunningOkta | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(faults: FaultOptions = {}) {
  running = await startOktaSimulator({ directory, pageSize: 50, retryAfterSeconds: 0, faults });
  return running;
}

function contextFor(
  okta: RunningOkta,
  credentials: Record<string, unknown> = okta.source.credentials ?? {},
  source = okta.source,
) {
  const calls: ProviderCall[] = [];
  const context = {
    config: oktaSourceKind.configSchema.parse(source.config),
    credentials: oktaSourceKind.credentialsSchema?.parse(credentials) as OktaCredentials,
    signal: AbortSignal.timeout(30_000),
    outbound: loopbackFetchContext().outbound,
    onCall: (call: ProviderCall) => calls.push(call),
  };
  return { context, calls };
}

/** An active person assigned to the first app, which the simulator also serves as a second instance. */
function activeAssignee(okta: RunningOkta) {
  const appName = directory.apps[0]?.name ?? '';
  const twin = okta.org().apps.filter((a) => a.label === appName);
  const twinIds = new Set(twin.map((a) => a.id));
  const user = okta.org().listed.find(
    (u) =>
      u.status === 'ACTIVE' &&
      [...twinIds].every((id) =>
        okta
          .org()
          .assignments.get(id)
          ?.some((a) => a.id === u.id),
      ),
  );
  if (!user || twin.length < 2) throw new Error('the generated org has no user assigned to both instances');
  return { user, appName, appIds: [...twinIds] };
}

function target(app: string, email: string, externalId: string | null): DeprovisionTarget {
  return { app, email, externalId, accountStatus: 'active' };
}

const assignedApps = (okta: RunningOkta, userId: string) =>
  [...okta.org().assignments].filter(([, users]) => users.some((u) => u.id === userId)).map(([id]) => id);

describe('Okta deprovisioning against the simulated Okta Management API', () => {
  it('deactivates the user: later reads show them DEPROVISIONED without app assignments', async () => {
    const okta = await start();
    const { user } = activeAssignee(okta);
    expect(assignedApps(okta, user.id).length).toBeGreaterThan(0);
    const { context, calls } = contextFor(okta);

    const result = await deprovisioner.deprovision(
      context,
      target('Okta', String(user.profile.email), user.id),
    );

    expect(result.outcome).toBe('done');
    expect(okta.org().deprovisioned.find((u) => u.id === user.id)?.status).toBe('DEPROVISIONED');
    expect(okta.org().listed.some((u) => u.id === user.id)).toBe(false);
    expect(assignedApps(okta, user.id)).toEqual([]);
    expect(calls.map((c) => `${c.method} ${c.url.replace(okta.url, '')} ${c.status}`)).toEqual([
      `GET /api/v1/users/${user.id} 200`,
      `POST /api/v1/users/${user.id}/lifecycle/deactivate 200`,
    ]);

    // The next sync reports the account deleted, as it does for any deactivated user.
    const records = [];
    for await (const page of oktaSourceKind.fetch({
      ...contextFor(okta).context,
      input: undefined,
      ...loopbackFetchContext(),
    }))
      records.push(...page.records);
    const account = records.find((r) => r.type === 'account' && r.app === 'Okta' && r.externalId === user.id);
    expect(account).toMatchObject({ status: 'deleted' });
  });

  it('answers already for a second deactivation, a deactivated user and an unknown id, writing nothing', async () => {
    const okta = await start();
    const { user } = activeAssignee(okta);
    const email = String(user.profile.email);
    await deprovisioner.deprovision(contextFor(okta).context, target('Okta', email, user.id));
    const writes = okta.writes;

    const again = await deprovisioner.deprovision(contextFor(okta).context, target('Okta', email, user.id));
    expect(again.outcome).toBe('already');
    const leaver = okta.org().deprovisioned.find((u) => u.id !== user.id);
    if (!leaver) throw new Error('the generated org has no deactivated user');
    const old = await deprovisioner.deprovision(
      contextFor(okta).context,
      target('Okta', String(leaver.profile.email), leaver.id),
    );
    expect(old.outcome).toBe('already');
    const unknown = await deprovisioner.deprovision(
      contextFor(okta).context,
      target('Okta', 'nobody@example.com', '00uNOBODY0000000000'),
    );
    expect(unknown.outcome).toBe('already');
    expect(okta.writes).toBe(writes);
  });

  it('finds the user by email when the source gave no id', async () => {
    const okta = await start();
    const { user } = activeAssignee(okta);
    const { context, calls } = contextFor(okta);

    const result = await deprovisioner.deprovision(
      context,
      target('Okta', String(user.profile.email).toUpperCase(), null),
    );

    expect(result.outcome).toBe('done');
    expect(calls[0]).toMatchObject({ method: 'GET', url: `${okta.url}/api/v1/users`, status: 200 });
    expect(okta.org().deprovisioned.some((u) => u.id === user.id)).toBe(true);

    const missing = await deprovisioner.deprovision(
      contextFor(okta).context,
      target('Okta', 'nobody@example.com', null),
    );
    expect(missing).toMatchObject({ outcome: 'already' });
  });

  it('unassigns the user from every Okta instance of the app, through a service app, then answers already', async () => {
    const okta = await start();
    const { user, appName, appIds } = activeAssignee(okta);
    const { context, calls } = contextFor(
      okta,
      okta.clientCredentialsSource.credentials,
      okta.clientCredentialsSource,
    );

    const result = await deprovisioner.deprovision(
      context,
      target(appName, String(user.profile.email), user.id),
    );

    expect(result.outcome).toBe('done');
    for (const id of appIds)
      expect(
        okta
          .org()
          .assignments.get(id)
          ?.some((a) => a.id === user.id),
      ).toBe(false);
    // The user keeps Okta and their other apps.
    expect(okta.org().listed.find((u) => u.id === user.id)?.status).toBe('ACTIVE');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.status)).toEqual([204, 204]);

    const writes = okta.writes;
    const again = await deprovisioner.deprovision(
      contextFor(okta).context,
      target(appName, String(user.profile.email), user.id),
    );
    expect(again.outcome).toBe('already');
    // Each instance answered 404 for the missing assignment; nothing changed.
    expect(okta.writes).toBe(writes + appIds.length);
    expect(assignedApps(okta, user.id).some((id) => appIds.includes(id))).toBe(false);
  });

  it('fails saying what to do when a group membership grants the app (E0000046), not as a credentials problem', async () => {
    const okta = await start();
    const { user, appName, appIds } = activeAssignee(okta);
    const assignment = okta
      .org()
      .assignments.get(appIds[0] ?? '')
      ?.find((a) => a.id === user.id);
    if (!assignment) throw new Error('no assignment');
    assignment.scope = 'GROUP';
    const { context, calls } = contextFor(okta);

    const error = await deprovisioner
      .deprovision(context, target(appName, String(user.profile.email), user.id))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('fatal');
    expect((error as ConnectorError).message).toContain('remove the user from that group');
    expect(calls.find((c) => c.method === 'DELETE')).toMatchObject({ status: 403 });
    expect(calls.find((c) => c.method === 'DELETE')?.detail).toContain('E0000046');
    expect(
      okta
        .org()
        .assignments.get(appIds[0] ?? '')
        ?.some((a) => a.id === user.id),
    ).toBe(true);
  });

  it('fails with a clear error for an app Okta does not have', async () => {
    const okta = await start();
    const { user } = activeAssignee(okta);
    const error = await deprovisioner
      .deprovision(contextFor(okta).context, target('Not An App', String(user.profile.email), user.id))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('not_found');
    expect((error as ConnectorError).message).toContain('no active app labelled Not An App');
    expect(okta.writes).toBe(0);
  });

  it('retries a throttled write (429 with X-Rate-Limit-Reset) and succeeds', async () => {
    const okta = await start({ throttleEvery: 1 });
    const { user } = activeAssignee(okta);
    const { context, calls } = contextFor(okta);

    const result = await deprovisioner.deprovision(
      context,
      target('Okta', String(user.profile.email), user.id),
    );

    expect(result.outcome).toBe('done');
    const deactivations = calls.filter((c) => c.method === 'POST').map((c) => c.status);
    expect(deactivations).toEqual([429, 200]);
    expect(calls.find((c) => c.status === 429)?.detail).toContain('E0000047');
    expect(okta.org().deprovisioned.some((u) => u.id === user.id)).toBe(true);
  });

  it('fails with Okta’s 403 when the token lacks the manage scope, keeping the calls and the user', async () => {
    const okta = await start();
    const { user, appName } = activeAssignee(okta);
    const readOnly = okta.issueToken(['okta.users.read', 'okta.apps.read']);
    const { context, calls } = contextFor(okta, { accessToken: readOnly });

    const error = await deprovisioner
      .deprovision(context, target('Okta', String(user.profile.email), user.id))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('permission');
    expect((error as ConnectorError).message).toContain(
      'You do not have permission to perform the requested action (E0000006)',
    );
    expect(calls.map((c) => `${c.method} ${c.status}`)).toEqual(['GET 200', 'POST 403']);
    expect(calls[1]?.detail).toContain('E0000006');
    expect(okta.org().listed.find((u) => u.id === user.id)?.status).toBe('ACTIVE');

    const unassign = await deprovisioner
      .deprovision(
        contextFor(okta, { accessToken: readOnly }).context,
        target(appName, 'x@example.com', user.id),
      )
      .catch((e: unknown) => e);
    expect((unassign as ConnectorError).code).toBe('permission');
    expect(assignedApps(okta, user.id).length).toBeGreaterThan(0);
  });

  it('plans the calls without sending any', async () => {
    const okta = await start();
    const { user, appName } = activeAssignee(okta);
    const config = oktaSourceKind.configSchema.parse(okta.source.config);

    const deactivation = deprovisioner.plan(config, target('Okta', 'a@example.com', user.id));
    const byEmail = deprovisioner.plan(config, target(appName, 'a@example.com', null));

    expect(deactivation.map((c) => `${c.method} ${c.url.replace(okta.url, '')}`)).toEqual([
      `GET /api/v1/users/${user.id}`,
      `POST /api/v1/users/${user.id}/lifecycle/deactivate`,
    ]);
    expect(byEmail.map((c) => `${c.method} ${c.url.replace(okta.url, '')}`)).toEqual([
      'GET /api/v1/users',
      'GET /api/v1/apps',
      'DELETE /api/v1/apps/{appId}/users/{id}',
    ]);
    expect(okta.requests).toBe(0);
  });

  it('handles Okta itself and, while it reads apps, the apps it assigns', () => {
    const config = oktaSourceKind.configSchema.parse({ baseUrl: 'https://acme.okta.com' });
    const usersOnly = oktaSourceKind.configSchema.parse({
      baseUrl: 'https://acme.okta.com',
      includeApps: false,
    });
    expect(oktaSourceKind.capabilities.deprovisioning).toBe(true);
    expect(deprovisioner.handles(config, 'Okta')).toBe(true);
    expect(deprovisioner.handles(config, 'Slack')).toBe(true);
    expect(deprovisioner.handles(usersOnly, 'okta')).toBe(true);
    expect(deprovisioner.handles(usersOnly, 'Slack')).toBe(false);
    expect(deprovisioner.describe(config, 'Okta')).toMatch(/^Deactivates the Okta user/);
    expect(deprovisioner.describe(config, 'Slack')).toMatch(/^Unassigns the user from Slack in Okta/);
  });
});
