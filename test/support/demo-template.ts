import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadDemo } from '../../src/demo/load-demo.js';
import { openRoster } from '../../src/roster.js';
import { pgliteTemplateVariable, testConfig, withMigratedDatabase } from './test-roster.js';

/** A data directory holding the demo organisation (embedded database, closed), and the demo's admin. */
export interface DemoDataDir {
  dataDir: string;
  adminEmail: string;
}

interface DemoTemplate extends DemoDataDir {
  /** The UTC day the demo was generated for: its leavers, renewals and inactive licenses count from it. */
  day: string;
}

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The demo this worker loaded, kept closed and copied for each test that asks for one. Loading the demo costs
 * a core about twenty seconds (every sync and import through the real paths); copying it, under one. Test
 * files of a worker share loaded modules (`isolate: false`), so this promise outlives the file that started it.
 */
let template: Promise<DemoTemplate> | undefined;

/**
 * A new data directory holding the demo organisation as `loadDemo` leaves it, generated today: a copy of the
 * one this worker loaded (each copy is the test's own), loaded again when the day has changed since, so a
 * test never sees a demo dated another day than its clock.
 */
export async function newDemoDataDir(): Promise<DemoDataDir> {
  let loaded = template && (await template);
  if (!loaded || loaded.day !== utcDay(new Date())) {
    template = loadTemplate(loaded?.dataDir);
    loaded = await template;
  }
  const { dataDir, adminEmail } = loaded;
  const copy = mkdtempSync(join(tmpdir(), 'roster-demo-'));
  cpSync(dataDir, copy, { recursive: true });
  return { dataDir: copy, adminEmail };
}

async function loadTemplate(yesterdays?: string): Promise<DemoTemplate> {
  if (yesterdays) rmSync(yesterdays, { recursive: true, force: true });
  const now = new Date();
  // Beside the migrated template, whose folder the global setup's teardown removes.
  const migrated = process.env[pgliteTemplateVariable];
  const dataDir = withMigratedDatabase(mkdtempSync(join(migrated ? dirname(migrated) : tmpdir(), 'demo-')));
  if (!migrated) process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const roster = await openRoster(testConfig(dataDir));
  try {
    const { adminEmail } = await loadDemo(roster, { now });
    return { dataDir, adminEmail, day: utcDay(now) };
  } finally {
    await roster.close();
  }
}
