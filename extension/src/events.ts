/** What the extension reports to Roster: the body of `POST /api/extension/events`, one event at a time. */
export type ActivityType = 'visit' | 'sign_in' | 'sign_up';

export interface ActivityEvent {
  type: ActivityType;
  /** The app domain from Roster's config that the page matched, never the page's own host or URL. */
  domain: string;
  /** The address used on the app's sign-in form, when one was seen (always in the organisation's domains). */
  email?: string;
  /** ISO 8601, UTC. */
  at: string;
}

export interface Batch {
  batchId: string;
  events: ActivityEvent[];
}

/** Roster refuses a batch of more than 500 events. */
export const MAX_BATCH_EVENTS = 500;
