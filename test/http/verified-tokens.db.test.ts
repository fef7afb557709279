import { afterEach, describe, expect, it, vi } from 'vitest';
import { authenticateToken, createToken } from '../../src/modules/tokens/tokens.service.js';
import { verifiedTokenSeconds } from '../../src/modules/tokens/verified-tokens.js';
import { useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(lanes)('tokens verified a moment ago, on %s', (lane) => {
  const ctx = useTestServer(undefined, { lane });
  afterEach(() => {
    vi.useRealTimers();
  });
  const apps = (token: string) => ctx.server.app.inject({ url: '/api/apps', headers: bearer(token) });

  it('refuses a revoked token on the very next request, though it was verified the request before', async () => {
    const { token } = await createToken(ctx.roster, 'test', { name: 'nightly-report', role: 'read-only' });
    expect((await apps(token)).statusCode).toBe(200);
    expect((await apps(token)).statusCode).toBe(200);
    const revoked = await ctx.server.app.inject({
      method: 'DELETE',
      url: '/api/tokens/nightly-report',
      headers: ctx.server.as('admin'),
    });
    expect(revoked.statusCode, revoked.body).toBe(204);
    const refused = await apps(token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toBe('The API token is invalid, revoked or expired');
  });

  it('answers from memory for a few seconds, then reads the database again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { token, id } = await createToken(ctx.roster, 'test', { name: 'dashboard', role: 'read-only' });
    expect(await authenticateToken(ctx.roster, token)).toMatchObject({
      name: 'dashboard',
      role: 'read-only',
    });
    // Revoked by another process on the same database: this process hears of it only from the database.
    await ctx.roster.database.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .execute();
    expect(await authenticateToken(ctx.roster, token)).toMatchObject({ name: 'dashboard' });
    vi.setSystemTime(Date.now() + verifiedTokenSeconds * 1000);
    expect(await authenticateToken(ctx.roster, token)).toBeUndefined();
  });

  it('refuses a token that expires while it is remembered', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const expiresAt = new Date(Date.now() + 2_000);
    const { token } = await createToken(ctx.roster, 'test', { name: 'short-lived', expiresAt });
    expect(await authenticateToken(ctx.roster, token)).toMatchObject({ name: 'short-lived' });
    vi.setSystemTime(expiresAt);
    expect(await authenticateToken(ctx.roster, token)).toBeUndefined();
  });

  it('remembers a token by its secret: another secret is not let in by it', async () => {
    const { token } = await createToken(ctx.roster, 'test', { name: 'kept', role: 'read-only' });
    expect((await apps(token)).statusCode).toBe(200);
    expect((await apps(`${token}x`)).statusCode).toBe(401);
  });
});
