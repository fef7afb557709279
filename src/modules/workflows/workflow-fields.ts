import { type RawBuilder, sql } from 'kysely';

/** What a workflow fires for: the entity its trigger names, whose fields its conditions and templates read. */
export const entityKinds = ['person', 'account', 'app', 'license', 'source'] as const;
export type EntityKind = (typeof entityKinds)[number];

export type FieldType = 'text' | 'number' | 'date' | 'boolean';

export interface FieldDefinition {
  name: string;
  type: FieldType;
  description: string;
  /** The value in SQL, over the aliases of `entity-query.ts` (u person, e employee record, ac account, a app, c catalog, ls license, s source). */
  sql: RawBuilder<unknown>;
}

/** The prefix of a field (`person.email` → person): the entity whose table must be joined to read it. */
export type FieldGroup = EntityKind;

const field = (name: string, type: FieldType, value: RawBuilder<unknown>, description: string) => ({
  name,
  type,
  sql: value,
  description,
});

/**
 * Every field a condition may name, with the SQL that reads it. Person facts follow the people list
 * (`modules/users/person-facts.ts`): the status and type come from the employee source of truth.
 */
export const fixedFields: readonly FieldDefinition[] = [
  field('person.email', 'text', sql`u.email`, 'The primary email'),
  field('person.name', 'text', sql`e.name`, 'The name in the employee source of truth'),
  field(
    'person.status',
    'text',
    sql`(case when e.status = 'terminated' then 'past' else 'current' end)`,
    'current or past, from the employee source of truth',
  ),
  field(
    'person.type',
    'text',
    sql`(case when e.status = 'active' then 'employee' when e.status = 'terminated' then 'past_employee'
              when not (u.domain = any (array(select name from managed_domains))) then 'external'
              when exists (select 1 from employees_of_record) then 'service' else 'unknown' end)`,
    'employee, past_employee, external, service or unknown',
  ),
  field('person.domain', 'text', sql`u.domain`, 'The domain of the primary email'),
  field('person.department', 'text', sql`e.department`, 'The department in the employee record'),
  field('person.manager_email', 'text', sql`e.manager_email`, "The manager's email in the employee record"),
  field('person.personal_email', 'text', sql`e.personal_email`, 'The personal email in the employee record'),
  field(
    'person.termination_date',
    'date',
    sql`e.termination_date`,
    'The termination date in the employee record',
  ),
  field('person.first_seen_at', 'date', sql`u.created_at`, 'When Roster first saw the email'),
  field('account.email', 'text', sql`au.email`, 'The email the account belongs to'),
  field('account.name', 'text', sql`ac.name`, 'The name as the app shows it'),
  field('account.status', 'text', sql`ac.status`, 'active, suspended or deleted'),
  field('account.role', 'text', sql`ac.role`, 'The role in the app'),
  field('account.first_seen_at', 'date', sql`ac.first_seen_at`, 'When a source first reported the account'),
  field('account.removed_at', 'date', sql`ac.removed_at`, 'When no source listed the account any more'),
  field(
    'account.last_used_at',
    'date',
    sql`(select max(us.last_used_at) from usage us where us.account_id = ac.id)`,
    'The last use any source reported',
  ),
  field('app.name', 'text', sql`a.name`, "The app's name"),
  field('app.category', 'text', sql`c.category`, "The catalog's category (empty for a custom app)"),
  field('app.vendor', 'text', sql`c.vendor`, "The catalog's vendor"),
  field('app.discovered_at', 'date', sql`a.created_at`, 'When Roster discovered the app'),
  field(
    'app.active_accounts',
    'number',
    sql`(select count(*) from accounts x where x.app_id = a.id and x.removed_at is null and x.status = 'active')`,
    'Accounts not removed and active',
  ),
  field('license.type', 'text', sql`ls.license_type`, 'The license type, as the app names it'),
  field('license.state', 'text', sql`ls.state`, 'active, inactive or usage_unknown'),
  field('license.reason', 'text', sql`ls.reason`, 'Why an inactive license is inactive'),
  field('license.assigned_at', 'date', sql`ls.assigned_at`, 'When the license was assigned'),
  field('license.last_used_at', 'date', sql`ls.last_used_at`, "The holder's last use of the app"),
  field('source.name', 'text', sql`s.name`, "The source's name"),
  field('source.kind', 'text', sql`s.kind`, "The source's kind (okta, bamboohr, csv, …)"),
  field('source.last_error', 'text', sql`s.last_error_message`, "The source's last error"),
  field('source.last_success_at', 'date', sql`s.last_success_at`, "The source's last successful sync"),
];

/** An HR or IdP field an admin added to a source's field list: `person.fields.<name>`. */
export const extraFieldPrefix = 'person.fields.';

export function extraField(name: string): FieldDefinition {
  return {
    name: `${extraFieldPrefix}${name}`,
    type: 'text',
    description: 'An extra field synced from the HR system or identity provider',
    // The attribute name is a parameter, never part of the SQL text.
    sql: sql`(e.attributes ->> ${name})`,
  };
}

/** The entities whose fields a workflow firing for `kind` can read (an account knows its person and app). */
export const readableGroups: Record<EntityKind, readonly FieldGroup[]> = {
  person: ['person'],
  account: ['account', 'person', 'app'],
  app: ['app'],
  license: ['license', 'account', 'person', 'app'],
  source: ['source'],
};

export const groupOf = (fieldName: string): FieldGroup =>
  fieldName.slice(0, fieldName.indexOf('.')) as FieldGroup;

/**
 * Which extra fields a name may use: those the organisation's sources sync (when a workflow is saved), or
 * `saved` for a workflow already checked (a field a source stopped syncing reads as empty).
 */
export type KnownExtraFields = ReadonlySet<string> | 'saved';

/** Resolves a field name; undefined when unknown. */
export function findField(name: string, extraFields: KnownExtraFields): FieldDefinition | undefined {
  if (name.startsWith(extraFieldPrefix)) {
    const extra = name.slice(extraFieldPrefix.length);
    return extraFields === 'saved' || extraFields.has(extra) ? extraField(extra) : undefined;
  }
  return fixedFields.find((f) => f.name === name);
}
