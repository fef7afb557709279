import { z } from 'zod';
import { ConnectorError } from '../../connectors/kit/connector-error.js';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import type { ActionDefinition, ActionOutcome, ActionScope } from '../action.js';
import { renderTemplate, templateText } from '../template.js';
import { createJiraIssue } from './jira-issues.js';
import { jiraConfigSchema, jiraCredentialsSchema } from './jira-settings.js';

/**
 * The `jira.issue` action: a Jira Cloud issue created through `createJiraIssue`, its summary and
 * description templates filled from the scope (the description becomes Jira's structured document, so
 * nothing needs escaping). Its output, `key` and `url`, can be used by the next actions
 * (`{{actions.<id>.key}}`). Reporter and assignee are set by the email Jira knows, when Jira finds it.
 */

export const jiraIssueSettingsSchema = jiraConfigSchema
  .omit({ summaryTemplate: true, descriptionTemplate: true, doneStatuses: true })
  .extend({
    type: z.literal('jira.issue'),
    summary: templateText
      .refine((text) => text.trim() !== '', 'may not be empty')
      .meta({
        title: 'Summary',
        description: 'One line with {{fields}}, e.g. "Remove {{account.email}} from {{app.name}}".',
      }),
    description: templateText.default('').meta({
      title: 'Description',
      description: 'Text with {{fields}}; each line becomes a paragraph.',
    }),
    reporterEmail: templateText.optional().meta({
      title: 'Reporter email',
      description:
        'The email Jira knows the reporter by, e.g. {{app.owner}}; left unset when Jira finds no one.',
    }),
    assigneeEmail: templateText.optional().meta({
      title: 'Assignee email',
      description: 'The email Jira knows the assignee by; left unset when Jira finds no one.',
    }),
  });
export type JiraIssueSettings = z.output<typeof jiraIssueSettingsSchema>;

export const jiraIssueAction: ActionDefinition<typeof jiraIssueSettingsSchema> = {
  type: 'jira.issue',
  settings: jiraIssueSettingsSchema,
  credentials: jiraCredentialsSchema,
  preview(settings, scope) {
    const people = [settings.reporterEmail, settings.assigneeEmail]
      .map((template) => (template ? renderTemplate(template, scope, 'text').trim() : ''))
      .filter((email) => email !== '');
    return {
      summary: `Jira: create a ${settings.issueType} in ${settings.projectKey}: ${renderTemplate(settings.summary, scope, 'text').replace(/\s+/g, ' ').trim()}`,
      requests: [
        ...people.map(() => ({
          method: 'GET' as const,
          url: `${settings.baseUrl}/rest/api/3/user/search`,
          status: null,
        })),
        { method: 'POST', url: `${settings.baseUrl}/rest/api/3/issue`, status: null },
      ],
    };
  },
  async run(settings, scope, context): Promise<ActionOutcome> {
    const requests: ProviderCall[] = [];
    const credentials = jiraCredentialsSchema.safeParse(context.credentials);
    if (!credentials.success)
      return {
        status: 'failed',
        error: 'Roster has no valid Jira credentials: set the account email and API token',
        retryable: false,
        requests,
      };
    const email = (template: string | undefined) => {
      const value = template ? renderTemplate(template, scope, 'text').trim() : '';
      return value === '' ? undefined : emailsJiraMayKnow(value, scope);
    };
    const reporterEmail = email(settings.reporterEmail);
    const assigneeEmail = email(settings.assigneeEmail);
    try {
      const issue = await createJiraIssue(
        {
          ...context,
          onCall: (call) => {
            requests.push(call);
            context.onCall?.(call);
          },
        },
        { ...configOf(settings), doneStatuses: ['Done'] },
        credentials.data,
        {
          summary: renderTemplate(settings.summary, scope, 'text'),
          description: renderTemplate(settings.description, scope, 'text'),
          ...(reporterEmail ? { reporterEmail } : {}),
          ...(assigneeEmail ? { assigneeEmail } : {}),
        },
      );
      return {
        status: 'succeeded',
        output: {
          key: issue.key,
          id: issue.id,
          url: `${settings.baseUrl}/browse/${encodeURIComponent(issue.key)}`,
          ...(issue.unresolvedEmails.length ? { unresolvedEmails: issue.unresolvedEmails } : {}),
        },
        requests,
      };
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      return { status: 'failed', error: error.message, retryable: error.code === 'transient', requests };
    }
  },
};

/**
 * The addresses to look a person up by in Jira: the one the settings name, then — when it is one of the
 * run's person's emails (Merge Users) — their other emails, primary first. Jira may know the person by an
 * alias only; the first address Jira finds is the one it knows.
 */
export function emailsJiraMayKnow(given: string, scope: ActionScope): string[] {
  const person = scope.person as { emails?: unknown } | undefined;
  const emails = Array.isArray(person?.emails)
    ? person.emails.filter((e): e is string => typeof e === 'string')
    : [];
  const lower = given.toLowerCase();
  if (!emails.some((e) => e.toLowerCase() === lower)) return [given];
  return [given, ...emails.filter((e) => e.toLowerCase() !== lower)];
}

/** The ticket settings `createJiraIssue` takes, without the action's own templates. */
function configOf(settings: JiraIssueSettings) {
  const {
    type: _type,
    summary: _s,
    description: _d,
    reporterEmail: _r,
    assigneeEmail: _a,
    ...config
  } = settings;
  return config;
}
