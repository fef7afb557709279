import { type Kysely, sql } from 'kysely';
import type { PlannedCall } from '../../connectors/kit/deprovision.js';
import type { DB } from '../../db/schema.js';
import { unmanagedInstance } from '../accounts/account-facts.js';
import {
  type DeprovisioningSource,
  deprovisionerFor,
  deprovisioningSources,
  type FindKind,
} from './deprovisioning-sources.js';
import { methodActions, type OffboardingMethod } from './offboarding-methods.js';
import type { OffboardingPerson } from './offboarding-person.js';
import { ticketAction } from './ticket-method.js';

/** One task an offboarding will have: an account of one of the person's emails, and how it is removed. */
export interface PlannedTask {
  accountId: number;
  appId: number;
  app: string;
  /** The direct source whose copy of the app holds the account, or `unmanaged`. */
  instance: string;
  instanceId: number;
  email: string;
  accountStatus: 'active' | 'suspended' | 'deleted';
  /** Which sources saw the account, so a longer offboarding list than the person's page explains itself. */
  seenBy: { source: string; status: string; removedAt: string | null }[];
  method: OffboardingMethod;
  /** The source that deprovisions (automatic), by id and name. */
  sourceId: number | null;
  source: string | null;
  externalId: string | null;
  action: string;
  /** The requests an automatic task would make (listed by a dry run). */
  calls: PlannedCall[];
}

interface AccountRow {
  account_id: number;
  app_id: number;
  app: string;
  instance_id: number;
  instance: string | null;
  instance_source_id: number | null;
  email: string;
  status: 'active' | 'suspended' | 'deleted';
  seen_by: {
    sourceId: number;
    source: string;
    status: string;
    removedAt: string | null;
    externalId: string | null;
  }[];
}

interface MethodRow {
  app_id: number;
  instance_id: number | null;
  method: OffboardingMethod;
  config: unknown;
}

/**
 * Every account of every email of the person, in every app — active, suspended and deleted, because someone
 * who stopped signing in through the identity provider may still sign in with a password — each with the
 * method that will remove it and what that will do.
 */
export async function planTasks(
  db: Kysely<DB>,
  person: OffboardingPerson,
  findKind?: FindKind,
): Promise<PlannedTask[]> {
  const { rows } = await sql<AccountRow>`
    select ac.id as account_id, ac.app_id, a.name as app, ac.instance_id, isrc.name as instance,
           ai.source_id as instance_source_id, u.email, ac.status,
           coalesce((select json_agg(json_build_object('sourceId', o.source_id, 'source', s.name, 'status', o.status,
                                                       'removedAt', o.removed_at, 'externalId', o.external_id)
                                     order by o.source_id = ai.source_id desc, s.name)
                     from account_observations o join sources s on s.id = o.source_id
                     where o.account_id = ac.id), '[]') as seen_by
    from accounts ac join apps a on a.id = ac.app_id join users u on u.id = ac.user_id
    join app_instances ai on ai.id = ac.instance_id left join sources isrc on isrc.id = ai.source_id
    where ac.user_id = any (${person.userIds}::bigint[])
    order by lower(a.name), isrc.name nulls last, u.email`.execute(db);
  const methods = rows.length
    ? await db
        .selectFrom('offboarding_methods')
        .select(['app_id', 'instance_id', 'method', 'config'])
        .where('app_id', 'in', [...new Set(rows.map((r) => r.app_id))])
        .execute()
    : [];
  const sources = await deprovisioningSources(db, findKind);
  return rows.map((row) => planTask(row, methods as MethodRow[], sources));
}

function planTask(row: AccountRow, methods: MethodRow[], sources: DeprovisioningSource[]): PlannedTask {
  const setting =
    methods.find((m) => m.app_id === row.app_id && m.instance_id === row.instance_id) ??
    methods.find((m) => m.app_id === row.app_id && m.instance_id === null);
  const preferred = (setting?.config as { source?: string } | undefined)?.source;
  const deprovisioning = deprovisionerFor(
    sources,
    {
      app: row.app,
      instanceSourceId: row.instance_source_id,
      observedBy: row.seen_by.map((s) => s.sourceId),
    },
    setting?.method === 'automatic' ? preferred : undefined,
  );
  // Without a setting: automatic where a connected integration can deprovision the app, else manual.
  const method: OffboardingMethod = setting?.method ?? (deprovisioning ? 'automatic' : 'manual');
  const base = {
    accountId: row.account_id,
    appId: row.app_id,
    app: row.app,
    instance: row.instance ?? unmanagedInstance,
    instanceId: row.instance_id,
    email: row.email,
    accountStatus: row.status,
    seenBy: row.seen_by.map(({ source, status, removedAt }) => ({
      source,
      status,
      removedAt: removedAt ? new Date(removedAt).toISOString() : null,
    })),
    method,
    sourceId: null,
    source: null,
    externalId: null,
    calls: [],
  };
  if (method === 'automatic') {
    if (!deprovisioning)
      return {
        ...base,
        action: preferred
          ? `"${preferred}" cannot deprovision ${row.app}: choose another source or method`
          : `No connected integration can deprovision ${row.app}: choose another method`,
      };
    const externalId = row.seen_by.find((s) => s.sourceId === deprovisioning.id)?.externalId ?? null;
    const target = { app: row.app, email: row.email, externalId, accountStatus: row.status };
    return {
      ...base,
      sourceId: deprovisioning.id,
      source: deprovisioning.name,
      externalId,
      action: `${deprovisioning.deprovisioner.describe(deprovisioning.config, row.app)} (through ${deprovisioning.name})`,
      calls: deprovisioning.deprovisioner.plan(deprovisioning.config, target),
    };
  }
  if (method === 'ticket') return { ...base, action: ticketAction(setting?.config) };
  return { ...base, action: methodActions[method] };
}
