import type { ActionDefinition } from '../../actions/action.js';
import { externalActions } from '../../actions/registry.js';
import type { Roster } from '../../roster.js';
import { internalActions } from './internal-actions.js';

/**
 * Every action a workflow document may use, for the workflow acting as `actor`: the internal ones and the
 * external ones (email, Slack, Jira, webhook) from `src/actions/registry.ts`.
 */
export function workflowActions(roster: Roster, actor = 'workflow'): ActionDefinition[] {
  return [...internalActions(roster, actor), ...externalActions];
}
