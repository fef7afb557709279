import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliArgs, repoRoot } from '../support/cli.js';
import { eventually } from '../support/eventually.js';

const dir = mkdtempSync(join(tmpdir(), 'roster-serve-'));

/** `roster serve --demo`, as behind `npm run demo`: loads the demo, serves it, prints a sign-in link. */
describe('roster serve --demo', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the demo organisation behind a one-time sign-in link', async () => {
    const child = spawn(process.execPath, [...cliArgs, 'serve', '--demo', '--port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, ROSTER_DEMO_DATA_DIR: join(dir, 'demo'), ROSTER_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const link = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /(http:\/\/\S+\/auth\/link\?token=\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      expect(out).toMatch(/Roster is serving at http:\/\/127\.0\.0\.1:\d+/);
      const base = new URL(link).origin;

      expect((await fetch(`${base}/api/apps`)).status).toBe(401);
      // Opening the link (as a chat app's preview does) shows a page and uses nothing; its button posts it.
      const page = await fetch(link, { redirect: 'manual' });
      expect(page.status).toBe(200);
      const token = new URL(link).searchParams.get('token')!;
      const post = () =>
        fetch(`${base}/auth/link`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token }).toString(),
        });
      const signIn = await post();
      expect(signIn.status).toBe(303);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);
      // The link works once.
      expect((await post()).status).toBe(401);

      const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as Record<
        string,
        unknown
      >;
      expect(me).toMatchObject({ role: 'admin', kind: 'session' });
      const apps = (await (await fetch(`${base}/api/apps?limit=500`, { headers: { cookie } })).json()) as {
        items: unknown[];
      };
      // The 60 apps of the demo's feeds, and Microsoft 365 read from the simulated Entra ID tenant.
      expect(apps.items).toHaveLength(61);
      const users = (await (await fetch(`${base}/api/users?limit=500`, { headers: { cookie } })).json()) as {
        items: { type: string }[];
      };
      const types = new Set(users.items.map((u: { type: string }) => u.type));
      expect([...types].sort()).toEqual(['employee', 'external', 'past_employee', 'service']);
      const runs = (await (
        await fetch(`${base}/api/sync-runs?limit=500`, { headers: { cookie } })
      ).json()) as { items: { status: string }[] };
      // 58 imports, 4 connector syncs, and Okta's second sync after its token was revoked.
      expect(runs.items).toHaveLength(63);
      expect(runs.items.filter((r) => r.status !== 'succeeded')).toHaveLength(1);
      const sources = (await (await fetch(`${base}/api/sources`, { headers: { cookie } })).json()) as {
        items: { name: string; health: { status: string; message: string | null } }[];
      };
      const attention = sources.items.filter((s) => s.health.status === 'needs_attention');
      expect(attention.map((s) => s.name)).toEqual(['Okta']);
      expect(attention[0]!.health.message).toContain('Invalid token provided');
      // The simulated providers keep running while the demo serves: Entra ID syncs again from the API.
      const entra = await fetch(`${base}/api/sources/Microsoft%20Entra%20ID/sync`, {
        method: 'POST',
        headers: { cookie, 'x-roster-request': '1' },
      });
      // Answered at once with the running run; its row tells how it ends.
      expect(entra.status).toBe(202);
      const followed = ((await entra.json()) as { links: { run: string } }).links.run;
      const ended = await eventually(
        async () =>
          (await (await fetch(`${base}${followed}`, { headers: { cookie } })).json()) as { status: string },
        (run) => run.status !== 'running',
        { what: 'the Entra ID sync to end' },
      );
      expect(ended.status).toBe('succeeded');
      // A cookie session must prove it is the console before changing anything.
      const blocked = await fetch(`${base}/api/apps`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: '{"name":"X"}',
      });
      expect(blocked.status).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
