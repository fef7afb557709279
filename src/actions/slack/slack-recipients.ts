import type { ActionScope } from '../action.js';
import { valueAt } from '../template.js';

/**
 * The emails a direct message looks the person up by, in order: the person's primary email first, then
 * their other emails (Merge Users: contact goes to the primary first), each once whatever its case.
 */
export function contactEmails(scope: ActionScope): string[] {
  const primary = valueAt(scope, 'person.email');
  const others = valueAt(scope, 'person.emails');
  const all = [primary, ...(Array.isArray(others) ? others : [])].filter(
    (email): email is string => typeof email === 'string' && email.includes('@'),
  );
  const seen = new Set<string>();
  return all.filter((email) => {
    const key = email.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
