import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { keyFilePath } from '../../src/lib/key-file.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { openRoster, type Roster } from '../../src/roster.js';
import { runCli } from '../support/cli.js';
import { newDemoDataDir } from '../support/demo-template.js';
import { openTestRoster, type TestRoster, testConfig } from '../support/test-roster.js';

type Observation = { source: string; role: 'direct' | 'partial' };
type Account = {
  email: string;
  instance: string;
  status: string;
  removedAt: string | null;
  sources: Observation[];
};
type AppSummary = { name: string; users: number; activeAccounts: number };
type AppDetail = AppSummary & { instances: { name: string; accounts: number }[] };
type Person = { email: string; apps: number };
type PersonDetail = Person & { accounts: (Account & { app: string })[] };

/**
 * The demo organisation read three ways, the API, the CLI and the figures the console shows (which are the
 * API's): an app's user count is the rows of its Users tab, its active accounts those rows that are active,
 * and a person's app count the distinct apps of their active accounts, everywhere.
 */
describe('counts on the demo organisation', () => {
  let roster: TestRoster;
  let env: Record<string, string>;
  const api = {
    apps: [] as AppSummary[],
    details: new Map<string, AppDetail & { accounts: Account[] }>(),
    people: [] as Person[],
    persons: new Map<string, PersonDetail>(),
  };

  beforeAll(async () => {
    roster = await openTestRoster('pglite', {}, (await newDemoDataDir()).dataDir);
    env = { ROSTER_DATA_DIR: roster.dataDir };
    const server = await buildServer(roster, { logger: false });
    const { token } = await createToken(roster, 'test', { name: 'counts', role: 'read-only' });
    const get = async <T>(url: string): Promise<T> => {
      const response = await server.inject({ url, headers: { authorization: `Bearer ${token}` } });
      expect(response.statusCode, url).toBe(200);
      return response.json() as T;
    };
    const all = async <T>(path: string): Promise<T[]> => {
      const items: T[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: T[]; nextCursor: string | null } = await get(
          `${path}${path.includes('?') ? '&' : '?'}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    };
    api.apps = await all<AppSummary>('/api/apps');
    for (const app of api.apps) {
      const ref = encodeURIComponent(app.name);
      const detail = await get<AppDetail>(`/api/apps/${ref}?limit=1`);
      const accounts: Account[] = [];
      let cursor: string | null = null;
      do {
        const page: { accounts: { items: Account[]; nextCursor: string | null } } = await get(
          `/api/apps/${ref}?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        accounts.push(...page.accounts.items);
        cursor = page.accounts.nextCursor;
      } while (cursor);
      api.details.set(app.name, { ...detail, accounts });
    }
    api.people = await all<Person>('/api/users');
    // Each person's page is one request: a quarter of the list, and the twenty with the most apps, cover
    // every kind of person the demo holds without reading a thousand pages.
    const busiest = [...api.people].sort((a, b) => b.apps - a.apps).slice(0, 20);
    const sample = new Set([...api.people.filter((_, i) => i % 4 === 0), ...busiest]);
    for (const person of sample)
      api.persons.set(
        person.email,
        await get<PersonDetail>(`/api/users/${encodeURIComponent(person.email)}`),
      );
    await server.close();
    // The CLI opens the same embedded database, which one process may hold at a time.
    await roster.database.close();
  }, 600_000);
  afterAll(async () => {
    await roster.close();
  });

  it("counts each app's users as the rows of its Users tab, and its active accounts as the active rows", () => {
    expect(api.apps.length).toBeGreaterThan(50);
    for (const app of api.apps) {
      const detail = api.details.get(app.name)!;
      expect(detail.users, app.name).toBe(app.users);
      expect(detail.accounts.length, app.name).toBe(app.users);
      expect(detail.accounts.filter((a) => a.status === 'active').length, app.name).toBe(app.activeAccounts);
      expect(
        detail.instances.reduce((n, i) => n + i.accounts, 0),
        app.name,
      ).toBe(app.users);
      // One row per user per instance, each with the sources that saw it.
      const keys = new Set(detail.accounts.map((a) => `${a.email}|${a.instance}`));
      expect(keys.size, app.name).toBe(detail.accounts.length);
      for (const a of detail.accounts) expect(a.sources.length, `${app.name} ${a.email}`).toBeGreaterThan(0);
    }
  });

  it('shows Slack once per user, with every source that saw them', () => {
    const slack = api.details.get('Slack')!;
    expect(slack.instances).toHaveLength(1);
    expect(new Set(slack.accounts.map((a) => a.email)).size).toBe(slack.accounts.length);
    const seenBy = new Set(slack.accounts.flatMap((a) => a.sources.map((s) => `${s.source}:${s.role}`)));
    expect([...seenBy].filter((s) => s.endsWith(':partial')).length).toBeGreaterThanOrEqual(2);
  });

  it("counts a person's apps as the distinct apps of their active accounts, on the list and their page", () => {
    expect(api.people.length).toBeGreaterThan(400);
    let withSeveral = 0;
    expect(api.persons.size).toBeGreaterThan(100);
    for (const person of api.people) {
      const detail = api.persons.get(person.email);
      if (!detail) continue;
      const active = detail.accounts.filter((a) => a.removedAt === null && a.status === 'active');
      expect(detail.apps, person.email).toBe(person.apps);
      expect(new Set(active.map((a) => a.app)).size, person.email).toBe(person.apps);
      // Each app once: one account per app instance.
      expect(new Set(active.map((a) => `${a.app}|${a.email}|${a.instance}`)).size).toBe(active.length);
      if (person.apps > 5) withSeveral++;
    }
    expect(withSeveral).toBeGreaterThan(25);
  });

  it('gives the CLI the same numbers as the API', async () => {
    const apps = JSON.parse((await runCli(['apps', 'list', '--json'], env)).stdout) as {
      items: AppSummary[];
    };
    expect(apps.items.map(({ name, users, activeAccounts }) => ({ name, users, activeAccounts }))).toEqual(
      api.apps.map(({ name, users, activeAccounts }) => ({ name, users, activeAccounts })),
    );
    const slack = JSON.parse((await runCli(['apps', 'show', 'Slack', '--json'], env)).stdout) as AppDetail & {
      accounts: Account[];
    };
    const apiSlack = api.details.get('Slack')!;
    expect(slack.users).toBe(apiSlack.users);
    expect(slack.accounts).toEqual(apiSlack.accounts);
    const people = JSON.parse((await runCli(['users', 'list', '--json'], env)).stdout) as { items: Person[] };
    expect(people.items.map(({ email, apps }) => ({ email, apps }))).toEqual(
      api.people.map(({ email, apps }) => ({ email, apps })),
    );
    const busiest = [...api.people].sort((a, b) => b.apps - a.apps)[0]!;
    const person = JSON.parse(
      (await runCli(['users', 'show', busiest.email, '--json'], env)).stdout,
    ) as PersonDetail;
    expect(person.apps).toBe(busiest.apps);
    expect(person.accounts).toEqual(api.persons.get(busiest.email)!.accounts);
  });

  it('restores a backup of the demo into another data directory with every API list the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-demo-backup-'));
    try {
      const file = join(dir, 'demo.tar.gz');
      const backup = await runCli(['backup', file, '--json'], env);
      expect(backup.code, backup.stderr).toBe(0);
      const target = join(dir, 'restored');
      const restore = () => runCli(['restore', file, '--json'], { ROSTER_DATA_DIR: target });
      // Without the installation's key the restore is undone; with it, it opens.
      const withoutKey = await restore();
      expect(withoutKey.code).toBe(7);
      copyFileSync(keyFilePath(roster.dataDir), keyFilePath(target));
      const restored = await restore();
      expect(restored.code, restored.stderr).toBe(0);

      const original = await everyList(await roster.reopen());
      const copy = await everyList(await openRoster(testConfig(target)));
      expect(Object.keys(copy)).toEqual(Object.keys(original));
      for (const [url, body] of Object.entries(original)) expect(copy[url], url).toEqual(body);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

/** Every list the API serves, read in full, as one read-only member sees them; closes the Roster. */
async function everyList(roster: Roster): Promise<Record<string, unknown>> {
  const server = await buildServer(roster, { logger: false });
  try {
    const { token } = await createToken(roster, 'test', { name: 'lists', role: 'admin' });
    const lists: Record<string, unknown> = {};
    const urls = [
      '/api/settings',
      '/api/employees/source',
      '/api/sources',
      '/api/apps',
      '/api/users',
      '/api/licenses/inactive',
      '/api/licenses/inactive/summary',
      '/api/overview',
      '/api/merge/preview',
      '/api/members',
      '/api/offboarding/candidates',
      '/api/offboardings',
      '/api/offboarding/methods',
    ];
    const paged = new Set(['/api/apps', '/api/users', '/api/licenses/inactive']);
    for (const path of urls) {
      const pages: unknown[] = [];
      let cursor: string | null = null;
      do {
        const query = paged.has(path)
          ? `?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
          : '';
        const url = `${path}${query}`;
        const response = await server.inject({ url, headers: { authorization: `Bearer ${token}` } });
        expect(response.statusCode, url).toBe(200);
        const body = response.json() as { nextCursor?: string | null };
        pages.push(body);
        cursor = body.nextCursor ?? null;
      } while (cursor);
      lists[path] = pages;
    }
    return lists;
  } finally {
    await server.close();
    await roster.close();
  }
}
