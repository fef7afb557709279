import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDirectory } from '../kit/directory.js';
import type { RunningProvider } from '../kit/simulated-provider.js';
import { graphSimulatorCredentials, startMicrosoftGraph } from './graph-simulator.js';

/** The parts of Graph and token answers these tests read. */
interface Answer {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  error: { code: string; message: string; innerError?: Record<string, string> } & Record<string, unknown>;
  access_token: string;
  error_description: string;
}

/** The simulator's own contract: Graph's shapes, limits and errors, as the connector tests rely on them. */
describe('simulated Microsoft Graph', () => {
  let graph: RunningProvider;
  let token: string;
  const config = () => graph.source.config as { baseUrl: string; tokenUrl: string; tenantId: string };
  const get = async (path: string, bearer: string | null = token) => {
    const response = await fetch(path.startsWith('http') ? path : `${config().baseUrl}${path}`, {
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Answer };
  };
  const tokenRequest = (form: Record<string, string>, url = config().tokenUrl) =>
    fetch(url, { method: 'POST', body: new URLSearchParams(form) }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Answer,
    }));
  const goodForm = {
    grant_type: 'client_credentials',
    client_id: graphSimulatorCredentials.clientId,
    client_secret: graphSimulatorCredentials.clientSecret,
    scope: 'https://graph.microsoft.com/.default',
  };

  beforeAll(async () => {
    graph = await startMicrosoftGraph({
      directory: generateDirectory({ people: 300, now: new Date('2026-11-01T00:00:00Z') }),
      guests: 2,
      retryAfterSeconds: 7,
    });
    token = (await tokenRequest(goodForm)).body.access_token;
  });
  afterAll(() => graph.close());

  it('issues client-credentials tokens and refuses bad ones the OAuth way', async () => {
    const issued = await tokenRequest(goodForm);
    expect(issued).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 3599 } });
    expect(typeof issued.body.access_token).toBe('string');
    const secret = await tokenRequest({ ...goodForm, client_secret: 'wrong' });
    expect(secret).toMatchObject({ status: 401, body: { error: 'invalid_client', error_codes: [7000215] } });
    expect(secret.body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    const scope = await tokenRequest({ ...goodForm, scope: 'User.Read' });
    expect(scope).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const tenant = await tokenRequest(goodForm, config().tokenUrl.replace(config().tenantId, 'other-tenant'));
    expect(tenant).toMatchObject({ status: 400, body: { error: 'invalid_request', error_codes: [90002] } });
  });

  it('answers 401 InvalidAuthenticationToken without, with a bad, or with an expired token', async () => {
    for (const bearer of [null, 'not-a-token']) {
      const { status, body } = await get('/users', bearer);
      expect(status).toBe(401);
      expect(body.error).toMatchObject({
        code: 'InvalidAuthenticationToken',
        innerError: { 'request-id': expect.any(String) },
      });
    }
    const soon = (await tokenRequest(goodForm)).body.access_token;
    graph.expireTokens();
    const expired = await get('/users', soon);
    expect(expired.body.error).toMatchObject({
      message: 'Lifetime validation failed, the token is expired.',
    });
    token = (await tokenRequest(goodForm)).body.access_token;
  });

  it('pages users with a full @odata.nextLink carrying $skiptoken, default 100, at most 120 with signInActivity', async () => {
    const first = await get('/users');
    expect(first.body.value).toHaveLength(100);
    expect(Object.keys(first.body.value[0]!).sort()).toEqual(
      [
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
    expect(first.body['@odata.nextLink']).toMatch(
      new RegExp(`^${graph.url}/v1\\.0/users\\?\\$skiptoken=[A-Za-z0-9_-]+$`),
    );
    const capped = await get('/users?$select=id,signInActivity&$top=999');
    expect(capped.body.value).toHaveLength(120);
    expect(capped.body['@odata.nextLink']).toContain('$select=id,signInActivity&$top=999&$skiptoken=');
    const all = await get('/users?$select=id,userType,userPrincipalName&$top=999');
    expect(all.body.value.length).toBeGreaterThan(250);
    expect(all.body['@odata.nextLink']).toBeUndefined();
    const guests = all.body.value.filter((u) => u.userType === 'Guest');
    expect(guests).toHaveLength(2);
    expect(guests[0]!.userPrincipalName).toMatch(/#EXT#@acme\.onmicrosoft\.com$/);
    // Someone who never signed in has no signInActivity property at all.
    const activity = await get('/users?$select=id,signInActivity&$top=120');
    expect(activity.body.value.some((u) => !('signInActivity' in u))).toBe(true);
  });

  it('refuses unknown properties and page sizes as Graph does', async () => {
    const property = await get('/users?$select=id,favouriteColour');
    expect(property.status).toBe(400);
    expect(property.body.error.message).toBe(
      "Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.",
    );
    const top = await get('/users?$top=1000');
    expect(top.status).toBe(400);
    expect(top.body.error.message).toContain('Must be between 1 and 999 inclusive');
  });

  it('throttles with 429 and Retry-After seconds', async () => {
    graph.faults.set({ throttleEvery: 1 });
    try {
      const throttled = await get('/subscribedSkus');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('7');
      expect(throttled.body.error.code).toBe('TooManyRequests');
      expect((await get('/subscribedSkus')).status).toBe(200);
    } finally {
      graph.faults.set({});
    }
  });

  it('refuses signInActivity with 403 on a tenant without Entra ID P1/P2', async () => {
    const basic = await startMicrosoftGraph({
      directory: generateDirectory({ people: 3, now: new Date() }),
      premium: false,
    });
    try {
      const c = basic.source.config as { baseUrl: string; tokenUrl: string };
      const t = (await tokenRequest(goodForm, c.tokenUrl)).body.access_token;
      const refused = await fetch(`${c.baseUrl}/users?$select=id,signInActivity`, {
        headers: { authorization: `Bearer ${t}` },
      });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as Answer).error.code).toBe(
        'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      );
      const plain = await fetch(`${c.baseUrl}/users?$select=id,mail`, {
        headers: { authorization: `Bearer ${t}` },
      });
      expect(plain.status).toBe(200);
    } finally {
      await basic.close();
    }
  });

  describe('writes to one user', () => {
    const send = async (method: string, path: string, body: unknown, bearer = token) => {
      const response = await fetch(`${config().baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: (text ? JSON.parse(text) : undefined) as Answer & Record<string, unknown>,
      };
    };
    const licensedUser = async () => {
      const all = await get('/users?$select=id,accountEnabled,assignedLicenses&$top=999');
      return all.body.value.find(
        (u) => u.accountEnabled === true && (u.assignedLicenses as unknown[]).length > 0,
      ) as { id: string; assignedLicenses: { skuId: string }[] };
    };

    it('blocks sign-in with PATCH (204) and removes licences with assignLicense (200 with the user), as later reads show', async () => {
      const user = await licensedUser();
      const sku = user.assignedLicenses[0]!.skuId;
      const seats = async () =>
        (await get('/subscribedSkus')).body.value.find((s) => s.skuId === sku)!.consumedUnits as number;
      const before = await seats();
      const patched = await send('PATCH', `/users/${user.id}`, { accountEnabled: false });
      expect(patched).toMatchObject({ status: 204, body: undefined });
      const removed = await send('POST', `/users/${user.id}/assignLicense`, {
        addLicenses: [],
        removeLicenses: [sku],
      });
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ id: user.id });
      const read = await get(`/users/${user.id}?$select=accountEnabled,assignedLicenses`);
      expect(read.body).toMatchObject({ accountEnabled: false });
      expect(
        (read.body as unknown as { assignedLicenses: { skuId: string }[] }).assignedLicenses,
      ).not.toContainEqual(expect.objectContaining({ skuId: sku }));
      expect(await seats()).toBe(before - 1);
      // Removing a licence the user no longer holds is Graph's 400.
      const again = await send('POST', `/users/${user.id}/assignLicense`, {
        addLicenses: [],
        removeLicenses: [sku],
      });
      expect(again.status).toBe(400);
      expect(again.body.error.message).toBe('User does not have a corresponding license.');
    });

    it('answers 404 Request_ResourceNotFound for an unknown user, and 400 for a missing removeLicenses', async () => {
      const missing = await send('PATCH', '/users/00000000-0000-4000-a000-000000000000', {
        accountEnabled: false,
      });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('Request_ResourceNotFound');
      const user = await licensedUser();
      const bad = await send('POST', `/users/${user.id}/assignLicense`, { addLicenses: [] });
      expect(bad.status).toBe(400);
    });

    it('throttles writes with 429 and Retry-After', async () => {
      const user = await licensedUser();
      graph.faults.set({ throttleEvery: 1 });
      try {
        const throttled = await send('PATCH', `/users/${user.id}`, { accountEnabled: false });
        expect(throttled.status).toBe(429);
        expect(throttled.headers.get('retry-after')).toBe('7');
        expect(throttled.body.error.code).toBe('TooManyRequests');
        expect((await send('PATCH', `/users/${user.id}`, { accountEnabled: false })).status).toBe(204);
      } finally {
        graph.faults.set({});
      }
    });

    it('refuses a token without the write permission with 403 Authorization_RequestDenied, changing nothing', async () => {
      const readOnly = await startMicrosoftGraph({
        directory: generateDirectory({ people: 5, now: new Date('2026-11-01T00:00:00Z') }),
        permissions: ['User.Read.All'],
      });
      try {
        const c = readOnly.source.config as { baseUrl: string; tokenUrl: string };
        const t = (await tokenRequest(goodForm, c.tokenUrl)).body.access_token;
        const headers = { authorization: `Bearer ${t}`, 'content-type': 'application/json' };
        const users = (await (
          await fetch(`${c.baseUrl}/users?$select=id,accountEnabled`, { headers })
        ).json()) as Answer;
        const enabled = users.value.find((u) => u.accountEnabled === true)!;
        const refused = await fetch(`${c.baseUrl}/users/${enabled.id}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ accountEnabled: false }),
        });
        expect(refused.status).toBe(403);
        expect(((await refused.json()) as Answer).error).toMatchObject({
          code: 'Authorization_RequestDenied',
          message: 'Insufficient privileges to complete the operation.',
        });
        const read = (await (
          await fetch(`${c.baseUrl}/users/${enabled.id}?$select=accountEnabled`, { headers })
        ).json()) as Record<string, unknown>;
        expect(read.accountEnabled).toBe(true);
      } finally {
        await readOnly.close();
      }
    });
  });
});
