import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { mailbox } from '../../../test/support/mailbox.js';
import type { Config } from '../../config.js';
import { sendMail } from '../../lib/mailer.js';
import { strictOutboundClient } from '../../lib/outbound/outbound-client.js';
import type { ActionContext } from '../action-context.js';
import { emailAction, htmlOf } from './email-action.js';
import { emailSettingsSchema } from './email-settings.js';

let box: Awaited<ReturnType<typeof mailbox>> | undefined;
afterEach(async () => {
  await box?.close();
  box = undefined;
});

async function smtpContext(): Promise<ActionContext> {
  box = await mailbox();
  const config = { smtp: { url: `smtp://127.0.0.1:${box.port}`, from: 'roster@acme.io' } } as Config;
  return {
    signal: AbortSignal.timeout(30_000),
    outbound: strictOutboundClient(),
    sendMail: (mail) => sendMail(config, mail),
  };
}

const settings = emailSettingsSchema.parse({
  type: 'email',
  subject: 'Your access to {{app.name}}\r\nBcc: evil@example.com',
  body: 'Hello {{person.name}},\n\nYour {{app.name}} account ends today.\nTicket: {{actions.ticket.key}}',
});

const scope = {
  person: {
    name: '<img src=x onerror=alert(1)> Ann & "Co"',
    email: 'ann@acme.io',
    emails: ['ann.lee@acme.io'],
  },
  app: { name: 'Zoom <b>Pro</b>' },
  actions: { ticket: { key: 'OPS-3' } },
};

describe('email action through a real SMTP server', () => {
  it('sends to the primary email a text part and an HTML part in which values are escaped', async () => {
    const context = await smtpContext();
    const outcome = await emailAction.run(settings, scope, context);
    expect(outcome).toEqual({
      status: 'succeeded',
      output: { to: 'ann@acme.io', subject: 'Your access to Zoom <b>Pro</b> Bcc: evil@example.com' },
      requests: [],
    });
    expect(box?.received).toHaveLength(1);
    const [mail] = box?.received ?? [];
    // One line: the subject template's line break cannot add a header.
    expect(mail?.to).toBe('ann@acme.io');
    expect(mail?.subject).toBe('Your access to Zoom <b>Pro</b> Bcc: evil@example.com');
    expect(mail?.text.trim()).toBe(
      'Hello <img src=x onerror=alert(1)> Ann & "Co",\n\nYour Zoom <b>Pro</b> account ends today.\nTicket: OPS-3',
    );
    expect(mail?.html).toContain(
      '<p>Hello &lt;img src&#61;x onerror&#61;alert(1)&gt; Ann &amp; &quot;Co&quot;,</p>\n<p>Your Zoom &lt;b&gt;Pro&lt;/b&gt; account ends today.<br>\nTicket: OPS-3</p>',
    );
    expect(mail?.html).not.toContain('<img');
    expect(mail?.html).not.toContain('<b>');
  });

  it('sends to the addresses a "to" template names, and refuses one that is not an address, sending nothing', async () => {
    const context = await smtpContext();
    const ok = await emailAction.run(
      emailSettingsSchema.parse({ ...settings, to: '{{person.emails}}, it@acme.io' }),
      scope,
      context,
    );
    expect(ok.status).toBe('succeeded');
    expect(box?.received[0]?.to).toBe('ann.lee@acme.io,it@acme.io');

    const wrong = await emailAction.run(
      emailSettingsSchema.parse({ ...settings, to: '{{person.name}}' }),
      scope,
      context,
    );
    expect(wrong).toMatchObject({ status: 'failed', retryable: false });
    expect(wrong.status === 'failed' && wrong.error).toMatch(/^to: ".*" is not an email address$/);
    const empty = await emailAction.run(
      emailSettingsSchema.parse({ ...settings, to: '{{person.missing}}' }),
      scope,
      context,
    );
    expect(empty).toMatchObject({ status: 'failed', retryable: false });
    expect(box?.received).toHaveLength(1);
  });

  it('fails, not retryable, without a mail server, and retryable when the server refuses', async () => {
    const none = await emailAction.run(settings, scope, {
      signal: AbortSignal.timeout(1000),
      outbound: strictOutboundClient(),
    });
    expect(none).toMatchObject({ status: 'failed', retryable: false });
    expect(none.status === 'failed' && none.error).toContain('ROSTER_SMTP_URL');

    box = await mailbox();
    await box.close();
    const config = { smtp: { url: `smtp://127.0.0.1:${box.port}`, from: 'roster@acme.io' } } as Config;
    box = undefined;
    const refused = await emailAction.run(settings, scope, {
      signal: AbortSignal.timeout(30_000),
      outbound: strictOutboundClient(),
      sendMail: (mail) => sendMail(config, mail),
    });
    expect(refused).toMatchObject({ status: 'failed', retryable: true });
  });

  it('previews who would get what without sending', () => {
    const preview = emailAction.preview(settings, scope);
    expect(preview).toEqual({
      summary: 'Email ann@acme.io: Your access to Zoom <b>Pro</b> Bcc: evil@example.com',
      requests: [],
    });
  });

  it('no field value can add markup to the HTML part', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const html = htmlOf(value);
        const inner = html
          .replace(/^<!doctype html>\n<html><body>\n/, '')
          .replace(/\n<\/body><\/html>\n$/, '');
        return !/<(?!\/?p>|br>)/.test(inner) && !/[="'`]/.test(inner);
      }),
    );
  });
});
