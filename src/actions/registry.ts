import type { ActionDefinition } from './action.js';
import { emailAction } from './email/email-action.js';
import { jiraIssueAction } from './jira/jira-issue-action.js';
import { slackMessageAction } from './slack/slack-message-action.js';
import { webhookAction } from './webhook/webhook-action.js';

/**
 * The actions that reach outside Roster, by their `type` in a workflow document. The workflows module
 * adds its internal ones (offboarding, licenses, deprovisioning) beside these; offboarding's ticket and
 * owner-notification methods run through the same definitions.
 */
export const externalActions: readonly ActionDefinition[] = [
  emailAction,
  slackMessageAction,
  jiraIssueAction,
  webhookAction,
];
