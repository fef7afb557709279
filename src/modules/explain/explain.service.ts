import { invalidInput } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { explainAppLicenses, explainAppUsage, explainAppUsers, explainInactive } from './explain-app.js';
import { explainExpensesApp, explainExpensesTotal } from './explain-expenses.js';
import { explainOffboarding, explainOffboardingApps } from './explain-offboarding.js';
import { explainUserCount } from './explain-user-count.js';
import { type ExplainWhat, explainWhats } from './explain-whats.js';
import type { Explanation } from './explanation.js';

/** Every figure Roster can explain, by name; app figures take the app as subject. */
export const explainers = {
  'app-users': explainAppUsers,
  'app-licenses': explainAppLicenses,
  'app-usage': explainAppUsage,
  inactive: explainInactive,
  'user-count': (roster: Roster) => explainUserCount(roster),
  'offboarding-apps': explainOffboardingApps,
  offboarding: explainOffboarding,
  'expenses-total': (roster: Roster) => explainExpensesTotal(roster),
  'expenses-app': (roster: Roster, app: string) => explainExpensesApp(roster, app),
} as const satisfies Record<ExplainWhat, unknown>;
export { type ExplainWhat, explainWhats } from './explain-whats.js';

/** Figures about the whole organisation: they take no subject. */
export const organisationFigures: readonly string[] = ['user-count', 'expenses-total'];

/** Figures about a person: their subject is an email, not an app. */
export const personFigures: readonly string[] = ['offboarding-apps', 'offboarding'];

export async function explain(roster: Roster, what: string, subject?: string): Promise<Explanation> {
  if (!(what in explainers)) {
    throw invalidInput(`Roster cannot explain "${what}"`, [
      { field: 'what', message: `must be one of ${explainWhats.join(', ')}` },
    ]);
  }
  if (!organisationFigures.includes(what) && !subject) {
    if (personFigures.includes(what))
      throw invalidInput(`Explaining ${what} needs a person`, [
        { field: 'email', message: 'name one of their emails' },
      ]);
    throw invalidInput(`Explaining ${what} needs an app`, [{ field: 'app', message: 'name the app' }]);
  }
  return explainers[what as ExplainWhat](roster, subject ?? '');
}
