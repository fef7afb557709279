import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { unmanagedInstance } from '../accounts/account-facts.js';

/**
 * After each successful sync of a source: an offboarded person's account that this sync saw active again
 * (re-invited, restored, created with a password) puts the person in "needs attention: active again after
 * offboarding"; one it now sees without access is resolved. Only runs that started after the offboarding
 * completed count, so a sync that fetched before the deprovisioning cannot raise a false alarm.
 */
export async function checkOffboardingDrift(
  db: Kysely<DB>,
  sourceId: number,
  runStartedAt: Date,
  now = new Date(),
): Promise<{ detected: number; resolved: number }> {
  const completedBefore = sql`o.status = 'completed' and o.completed_at < ${runStartedAt}::timestamptz`;
  const detected = await sql`
    insert into offboarding_drift (offboarding_id, account_id, source_id, detected_at)
    select p.offboarding_id, ob.account_id, ob.source_id, ${now}::timestamptz
    from (select o.id as offboarding_id, o.user_id from offboardings o where ${completedBefore}
          union all
          select o.id, l.user_id from offboardings o join person_links l on l.primary_user_id = o.user_id
          where ${completedBefore}) p
    join account_observations ob on ob.user_id = p.user_id and ob.source_id = ${sourceId}
    where ob.status = 'active' and ob.removed_at is null
    on conflict (offboarding_id, account_id, source_id) where resolved_at is null do nothing`.execute(db);
  const resolved = await sql`
    update offboarding_drift d set resolved_at = ${now}::timestamptz
    from account_observations ob
    where d.resolved_at is null and d.source_id = ${sourceId} and ob.account_id = d.account_id
      and ob.source_id = d.source_id and (ob.status <> 'active' or ob.removed_at is not null)`.execute(db);
  return { detected: Number(detected.numAffectedRows ?? 0), resolved: Number(resolved.numAffectedRows ?? 0) };
}

export interface DriftItem {
  primaryEmail: string;
  app: string;
  instance: string;
  email: string;
  source: string;
  detectedAt: string;
  offboardingCompletedAt: string;
}

/** Accounts active again after their person's offboarding completed, newest first. */
export async function listDrift(db: Kysely<DB>): Promise<DriftItem[]> {
  const { rows } = await sql<{
    primary_email: string;
    app: string;
    instance: string | null;
    email: string;
    source: string;
    detected_at: Date;
    completed_at: Date;
  }>`
    select p.email as primary_email, a.name as app, isrc.name as instance, u.email, s.name as source,
           d.detected_at, o.completed_at
    from offboarding_drift d join offboardings o on o.id = d.offboarding_id join users p on p.id = o.user_id
    join accounts ac on ac.id = d.account_id join apps a on a.id = ac.app_id join users u on u.id = ac.user_id
    join app_instances ai on ai.id = ac.instance_id left join sources isrc on isrc.id = ai.source_id
    join sources s on s.id = d.source_id
    where d.resolved_at is null and o.status = 'completed'
    order by d.detected_at desc, p.email, a.name`.execute(db);
  return rows.map((r) => ({
    primaryEmail: r.primary_email,
    app: r.app,
    instance: r.instance ?? unmanagedInstance,
    email: r.email,
    source: r.source,
    detectedAt: new Date(r.detected_at).toISOString(),
    offboardingCompletedAt: new Date(r.completed_at).toISOString(),
  }));
}
