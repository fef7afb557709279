import { invalidInput } from '../../lib/errors.js';

/** An app's inactivity threshold: whole days from 1 to 3650, or null for the organisation's default. */
export function checkInactivityDays(days: number | null): number | null {
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650)) {
    throw invalidInput('The inactivity threshold must be a whole number of days from 1 to 3650', [
      { field: 'inactivityDays', message: `${String(days)} is not 1-3650` },
    ]);
  }
  return days;
}
