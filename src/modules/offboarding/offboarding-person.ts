import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { normaliseEmail } from '../../lib/email.js';
import { notFound } from '../../lib/errors.js';

/**
 * The person an offboarding is for: the primary user of a merged person and every email merged into it.
 * Offboarding starts, stops and completes for all of them together (PRODUCT.md §4).
 */
export interface OffboardingPerson {
  userId: number;
  primaryEmail: string;
  userIds: number[];
  emails: string[];
}

export async function findPerson(db: Kysely<DB>, email: string): Promise<OffboardingPerson> {
  const key = normaliseEmail(email);
  const { rows } = await sql<{ id: number; email: string }>`
    select p.id, p.email from users u
    left join person_links l on l.user_id = u.id
    join users p on p.id = coalesce(l.primary_user_id, u.id)
    where u.email = ${key}`.execute(db);
  const primary = rows[0];
  if (!primary) throw notFound(`No person with the email ${key}`);
  return personOfPrimary(db, primary);
}

export async function personOfPrimary(
  db: Kysely<DB>,
  primary: { id: number; email: string },
): Promise<OffboardingPerson> {
  const linked = await db
    .selectFrom('person_links as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select(['u.id', 'u.email'])
    .where('l.primary_user_id', '=', primary.id)
    .orderBy('u.email')
    .execute();
  return {
    userId: primary.id,
    primaryEmail: primary.email,
    userIds: [primary.id, ...linked.map((l) => l.id)],
    emails: [primary.email, ...linked.map((l) => l.email)],
  };
}

/**
 * The employee record that says the person is current, if any: an active record of the employee source
 * of truth, for any of the person's emails, without a termination date that has passed.
 */
export async function currentEmployeeRecord(
  db: Kysely<DB>,
  person: OffboardingPerson,
  today: string,
): Promise<{ email: string; source: string } | null> {
  const row = await db
    .selectFrom('employees_of_record as e')
    .innerJoin('sources as s', 's.id', 'e.source_id')
    .select(['e.email', 's.name as source'])
    .where('e.email', 'in', person.emails)
    .where('e.status', '=', 'active')
    .where((eb) => eb.or([eb('e.termination_date', 'is', null), eb('e.termination_date', '>', today)]))
    .executeTakeFirst();
  return row ?? null;
}

/** A date as PostgreSQL's `date` text (UTC), for comparisons with termination dates. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
