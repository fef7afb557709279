import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/http.js';

describe('HTTP hardening', () => {
  const ctx = useTestServer();

  it('sends security headers with a strict content security policy', async () => {
    const response = await ctx.server.app.inject({ url: '/api/apps', headers: ctx.server.as('read-only') });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // HSTS and upgrade-insecure-requests only over https: security-headers.db.test.ts.
  });

  const guessLink = (token: string, remoteAddress: string) =>
    ctx.server.app.inject({ method: 'POST', url: '/auth/link', payload: { token }, remoteAddress });

  it('limits guesses at sign-in and setup links', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await guessLink(`rsi_guess${i}`, '10.9.8.7')).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await guessLink('rsi_guess-again', '10.9.8.7');
    expect(limited.json().error.code).toBe('rate_limited');
    // When the window ends, so a client knows when to try again.
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60); // the link limit's window
    expect(limited.json().error.message).toContain(`try again in ${retryAfter} seconds`);
    // Another address is not affected.
    expect((await guessLink('rsi_other-guess', '10.9.8.6')).statusCode).toBe(401);
    for (let i = 0; i < 11; i++) {
      await ctx.server.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { token: 'rsu_guessing-a-token', email: 'x@acme.io' },
        remoteAddress: '10.9.8.5',
      });
    }
    const setup = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token: 'rsu_guessing-a-token', email: 'x@acme.io' },
      remoteAddress: '10.9.8.5',
    });
    expect(setup.statusCode).toBe(429);
  });

  it('limits how many API tokens one principal creates in an hour', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push(
        (
          await ctx.server.app.inject({
            method: 'POST',
            url: '/api/tokens',
            headers: ctx.server.as('admin'),
            payload: { name: `bulk-${i}` },
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
