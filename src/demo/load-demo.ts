import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addApp } from '../modules/apps/apps.service.js';
import { ensureMember } from '../modules/auth/auth.repo.js';
import { importCsv, importCustom } from '../modules/imports/imports.service.js';
import { updateSettings } from '../modules/settings/settings.service.js';
import { addSource, syncSource } from '../modules/sources/sources.service.js';
import type { Roster } from '../roster.js';
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

/**
 * Loads the demo organisation through the same paths an admin would use: settings, an HR file source,
 * CSV imports and custom-integration snapshots, each a sync run. Nothing is written to tables directly.
 */
export async function loadDemo(
  roster: Roster,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<DemoLoaded> {
  const log = options.log ?? (() => {});
  const org = generateDemoOrganisation({ now: options.now ?? new Date() });
  await updateSettings(roster, actor, { name: org.name, domains: org.domains });

  const dir = join(roster.config.filesDir, 'demo');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'hr-employees.csv'), org.hrCsv);
  const hrFile = 'demo/hr-employees.csv';
  const hr = await addSource(roster, actor, {
    kind: 'hr-csv',
    name: 'HR system (file export)',
    config: { file: hrFile },
  });
  const hrRun = await syncSource(roster, actor, hr.id);
  if (hrRun.status !== 'succeeded') throw new Error(`Demo HR sync failed: ${hrRun.error?.message}`);
  log(`HR: ${hrRun.counters.added} employees`);

  for (const app of org.apps) {
    if (app.custom) await addApp(roster, actor, { name: app.name });
    const result =
      app.feed === 'csv'
        ? await importCsv(roster, actor, { app: app.name, content: Buffer.from(app.csv, 'utf8') })
        : await importCustom(roster, actor, { app: app.name, snapshot: app.snapshot });
    if (result.status !== 'succeeded')
      throw new Error(`Demo import of ${app.name} failed: ${result.error?.message}`);
    log(`${app.name}: ${result.counters.added} accounts`);
  }
  await ensureMember(roster, actor, org.adminEmail, 'admin');
  // The demo arrives as many small runs, none large enough to refresh the planner's statistics; without
  // them (PGlite runs no autovacuum) one app's license counts took 20-30 s instead of under one.
  await roster.database.afterLargeChange();
  return { adminEmail: org.adminEmail, apps: org.apps.length, employees: hrRun.counters.added };
}
