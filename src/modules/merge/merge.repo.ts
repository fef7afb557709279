import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Roster } from '../../roster.js';
import type { AliasCandidate } from './compute-merges.js';

export interface AliasSourceConfig {
  sourceId: number;
  fields: string[];
}

export interface MergeState {
  enabled: boolean;
  configured: AliasSourceConfig[];
  applied: AliasSourceConfig[];
  appliedAt: Date | null;
  appliedBy: string | null;
}

export async function readMergeState(
  db: Kysely<DB> | Transaction<DB>,
  options: { lock?: boolean } = {},
): Promise<MergeState> {
  const query = db.selectFrom('merge_settings').selectAll();
  const row = await (options.lock ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return {
    enabled: row.enabled,
    configured: row.alias_sources as AliasSourceConfig[],
    applied: row.applied_alias_sources as AliasSourceConfig[],
    appliedAt: row.applied_at,
    appliedBy: row.applied_by,
  };
}

/** Alias values of the configured sources and fields: identity aliases, and HR personal emails. */
export async function readCandidates(roster: Roster, config: AliasSourceConfig[]): Promise<AliasCandidate[]> {
  if (config.length === 0) return [];
  const pairs = config.flatMap((c) => c.fields.map((field) => ({ sourceId: c.sourceId, field })));
  const sourceIds = pairs.map((p) => p.sourceId);
  const fields = pairs.map((p) => p.field);
  const { rows } = await sql<AliasCandidate>`
    with wanted as (select * from unnest(${sourceIds}::bigint[], ${fields}::text[]) as w(source_id, field))
    select a.source_id as "sourceId", s.name as source, a.primary_email as "primaryEmail", a.field, a.value
    from identity_aliases a
    join wanted w on w.source_id = a.source_id and w.field = a.field
    join sources s on s.id = a.source_id
    where a.removed_at is null
    union all
    select e.source_id, s.name, e.email, 'personal_email', e.personal_email
    from employees e
    join wanted w on w.source_id = e.source_id and w.field = 'personal_email'
    join sources s on s.id = e.source_id
    where e.removed_at is null and e.personal_email is not null`.execute(roster.database.db);
  return rows;
}

export async function readUserEmails(roster: Roster): Promise<Set<string>> {
  const rows = await roster.database.db.selectFrom('users').select('email').execute();
  return new Set(rows.map((r) => r.email));
}

/** Emails with a current record in the employee source of truth (active or past). */
export async function readEmployeeEmails(roster: Roster): Promise<Set<string>> {
  const rows = await roster.database.db
    .selectFrom('employees_of_record')
    .select('email')
    .distinct()
    .execute();
  return new Set(rows.map((r) => r.email));
}

export interface AppliedLink {
  email: string;
  primary: string;
}

export async function readAppliedLinks(roster: Roster): Promise<AppliedLink[]> {
  const { rows } = await sql<AppliedLink>`
    select a.email, p.email as primary from person_links l
    join users a on a.id = l.user_id join users p on p.id = l.primary_user_id
    order by a.email`.execute(roster.database.db);
  return rows;
}

export interface MergeStats {
  primary: string;
  apps: number;
  licenses: number;
  annualCost: number | null;
  status: 'current' | 'past';
}

/** Per proposed person: apps and active licenses across all its emails, their yearly cost, and its status. */
export async function readMergeStats(
  roster: Roster,
  pairs: { primary: string; email: string }[],
): Promise<Map<string, MergeStats>> {
  if (pairs.length === 0) return new Map();
  const { rows } = await sql<MergeStats>`
    with members as (
      select m.primary_email, u.id as user_id
      from unnest(${pairs.map((p) => p.primary)}::text[], ${pairs.map((p) => p.email)}::text[]) as m(primary_email, email)
      join users u on u.email = m.email
      union
      select distinct m.primary_email, u.id
      from unnest(${pairs.map((p) => p.primary)}::text[]) as m(primary_email)
      join users u on u.email = m.primary_email
    ), held as (
      select m.primary_email, ac.app_id, al.license_type_id, lt.price_per_user_cents
      from members m
      join accounts ac on ac.user_id = m.user_id and ac.removed_at is null
      left join account_licenses al on al.account_id = ac.id and al.removed_at is null
      left join license_types lt on lt.id = al.license_type_id
    )
    select h.primary_email as primary,
           count(distinct h.app_id)::int as apps,
           count(h.license_type_id)::int as licenses,
           (sum(h.price_per_user_cents) * 12 / 100.0)::float8 as "annualCost",
           case when exists (select 1 from employees_of_record e where e.email = h.primary_email
                             and e.status = 'terminated')
                 and not exists (select 1 from employees_of_record e where e.email = h.primary_email
                             and e.status = 'active')
                then 'past' else 'current' end as status
    from held h group by h.primary_email`.execute(roster.database.db);
  return new Map(rows.map((r) => [r.primary, r]));
}
