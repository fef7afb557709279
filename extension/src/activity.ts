import type { AppMatch } from './domain-match.js';
import { enqueue, withoutDomainOnDay } from './event-queue.js';
import type { ActivityEvent, ActivityType } from './events.js';
import { isOrgEmail } from './org-email.js';

/** Who the last sign-in seen on an app domain was: an address of the organisation, or a personal one. */
export type AccountSeen = { personal: false; email: string } | { personal: true };

export interface ActivityState {
  queue: ActivityEvent[];
  /** Per app domain; kept on this machine only, to attribute later visits. */
  accounts: Record<string, AccountSeen>;
}

export interface Observed {
  type: ActivityType;
  match: AppMatch;
  /** The address typed into a sign-in or sign-up form, when the form showed one. */
  typedEmail: string | null;
  at: Date;
}

/**
 * Turns one thing seen in the browser into what will be reported. The address typed on an app's form decides
 * whose activity it is: an address outside the organisation's domains means personal use, so that form is not
 * reported, today's unsent activity on the app is dropped, and later visits to it are not reported until a
 * sign-in with an organisation address. Visits carry the organisation address last used on the app.
 */
export function observe(state: ActivityState, seen: Observed, orgDomains: readonly string[]): ActivityState {
  const { domain } = seen.match;
  const at = seen.at.toISOString();
  const event = (email: string | undefined): ActivityEvent => ({
    type: seen.type,
    domain,
    ...(email ? { email } : {}),
    at,
  });

  if (seen.type === 'visit') {
    const account = state.accounts[domain];
    if (account?.personal) return state;
    return { ...state, queue: enqueue(state.queue, event(account?.email)) };
  }

  if (seen.typedEmail && !isOrgEmail(seen.typedEmail, orgDomains)) {
    return {
      queue: withoutDomainOnDay(state.queue, domain, at.slice(0, 10)),
      accounts: { ...state.accounts, [domain]: { personal: true } },
    };
  }

  const accounts = { ...state.accounts };
  // A form that shows no address (single sign-on) is the extension's own person; it ends a personal session.
  if (seen.typedEmail) accounts[domain] = { personal: false, email: seen.typedEmail };
  else delete accounts[domain];
  return { queue: enqueue(state.queue, event(seen.typedEmail ?? undefined)), accounts };
}
