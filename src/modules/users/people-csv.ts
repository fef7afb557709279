import type { UserSummary } from './users.repo.js';

export const peopleCsvColumns = [
  'email',
  'name',
  'type',
  'status',
  'apps',
  'additionalEmails',
  'annualCost',
] as const;

/** One person per row; their other emails in one cell, "; " apart. */
export const peopleCsvRow = (person: UserSummary) => ({
  ...person,
  additionalEmails: person.additionalEmails.join('; '),
});
