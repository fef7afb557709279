import { type RawBuilder, sql } from 'kysely';
import { employeeRecordOrder } from '../users/person-facts.js';
import type { EntityKind, FieldGroup } from './workflow-fields.js';

/**
 * The rows a workflow about `kind` looks at, joining only the tables its fields need. Aliases: u the
 * person's primary user, e their employee record, au the account's own user, ac account, a app,
 * c catalog entry, ls license state, s source.
 */
export interface EntityQuery {
  from: RawBuilder<unknown>;
  /** Rows that are entities at all (a person is a user no Merge Users link points away from). */
  where: RawBuilder<unknown>;
  /** The entity's key as text: what `workflow_matches` and runs record. */
  key: RawBuilder<unknown>;
}

/**
 * How a query finds each row's employee record: `many` for a query reading many entities (the matching set,
 * a preview, a watch), `few` for one narrowed to a few keys (a run's snapshot, an event's entity).
 */
export type EntityReading = 'many' | 'few';

// The person's employee record, as the people list picks it (`person-facts.ts`, employeeRecordOrder). Read
// for many rows, it is one pass over the records hash-joined on email: a lookup per row made matching over a
// million accounts or fifty thousand people several times slower than the same conditions written by hand.
// Read for a few keys, it stays a lookup by the email index: the one pass would sort every record per key.
const employeeColumns = sql`name, status, department, manager_email, personal_email, termination_date, attributes`;
const employeeJoins: Record<EntityReading, RawBuilder<unknown>> = {
  many: sql`left join (select distinct on (email) email, ${employeeColumns} from employees_of_record
                       order by email, ${employeeRecordOrder}) e on e.email = u.email`,
  few: sql`left join lateral (select ${employeeColumns} from employees_of_record where email = u.email
                               order by ${employeeRecordOrder} limit 1) e on true`,
};

// The person an account's user belongs to: the primary user when Merge Users merged it.
const personOfAccount = (reading: EntityReading) => sql`left join person_links pl on pl.user_id = ac.user_id
  join users u on u.id = coalesce(pl.primary_user_id, ac.user_id) ${employeeJoins[reading]}`;

const appJoin = (appId: RawBuilder<unknown>) =>
  sql`join apps a on a.id = ${appId} left join catalog_apps c on c.id = a.catalog_id`;

export function entityQuery(
  kind: EntityKind,
  groups: ReadonlySet<FieldGroup>,
  reading: EntityReading,
): EntityQuery {
  const joins: RawBuilder<unknown>[] = [];
  switch (kind) {
    case 'person':
      return {
        from: sql`users u ${groups.has('person') ? employeeJoins[reading] : sql``}`,
        where: sql`not exists (select 1 from person_links l where l.user_id = u.id)`,
        key: sql`u.id::text`,
      };
    case 'account':
      if (groups.has('person')) joins.push(personOfAccount(reading));
      if (groups.has('app')) joins.push(appJoin(sql`ac.app_id`));
      return {
        from: sql`accounts ac join users au on au.id = ac.user_id ${sql.join(joins, sql` `)}`,
        where: sql`true`,
        key: sql`ac.id::text`,
      };
    case 'license':
      if (groups.has('person')) joins.push(personOfAccount(reading));
      if (groups.has('app')) joins.push(appJoin(sql`ls.app_id`));
      return {
        from: sql`license_states ls join accounts ac on ac.id = ls.account_id join users au on au.id = ac.user_id
                  ${sql.join(joins, sql` `)}`,
        where: sql`true`,
        key: sql`(ls.account_id::text || ':' || ls.license_type_id::text)`,
      };
    case 'app':
      return {
        from: sql`apps a left join catalog_apps c on c.id = a.catalog_id`,
        where: sql`true`,
        key: sql`a.id::text`,
      };
    case 'source':
      return { from: sql`sources s`, where: sql`s.disconnected_at is null`, key: sql`s.id::text` };
  }
}

