import { sql } from 'kysely';
import {
  type JiraIssueSettings,
  jiraIssueAction,
  jiraIssueSettingsSchema,
} from '../../actions/jira/jira-issue-action.js';
import { readJiraIssueStatus } from '../../actions/jira/jira-issues.js';
import {
  type JiraConfig,
  type JiraCredentials,
  jiraConfigSchema,
  jiraCredentialsSchema,
} from '../../actions/jira/jira-settings.js';
import { templateFields } from '../../actions/template.js';
import { ConnectorError } from '../../connectors/kit/connector-error.js';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import { sealedContexts } from '../../lib/secret-box.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { CallRecord, ClaimedTask, RunOptions, TaskOutcome } from './offboarding-runner.js';

/** What a ticket task will do, from the method's settings (a Jira Cloud project). */
export function ticketAction(config: unknown): string {
  const settings = (config ?? {}) as { projectKey?: string; doneStatuses?: string[] };
  const project = settings.projectKey ? ` in project ${settings.projectKey}` : '';
  const done = settings.doneStatuses?.length ? settings.doneStatuses.join(' or ') : 'Done';
  return `Creates a Jira issue${project} and waits for it to reach ${done}`;
}

interface TicketSettings {
  config: JiraConfig;
  credentials: JiraCredentials;
}

/** The ticket settings that apply to an account: its instance's, else its app's. */
async function ticketSettings(
  roster: Roster,
  appId: number,
  instanceId: number,
): Promise<TicketSettings | string> {
  const row = await roster.database.db
    .selectFrom('offboarding_methods')
    .select(['id', 'config', 'credentials_encrypted'])
    .where('app_id', '=', appId)
    .where('method', '=', 'ticket')
    .where((eb) => eb.or([eb('instance_id', '=', instanceId), eb('instance_id', 'is', null)]))
    .orderBy(sql`instance_id is null`)
    .executeTakeFirst();
  if (!row) return 'The ticket method is no longer set for this app: set it again, or choose another method';
  const config = jiraConfigSchema.safeParse(row.config);
  if (!config.success) return 'The ticket settings are not valid: set the method again';
  if (!row.credentials_encrypted) return 'The ticket method has no Jira credentials: set them again';
  try {
    const opened = JSON.parse(
      roster.secrets.open(row.credentials_encrypted, sealedContexts.offboardingMethodCredentials(row.id)),
    );
    const credentials = jiraCredentialsSchema.safeParse(opened);
    if (!credentials.success) return 'The stored Jira credentials are not valid: set them again';
    return { config: config.data, credentials: credentials.data };
  } catch (error) {
    return `The Jira credentials cannot be opened: ${(error as Error).message}`;
  }
}

const recorder = (calls: CallRecord[], now: () => Date) => (call: ProviderCall) =>
  calls.push({ at: now().toISOString(), ...call });

/** What the ticket method's templates may name: the account's email as the app knows it, the app, the status. */
const ticketFields = ['accountStatus', 'app', 'email'] as const;

const defaultSummary = 'Remove {{email}} from {{app}}';
const defaultDescription = [
  '{{email}} is leaving: please remove or deactivate their account in {{app}}.',
  "The account's status in Roster: {{accountStatus}}.",
  'Roster marks the offboarding task done when this issue is done.',
].join('\n');

/** The method's templates as a `jira.issue` action's settings, or why they cannot be. */
function ticketIssueSettings(config: JiraConfig): JiraIssueSettings | string {
  const summary = config.summaryTemplate ?? defaultSummary;
  const description = config.descriptionTemplate ?? defaultDescription;
  for (const [field, template] of [
    ['summaryTemplate', summary],
    ['descriptionTemplate', description],
  ] as const) {
    const unknown = templateFields(template).find(
      (name) => !(ticketFields as readonly string[]).includes(name),
    );
    if (unknown) return `${field}: unknown placeholder {{${unknown}}}; known: ${ticketFields.join(', ')}`;
  }
  const { summaryTemplate: _s, descriptionTemplate: _d, doneStatuses: _done, ...site } = config;
  const parsed = jiraIssueSettingsSchema.safeParse({ ...site, type: 'jira.issue', summary, description });
  return parsed.success ? parsed.data : 'The ticket settings are not valid: set the method again';
}

