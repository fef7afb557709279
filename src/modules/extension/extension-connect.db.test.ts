import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../../../test/support/http.js';
import { mailbox } from '../../../test/support/mailbox.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { updateSettings } from '../settings/settings.service.js';
import { issueExtensionToken } from './extension-tokens.js';

const returnTo = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}/connected.html`;
const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe.each(lanes)('connecting the browser extension on %s', (lane) => {
  let roster: TestRoster;
  let server: Awaited<ReturnType<typeof testServer>>;
  let mail: Awaited<ReturnType<typeof mailbox>>;
  beforeAll(async () => {
    mail = await mailbox();
    roster = await openTestRoster(lane, {
      ROSTER_SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      ROSTER_PUBLIC_URL: 'http://roster.test',
    });
    server = await testServer(roster);
    await updateSettings(roster, 'test', { domains: ['acme.io'] });
  });
  afterAll(async () => {
    await server.app.close();
    await roster.close();
    await mail.close();
  });
  const audit = (action: string) =>
    roster.database.db
      .selectFrom('audit_log')
      .select(['actor', 'after'])
      .where('action', '=', action)
      .execute();

  it('mails a one-time link whose page changes nothing and whose button hands the extension its token', async () => {
    const page = await server.app.inject({
      url: `/extension/connect?return_to=${encodeURIComponent(returnTo)}&state=st-123456`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/extension/connect/email"');
    expect(page.body).not.toContain('single sign-on');

    const sent = await server.app.inject({
      method: 'POST',
      url: '/extension/connect/email',
      ...form({ email: 'Eve@Acme.io', return_to: returnTo, state: 'st-123456' }),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const message = mail.received.find((m) => m.to === 'eve@acme.io');
    const link = /http:\/\/roster\.test(\/extension\/connect\/link\?token=\S+)/.exec(
      message?.text ?? '',
    )?.[1];
    expect(link).toBeDefined();

    // Opening the link (a mail scanner does) only shows the button; the form may go on to the extension.
    const opened = await server.app.inject({ url: link! });
    expect(opened.statusCode).toBe(200);
    expect(String(opened.headers['content-security-policy'])).toContain(
      `form-action 'self' chrome-extension://${'abcdefghijklmnop'.repeat(2)}`,
    );
    const token = new URL(link!, 'http://x').searchParams.get('token')!;
    const finished = await server.app.inject({
      method: 'POST',
      url: '/extension/connect/link',
      ...form({ token }),
    });
    expect(finished.statusCode).toBe(303);
    const location = String(finished.headers.location);
    expect(location.startsWith(`${returnTo}#`)).toBe(true);
    const handed = new URLSearchParams(location.slice(location.indexOf('#') + 1));
    expect(handed.get('email')).toBe('eve@acme.io');
    expect(handed.get('state')).toBe('st-123456');
    const config = await server.app.inject({
      url: '/api/extension/config',
      headers: { authorization: `Bearer ${handed.get('token')}` },
    });
    expect(config.statusCode).toBe(200);
    expect(await audit('extension-token.issue')).toContainEqual({
      actor: 'extension:eve@acme.io',
      after: { kind: 'reporting', email: 'eve@acme.io', issuedVia: 'link' },
    });

    // The link works once.
    const again = await server.app.inject({
      method: 'POST',
      url: '/extension/connect/link',
      ...form({ token }),
    });
    expect(again.statusCode).toBe(401);
    expect(again.headers.location).toBeUndefined();
  });

  it('sends nothing to an address outside the organisation, and refuses a return address that is not an extension', async () => {
    const before = mail.received.length;
    const refused = await server.app.inject({
      method: 'POST',
      url: '/extension/connect/email',
      ...form({ email: 'eve@gmail.com', return_to: returnTo, state: 'st-123456' }),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('organisation');
    expect(mail.received.length).toBe(before);
    const elsewhere = await server.app.inject({
      method: 'POST',
      url: '/extension/connect/email',
      ...form({ email: 'eve@acme.io', return_to: 'https://evil.example/connected.html', state: 'st-123456' }),
    });
    expect(elsewhere.statusCode).toBe(400);
    const page = await server.app.inject({
      url: `/extension/connect?return_to=${encodeURIComponent('https://evil.example/')}&state=st-123456`,
    });
    expect(page.statusCode).toBe(400);
    expect(mail.received.length).toBe(before);
  });

  it('enrolls an address of the organisation with the enrollment token, and refuses others', async () => {
    const enrollment = await issueExtensionToken(roster, 'test', { kind: 'enrollment' });
    const enroll = (email: string, token = enrollment.token) =>
      server.app.inject({
        method: 'POST',
        url: '/api/extension/enroll',
        headers: { authorization: `Bearer ${token}` },
        payload: { email },
      });
    const ok = await enroll('Zoe@acme.io');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().email).toBe('zoe@acme.io');
    expect(ok.json().token).toMatch(/^rxt_/);
    expect((await enroll('zoe@gmail.com')).statusCode).toBe(403);
    // A reporting token cannot enroll, and an enrollment token cannot report.
    expect((await enroll('zoe@acme.io', ok.json().token)).statusCode).toBe(403);
    const report = await server.app.inject({
      url: '/api/extension/config',
      headers: { authorization: `Bearer ${enrollment.token}` },
    });
    expect(report.statusCode).toBe(403);
  });

  it('gives the extension its person, the organisation’s domains and the apps with their domains', async () => {
    const { token } = await issueExtensionToken(roster, 'test', {
      kind: 'reporting',
      email: 'ann@acme.io',
      via: 'admin',
    });
    const config = await server.app.inject({
      url: '/api/extension/config',
      headers: { authorization: `Bearer ${token}` },
    });
    const body = config.json();
    expect(body.email).toBe('ann@acme.io');
    expect(body.orgDomains).toEqual(['acme.io']);
    expect(body.apps).toContainEqual({ app: 'Slack', domains: ['slack.com'] });
    const version = body.version;
    await updateSettings(roster, 'test', { domains: ['acme.io', 'acme.dev'] });
    const changed = await server.app.inject({
      url: '/api/extension/config',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(changed.json().version).not.toBe(version);
    await updateSettings(roster, 'test', { domains: ['acme.io'] });
  });

  it('audits tokens issued and revoked by an admin, and never lists their secrets', async () => {
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/extension/tokens',
      headers: server.as('admin'),
      payload: { email: 'bob@acme.io' },
    });
    expect(issued.statusCode).toBe(201);
    const { id, token } = issued.json();
    const listed = await server.app.inject({ url: '/api/extension/tokens', headers: server.as('admin') });
    expect(listed.body).not.toContain(token);
    expect(listed.json().items).toContainEqual(
      expect.objectContaining({ id, email: 'bob@acme.io', issuedVia: 'admin' }),
    );
    const revoked = await server.app.inject({
      method: 'DELETE',
      url: `/api/extension/tokens/${id}`,
      headers: server.as('admin'),
    });
    expect(revoked.statusCode).toBe(204);
    expect(await audit('extension-token.revoke')).toContainEqual({
      actor: 'token:test-admin',
      after: null,
    });
    const used = await server.app.inject({
      url: '/api/extension/config',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(used.statusCode).toBe(401);
  });
});
