import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDirectory } from '../kit/directory.js';
import { type RunningGoogleAdmin, startGoogleAdminSimulator } from './google-admin-simulator.js';

interface GoogleAnswer {
  error?: { code: number; message: string; errors: { reason: string; domain: string }[]; status?: string };
  [field: string]: unknown;
}

/** The simulator's own contract for the writes deprovisioning makes: Google's shapes, scopes and errors. */
describe('simulated Google Admin SDK writes', () => {
  const directory = generateDirectory({ people: 40, now: new Date('2026-11-01T00:00:00Z') });
  const person = directory.people.find((p) => p.accountStatus === 'active' && p.licenses.length > 0)!;
  let sim: RunningGoogleAdmin;
  let readOnly: RunningGoogleAdmin;

  const call = async (target: RunningGoogleAdmin, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${target.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${target.staticAccessToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (text ? JSON.parse(text) : undefined) as GoogleAnswer,
    };
  };
  const userPath = `/admin/directory/v1/users/${encodeURIComponent(person.email)}`;
  const assignments = async (target: RunningGoogleAdmin) => {
    const items: { productId: string; skuId: string; userId: string }[] = [];
    for (const product of ['Google-Apps', '101047', '101033']) {
      const page = await call(
        target,
        'GET',
        `/apps/licensing/v1/product/${product}/users?customerId=${target.customerId}&maxResults=1000`,
      );
      items.push(...((page.body.items ?? []) as typeof items));
    }
    return items.filter((i) => i.userId === person.email);
  };

  beforeAll(async () => {
    sim = await startGoogleAdminSimulator({ directory });
    readOnly = await startGoogleAdminSimulator({
      directory,
      staticTokenScopes: ['admin.directory.user.readonly', 'apps.licensing'],
    });
  });
  afterAll(async () => {
    await sim.close();
    await readOnly.close();
  });

  it('suspends a user with PUT (200 with the user), as later reads show', async () => {
    const put = await call(sim, 'PUT', userPath, { suspended: true });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      primaryEmail: person.email,
      suspended: true,
      suspensionReason: 'ADMIN',
    });
    expect((await call(sim, 'GET', userPath)).body).toMatchObject({ suspended: true });
    const unknown = await call(sim, 'PATCH', userPath, { favouriteColour: 'blue' });
    expect(unknown.status).toBe(400);
    const missing = await call(sim, 'PUT', '/admin/directory/v1/users/nobody%40acme.example', {
      suspended: true,
    });
    expect(missing).toMatchObject({
      status: 404,
      body: { error: { message: 'Resource Not Found: userKey' } },
    });
  });

  it('removes a licence assignment with DELETE (empty answer); a second DELETE is 404', async () => {
    const [held] = await assignments(sim);
    expect(held).toBeDefined();
    const path = `/apps/licensing/v1/product/${held!.productId}/sku/${held!.skuId}/user/${encodeURIComponent(person.email)}`;
    expect(await call(sim, 'DELETE', path)).toMatchObject({ status: 204, body: undefined });
    expect(await assignments(sim)).not.toContainEqual(expect.objectContaining({ skuId: held!.skuId }));
    expect((await call(sim, 'GET', path)).status).toBe(404);
    expect((await call(sim, 'DELETE', path)).status).toBe(404);
  });

  it('refuses a token without the write scope with 403 insufficientPermissions, changing nothing', async () => {
    const refused = await call(readOnly, 'PUT', userPath, { suspended: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      message: 'Request had insufficient authentication scopes.',
      errors: [{ reason: 'insufficientPermissions' }],
      status: 'PERMISSION_DENIED',
    });
    expect((await call(readOnly, 'GET', userPath)).body).toMatchObject({ suspended: false });
  });

  it('throttles writes as Google does: 403 usageLimits reasons or 429, without Retry-After', async () => {
    sim.faults.set({ throttleEvery: 1 });
    try {
      const seen: string[] = [];
      for (const path of [userPath, `${userPath}?a=1`, `${userPath}?a=2`, `${userPath}?a=3`]) {
        const throttled = await call(sim, 'PUT', path, { suspended: true });
        expect([403, 429]).toContain(throttled.status);
        expect(throttled.retryAfter).toBeNull();
        expect(throttled.body.error!.errors[0]!.domain).toBe('usageLimits');
        seen.push(`${throttled.status} ${throttled.body.error!.errors[0]!.reason}`);
        expect((await call(sim, 'PUT', path, { suspended: true })).status).toBe(200);
      }
      // Google's documented throttling answers, in 403 and 429 forms.
      const documented = [
        '403 rateLimitExceeded',
        '403 userRateLimitExceeded',
        '403 quotaExceeded',
        '429 rateLimitExceeded',
      ];
      expect(seen.every((s) => documented.includes(s))).toBe(true);
      expect(new Set(seen.map((s) => s.slice(0, 3)))).toEqual(new Set(['403', '429']));
    } finally {
      sim.faults.set({});
    }
  });
});
