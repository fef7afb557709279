import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

const csp = (headers: Record<string, unknown>) => String(headers['content-security-policy']);

describe.each(lanes)('https-only security headers on %s', (lane) => {
  describe('served over plain http', () => {
    const ctx = useTestServer(undefined, { lane, env: { ROSTER_TRUST_PROXY: '127.0.0.1' } });

    it('sends the strict policy without upgrade-insecure-requests, and no HSTS', async () => {
      for (const url of ['/', '/apps', '/api/openapi.json']) {
        const response = await ctx.server.app.inject({ url, headers: ctx.server.as('admin') });
        expect(csp(response.headers), url).toContain("script-src 'self'");
        expect(csp(response.headers), url).not.toContain('upgrade-insecure-requests');
        expect(response.headers['strict-transport-security'], url).toBeUndefined();
        expect(response.headers['cross-origin-opener-policy'], url).toBeUndefined();
        expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      }
    });

    it('believes X-Forwarded-Proto https from a trusted proxy: both headers', async () => {
      const response = await ctx.server.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
      expect(csp(response.headers)).toContain('upgrade-insecure-requests');
      expect(csp(response.headers)).toContain("script-src 'self'");
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    });

    it('ignores X-Forwarded-Proto from an address that is not a trusted proxy', async () => {
      const response = await ctx.server.app.inject({
        url: '/',
        headers: { 'x-forwarded-proto': 'https' },
        remoteAddress: '203.0.113.9',
      });
      expect(csp(response.headers)).not.toContain('upgrade-insecure-requests');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('with an https public URL', () => {
    const ctx = useTestServer(undefined, { lane, env: { ROSTER_PUBLIC_URL: 'https://roster.acme.io' } });

    it('sends upgrade-insecure-requests and HSTS', async () => {
      for (const url of ['/', '/api/apps']) {
        const response = await ctx.server.app.inject({ url, headers: ctx.server.as('admin') });
        expect(csp(response.headers), url).toContain('upgrade-insecure-requests');
        expect(response.headers['strict-transport-security'], url).toBe(
          'max-age=31536000; includeSubDomains',
        );
      }
    });
  });
});