/** A condition selecting the one entity whose key is `key` (text), written so an index can find it. */
export function keyIs(kind: EntityKind, key: RawBuilder<unknown>): RawBuilder<unknown> {
  switch (kind) {
    case 'person':
      return sql`u.id = (${key})::bigint`;
    case 'account':
      return sql`ac.id = (${key})::bigint`;
    case 'license':
      return sql`ls.account_id = split_part(${key}, ':', 1)::bigint and ls.license_type_id = split_part(${key}, ':', 2)::bigint`;
    case 'app':
      return sql`a.id = (${key})::bigint`;
    case 'source':
      return sql`s.id = (${key})::bigint`;
  }
}

// The person's emails for contact actions (Merge Users): the primary email first, then the emails of the
// users merged into it, so a Slack or email action reaches the primary email first.
const personEmails = sql`(select jsonb_agg(m.email order by m.rank, m.email) from (
    select u.email, 0 as rank
    union all
    select mu.email, 1 from person_links ml join users mu on mu.id = ml.user_id where ml.primary_user_id = u.id
  ) m)`;

const personObject = sql`jsonb_build_object('email', u.email, 'emails', ${personEmails}, 'name', e.name, 'domain', u.domain,
  'status', case when e.status = 'terminated' then 'past' else 'current' end,
  'department', e.department, 'manager_email', e.manager_email, 'personal_email', e.personal_email,
  'termination_date', e.termination_date, 'fields', coalesce(e.attributes, '{}'::jsonb))`;
const appObject = sql`jsonb_build_object('id', a.id, 'name', a.name, 'category', c.category, 'vendor', c.vendor)`;
const accountObject = sql`jsonb_build_object('id', ac.id, 'email', au.email, 'name', ac.name, 'status', ac.status,
  'role', ac.role, 'last_used_at', (select max(us.last_used_at) from usage us where us.account_id = ac.id))`;

/** The entity as it is now, as a run records it and templates read it (`person.email`, `app.name`, …). */
export function entitySnapshot(kind: EntityKind): { groups: Set<FieldGroup>; value: RawBuilder<unknown> } {
  switch (kind) {
    case 'person':
      return { groups: new Set(['person']), value: sql`jsonb_build_object('person', ${personObject})` };
    case 'account':
      return {
        groups: new Set(['person', 'app', 'account']),
        value: sql`jsonb_build_object('account', ${accountObject}, 'person', ${personObject}, 'app', ${appObject})`,
      };
    case 'license':
      return {
        groups: new Set(['person', 'app', 'account', 'license']),
        value: sql`jsonb_build_object('license', jsonb_build_object('type', ls.license_type, 'state', ls.state,
            'reason', ls.reason, 'assigned_at', ls.assigned_at, 'last_used_at', ls.last_used_at,
            'license_type_id', ls.license_type_id),
          'account', ${accountObject}, 'person', ${personObject}, 'app', ${appObject})`,
      };
    case 'app':
      return { groups: new Set(['app']), value: sql`jsonb_build_object('app', ${appObject})` };
    case 'source':
      return {
        groups: new Set(['source']),
        value: sql`jsonb_build_object('source', jsonb_build_object('id', s.id, 'name', s.name, 'kind', s.kind,
            'last_error', s.last_error_message, 'last_success_at', s.last_success_at))`,
      };
  }
}

/**
 * The keys of each object the snapshot above builds: the fields templates can name (`person.email`),
 * beside `person.fields.<name>` for the HR/IdP fields. Kept next to the objects so they cannot drift.
 */
const snapshotKeys: Record<FieldGroup, readonly string[]> = {
  person: [
    'email',
    'emails',
    'name',
    'domain',
    'status',
    'department',
    'manager_email',
    'personal_email',
    'termination_date',
  ],
  app: ['id', 'name', 'category', 'vendor'],
  account: ['id', 'email', 'name', 'status', 'role', 'last_used_at'],
  license: ['type', 'state', 'reason', 'assigned_at', 'last_used_at', 'license_type_id'],
  source: ['id', 'name', 'kind', 'last_error', 'last_success_at'],
};

/** The fields a run's scope holds for a workflow about `kind` (none for a schedule without an entity). */
export function snapshotFieldNames(kind: EntityKind | null): Set<string> {
  if (!kind) return new Set();
  return new Set(
    [...entitySnapshot(kind).groups].flatMap((group) => snapshotKeys[group].map((k) => `${group}.${k}`)),
  );
}
