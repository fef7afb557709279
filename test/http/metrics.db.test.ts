import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { startMetricsListener } from '../../src/http/metrics-listener.js';
import { buildServer } from '../../src/http/server.js';
import { markLicenseStatesStale } from '../../src/modules/licenses/license-store.js';
import { useTestServer } from '../support/http.js';
import { parsePrometheusText, sampleValue } from '../support/prometheus-text.js';
import { lanes } from '../support/test-roster.js';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe.each(lanes)('metrics on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      const { db } = roster.database;
      const source = async (kind: string, name: string, health: Record<string, unknown> = {}) =>
        (
          await db
            .insertInto('sources')
            .values({ kind, name, config: '{}', ...health })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const okta = await source('okta', 'Okta', {
        last_run_status: 'failed',
        last_error_code: 'auth',
        last_error_message: 'Invalid token provided',
      });
      const bamboo = await source('bamboohr', 'BambooHR', {
        last_run_status: 'succeeded',
        last_success_at: hoursAgo(24 * 10),
      });
      await source('okta', 'Okta EU');
      const run = (
        source_id: number,
        status: 'succeeded' | 'failed' | 'held',
        minutes: number,
        records: number,
      ) =>
        db
          .insertInto('sync_runs')
          .values({
            source_id,
            status,
            trigger: 'test',
            started_at: new Date(Date.UTC(2026, 10, 1, 8, 0, 0)),
            finished_at: status === 'held' ? null : new Date(Date.UTC(2026, 10, 1, 8, minutes, 0)),
            records,
          })
          .execute();
      await run(okta, 'succeeded', 2, 100);
      await run(okta, 'succeeded', 3, 150);
      await run(okta, 'failed', 1, 0);
      await run(bamboo, 'succeeded', 1, 40);
      await run(bamboo, 'held', 0, 40);
      await db
        .insertInto('jobs')
        .values([
          { kind: 'sync', run_at: minutesAgo(10) },
          { kind: 'sync', run_at: minutesAgo(2) },
          { kind: 'sign-in-cleanup', run_at: minutesAgo(1) },
          // Not due yet: not waiting.
          { kind: 'sync', run_at: new Date(Date.now() + 3_600_000) },
        ])
        .execute();
      await db
        .updateTable('license_states_status')
        .set({ computed_at: hoursAgo(2), stale_all: false, stale_app_ids: [] })
        .execute();
    },
    { lane },
  );

  const scrape = async (headers = ctx.server.as('metrics')) => {
    const response = await ctx.server.app.inject({ url: '/metrics', headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(response.body);
  };

  it('serves /metrics to a metrics token and an admin, and refuses other roles and strangers', async () => {
    await scrape(ctx.server.as('metrics'));
    await scrape(ctx.server.as('admin'));
    for (const role of ['editor', 'read-only', 'app-owner'] as const)
      expect(
        (await ctx.server.app.inject({ url: '/metrics', headers: ctx.server.as(role) })).statusCode,
      ).toBe(403);
    expect((await ctx.server.app.inject({ url: '/metrics' })).statusCode).toBe(401);
  });

  it('gives a metrics token nothing else', async () => {
    for (const url of [
      '/api/me',
      '/api/apps',
      '/api/sources',
      '/api/overview',
      '/api/openapi.json',
      '/api/nothing',
    ]) {
      const response = await ctx.server.app.inject({ url, headers: ctx.server.as('metrics') });
      expect(response.statusCode, url).toBe(403);
      expect(JSON.stringify(response.json()), url).not.toMatch(/Okta|BambooHR/);
    }
  });

  it('times HTTP requests by route pattern and status, never by the URL asked for', async () => {
    for (const name of ['Slack', 'ann@acme.io', 'Zoom'])
      await ctx.server.app.inject({
        url: `/api/apps/${encodeURIComponent(name)}`,
        headers: ctx.server.as('admin'),
      });
    const { samples, types } = await scrape();
    expect(types.get('roster_http_request_duration_seconds')).toBe('histogram');
    const count = sampleValue(samples, 'roster_http_request_duration_seconds_count', {
      method: 'GET',
      route: '/api/apps/:ref',
      status_code: '404',
    });
    expect(count).toBe(3);
    const routes = new Set(samples.filter((s) => s.labels.route).map((s) => s.labels.route));
    for (const route of routes) expect(route).not.toMatch(/Slack|Zoom|acme/);
  });

  it('counts how the read cache answered: computed, then from memory', async () => {
    const before = await scrape();
    const at = (samples: typeof before.samples, outcome: string) =>
      sampleValue(samples, 'roster_read_cache_requests_total', { route: '/api/apps', outcome }) ?? 0;
    for (let i = 0; i < 3; i++)
      expect(
        (await ctx.server.app.inject({ url: '/api/v1/apps', headers: ctx.server.as('admin') })).statusCode,
      ).toBe(200);
    const after = await scrape();
    expect(after.types.get('roster_read_cache_requests_total')).toBe('counter');
    // The first of the three computes unless an earlier test's read is still current; the others are hits.
    expect(
      at(after.samples, 'computed') -
        at(before.samples, 'computed') +
        at(after.samples, 'hit') -
        at(before.samples, 'hit'),
    ).toBe(3);
    expect(at(after.samples, 'hit') - at(before.samples, 'hit')).toBeGreaterThanOrEqual(2);
  });

  it('counts finished sync runs by kind and outcome, with their time and records', async () => {
    const { samples, types } = await scrape();
    expect(types.get('roster_sync_runs_total')).toBe('counter');
    const at = (name: string, kind: string, outcome: string) => sampleValue(samples, name, { kind, outcome });
    expect(at('roster_sync_runs_total', 'okta', 'succeeded')).toBe(2);
    expect(at('roster_sync_runs_total', 'okta', 'failed')).toBe(1);
    expect(at('roster_sync_runs_total', 'bamboohr', 'succeeded')).toBe(1);
    expect(at('roster_sync_run_duration_seconds_total', 'okta', 'succeeded')).toBe(300);
    expect(at('roster_sync_run_records_total', 'okta', 'succeeded')).toBe(250);
    expect(at('roster_sync_run_records_total', 'bamboohr', 'succeeded')).toBe(40);
    // A held run waits for a person: in progress, not finished.
    expect(at('roster_sync_runs_total', 'bamboohr', 'held')).toBeUndefined();
    expect(sampleValue(samples, 'roster_sync_runs_in_progress', { kind: 'bamboohr', status: 'held' })).toBe(
      1,
    );
  });

  it('counts sources needing attention by the reason the console shows', async () => {
    const { samples } = await scrape();
    const reason = (r: string) => sampleValue(samples, 'roster_sources_needing_attention', { reason: r });
    expect(reason('credentials')).toBe(1);
    expect(reason('removals_held')).toBeUndefined();
    expect(reason('stale')).toBe(1);
    expect(reason('never_synced')).toBe(1);
  });

  it('reports the job queue: due jobs by kind and how long the oldest has waited', async () => {
    const { samples } = await scrape();
    expect(sampleValue(samples, 'roster_jobs_queued', { kind: 'sync' })).toBe(2);
    expect(sampleValue(samples, 'roster_jobs_queued', { kind: 'sign-in-cleanup' })).toBe(1);
    const oldest = sampleValue(samples, 'roster_jobs_oldest_queued_age_seconds')!;
    expect(oldest).toBeGreaterThanOrEqual(600);
    expect(oldest).toBeLessThan(3_600);
  });

  it('reports how old the license states are, and whether a change left them stale', async () => {
    const before = await scrape();
    const age = sampleValue(before.samples, 'roster_license_states_age_seconds')!;
    expect(age).toBeGreaterThanOrEqual(7_200);
    expect(age).toBeLessThan(3 * 3_600);
    expect(sampleValue(before.samples, 'roster_license_states_stale')).toBe(0);
    await markLicenseStatesStale(ctx.roster.database.db, 'all');
    const after = await scrape();
    expect(sampleValue(after.samples, 'roster_license_states_stale')).toBe(1);
  });

  it('keeps a registry per server, and nothing in the process-wide one', async () => {
    const other = await buildServer(ctx.roster, { logger: false });
    try {
      await other.inject({ url: '/api/sync-runs/1', headers: ctx.server.as('admin') });
      const text = await other.metrics.registry.metrics();
      const { samples } = parsePrometheusText(text);
      expect(
        sampleValue(samples, 'roster_http_request_duration_seconds_count', { route: '/api/sync-runs/:id' }),
      ).toBe(1);
      expect(
        sampleValue(samples, 'roster_http_request_duration_seconds_count', { route: '/api/apps/:ref' }),
      ).toBeUndefined();
      expect(globalRegistry.getMetricsAsArray()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('serves /metrics without authentication on ROSTER_METRICS_LISTEN, and nothing else there', async () => {
    const listener = await startMetricsListener(ctx.server.app.metrics, { host: '127.0.0.1', port: 0 });
    try {
      const address = listener.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const response = await fetch(`${base}/metrics`);
      expect(response.status).toBe(200);
      const { samples } = parsePrometheusText(await response.text());
      expect(sampleValue(samples, 'roster_sync_runs_total', { kind: 'okta', outcome: 'succeeded' })).toBe(2);
      expect((await fetch(`${base}/api/apps`)).status).toBe(404);
      expect((await fetch(`${base}/healthz`)).status).toBe(404);
    } finally {
      await listener.close();
    }
  });
});
