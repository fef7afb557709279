import { addApp } from '../modules/apps/apps.service.js';
import { ensureMember } from '../modules/auth/auth.repo.js';
import { importCsv, importCustom } from '../modules/imports/imports.service.js';
import { updateSettings } from '../modules/settings/settings.service.js';
import { addSource, syncSource } from '../modules/sources/sources.service.js';
import type { Roster } from '../roster.js';
import { demoDirectory } from './demo-directory.js';
import {
  appsServedByDemoProviders,
  type RunningDemoProviders,
  startDemoProviders,
} from './demo-providers.js';
import { generateDemoOrganisation } from './generate-demo.js';

const actor = 'demo';

export interface DemoLoaded {
  adminEmail: string;
  apps: number;
  employees: number;
}

/** Whether the database holds nothing yet (no source, no app): the demo only ever loads into an empty one. */
export async function isEmpty(roster: Roster): Promise<boolean> {
  const { db } = roster.database;
  const source = await db.selectFrom('sources').select('id').limit(1).executeTakeFirst();
  const app = await db.selectFrom('apps').select('id').limit(1).executeTakeFirst();
  return !source && !app;
}

/** Settings an admin would add to a connector beyond what connects it: BambooHR's extra fields. */
const demoSettings: Record<string, Record<string, unknown>> = {
  bamboohr: { fields: ['jobTitle', 'location'] },
};

/**
 * Loads the demo organisation through the same paths an admin would use: settings, the simulated BambooHR,
 * Entra ID, Google Workspace and Okta tenants read by Roster's connectors, CSV imports and custom-integration
 * snapshots, each a sync run. Nothing is written to tables directly. Okta's API token is then revoked, so the
 * demo shows a source that needs attention (with Okta's own error) next to what it synced before.
 */
export async function loadDemo(
  roster: Roster,
  options: { now?: Date; log?: (line: string) => void; providers?: RunningDemoProviders } = {},
): Promise<DemoLoaded> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const org = generateDemoOrganisation({ now });
  await updateSettings(roster, actor, { name: org.name, domains: org.domains });

  const providers = options.providers ?? (await startDemoProviders(demoDirectory(org, now)));
  let employees = 0;
  try {
    for (const { source, provider } of providers.running) {
      const created = await addSource(roster, actor, {
        kind: provider.kind,
        name: source,
        config: { ...provider.source.config, ...demoSettings[provider.kind] },
        credentials: provider.source.credentials,
      });
      const run = await syncSource(roster, actor, created.id);
      if (run.status !== 'succeeded') throw new Error(`Demo sync of ${source} failed: ${run.error?.message}`);
      if (provider.kind === 'bamboohr') employees = run.counters.added;
      log(`${source}: ${run.counters.added} added`);
    }

    for (const app of org.apps) {
      if (appsServedByDemoProviders.includes(app.name)) continue;
      if (app.custom) await addApp(roster, actor, { name: app.name });
      const result =
        app.feed === 'csv'
          ? await importCsv(roster, actor, { app: app.name, content: Buffer.from(app.csv, 'utf8') })
          : await importCustom(roster, actor, { app: app.name, snapshot: app.snapshot });
      if (result.status !== 'succeeded')
        throw new Error(`Demo import of ${app.name} failed: ${result.error?.message}`);
      log(`${app.name}: ${result.counters.added} accounts`);
    }

    const okta = providers.running.find((r) => r.provider.kind === 'okta');
    if (okta) {
      okta.provider.expireTokens();
      const failed = await syncSource(roster, actor, okta.source);
      log(`${okta.source}: needs attention (${failed.error?.message ?? 'no error'})`);
    }
  } finally {
    if (!options.providers) await providers.close();
  }
  await ensureMember(roster, actor, org.adminEmail, 'admin');
  // The demo arrives as many small runs, none large enough to refresh the planner's statistics; without
  // them (PGlite runs no autovacuum) one app's license counts took 20-30 s instead of under one.
  await roster.database.afterLargeChange();
  return { adminEmail: org.adminEmail, apps: org.apps.length, employees };
}
