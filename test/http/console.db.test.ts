import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { useTestServer } from '../support/http.js';

describe('the console at /', () => {
  const ctx = useTestServer();
  const root = mkdtempSync(join(tmpdir(), 'roster-console-'));
  let built: FastifyInstance;
  let missing: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    built = await buildServer(ctx.roster, { logger: false, consoleRoot: root });
    missing = await buildServer(ctx.roster, { logger: false, consoleRoot: join(root, 'nothing') });
  });
  afterAll(async () => {
    await built.close();
    await missing.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and at any console path, so deep links and reloads work', async () => {
    for (const url of ['/', '/apps/Slack', '/people/ann%40acme.io?tab=apps', '/settings/merge-users']) {
      const response = await built.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.body, url).toContain('<div id="root">');
      expect(response.headers['cache-control'], url).toBe('no-cache');
      // The strict policy stays: no inline script.
      expect(response.headers['content-security-policy'], url).toContain("script-src 'self'");
    }
  });

  it('serves built assets with a long cache, and never a file outside the build', async () => {
    const asset = await built.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const response = await built.inject({ url });
      expect(response.body, url).not.toContain('"name"');
    }
    // A malformed escape is refused as a bad request before any file is looked up, never a server error.
    const malformed = await built.inject({ url: '/apps/%E0%A4%A' });
    expect(malformed.statusCode).toBe(400);
  });

  it('keeps unknown API and sign-in URLs behind sign-in, and answers them 404 once signed in', async () => {
    for (const url of ['/api/nothing', '/api', '/auth/nothing']) {
      expect((await built.inject({ url })).statusCode, url).toBe(401);
      const signedIn = await built.inject({ url, headers: ctx.server.as('admin') });
      expect(signedIn.statusCode, url).toBe(404);
      expect(signedIn.json().error.code, url).toBe('not_found');
    }
  });

  it('says how to build the console when it is not built', async () => {
    const response = await missing.inject({ url: '/apps' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build');
  });
});
