import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { withMigratedDatabase } from '../support/test-roster.js';

describe('roster CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roster-cli-'));
    env = { ROSTER_DATA_DIR: withMigratedDatabase(join(dir, 'data')) };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a CSV, then reports a bad one with its rows and a non-zero exit code', async () => {
    const good = file(
      'good.csv',
      'email,name,status,role,license_types,last_used_at\nann@acme.io,Ann,active,admin,Pro,2026-11-01\n',
    );
    const ok = await runCli(['import', 'csv', '--app', 'Slack', good, '--json'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'succeeded', counters: { added: 1 } });

    const bad = file(
      'bad.csv',
      'email,name,status,role,license_types,last_used_at\nann@acme.io,Ann,active,,,\nnope,,active,,,\n',
    );
    const failed = await runCli(['import', 'csv', '--app', 'Slack', bad], env);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('row 3, email');
    expect(failed.stderr).toContain('nothing was applied');
  });

  it('adds a source, lists apps and shows a user as stable JSON', async () => {
    const snapshot = file(
      'intranet.json',
      JSON.stringify({
        users: [{ email: 'Ann@acme.io', name: 'Ann B.', licenseTypes: ['Editor'] }],
        licenseTypes: [{ name: 'Editor', purchased: 3 }],
      }),
    );
    expect((await runCli(['apps', 'add', 'Acme Intranet'], env)).code).toBe(0);
    const imported = await runCli(['import', 'custom', '--app', 'acme intranet', snapshot, '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);

    const apps = JSON.parse((await runCli(['apps', 'list', '--json'], env)).stdout);
    expect(apps.items.map((a: { name: string; origin: string }) => [a.name, a.origin])).toEqual([
      ['Acme Intranet', 'custom'],
      ['Slack', 'catalog'],
    ]);
    const user = JSON.parse((await runCli(['users', 'show', 'ANN@acme.io', '--json'], env)).stdout);
    expect(user.accounts.map((a: { app: string; nameInApp: string }) => [a.app, a.nameInApp])).toEqual([
      ['Acme Intranet', 'Ann B.'],
      ['Slack', 'Ann'],
    ]);
    const sources = JSON.parse((await runCli(['sources', 'list', '--json'], env)).stdout);
    expect(sources.items).toHaveLength(2);
    expect(JSON.stringify(sources)).not.toContain('credentials_encrypted');
  });

  it('prints a new token once as {"token"} and refuses unknown things clearly', async () => {
    const created = await runCli(['tokens', 'create', '--name', 'ci', '--role', 'read-only', '--json'], env);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).token).toMatch(/^rst_/);
    const audit = JSON.parse((await runCli(['audit', '--action', 'token.create', '--json'], env)).stdout);
    expect(audit.items).toEqual([
      expect.objectContaining({ action: 'token.create', after: { name: 'ci', role: 'read-only' } }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(JSON.parse(created.stdout).token);
    const listed = await runCli(['tokens', 'list', '--json'], env);
    expect(listed.stdout).not.toContain(JSON.parse(created.stdout).token);

    const unknownSource = await runCli(['sync', 'nothing-here'], env);
    expect(unknownSource.code).toBe(4);
    expect(unknownSource.stderr).toContain('No source "nothing-here"');
    const badKind = await runCli(['sources', 'add', 'telepathy', '--name', 'x'], env);
    expect(badKind.code).toBe(3);
    const badJson = await runCli(['sources', 'add', 'csv', '--name', 'x', '--config', '{nope'], env);
    expect(badJson.code).toBe(3);
    expect(badJson.stderr).toContain('--config is not valid JSON');
    const usage = await runCli(['no-such-command'], env);
    expect(usage.code).toBe(2);
  });

  it('holds an upload that would empty an app, says so, and discards it with roster sync --discard-held', async () => {
    const help = (await runCli(['import', 'csv', '--help'], env)).stdout.replace(/\s+/g, ' ');
    expect(help).toContain("The file REPLACES the app's list from earlier CSV uploads");
    expect(help).toContain('--confirm-removals');

    const header = 'email,name,status,role,license_types,last_used_at';
    const people = Array.from({ length: 12 }, (_, i) => `p${i}@acme.io,P${i},active,,,`);
    const full = file('jira.csv', [header, ...people].join('\n'));
    const empty = file('jira-empty.csv', `${header}\n`);
    expect((await runCli(['import', 'csv', '--app', 'Jira', full], env)).code).toBe(0);

    const held = await runCli(['import', 'csv', '--app', 'Jira', empty], env);
    expect(held.code, held.stderr).toBe(8);
    expect(held.stderr).toContain('would remove 12 of');
    expect(held.stderr).toContain('roster sync "Jira (CSV)" --confirm-removals');
    const listed = JSON.parse((await runCli(['sources', 'list', '--json'], env)).stdout);
    const jira = listed.items.find((s: { name: string }) => s.name === 'Jira (CSV)');
    expect(jira.health.message).toBe('12 removals held for confirmation');

    const discarded = await runCli(['sync', 'Jira (CSV)', '--discard-held'], env);
    expect(discarded.code, discarded.stderr).toBe(0);
    expect(discarded.stdout).toContain('nothing of it was applied');
    const nothingHeld = await runCli(['sync', 'Jira (CSV)', '--confirm-removals'], env);
    expect(nothingHeld.code).toBe(4);
  }, 300_000);

  it('applies a held upload with roster sync --confirm-removals and sets a removal threshold', async () => {
    const header = 'email,name,status,role,license_types,last_used_at';
    const empty = file('jira-empty.csv', `${header}\n`);
    expect((await runCli(['import', 'csv', '--app', 'Jira', empty], env)).code).toBe(8);
    const confirmed = await runCli(['sync', 'Jira (CSV)', '--confirm-removals', '--json'], env);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ status: 'succeeded', counters: { removed: 12 } });

    const threshold = await runCli(['sources', 'removal-threshold', 'Jira (CSV)', 'off', '--json'], env);
    expect(threshold.code, threshold.stderr).toBe(0);
    expect(JSON.parse(threshold.stdout).removalThreshold).toEqual({ disabled: true });
    const badThreshold = await runCli(['sources', 'removal-threshold', 'Jira (CSV)', 'lots'], env);
    expect(badThreshold.code).toBe(3);
    expect(badThreshold.stderr).toContain('removal-threshold');
  }, 300_000);
});
