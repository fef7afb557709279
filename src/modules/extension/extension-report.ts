import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * What the browser extension has told about one app, in a sentence for explanations and the app page: not
 * deployed, deployed but silent about this app, seen only at sign-up, or its people and last use.
 */
export async function extensionReportOn(db: Kysely<DB>, appId: number): Promise<string> {
  const { rows } = await sql<{
    connected: number;
    people: number;
    usedBy: number;
    signUps: number;
    lastUsed: string | null;
  }>`
    select (select count(distinct email)::int from extension_tokens where kind = 'reporting') as connected,
           count(distinct x.email)::int as people,
           count(distinct x.email) filter (where x.last_used_at is not null)::int as "usedBy",
           coalesce(sum(x.sign_ups), 0)::int as "signUps",
           to_char(max(x.last_used_at) at time zone 'UTC', 'YYYY-MM-DD') as "lastUsed"
    from extension_activity x
    where x.app_name = (select name from apps where id = ${appId})`.execute(db);
  const r = rows[0] ?? { connected: 0, people: 0, usedBy: 0, signUps: 0, lastUsed: null };
  if (r.connected === 0 && r.people === 0)
    return 'The Roster browser extension is not deployed (no one has connected it): deployed, it reports visits and sign-ins for every app, including apps without an integration.';
  const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
  if (r.usedBy > 0)
    return `The Roster browser extension reported use of this app by ${people(r.usedBy)}, last on ${r.lastUsed}; it fills last use only for the ${people(r.connected)} who connected it.`;
  if (r.signUps > 0)
    return `The Roster browser extension saw only sign-ups on this app (${people(r.people)}), no visit or sign-in: it is seen only at sign-up, not in use.`;
  return `The Roster browser extension is deployed (${people(r.connected)} connected it) but reported no visit or sign-in on this app: its users may not have connected the extension (roster extension tokens lists who did).`;
}
