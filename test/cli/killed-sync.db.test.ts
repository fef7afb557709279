import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { recoverStoppedWork } from '../../src/jobs/recover-stopped-work.js';
import { addSource, getSource, syncSource } from '../../src/modules/sources/sources.service.js';
import { openRoster, type Roster } from '../../src/roster.js';
import { generateDirectory } from '../../src/simulators/kit/directory.js';
import { type RunningOkta, startOktaSimulator } from '../../src/simulators/okta/okta-simulator.js';
import { runCli } from '../support/cli.js';
import { eventually } from '../support/eventually.js';
import { loopbackAllow } from '../support/outbound.js';
import { createServerDatabase, lanes, testServerKey } from '../support/test-roster.js';

/**
 * A real `roster sources sync` process is killed with SIGKILL while its sync is certainly mid-way (the Okta
 * simulator holds the second page of users), and another process takes over: on a server, once the killed
 * process's lease has run out; on the embedded database, at the next start.
 */
describe.each(lanes)('a sync whose process is killed on %s', (lane) => {
  let okta: RunningOkta;
  let dir: string;
  let server: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  let env: Record<string, string>;
  const open = () => openRoster(loadConfig({ ...env, ROSTER_LOG_LEVEL: 'silent' }));
  const name = 'Okta';

  beforeAll(async () => {
    okta = await startOktaSimulator({
      directory: generateDirectory({ people: 45, now: new Date() }),
      pageSize: 10,
    });
    dir = mkdtempSync(join(tmpdir(), 'roster-killed-sync-'));
    server = lane === 'postgres' ? await createServerDatabase() : undefined;
    env = {
      ROSTER_DATA_DIR: join(dir, 'data'),
      ...(server ? { DATABASE_URL: server.url, ROSTER_SECRET_KEY: testServerKey } : {}),
      // The simulated Okta listens on loopback, which a process reaches only through the allow list.
      ROSTER_OUTBOUND_ALLOW: loopbackAllow,
      ROSTER_LEASE_SECONDS: '2',
      ROSTER_LEASE_RENEW_SECONDS: '0.5',
    };
  });
  afterAll(async () => {
    await okta.close();
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is failed by another process, after which the source is no longer syncing and syncs again', async () => {
    let roster: Roster = await open();
    try {
      const source = await addSource(roster, 'test', {
        kind: 'okta',
        name,
        // The held page must not time out in the killed process before the test kills it.
        config: { ...okta.source.config, http: { timeoutMs: 120_000, baseDelayMs: 1, maxDelayMs: 50 } },
        credentials: okta.source.credentials,
      });
      // Only one process may open an embedded database: the test lets go of it for the child's run.
      if (lane === 'pglite') await roster.close();

      okta.faults.set({ holdPages: [2] });
      let stderr = '';
      let kill: (() => void) | undefined;
      const child = runCli(['sources', 'sync', name], env, {
        onStderr: (text, killChild) => {
          stderr = text;
          kill = killChild;
        },
      });
      await okta.faults.whenHeld();
      await eventually(
        async () => stderr,
        (text) => text.includes('fetched page 1'),
        { what: 'the first page in the child' },
      );
      if (lane === 'postgres') {
        // Seen from this process: the run is under way, with its progress, and the source is syncing.
        const run = await eventually(
          () =>
            roster.database.db
              .selectFrom('sync_runs')
              .selectAll()
              .where('source_id', '=', source.id)
              .executeTakeFirstOrThrow(),
          (r) => r.pages >= 1,
          { what: 'progress on the run' },
        );
        expect(run.status).toBe('running');
        expect((await getSource(roster, name)).health.status).toBe('syncing');
      }
      kill!();
      expect((await child).signal).toBe('SIGKILL');

      if (lane === 'pglite') {
        roster = await open();
      } else {
        // Any process recovers the run once the lease ran out: minutes at most, here two seconds.
        await eventually(
          () => recoverStoppedWork(roster.database),
          (recovered) => recovered.runs === 1,
          { what: 'the killed run being failed', everyMs: 200 },
        );
      }

      const runs = await roster.database.db
        .selectFrom('sync_runs')
        .select(['status', 'error_code', 'error_message', 'heartbeat_at'])
        .where('source_id', '=', source.id)
        .execute();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ status: 'failed', error_code: 'interrupted' });
      expect(runs[0]!.error_message).toBe(
        `The process running this sync stopped: no sign of life since ${runs[0]!.heartbeat_at!.toISOString()}; nothing was applied`,
      );
      const health = (await getSource(roster, name)).health;
      expect(health).toMatchObject({ status: 'needs_attention', reason: 'sync_failed' });
      expect(health.message).toContain('no sign of life since');

      okta.faults.set({});
      expect((await syncSource(roster, 'test', name)).status).toBe('succeeded');
      expect((await getSource(roster, name)).health.status).toBe('ok');
    } finally {
      await roster.close().catch(() => {});
    }
  });
});
