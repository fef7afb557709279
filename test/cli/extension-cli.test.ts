import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { withMigratedDatabase } from '../support/test-roster.js';

describe('roster extension', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roster-extension-cli-'));
    env = { ROSTER_DATA_DIR: withMigratedDatabase(join(dir, 'data')) };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('issues a token for an address of the organisation, an enrollment token, lists and revokes them', async () => {
    expect((await runCli(['settings', 'set', '--domains', 'acme.io'], env)).code).toBe(0);
    const personal = await runCli(['extension', 'token', 'ann@gmail.com', '--json'], env);
    expect(personal.code).not.toBe(0);
    expect(JSON.parse(personal.stderr).error.details[0].field).toBe('email');

    const issued = await runCli(['extension', 'token', 'Ann@acme.io', '--json'], env);
    expect(issued.code, issued.stderr).toBe(0);
    const token = JSON.parse(issued.stdout);
    expect(token).toMatchObject({ kind: 'reporting', email: 'ann@acme.io', issuedVia: 'admin' });
    expect(token.token).toMatch(/^rxt_/);

    const enrollment = await runCli(['extension', 'token', '--enrollment', '--json'], env);
    expect(JSON.parse(enrollment.stdout)).toMatchObject({ kind: 'enrollment', email: null });

    const listed = await runCli(['extension', 'tokens', '--json'], env);
    expect(listed.stdout).not.toContain(token.token);
    expect(JSON.parse(listed.stdout).items.map((t: { id: number }) => t.id)).toHaveLength(2);

    expect((await runCli(['extension', 'revoke', String(token.id)], env)).code).toBe(0);
    const after = JSON.parse((await runCli(['extension', 'tokens', '--json'], env)).stdout);
    expect(after.items.map((t: { kind: string }) => t.kind)).toEqual(['enrollment']);
    // Seven starts of the CLI, each opening the data: generous on a busy machine.
  }, 600_000);
});
