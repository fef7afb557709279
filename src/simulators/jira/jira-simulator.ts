import { randomBytes } from 'node:crypto';
import type { Fault, FaultOptions } from '../kit/faults.js';
import {
  type RunningSimulator,
  type SimulatorRequest,
  type SimulatorResponse,
  type SimulatorRoute,
  startSimulator,
} from '../kit/simulator-server.js';
import {
  type JiraIssue,
  type JiraProject,
  JiraSite,
  type JiraStatus,
  type JiraUser,
  statuses,
  transitionIds,
} from './jira-site.js';

/**
 * A simulated Jira Cloud REST API v3: create issue (`POST /rest/api/3/issue`, 201 `{id,key,self}`, 400 with
 * Jira's error collection naming the field), get issue with `fields.status`, transitions (list and do), user
 * search; Basic auth with an account's email and API token (401 otherwise); 429 with `Retry-After` and
 * Jira's `X-RateLimit-*` headers when the fault plan throttles.
 */

export interface JiraSimulatorOptions {
  projects?: JiraProject[];
  users?: JiraUser[];
  faults?: FaultOptions;
  /** Seconds a throttled answer asks the client to wait; default 1. */
  retryAfterSeconds?: number;
  port?: number;
}

export interface RunningJira extends RunningSimulator {
  /** The account the simulator accepts. */
  email: string;
  apiToken: string;
  /** The site's state: created issues (with the fields as sent) and their status. */
  site: JiraSite;
}

const defaultProjects: JiraProject[] = [
  { id: '10000', key: 'OPS', issueTypes: ['Task', 'Bug'], requiredFields: [] },
  { id: '10001', key: 'SEC', issueTypes: ['Task'], requiredFields: ['duedate'] },
];

