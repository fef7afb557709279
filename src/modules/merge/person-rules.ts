/**
 * How later features treat a merged person (PRODUCT.md §4). Offboarding, workflows and the browser
 * extension call these instead of deciding for themselves.
 */
export interface Person {
  primaryEmail: string;
  /** Every email of the person, the primary included. */
  emails: readonly string[];
}

/** Offboarding starts and stops for all emails together and removes every account of every email. */
export function offboardingEmails(person: Person): string[] {
  return [...new Set([person.primaryEmail, ...person.emails])];
}

/** Actions that contact the person (email, chat) use the primary email first. */
export function contactEmail(person: Person): string {
  return person.primaryEmail;
}

/**
 * Actions that reference the person in another system (a ticket assignee) use the primary email when
 * that system knows it, else the email the system does know.
 */
export function emailKnownTo(person: Person, emailsInTargetApp: ReadonlySet<string>): string {
  if (emailsInTargetApp.has(person.primaryEmail)) return person.primaryEmail;
  return person.emails.find((email) => emailsInTargetApp.has(email)) ?? person.primaryEmail;
}

/**
 * Browser-extension activity reported for an email counts for the person only when that email is in one
 * of the organisation's configured domains; a personal address alias is never tracked.
 */
export function extensionActivityCounts(email: string, organisationDomains: ReadonlySet<string>): boolean {
  return organisationDomains.has(email.slice(email.lastIndexOf('@') + 1).toLowerCase());
}
