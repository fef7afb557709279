import { sql } from 'kysely';
import { z } from 'zod';
import { jiraConfigSchema, jiraCredentialsSchema } from '../../actions/jira/jira-settings.js';
import { invalidInput, notFound } from '../../lib/errors.js';
import { sealedContexts } from '../../lib/secret-box.js';
import type { Roster } from '../../roster.js';
import { unmanagedInstance } from '../accounts/account-facts.js';
import { findAppId } from '../apps/apps.service.js';
import { writeAudit } from '../audit/audit.repo.js';
import { assertKeyCurrent } from '../secrets/key-check.js';
import { automaticConfigSchema, type OffboardingMethod, offboardingMethods } from './offboarding-methods.js';

export interface MethodSettingInput {
  app: string;
  /** An instance's name (its direct source, or `unmanaged`); absent sets the app's default. */
  instance?: string;
  method: string;
  config?: unknown;
  /** The ticket method's Jira account; absent keeps the stored one. Write-only: never returned. */
  credentials?: unknown;
}

export interface MethodSetting {
  app: string;
  instance: string | null;
  method: OffboardingMethod;
  config: Record<string, unknown>;
  /** Whether credentials are stored (their values are never returned). */
  hasCredentials: boolean;
  updatedBy: string;
  updatedAt: string;
}

const configSchemas: Partial<Record<OffboardingMethod, z.ZodType>> = {
  automatic: automaticConfigSchema,
  ticket: jiraConfigSchema,
  'notify-owner': z.strictObject({}),
  manual: z.strictObject({}),
  ignore: z.strictObject({}),
};

/** Sets how an app (or one instance of it) is offboarded; audited. */
export async function setOffboardingMethod(
  roster: Roster,
  actor: string,
  input: MethodSettingInput,
): Promise<MethodSetting> {
  const { db } = roster.database;
  const method = z.enum(offboardingMethods).safeParse(input.method);
  if (!method.success)
    throw invalidInput(`Unknown offboarding method "${input.method}"`, [
      { field: 'method', message: `must be one of ${offboardingMethods.join(', ')}` },
    ]);
  const schema = configSchemas[method.data];
  if (!schema)
    throw invalidInput('Jira tickets are not available in this version of Roster', [
      { field: 'method', message: 'choose another method' },
    ]);
  const config = schema.safeParse(input.config ?? {});
  if (!config.success)
    throw invalidInput(
      'The method settings are not valid',
      config.error.issues.map((i) => ({ field: ['config', ...i.path].join('.'), message: i.message })),
    );
  let credentials: string | undefined;
  if (input.credentials !== undefined) {
    if (method.data !== 'ticket')
      throw invalidInput('Only the ticket method takes credentials', [
        { field: 'credentials', message: 'remove it' },
      ]);
    const parsed = jiraCredentialsSchema.safeParse(input.credentials);
    if (!parsed.success)
      throw invalidInput(
        'The Jira credentials are not valid',
        parsed.error.issues.map((i) => ({ field: ['credentials', ...i.path].join('.'), message: i.message })),
      );
    credentials = JSON.stringify(parsed.data);
  }
  const appId = await findAppId(roster, input.app);
  const instanceId = input.instance ? await findInstanceId(roster, appId, input.app, input.instance) : null;
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('offboarding_methods')
      .select(['method', 'config', 'credentials_encrypted'])
      .where('app_id', '=', appId)
      .where((eb) =>
        instanceId === null ? eb('instance_id', 'is', null) : eb('instance_id', '=', instanceId),
      )
      .executeTakeFirst();
    if (method.data === 'ticket' && !credentials && !before?.credentials_encrypted)
      throw invalidInput('The ticket method needs the Jira account that creates tickets', [
        { field: 'credentials', message: 'give {"email": …, "apiToken": …}' },
      ]);
    const { rows } = await sql<{ id: number }>`
      insert into offboarding_methods (app_id, instance_id, method, config, updated_by, updated_at)
      values (${appId}, ${instanceId}, ${method.data}, ${JSON.stringify(config.data)}::jsonb, ${actor}, now())
      on conflict (app_id, coalesce(instance_id, 0))
      do update set method = excluded.method, config = excluded.config, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at
      returning id`.execute(trx);
    const id = rows[0]?.id ?? 0;
    if (credentials) {
      await assertKeyCurrent(trx, roster.secrets);
      await trx
        .updateTable('offboarding_methods')
        .set({
          credentials_encrypted: roster.secrets.seal(
            credentials,
            sealedContexts.offboardingMethodCredentials(id),
          ),
        })
        .where('id', '=', id)
        .execute();
    } else if (method.data !== 'ticket')
      await trx
        .updateTable('offboarding_methods')
        .set({ credentials_encrypted: null })
        .where('id', '=', id)
        .execute();
    await writeAudit(trx, {
      actor,
      action: 'offboarding.method.set',
      targetType: 'app',
      targetId: appId,
      before: before ? { method: before.method, config: before.config } : null,
      after: {
        instance: input.instance ?? null,
        method: method.data,
        config: config.data,
        ...(credentials ? { credentials: 'changed' } : {}),
      },
    });
  });
  const all = await listOffboardingMethods(roster);
  const set = all.find(
    (m) => m.app.toLowerCase() === input.app.trim().toLowerCase() && m.instance === (input.instance ?? null),
  );
  if (!set) throw notFound(`No offboarding method for ${input.app}`);
  return set;
}

async function findInstanceId(roster: Roster, appId: number, app: string, instance: string): Promise<number> {
  const wanted = instance.trim().toLowerCase();
  const rows = await roster.database.db
    .selectFrom('app_instances as ai')
    .leftJoin('sources as s', 's.id', 'ai.source_id')
    .select(['ai.id', 's.name'])
    .where('ai.app_id', '=', appId)
    .execute();
  const found = rows.find((r) => (r.name ?? unmanagedInstance).toLowerCase() === wanted);
  if (!found)
    throw invalidInput(`${app} has no instance "${instance}"`, [
      {
        field: 'instance',
        message: `one of ${rows.map((r) => r.name ?? unmanagedInstance).join(', ') || '(none)'}`,
      },
    ]);
  return found.id;
}

export async function listOffboardingMethods(roster: Roster): Promise<MethodSetting[]> {
  const { rows } = await sql<{
    app: string;
    instance: string | null;
    instance_id: number | null;
    method: OffboardingMethod;
    config: Record<string, unknown>;
    has_credentials: boolean;
    updated_by: string;
    updated_at: Date;
  }>`
    select a.name as app, m.instance_id, case when m.instance_id is null then null else coalesce(s.name, ${unmanagedInstance}) end as instance,
           m.method, m.config, m.credentials_encrypted is not null as has_credentials, m.updated_by, m.updated_at
    from offboarding_methods m join apps a on a.id = m.app_id
    left join app_instances ai on ai.id = m.instance_id left join sources s on s.id = ai.source_id
    order by lower(a.name), m.instance_id nulls first`.execute(roster.database.db);
  return rows.map((r) => ({
    app: r.app,
    instance: r.instance,
    method: r.method,
    config: r.config,
    hasCredentials: r.has_credentials,
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}
