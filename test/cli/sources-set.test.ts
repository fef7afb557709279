import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { withMigratedDatabase } from '../support/test-roster.js';

describe('roster sources set', () => {
  let dir: string;
  let env: Record<string, string>;
  const config = { tenantId: 'contoso.onmicrosoft.com', clientId: 'app-1' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roster-cli-set-'));
    env = { ROSTER_DATA_DIR: withMigratedDatabase(join(dir, 'data')) };
    for (const name of ['Entra', 'Entra spare']) {
      const added = await runCli(
        [
          'sources',
          'add',
          'microsoft-entra',
          '--name',
          name,
          '--config',
          JSON.stringify(config),
          '--credentials',
          '{"clientSecret":"first-secret-value"}',
        ],
        env,
      );
      expect(added.code, added.stderr).toBe(0);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('changes config, credentials and schedule, prints the source as JSON without the secret, and audits the fields', async () => {
    const set = await runCli(
      [
        'sources',
        'set',
        'entra',
        '--config',
        JSON.stringify({ ...config, tenantId: 'fabrikam.onmicrosoft.com' }),
        '--credentials',
        '{"clientSecret":"second-secret-value"}',
        '--schedule',
        'manual',
        '--json',
      ],
      env,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      name: 'Entra',
      config: { tenantId: 'fabrikam.onmicrosoft.com' },
      hasCredentials: true,
      schedule: null,
    });
    expect(set.stdout).not.toContain('secret-value');

    const audit = await runCli(['audit', '--action', 'source.update', '--json'], env);
    expect(JSON.parse(audit.stdout).items).toEqual([
      expect.objectContaining({
        actor: expect.stringMatching(/^cli/),
        after: {
          config: { tenantId: 'fabrikam.onmicrosoft.com' },
          credentials: { clientSecret: 'changed' },
          schedule: null,
          changed: ['schedule', 'config.tenantId', 'credentials.clientSecret'],
        },
      }),
    ]);
    expect(audit.stdout).not.toContain('secret-value');
  });

  it('refuses bad JSON and bad fields naming them (exit 3), and a taken name (exit 5), changing nothing', async () => {
    const badJson = await runCli(['sources', 'set', 'entra', '--credentials', '{clientSecret:'], env);
    expect(badJson.code).toBe(3);
    expect(badJson.stderr).toContain('credentials: must be a JSON object');

    const badConfig = await runCli(
      ['sources', 'set', 'entra', '--name', 'Renamed', '--config', '{"tenantId":"not a tenant!"}', '--json'],
      env,
    );
    expect(badConfig.code).toBe(3);
    expect(JSON.parse(badConfig.stderr).error.details).toEqual([
      expect.objectContaining({ field: 'config.tenantId' }),
    ]);

    const taken = await runCli(['sources', 'set', 'entra', '--name', 'entra SPARE'], env);
    expect(taken.code).toBe(5);

    const list = JSON.parse((await runCli(['sources', 'list', '--json'], env)).stdout);
    expect(list.items.map((s: { name: string }) => s.name)).toEqual(['Entra', 'Entra spare']);
  });
});
