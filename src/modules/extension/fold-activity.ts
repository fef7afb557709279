import { sql } from 'kysely';
import type { BrowserActivitySnapshot } from '../../connectors/browser-extension/browser-extension-source.js';
import type { Roster } from '../../roster.js';
import type { SyncResult } from '../../sync/engine.js';
import { addSource, syncSource } from '../sources/sources.service.js';

export const browserExtensionKind = 'browser-extension';
/** Reports are folded into accounts at most this often: ingestion stays one statement per batch. */
export const foldEveryMs = 5 * 60_000;

/** The connected browser-extension source, created the first time it is needed. */
export async function browserExtensionSource(roster: Roster, actor: string): Promise<{ id: number }> {
  const find = () =>
    roster.database.db
      .selectFrom('sources')
      .select('id')
      .where('kind', '=', browserExtensionKind)
      .where('disconnected_at', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
  const existing = await find();
  if (existing) return existing;
  try {
    const created = await addSource(roster, actor, {
      kind: browserExtensionKind,
      name: 'Browser extension',
      config: {},
    });
    return { id: created.id };
  } catch (error) {
    // Two first reports at once: the other one created it.
    const raced = await find();
    if (raced) return raced;
    throw error;
  }
}

/**
 * Turns what the extension reported into the source's observations: one account per email and app with
 * its last real use (visit or sign-in; null when only sign-ups were seen), through the sync engine like any
 * source, so accounts are derived again, apps it discovers appear, and license states follow.
 */
export async function foldExtensionActivity(roster: Roster, actor: string): Promise<SyncResult> {
  const source = await browserExtensionSource(roster, actor);
  const rows = await roster.database.db
    .selectFrom('extension_activity')
    .select(['email', 'app_name', sql<Date | null>`max(last_used_at)`.as('last_used_at')])
    .groupBy(['email', 'app_name'])
    .orderBy('app_name')
    .orderBy('email')
    .execute();
  const snapshot: BrowserActivitySnapshot = {
    accounts: rows.map((r) => ({
      app: r.app_name,
      email: r.email,
      lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
    })),
  };
  return syncSource(roster, actor, source.id, { input: snapshot });
}

/**
 * The job worker's step: folds the reports in when batches arrived since the last fold, and the last fold
 * is at least `foldEveryMs` old.
 */
export async function foldExtensionActivityWhenDue(
  roster: Roster,
  now = new Date(),
): Promise<SyncResult | null> {
  const { db } = roster.database;
  const source = await db
    .selectFrom('sources')
    .select(['last_sync_at'])
    .where('kind', '=', browserExtensionKind)
    .where('disconnected_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  const since = source?.last_sync_at ?? null;
  if (since && now.getTime() - since.getTime() < foldEveryMs) return null;
  const fresh = await db
    .selectFrom('extension_batches')
    .select('batch_id')
    .$if(since !== null, (q) => q.where('received_at', '>', since!))
    .limit(1)
    .executeTakeFirst();
  if (!fresh) return null;
  return foldExtensionActivity(roster, 'schedule');
}
