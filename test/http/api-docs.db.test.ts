import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

/**
 * The browsable API reference at /api/docs: a public page whose scripts and styles Roster serves itself
 * (no internet needed), under the console's strict content security policy, loading a document that needs
 * access like every API route.
 */
describe.each(lanes)('the API reference on %s', (lane) => {
  const ctx = useTestServer(undefined, { lane });
  const get = (url: string, headers: Record<string, string> = {}) =>
    ctx.server.app.inject({ method: 'GET', url, headers });

  it('answers the page with only local scripts, allowed by the strict policy', async () => {
    const page = await get('/api/docs');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    // Every script is a file of this origin (no inline script the policy would block, no CDN).
    const scripts = [...page.body.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(inline?.trim()).toBe('');
      expect(attributes).toMatch(/src="\/api\/docs\/static\//);
    }
    const stylesheets = [...page.body.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(stylesheets.length).toBeGreaterThan(0);
    for (const src of [...scripts.map((s) => /src="([^"]+)"/.exec(s[1] ?? '')?.[1]), ...stylesheets]) {
      const asset = await get(src ?? '');
      expect(asset.statusCode, src).toBe(200);
      expect(asset.body.length, src).toBeGreaterThan(0);
    }
  });

  it('loads a document that needs access, which lists the API', async () => {
    const initializer = await get('/api/docs/static/swagger-initializer.js');
    expect(initializer.body).toContain("resolveUrl('./json')");
    expect((await get('/api/docs/json')).statusCode).toBe(401);
    const document = await get('/api/docs/json', ctx.server.as('read-only'));
    expect(document.statusCode, document.body).toBe(200);
    const spec = JSON.parse(document.body);
    expect(spec.info.title).toBe('Roster API');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/apps', '/api/v1/offboardings']));
    // The reference itself is no API route of the document.
    expect(Object.keys(spec.paths).filter((p) => p.startsWith('/api/docs'))).toEqual([]);
    expect((await get('/api/apps')).statusCode).toBe(401);
  });
});
