import { z } from 'zod';
import { secretField } from '../../connectors/kit/settings-schema.js';
import { templateText } from '../template.js';

/**
 * A Slack message action's settings (in the workflow document) and the credentials it is handed from
 * Roster's encrypted store (never in the document).
 */

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const slackMessageSettingsSchema = z.strictObject({
  type: z.literal('slack.message'),
  text: templateText
    .refine((text) => text.trim() !== '', 'may not be empty')
    .meta({
      title: 'Message',
      description:
        'The message, with {{fields}} filled from the workflow (e.g. "Your access to {{app.name}} ends today"); values are escaped, so they cannot mention @channel or add links.',
    }),
  channel: z
    .string()
    .trim()
    .regex(
      /^(#?[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{2,20})$/,
      'must be a channel name such as #it-ops or a channel id such as C0123ABCD',
    )
    .optional()
    .meta({
      title: 'Channel',
      description:
        'Where to post; without one, the person gets a direct message, found by their primary email first, then their other emails. Invite the Roster app to a private channel first.',
    }),
  apiUrl: z
    .url({ protocol: /^https?$/ })
    // HTTPS, except on loopback (a simulator, a local proxy): the bot token never crosses a network in clear.
    .refine((v) => {
      const url = new URL(v);
      return url.protocol === 'https:' || loopback.has(url.hostname);
    }, 'must be an https:// URL')
    .transform((v) => v.replace(/\/+$/, ''))
    .default('https://slack.com/api')
    .meta({ title: 'Slack Web API URL', description: 'Default: https://slack.com/api.', 'x-advanced': true }),
});
export type SlackMessageSettings = z.output<typeof slackMessageSettingsSchema>;

export const slackCredentialsSchema = z.strictObject({
  botToken: z
    .string()
    .trim()
    .regex(/^xox[bp]-[A-Za-z0-9-]+$/, 'must be a Slack bot token (xoxb-…)')
    .max(512)
    .meta({
      title: 'Bot token',
      description:
        'The bot token of your Slack app (OAuth & Permissions); it needs the scopes users:read, users:read.email and chat:write.',
      ...secretField,
    }),
});
export type SlackCredentials = z.output<typeof slackCredentialsSchema>;
