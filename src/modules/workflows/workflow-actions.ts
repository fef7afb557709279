import type { ActionDefinition } from '../../actions/action.js';
import type { Roster } from '../../roster.js';
import { internalActions } from './internal-actions.js';

/**
 * Every action a workflow document may use, for the workflow acting as `actor`. The external actions
 * (email, Slack, Jira, webhook) join here from `src/actions/registry.ts` (`externalActions`).
 */
export function workflowActions(roster: Roster, actor = 'workflow'): ActionDefinition[] {
  return [...internalActions(roster, actor)];
}
