import { sql } from 'kysely';
import type { Principal } from '../../http/principal.js';
import { RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';

/** The one route a push token may call: pushing a snapshot to a custom integration. */
export const pushRoute = 'POST /api/imports/custom';

const refused = () =>
  new RosterError('forbidden', "This push token may only push snapshots to its own app's custom integration");

/** A push token may call nothing but the push route. */
export function checkPushRoute(principal: Principal, route: string): void {
  if (principal.pushAppId !== null && route !== pushRoute) throw refused();
}

/** A push token pushes to its own app only (named as the import names it: any case). */
export async function checkPushApp(
  roster: Roster,
  principal: Principal | null,
  appName: string,
): Promise<void> {
  if (!principal || principal.pushAppId === null) return;
  const app = await roster.database.db
    .selectFrom('apps')
    .select('id')
    .where(sql`lower(name)`, '=', appName.trim().toLowerCase())
    .executeTakeFirst();
  if (app?.id !== principal.pushAppId) throw refused();
}
