import type { ActionDefinition, ActionOutcome, ActionScope } from '../action.js';
import type { ActionContext } from '../action-context.js';
import { type ActionTiming, realTiming } from '../action-timing.js';
import { renderTemplate } from '../template.js';
import { contactEmails } from './slack-recipients.js';
import {
  type SlackMessageSettings,
  slackCredentialsSchema,
  slackMessageSettingsSchema,
} from './slack-settings.js';
import { SlackApiError, slackWebApi } from './slack-web-api.js';

/**
 * The Slack message action: `chat.postMessage` to a channel, or to the person as a direct message once
 * `users.lookupByEmail` found them (primary email first, then the others). Values in the text are escaped
 * for Slack and the message is sent with `parse: none`, so nothing a value holds becomes a mention or link.
 */
export function createSlackMessageAction(
  timing: ActionTiming = realTiming,
): ActionDefinition<typeof slackMessageSettingsSchema> {
  return {
    type: 'slack.message',
    settings: slackMessageSettingsSchema,
    credentials: slackCredentialsSchema,
    preview(settings, scope) {
      const text = renderTemplate(settings.text, scope, 'slack');
      const post = { method: 'POST' as const, url: `${settings.apiUrl}/chat.postMessage`, status: null };
      if (settings.channel)
        return { summary: `Slack ${settings.channel}: ${oneLine(text)}`, requests: [post] };
      const emails = contactEmails(scope);
      const lookups = emails.map(() => ({
        method: 'GET' as const,
        url: `${settings.apiUrl}/users.lookupByEmail`,
        status: null,
      }));
      return {
        summary: `Slack message to ${emails.join(' or ') || 'the person (no email known)'}: ${oneLine(text)}`,
        // Every email may be looked up; the message goes once, to the first found.
        requests: [...lookups, post],
      };
    },
    run: (settings, scope, context) => send(settings, scope, context, timing),
  };
}

async function send(
  settings: SlackMessageSettings,
  scope: ActionScope,
  context: ActionContext,
  timing: ActionTiming,
): Promise<ActionOutcome> {
  const credentials = slackCredentialsSchema.safeParse(context.credentials);
  if (!credentials.success)
    return {
      status: 'failed',
      error: 'Roster has no valid Slack bot token: set the Slack credentials (a bot token, xoxb-…)',
      retryable: false,
      requests: [],
    };
  const slack = slackWebApi(settings.apiUrl, credentials.data.botToken, context, timing);
  const failed = (error: string, retryable: boolean): ActionOutcome => ({
    status: 'failed',
    error,
    retryable,
    requests: slack.requests,
  });
  try {
    let channel = settings.channel;
    let user: string | undefined;
    if (!channel) {
      const emails = contactEmails(scope);
      if (emails.length === 0) return failed('The person has no email to find them by in Slack', false);
      user = await findMember(slack, emails);
      if (!user)
        return failed(`No Slack member has the email ${emails.join(' or ')} (users_not_found)`, false);
      channel = user;
    }
    const answer = await slack.call('POST', 'chat.postMessage', {
      channel,
      text: renderTemplate(settings.text, scope, 'slack'),
      parse: 'none',
      link_names: false,
      unfurl_links: false,
    });
    return {
      status: 'succeeded',
      output: {
        channel: String(answer.channel ?? channel),
        ts: String(answer.ts ?? ''),
        ...(user ? { user } : {}),
      },
      requests: slack.requests,
    };
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    return failed(explain(error, settings.channel), error.retryable);
  }
}

async function findMember(
  slack: ReturnType<typeof slackWebApi>,
  emails: string[],
): Promise<string | undefined> {
  for (const email of emails) {
    try {
      const answer = await slack.call('GET', 'users.lookupByEmail', { email });
      const id = (answer.user as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') return id;
    } catch (error) {
      if (error instanceof SlackApiError && error.code === 'users_not_found') continue;
      throw error;
    }
  }
  return undefined;
}

/** What an admin reads for each error Slack documents, with Slack's own code kept. */
function explain(error: SlackApiError, channel: string | undefined): string {
  const where = channel ?? 'the person';
  switch (error.code) {
    case 'invalid_auth':
    case 'not_authed':
    case 'token_revoked':
    case 'token_expired':
    case 'account_inactive':
      return `Slack refused the bot token (${error.code}): set the Slack credentials again`;
    case 'missing_scope':
      return 'The Slack app lacks a scope (missing_scope): give it users:read, users:read.email and chat:write, then reinstall it';
    case 'channel_not_found':
      return `Slack has no channel ${where} the app can see (channel_not_found): check the name, or invite the app to it`;
    case 'not_in_channel':
      return `The Slack app is not in ${where} (not_in_channel): invite it to the channel`;
    case 'is_archived':
      return `${where} is archived in Slack (is_archived): choose another channel`;
    case 'msg_too_long':
      return 'The message is too long for Slack (msg_too_long): shorten the text';
    default:
      return error.message;
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

export const slackMessageAction = createSlackMessageAction();
