import type { ProviderCall } from '../connectors/kit/provider-http.js';
import type { OutgoingMail } from '../lib/mailer.js';
import type { OutboundClient } from '../lib/outbound/outbound-client.js';

/**
 * What an action (creating a ticket, sending a message) gets to reach a provider. Like connectors, actions
 * know nothing of the database or the HTTP server: the caller hands in the way out and keeps the record.
 */
export interface ActionContext {
  signal: AbortSignal;
  /** The only way to the provider: the outbound-request guard (ROSTER_OUTBOUND_ALLOW), capped and timed. */
  outbound: OutboundClient;
  /** Told of every request made and the provider's answer, so the caller's record keeps each one. */
  onCall?: (call: ProviderCall) => void;
  /** Sends mail through Roster's SMTP server (ROSTER_SMTP_URL); absent when none is configured. */
  sendMail?: (mail: OutgoingMail) => Promise<void>;
  /**
   * The provider credentials the action's `credentials` schema describes (a Slack bot token, a Jira API
   * token), opened by the caller from Roster's encrypted store: never part of a workflow document.
   */
  credentials?: unknown;
}
