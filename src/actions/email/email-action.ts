import { z } from 'zod';
import { remoteText } from '../../connectors/kit/remote-text.js';
import type { ActionDefinition, ActionOutcome, ActionScope } from '../action.js';
import { escapers, renderTemplate } from '../template.js';
import { type EmailSettings, emailSettingsSchema } from './email-settings.js';

/**
 * The email action: subject and body templates filled from the scope, sent through Roster's SMTP server
 * (ActionContext.sendMail) as plain text with an HTML alternative in which everything is escaped.
 */

export interface RenderedEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

const address = z.email();

/** The email as it would be sent, or a message naming the setting that does not give one. */
export function renderEmail(settings: EmailSettings, scope: ActionScope): RenderedEmail | string {
  const to = renderTemplate(settings.to, scope, 'text')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (to.length === 0) return 'to: no address; the field it names is empty for this entity';
  const wrong = to.find((part) => !address.safeParse(part).success);
  if (wrong !== undefined) return `to: "${remoteText(wrong, 80)}" is not an email address`;
  const subject = renderTemplate(settings.subject, scope, 'text').replace(/\s+/g, ' ').trim();
  const text = renderTemplate(settings.body, scope, 'text');
  return { to, subject, text, html: htmlOf(text) };
}

/** The body as HTML: every character escaped, blank lines as paragraphs, line breaks kept. */
export function htmlOf(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapers.html(p).replace(/\n/g, '<br>\n')}</p>`);
  return `<!doctype html>\n<html><body>\n${paragraphs.join('\n')}\n</body></html>\n`;
}

export const emailAction: ActionDefinition<typeof emailSettingsSchema> = {
  type: 'email',
  settings: emailSettingsSchema,
  preview(settings, scope) {
    const email = renderEmail(settings, scope);
    return {
      summary:
        typeof email === 'string'
          ? `Email not possible: ${email}`
          : `Email ${email.to.join(', ')}: ${email.subject}`,
      requests: [],
    };
  },
  async run(settings, scope, context): Promise<ActionOutcome> {
    const email = renderEmail(settings, scope);
    if (typeof email === 'string') return { status: 'failed', error: email, retryable: false, requests: [] };
    if (!context.sendMail)
      return {
        status: 'failed',
        error: 'Roster has no mail server: set ROSTER_SMTP_URL (for example smtp://mail.acme.io:587)',
        retryable: false,
        requests: [],
      };
    try {
      await context.sendMail({
        to: email.to.join(', '),
        subject: email.subject,
        text: email.text,
        html: email.html,
      });
    } catch (error) {
      // A refusal may be passing (a busy server, a full mailbox): the run keeps the server's word and can retry.
      return {
        status: 'failed',
        error: remoteText((error as Error).message) ?? 'The mail server refused the message',
        retryable: true,
        requests: [],
      };
    }
    return { status: 'succeeded', output: { to: email.to.join(', '), subject: email.subject }, requests: [] };
  },
};
