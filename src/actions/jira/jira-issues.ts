import { ConnectorError } from '../../connectors/kit/connector-error.js';
import type { ProviderHttp } from '../../connectors/kit/provider-http.js';
import type { ActionContext } from '../action-context.js';
import { adfFromText } from './adf.js';
import { jiraHttp, PROVIDER } from './jira-http.js';
import type { JiraConfig, JiraCredentials } from './jira-settings.js';
import { renderTemplate } from './jira-template.js';

/**
 * The Jira Cloud ticket action: create a ticket in the configured project (`POST /rest/api/3/issue`) and
 * read whether it is done (`GET /rest/api/3/issue/{key}?fields=status`). Offboarding and workflows call it.
 */

export interface JiraTicketInput {
  /** Used when the config has no summary template. */
  summary: string;
  /** Plain text, one paragraph per line; used when the config has no description template. */
  description: string;
  /** What the config's templates' `{{placeholders}}` are filled with. */
  values?: Readonly<Record<string, string>>;
  /**
   * The reporter's email, or their emails in order (a merged person's, the given one first): the first that
   * Jira finds exactly is the email Jira knows them by.
   */
  reporterEmail?: string | readonly string[];
  /** The assignee's email, or their emails in order, as for the reporter. */
  assigneeEmail?: string | readonly string[];
}

export interface CreatedJiraIssue {
  key: string;
  id: string;
  self: string;
  /** Emails given for the reporter or assignee that Jira could not match to one user: left unset. */
  unresolvedEmails: string[];
}

export interface JiraIssueStatus {
  /** The status name, e.g. "In Progress". */
  status: string;
  /** Jira's status category key: `new`, `indeterminate` or `done`. */
  statusCategory: string | null;
  /** Whether the status is one of the config's done statuses. */
  done: boolean;
}

/** Jira refuses longer summaries (and any line break in one). */
const SUMMARY_MAX = 255;

export async function createJiraIssue(
  context: ActionContext,
  config: JiraConfig,
  credentials: JiraCredentials,
  input: JiraTicketInput,
): Promise<CreatedJiraIssue> {
  const values = input.values ?? {};
  const summary = config.summaryTemplate
    ? renderTemplate('summaryTemplate', config.summaryTemplate, values)
    : input.summary;
  const description = config.descriptionTemplate
    ? renderTemplate('descriptionTemplate', config.descriptionTemplate, values)
    : input.description;
  const http = jiraHttp(context, config, credentials);

  const people: Record<string, { id: string }> = {};
  const unresolvedEmails: string[] = [];
  for (const [field, given] of [
    ['reporter', input.reporterEmail],
    ['assignee', input.assigneeEmail],
  ] as const) {
    const candidates = typeof given === 'string' ? [given] : (given ?? []);
    if (!candidates.length) continue;
    let accountId: string | null = null;
    for (const email of candidates) {
      accountId = await jiraAccountIdOf(http, config.baseUrl, email);
      if (accountId) break;
    }
    if (accountId) people[field] = { id: accountId };
    else unresolvedEmails.push(candidates[0]!);
  }

  // Creating a ticket is not idempotent: a 429 is safe to send again (Jira did nothing), but a server error
  // or a timeout retried by the kit may leave a second ticket when Jira had created the first.
  const { body } = await http.write<{ id?: unknown; key?: unknown; self?: unknown }>(
    'POST',
    `${config.baseUrl}/rest/api/3/issue`,
    {
      fields: {
        ...config.fields,
        ...people,
        project: { key: config.projectKey },
        issuetype: { name: config.issueType },
        summary: oneLine(summary),
        description: adfFromText(description),
      },
    },
  );
  if (!body || typeof body.key !== 'string' || typeof body.id !== 'string')
    throw new ConnectorError('invalid_data', `${PROVIDER} answered the new ticket without its key and id`);
  return {
    key: body.key,
    id: body.id,
    self: typeof body.self === 'string' ? body.self : '',
    unresolvedEmails,
  };
}

export async function readJiraIssueStatus(
  context: ActionContext,
  config: JiraConfig,
  credentials: JiraCredentials,
  key: string,
): Promise<JiraIssueStatus> {
  if (!/^([A-Z][A-Z0-9_]*-\d+|\d+)$/.test(key))
    throw new ConnectorError(
      'invalid_data',
      `key: "${key.slice(0, 40)}" is not a Jira issue key such as OPS-12`,
    );
  const url = new URL(`${config.baseUrl}/rest/api/3/issue/${encodeURIComponent(key)}`);
  url.searchParams.set('fields', 'status');
  const { body } = await jiraHttp(context, config, credentials).getJson<{
    fields?: { status?: { name?: unknown; statusCategory?: { key?: unknown } } };
  }>(url);
  const status = body?.fields?.status;
  if (!status || typeof status.name !== 'string')
    throw new ConnectorError('invalid_data', `${PROVIDER} answered ${key} without its status`);
  const category = status.statusCategory?.key;
  const name = status.name;
  return {
    status: name,
    statusCategory: typeof category === 'string' ? category : null,
    done: config.doneStatuses.some((done) => done.toLowerCase() === name.toLowerCase()),
  };
}

/**
 * The account id of the Jira user with exactly this email. `query` also matches name prefixes and Jira
 * hides addresses some profiles keep private, so only an exact, visible match counts.
 */
async function jiraAccountIdOf(http: ProviderHttp, base: string, email: string): Promise<string | null> {
  const url = new URL(`${base}/rest/api/3/user/search`);
  url.searchParams.set('query', email);
  const { body } = await http.getJson<unknown>(url);
  const wanted = email.trim().toLowerCase();
  const matches = (Array.isArray(body) ? body : []).filter(
    (user): user is { accountId: string } =>
      typeof user?.accountId === 'string' &&
      typeof user.emailAddress === 'string' &&
      user.emailAddress.toLowerCase() === wanted,
  );
  return matches.length === 1 ? (matches[0]?.accountId ?? null) : null;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SUMMARY_MAX ? `${line.slice(0, SUMMARY_MAX - 1)}…` : line;
}
