import type { z } from 'zod';
import type { ProviderCall } from '../connectors/kit/provider-http.js';
import type { ActionContext } from './action-context.js';

/**
 * The values an action's templates can use: the entity the workflow fired for (`person.email`,
 * `app.name`, …) and the outputs of the actions before it, by their id (`actions.ticket.key`).
 */
export interface ActionScope {
  [field: string]: unknown;
  actions?: Record<string, Record<string, unknown>>;
}

/** What an action would do, shown before a workflow is enabled: nothing is sent to produce it. */
export interface ActionPreview {
  /** One line a person reads: "Email ann@acme.io: Remove Ann from Slack". */
  summary: string;
  /** The requests the action would make, with `status: null`. */
  requests: ProviderCall[];
}

export type ActionOutcome =
  | { status: 'succeeded'; output: Record<string, unknown>; requests: ProviderCall[] }
  | {
      status: 'failed';
      /** The provider's own error, kept so an admin can read it and retry. */
      error: string;
      /** Whether running it again may succeed (a timeout, a 5xx, a rate limit) or not (a 400). */
      retryable: boolean;
      requests: ProviderCall[];
    };

/**
 * One kind of action a workflow (or an offboarding method) can take. Actions that talk to third
 * parties live in `src/actions/` and know nothing of the database; the caller resolves what they need
 * (credentials, the email a provider knows) into `settings` and `scope`, and keeps the record.
 */
export interface ActionDefinition<Schema extends z.ZodTypeAny = z.ZodTypeAny> {
  /** The `type` in a workflow document: `email`, `slack.message`, `jira.issue`, `webhook`, … */
  type: string;
  /** The settings the document carries for this action, validated before a workflow is saved. */
  settings: Schema;
  /**
   * The credentials the action needs from Roster's encrypted store, handed in as `ActionContext.credentials`;
   * absent when it needs none (email goes through Roster's own SMTP server, a webhook signs with its secret).
   */
  credentials?: z.ZodTypeAny;
  preview(settings: z.infer<Schema>, scope: ActionScope): ActionPreview;
  run(settings: z.infer<Schema>, scope: ActionScope, context: ActionContext): Promise<ActionOutcome>;
}