const defaultUsers: JiraUser[] = [
  { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Jane Doe', emailAddress: 'jane@example.com' },
  { accountId: '5b10ac8d82e05b22cc7d4ef6', displayName: 'Jan Berg', emailAddress: 'jan@example.com' },
  {
    accountId: '712020:1a2b3c4d',
    displayName: 'Private Person',
    emailAddress: 'private@example.com',
    emailHidden: true,
  },
];

export async function startJiraSimulator(options: JiraSimulatorOptions = {}): Promise<RunningJira> {
  const email = 'roster-bot@example.com';
  const apiToken = `ATATT${randomBytes(24).toString('base64url')}`;
  const expected = `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
  const site = new JiraSite(options.projects ?? defaultProjects, options.users ?? defaultUsers);
  const retryAfter = options.retryAfterSeconds ?? 1;
  let server: RunningSimulator | undefined;

  /** Authentication, then the fault plan, the way Jira answers each. */
  function gate(request: SimulatorRequest): SimulatorResponse | undefined {
    if (request.headers.authorization !== expected) return unauthenticated();
    const fault = server?.faults.decide(`${request.method} ${request.url.pathname}${request.url.search}`);
    return fault ? render(fault) : undefined;
  }

  function render(fault: Fault): SimulatorResponse {
    if (fault === 'throttle')
      return {
        status: 429,
        headers: {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '100',
          'x-ratelimit-remaining': '0',
          'ratelimit-reason': 'jira-burst-based',
        },
      };
    if (fault === 'revoked') return unauthenticated();
    if (fault === 'timeout') return { status: 200, fault: 'timeout' };
    return jiraError(500, { errorMessages: ['Internal server error'] });
  }

  const routes = (base: () => string): SimulatorRoute[] => [
    {
      method: 'POST',
      path: /^\/rest\/api\/3\/issue$/,
      handle: (request) => gate(request) ?? createIssue(site, request, base()),
    },
    {
      method: 'GET',
      path: /^\/rest\/api\/3\/issue\/([^/]+)$/,
      handle: (request, match) => {
        const refused = gate(request);
        if (refused) return refused;
        const issue = site.issue(decodeURIComponent(match[1] ?? ''));
        if (!issue) return issueNotFound();
        return { status: 200, json: issueJson(issue, base(), request.url.searchParams.get('fields')) };
      },
    },
    {
      method: 'GET',
      path: /^\/rest\/api\/3\/issue\/([^/]+)\/transitions$/,
      handle: (request, match) => {
        const refused = gate(request);
        if (refused) return refused;
        const issue = site.issue(decodeURIComponent(match[1] ?? ''));
        if (!issue) return issueNotFound();
        // Only transitions available from the current status are listed.
        const available = statuses.filter((s) => s.id !== issue.status.id);
        return {
          status: 200,
          json: {
            expand: 'transitions',
            transitions: available.map((to) => ({
              id: transitionIds[to.name],
              name: to.name,
              to: statusJson(to, base()),
              hasScreen: false,
              isGlobal: true,
              isInitial: false,
              isAvailable: true,
              isConditional: false,
              isLooped: false,
            })),
          },
        };
      },
    },
    {
      method: 'POST',
      path: /^\/rest\/api\/3\/issue\/([^/]+)\/transitions$/,
      handle: (request, match) => {
        const refused = gate(request);
        if (refused) return refused;
        const issue = site.issue(decodeURIComponent(match[1] ?? ''));
        if (!issue) return issueNotFound();
        const id = (parseBody(request) as { transition?: { id?: unknown } } | undefined)?.transition?.id;
        const to = statuses.find((s) => transitionIds[s.name] === id && s.id !== issue.status.id);
        if (!to)
          return jiraError(400, {
            errorMessages: [`Transition id '${String(id ?? '')}' is not valid for this issue.`],
          });
        issue.status = to;
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: /^\/rest\/api\/3\/user\/search$/,
      handle: (request) => {
        const refused = gate(request);
        if (refused) return refused;
        const query = request.url.searchParams.get('query');
        if (!query) return jiraError(400, { errorMessages: ["The query parameter 'query' is required."] });
        const q = query.toLowerCase();
        // A prefix match on display name and email address, as Jira's user search does.
        const found = site.users.filter(
          (u) => u.displayName.toLowerCase().startsWith(q) || u.emailAddress.toLowerCase().startsWith(q),
        );
        return { status: 200, json: found.map((u) => userJson(u, base())) };
      },
    },
  ];

  server = await startSimulator(routes, { faults: options.faults, port: options.port });
  const running = server;
  return {
    ...running,
    get requests() {
      return running.requests;
    },
    email,
    apiToken,
    site,
  };
}

function createIssue(site: JiraSite, request: SimulatorRequest, base: string): SimulatorResponse {
  const body = parseBody(request) as { fields?: Record<string, unknown> } | undefined;
  if (!body || typeof body !== 'object')
    return jiraError(400, { errorMessages: ['Unexpected character in the request body.'] });
  const fields = body.fields ?? {};
  const errors: Record<string, string> = {};
  const projectRef = fields.project as { key?: unknown; id?: unknown } | undefined;
  const project = site.project(String(projectRef?.key ?? projectRef?.id ?? ''));
  if (!project) errors.project = 'Specify a valid project ID or key';
  const issueType = (fields.issuetype as { name?: unknown } | undefined)?.name;
  if (project && !project.issueTypes.includes(String(issueType)))
    errors.issuetype = 'Specify a valid issue type';
  const summary = fields.summary;
  if (typeof summary !== 'string' || summary.trim() === '')
    errors.summary = 'You must specify a summary of the issue.';
  else if (summary.length > 255) errors.summary = 'Summary must be less than 255 characters.';
  else if (/[\r\n]/.test(summary))
    errors.summary = 'The summary is invalid because it contains newline characters.';
  if (fields.description !== undefined && !isAdfDocument(fields.description))
    errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
  for (const field of ['reporter', 'assignee']) {
    const ref = fields[field] as { id?: unknown } | undefined;
    if (ref !== undefined && !site.users.some((u) => u.accountId === ref?.id))
      errors[field] = `Specify a valid value for ${field}`;
  }
  for (const field of project?.requiredFields ?? [])
    if (fields[field] === undefined || fields[field] === null) errors[field] = `${field} is required.`;
  if (Object.keys(errors).length > 0) return jiraError(400, { errors });
  const issue = site.create(project as JiraProject, fields);
  return {
    status: 201,
    json: { id: issue.id, key: issue.key, self: `${base}/rest/api/3/issue/${issue.id}` },
  };
}

/** An ADF document: `type: "doc"`, `version: 1` and block nodes whose text nodes are non-empty. */
function isAdfDocument(value: unknown): boolean {
  const doc = value as { type?: unknown; version?: unknown; content?: unknown };
  if (doc?.type !== 'doc' || doc.version !== 1 || !Array.isArray(doc.content)) return false;
  return doc.content.every((block: { type?: unknown; content?: unknown }) => {
    if (typeof block?.type !== 'string') return false;
    const inline = block.content ?? [];
    return (
      Array.isArray(inline) &&
      inline.every(
        (node: { type?: unknown; text?: unknown }) =>
          node?.type !== 'text' || (typeof node.text === 'string' && node.text !== ''),
      )
    );
  });
}

function issueJson(issue: JiraIssue, base: string, fieldsParam: string | null) {
  const all: Record<string, unknown> = { ...issue.fields, status: statusJson(issue.status, base) };
  const wanted = fieldsParam?.split(',').map((f) => f.trim());
  const fields =
    wanted && !wanted.includes('*all')
      ? Object.fromEntries(Object.entries(all).filter(([name]) => wanted.includes(name)))
      : all;
  return {
    expand: 'renderedFields,names,schema',
    id: issue.id,
    self: `${base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
  };
}

function statusJson(status: JiraStatus, base: string) {
  return {
    self: `${base}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${base}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: {
      self: `${base}/rest/api/3/statuscategory/${status.category.id}`,
      id: status.category.id,
      key: status.category.key,
      colorName: status.category.colorName,
      name: status.category.name,
    },
  };
}

function userJson(user: JiraUser, base: string) {
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: 'atlassian',
    ...(user.emailHidden ? {} : { emailAddress: user.emailAddress }),
    displayName: user.displayName,
    active: true,
  };
}

function parseBody(request: SimulatorRequest): unknown {
  try {
    return JSON.parse(request.body);
  } catch {
    return undefined;
  }
}

function jiraError(
  status: number,
  body: { errorMessages?: string[]; errors?: Record<string, string> },
): SimulatorResponse {
  return { status, json: { errorMessages: body.errorMessages ?? [], errors: body.errors ?? {} } };
}

function unauthenticated(): SimulatorResponse {
  return jiraError(401, { errorMessages: ['Client must be authenticated to access this resource.'] });
}

function issueNotFound(): SimulatorResponse {
  return jiraError(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
}