/**
 * The ticket method: a Jira issue asks the app's admins to remove the account, naming it by the email the
 * app knows. It runs the `jira.issue` action workflows use; the task waits until the issue reaches a done
 * status (`followTickets`).
 */
export async function createTicket(
  roster: Roster,
  task: ClaimedTask,
  options: RunOptions,
  now: () => Date,
): Promise<TaskOutcome> {
  const calls: CallRecord[] = [];
  const settings = await ticketSettings(roster, task.app_id, task.instance_id);
  if (typeof settings === 'string') return { status: 'failed', note: settings, calls };
  const issueSettings = ticketIssueSettings(settings.config);
  if (typeof issueSettings === 'string') return { status: 'failed', note: issueSettings, calls };
  // Values are the scope, never spliced into a template, so an app's name cannot add placeholders.
  const outcome = await jiraIssueAction.run(
    issueSettings,
    { email: task.email, app: task.app, accountStatus: task.account_status },
    {
      signal: options.signal ?? new AbortController().signal,
      outbound: roster.outbound,
      onCall: recorder(calls, now),
      credentials: settings.credentials,
    },
  );
  if (outcome.status === 'failed') return { status: 'failed', note: outcome.error, calls };
  const key = String(outcome.output.key);
  return {
    status: 'waiting',
    note: `Jira issue ${key} created; waiting for ${settings.config.doneStatuses.join(' or ')}`,
    calls,
    ticketKey: key,
  };
}

/**
 * Reads the status of every open ticket not read within `everyMs`; a ticket that reached a done status
 * finishes its task. A ticket Jira no longer has fails its task (retry creates a new one).
 */
export async function followTickets(
  roster: Roster,
  options: { now?: () => Date; everyMs?: number; signal?: AbortSignal } = {},
): Promise<{ checked: number; done: number }> {
  const { db } = roster.database;
  const now = options.now ?? (() => new Date());
  const due = new Date(now().getTime() - (options.everyMs ?? 5 * 60_000));
  const tasks = await db
    .selectFrom('offboarding_tasks as t')
    .innerJoin('accounts as ac', 'ac.id', 't.account_id')
    .select(['t.id', 't.offboarding_id', 't.ticket_key', 'ac.app_id', 'ac.instance_id'])
    .where('t.method', '=', 'ticket')
    .where('t.status', '=', 'in_progress')
    .where('t.ticket_key', 'is not', null)
    .where((eb) => eb.or([eb('t.checked_at', 'is', null), eb('t.checked_at', '<=', due)]))
    .orderBy('t.checked_at')
    .limit(200)
    .execute();
  let done = 0;
  for (const task of tasks) {
    const calls: CallRecord[] = [];
    const settings = await ticketSettings(roster, task.app_id, task.instance_id);
    let update: { status?: 'done' | 'failed'; note?: string; done_by?: string; done_at?: Date } = {};
    if (typeof settings === 'string') update = { status: 'failed', note: settings };
    else {
      try {
        const status = await readJiraIssueStatus(
          {
            signal: options.signal ?? new AbortController().signal,
            outbound: roster.outbound,
            onCall: recorder(calls, now),
          },
          settings.config,
          settings.credentials,
          task.ticket_key ?? '',
        );
        if (status.done)
          update = {
            status: 'done',
            note: `Jira issue ${task.ticket_key} is ${status.status}`,
            done_by: `Jira issue ${task.ticket_key}`,
            done_at: now(),
          };
      } catch (error) {
        if (!(error instanceof ConnectorError)) throw error;
        // A passing outage is read again next time; a ticket that is gone, or refused access, fails the task.
        if (error.code !== 'transient') update = { status: 'failed', note: error.message };
      }
    }
    await db.transaction().execute(async (trx) => {
      const written = await trx
        .updateTable('offboarding_tasks')
        .set({ ...update, checked_at: now(), calls: sql`calls || ${JSON.stringify(calls)}::jsonb` })
        .where('id', '=', task.id)
        .where('status', '=', 'in_progress')
        .executeTakeFirst();
      if (update.status === 'done' && written.numUpdatedRows > 0n) {
        done++;
        await writeAudit(trx, {
          actor: `Jira issue ${task.ticket_key}`,
          action: 'offboarding.task.done',
          targetType: 'offboarding',
          targetId: task.offboarding_id,
          after: { task: task.id, ticket: task.ticket_key },
        });
      }
    });
  }
  return { checked: tasks.length, done };
}
