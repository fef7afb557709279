import { findSourceKind } from '../../connectors/registry.js';
import { conflict, invalidInput, notFound } from '../../lib/errors.js';
import { sealedContexts } from '../../lib/secret-box.js';
import type { Roster } from '../../roster.js';
import { resolveAppName } from '../apps/apps.service.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type SourceChanges, sourceChanges } from './source-changes.js';
import { storeCredentials } from './source-credentials.js';
import { parseSourceConfig, parseSourceCredentials, parseSourceName } from './source-input.js';
import { scheduleIntervalMs } from './source-schedule.js';
import { type SourceView, toSourceView } from './source-view.js';
import { defaultStaleness, findSourceRow } from './sources.service.js';

export interface UpdateSourceInput {
  name?: string;
  /** Replaces the whole config; validated by the kind's config schema. */
  config?: unknown;
  /**
   * Merged key by key over the stored credentials: a field absent or empty keeps its stored value, so a
   * form can leave a secret empty to keep it.
   */
  credentials?: unknown;
  /** Sync interval of a pull source (`6h`, `1d`); null for manual syncs only. */
  schedule?: string | null;
  /** Accepted only when it is the source's own kind: a kind is never changed in place. */
  kind?: string;
}

/**
 * Changes a source's name, config, credentials or schedule, in one transaction with its audit entry. What
 * the source reported and its health stay as they are: a source that needs attention for its credentials
 * is healthy again after its next successful sync, not because they were changed.
 */
export async function updateSource(
  roster: Roster,
  actor: string,
  ref: string | number,
  input: UpdateSourceInput,
): Promise<SourceView> {
  const found = await findSourceRow(roster, ref);
  const kind = findSourceKind(found.kind);
  if (!kind) throw notFound(`Source kind "${found.kind}" is not known to this version of Roster`);
  if (input.kind !== undefined && input.kind !== found.kind)
    throw invalidInput('The kind of a source cannot be changed: add a new source of the other kind', [
      { field: 'kind', message: `is ${found.kind} and stays so` },
    ]);

  const name = input.name === undefined ? undefined : parseSourceName(input.name);
  const config = input.config === undefined ? undefined : parseSourceConfig(kind, input.config);
  if (config && kind.appOf) {
    // A push source feeds the one app it was made for; another app is another source.
    const appName = kind.appOf(config)?.trim();
    const boundApp = (found.config as Record<string, unknown>).app;
    if (typeof boundApp === 'string') {
      if (appName?.toLowerCase() !== boundApp.toLowerCase())
        throw invalidInput(`This source feeds ${boundApp}; to feed another app, add a source for it`, [
          { field: 'config.app', message: `must stay ${boundApp}` },
        ]);
      config.app = boundApp;
    } else if (appName) config.app = await resolveAppName(roster, appName);
  }
  if (input.credentials !== undefined && !kind.credentialsSchema)
    throw invalidInput(`A ${kind.kind} source takes no credentials`, [
      { field: 'credentials', message: 'is not accepted' },
    ]);
  const providedCredentials =
    input.credentials === undefined ? undefined : filledFields(input.credentials, 'credentials');
  let schedule: string | null | undefined;
  if (input.schedule !== undefined) {
    if (kind.mode !== 'pull' && input.schedule !== null)
      throw invalidInput(`A ${kind.kind} source is fed by imports and has no schedule`, [
        { field: 'schedule', message: 'is not accepted' },
      ]);
    if (input.schedule) scheduleIntervalMs(input.schedule);
    schedule = input.schedule ? input.schedule.trim() : null;
  }

  const { db } = roster.database;
  try {
    const updated = await db.transaction().execute(async (trx) => {
      // Locked so two edits of the credentials cannot each merge over the same stored ones.
      const row = await trx
        .selectFrom('sources')
        .selectAll()
        .where('id', '=', found.id)
        .where('disconnected_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw notFound(`No source "${ref}"`);
      const context = sealedContexts.sourceCredentials(row.id);
      const stored = row.credentials_encrypted
        ? (JSON.parse(roster.secrets.open(row.credentials_encrypted, context)) as Record<string, unknown>)
        : {};
      const credentials =
        providedCredentials === undefined ? undefined : mergeCredentials(kind, stored, providedCredentials);

      const changes: SourceChanges = sourceChanges(
        { name: row.name, config: row.config, schedule: row.schedule, credentials: stored },
        { name, config, schedule, credentials: credentials && JSON.parse(credentials) },
      );
      if (changes.fields.length === 0) return row;
      await trx
        .updateTable('sources')
        .set({
          ...(name !== undefined ? { name } : {}),
          ...(config !== undefined ? { config: JSON.stringify(config) } : {}),
          ...(schedule !== undefined ? { schedule } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', row.id)
        .execute();
      if (credentials !== undefined && changes.credentialsChanged)
        await storeCredentials(trx, roster, row.id, credentials);
      await writeAudit(trx, {
        actor,
        action: 'source.update',
        targetType: 'source',
        targetId: row.id,
        before: changes.before,
        after: changes.after,
      });
      return trx.selectFrom('sources').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    });
    return toSourceView(updated, await defaultStaleness(roster), new Date());
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict(`A source named "${name}" already exists`);
    throw error;
  }
}

/** The fields of a credentials object that carry a value: absent, null and empty ones keep what is stored. */
function filledFields(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalidInput('Credentials are a JSON object of fields', [{ field, message: 'must be an object' }]);
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
}

/**
 * The stored credentials with the provided fields over them. When the kind offers alternatives (a client
 * secret or an access token) and the provided fields are a complete other alternative, they replace the
 * stored ones instead: a merge would hold both and fit neither.
 */
function mergeCredentials(
  kind: NonNullable<ReturnType<typeof findSourceKind>>,
  stored: Record<string, unknown>,
  provided: Record<string, unknown>,
): string {
  const merged = { ...stored, ...provided };
  try {
    return parseSourceCredentials(kind, merged);
  } catch (error) {
    if (Object.keys(provided).length > 0 && kind.credentialsSchema?.safeParse(provided).success)
      return parseSourceCredentials(kind, provided);
    throw error;
  }
}
