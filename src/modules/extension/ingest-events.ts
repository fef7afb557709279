import { sql } from 'kysely';
import { emailDomain } from '../../lib/email.js';
import type { Roster } from '../../roster.js';
import type { EventBatch } from './event-batch.js';
import { organisationDomains } from './extension-tokens.js';
import { browserExtensionSource } from './fold-activity.js';
import { currentPublishedApps } from './published-apps-cache.js';

/** Installations whose browser-extension source is known to exist: checked once per process, not per batch. */
const sourceEnsured = new WeakSet<Roster>();

export interface IngestResult {
  batchId: string;
  /** Events stored (as counts in their person's, app's and day's row). */
  accepted: number;
  /** Events not stored: an address outside the organisation's domains, or a domain of no published app. */
  ignored: number;
  /** The batch was counted before: nothing of it was counted again. */
  duplicate: boolean;
}

interface DayRow {
  email: string;
  app: string;
  day: string;
  visits: number;
  signIns: number;
  signUps: number;
  lastUsedAt: string | null;
  lastActivityAt: string;
}

/**
 * Folds a batch into per email, app and day counts, keeping only activity of the organisation's addresses
 * on published apps. Whose activity: the address used on the site when the extension saw one (an alias
 * counts for its person only when it is in the organisation's domains; a personal address is ignored),
 * else the token's person.
 */
export function aggregateBatch(
  batch: EventBatch,
  tokenEmail: string,
  domains: ReadonlySet<string>,
  appOf: (host: string) => string | undefined,
): { rows: DayRow[]; accepted: number; ignored: number } {
  const rows = new Map<string, DayRow>();
  let ignored = 0;
  for (const event of batch.events) {
    const email = event.email ?? tokenEmail;
    const app = appOf(event.domain);
    if (!app || !domains.has(emailDomain(email))) {
      ignored++;
      continue;
    }
    const at = new Date(event.at).toISOString();
    const day = at.slice(0, 10);
    const key = `${email}\u0000${app}\u0000${day}`;
    let row = rows.get(key);
    if (!row) {
      row = { email, app, day, visits: 0, signIns: 0, signUps: 0, lastUsedAt: null, lastActivityAt: at };
      rows.set(key, row);
    }
    if (event.type === 'visit') row.visits++;
    else if (event.type === 'sign_in') row.signIns++;
    else row.signUps++;
    // ISO strings in UTC compare as their instants.
    if (event.type !== 'sign_up' && (!row.lastUsedAt || at > row.lastUsedAt)) row.lastUsedAt = at;
    if (at > row.lastActivityAt) row.lastActivityAt = at;
  }
  return { rows: [...rows.values()], accepted: batch.events.length - ignored, ignored };
}

/**
 * Stores a batch: one statement records the batch id and adds its counts, only when the id is new. A batch
 * sent again (or twice at once: the second waits on the first's row) counts nothing.
 */
export async function ingestEvents(
  roster: Roster,
  caller: { tokenId: number; email: string },
  batch: EventBatch,
): Promise<IngestResult> {
  const { db } = roster.database;
  if (!sourceEnsured.has(roster)) {
    // The first report creates the source, so the extension shows among the sources at once.
    await browserExtensionSource(roster, 'extension');
    sourceEnsured.add(roster);
  }
  const [domains, published] = await Promise.all([organisationDomains(db), currentPublishedApps(db)]);
  const { rows, accepted, ignored } = aggregateBatch(batch, caller.email, new Set(domains), published.match);
  const column = <T>(pick: (row: DayRow) => T) => rows.map(pick);
  const { rows: result } = await sql<{ inserted: number }>`
    with batch as (
      insert into extension_batches (batch_id, token_id, accepted)
      values (${batch.batchId}::uuid, ${caller.tokenId}, ${accepted})
      on conflict (batch_id) do nothing
      returning batch_id
    ), counted as (
      insert into extension_activity as a
        (email, app_name, day, visits, sign_ins, sign_ups, last_used_at, last_activity_at)
      select r.email, r.app_name, r.day, r.visits, r.sign_ins, r.sign_ups, r.last_used_at, r.last_activity_at
      from unnest(${column((r) => r.email)}::text[], ${column((r) => r.app)}::text[],
                  ${column((r) => r.day)}::date[], ${column((r) => r.visits)}::int[],
                  ${column((r) => r.signIns)}::int[], ${column((r) => r.signUps)}::int[],
                  ${column((r) => r.lastUsedAt)}::timestamptz[], ${column((r) => r.lastActivityAt)}::timestamptz[])
        as r(email, app_name, day, visits, sign_ins, sign_ups, last_used_at, last_activity_at)
      where exists (select 1 from batch)
      on conflict (email, app_name, day) do update set
        visits = a.visits + excluded.visits,
        sign_ins = a.sign_ins + excluded.sign_ins,
        sign_ups = a.sign_ups + excluded.sign_ups,
        last_used_at = greatest(a.last_used_at, excluded.last_used_at),
        last_activity_at = greatest(a.last_activity_at, excluded.last_activity_at)
    )
    select count(*)::int as inserted from batch`.execute(db);
  const duplicate = result[0]?.inserted === 0;
  return {
    batchId: batch.batchId,
    accepted: duplicate ? 0 : accepted,
    ignored: duplicate ? 0 : ignored,
    duplicate,
  };
}
