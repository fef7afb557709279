import { isValidEmail, normaliseEmail } from '../../lib/email.js';
import { invalidInput, notFound, RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { findAppId } from './apps.service.js';

/** Who is asking, as far as app ownership goes. */
export interface Viewer {
  role: string;
  email: string | null;
}

/**
 * The apps a viewer may see: every app (null), or for an app owner only the apps whose owners include
 * their email — exactly that email, since each email keeps its own permissions.
 */
export async function visibleAppIds(roster: Roster, viewer: Viewer | null): Promise<number[] | null> {
  if (viewer?.role !== 'app-owner') return null;
  if (!viewer.email) return [];
  const rows = await roster.database.db
    .selectFrom('app_owners')
    .select('app_id')
    .where('email', '=', viewer.email)
    .execute();
  return rows.map((r) => r.app_id);
}

/** Resolves an app the viewer may see; an app outside their apps is answered as not found. */
export async function findVisibleAppId(
  roster: Roster,
  viewer: Viewer | null,
  ref: string | number,
): Promise<number> {
  const id = await findAppId(roster, ref);
  const visible = await visibleAppIds(roster, viewer);
  if (visible && !visible.includes(id)) throw notFound(`No app "${ref}"`);
  return id;
}

export function requireOrganisationView(viewer: Viewer | null): void {
  if (viewer?.role === 'app-owner')
    throw new RosterError('forbidden', 'App owners see the apps they own only');
}

export async function appOwners(roster: Roster, appId: number): Promise<string[]> {
  const rows = await roster.database.db
    .selectFrom('app_owners')
    .select('email')
    .where('app_id', '=', appId)
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email);
}

/** Replaces an app's owners (emails), audited. */
export async function setAppOwners(
  roster: Roster,
  actor: string,
  ref: string | number,
  emails: string[],
): Promise<string[]> {
  const owners = [...new Set(emails.map(normaliseEmail))].sort();
  const wrong = owners.map((e, i) => ({ e, i })).filter(({ e }) => !isValidEmail(e));
  if (wrong.length) {
    throw invalidInput(
      'Owners are email addresses',
      wrong.map(({ i }) => ({ field: `emails[${i}]`, message: 'is not a valid email address' })),
    );
  }
  const appId = await findAppId(roster, ref);
  const before = await appOwners(roster, appId);
  await roster.database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('app_owners').where('app_id', '=', appId).execute();
    if (owners.length)
      await trx
        .insertInto('app_owners')
        .values(owners.map((email) => ({ app_id: appId, email })))
        .execute();
    await writeAudit(trx, {
      actor,
      action: 'app.owners',
      targetType: 'app',
      targetId: appId,
      before,
      after: owners,
    });
  });
  return owners;
}
