import { sql } from 'kysely';
import { conflict, invalidInput, notFound } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { markLicenseStatesStale } from '../licenses/license-store.js';
import { checkInactivityDays } from './inactivity-days.js';

/**
 * The name an import or source refers to: an existing app (any case), else a catalog entry by name.
 * Anything else is an unknown app, so a typo never creates a new app silently.
 */
export async function resolveAppName(roster: Roster, name: string): Promise<string> {
  const key = name.trim().toLowerCase();
  const { db } = roster.database;
  const app = await db.selectFrom('apps').select('name').where(sql`lower(name)`, '=', key).executeTakeFirst();
  if (app) return app.name;
  const entry = await db
    .selectFrom('catalog_apps')
    .select('name')
    .where(sql`lower(name)`, '=', key)
    .executeTakeFirst();
  if (entry) return entry.name;
  throw invalidInput(
    `Unknown app "${name.trim()}": add it first as a custom app (roster apps add "${name.trim()}")`,
    [{ field: 'app', message: 'is neither an app of this organisation nor in the catalog' }],
  );
}

export interface AppCreated {
  id: number;
  name: string;
  catalogId: string | null;
}

/** Adds an app by hand: linked to the catalog when the name matches an entry, else a custom app. */
export async function addApp(roster: Roster, actor: string, input: { name: string }): Promise<AppCreated> {
  const name = input.name.trim();
  if (!name || name.length > 200)
    throw invalidInput('An app needs a name of 1-200 characters', [
      { field: 'name', message: 'is required' },
    ]);
  const { db } = roster.database;
  const entry = await db
    .selectFrom('catalog_apps')
    .select(['id', 'name'])
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('apps')
        .values({ name: entry?.name ?? name, catalog_id: entry?.id ?? null })
        .returning(['id', 'name', 'catalog_id'])
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actor,
        action: 'app.add',
        targetType: 'app',
        targetId: row.id,
        after: { name: row.name, catalogId: row.catalog_id },
      });
      return { id: row.id, name: row.name, catalogId: row.catalog_id };
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw conflict(`The app "${name}" already exists`);
    throw error;
  }
}

export async function findAppId(roster: Roster, ref: string | number): Promise<number> {
  const { db } = roster.database;
  const byId = typeof ref === 'number' || /^\d+$/.test(ref);
  const row = await db
    .selectFrom('apps')
    .select('id')
    .where((eb) =>
      byId ? eb('id', '=', Number(ref)) : eb(sql`lower(name)`, '=', String(ref).trim().toLowerCase()),
    )
    .executeTakeFirst();
  if (!row) throw notFound(`No app "${ref}"`);
  return row.id;
}

/** Days without use after which an app's licenses count as inactive; null returns to the organisation default. */
export async function setInactivityThreshold(
  roster: Roster,
  actor: string,
  ref: string | number,
  days: number | null,
): Promise<void> {
  checkInactivityDays(days);
  const id = await findAppId(roster, ref);
  await roster.database.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('apps')
      .select(['name', 'inactivity_days'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await trx.updateTable('apps').set({ inactivity_days: days }).where('id', '=', id).execute();
    await markLicenseStatesStale(trx, [id]);
    await writeAudit(trx, {
      actor,
      action: 'app.threshold',
      targetType: 'app',
      targetId: id,
      before: { inactivityDays: before.inactivity_days },
      after: { inactivityDays: days },
    });
  });
}
