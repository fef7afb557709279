import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../../../test/support/http.js';
import { mailbox } from '../../../test/support/mailbox.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { createSession, ensureMember, findSession } from '../auth/auth.repo.js';
import { importCsv } from '../imports/imports.service.js';
import { updateSettings } from '../settings/settings.service.js';
import { addSource, syncSource } from '../sources/sources.service.js';

describe.each(lanes)('Merge Users through the API on %s', (lane) => {
  let roster: TestRoster;
  let mail: Awaited<ReturnType<typeof mailbox>>;
  let server: Awaited<ReturnType<typeof testServer>>;

  beforeAll(async () => {
    mail = await mailbox();
    roster = await openTestRoster(lane, {
      ROSTER_SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      ROSTER_MAIL_FROM: 'Roster <roster@acme.io>',
    });
    server = await testServer(roster);
    await updateSettings(roster, 'test', { domains: ['acme.io'] });
    mkdirSync(roster.config.filesDir, { recursive: true });
    writeFileSync(
      join(roster.config.filesDir, 'hr.csv'),
      'email,name,status,personal_email\nann@acme.io,Ann Lee,active,ann.lee@gmail.com\nbob@acme.io,Bob,active,\n',
    );
    const hr = await addSource(roster, 'test', { kind: 'hr-csv', name: 'HR', config: { file: 'hr.csv' } });
    expect((await syncSource(roster, 'test', hr.id)).status).toBe('succeeded');
    await importCsv(roster, 'test', {
      app: 'Slack',
      content: Buffer.from('email\nann@acme.io\nbob@acme.io\n'),
    });
  });
  afterAll(async () => {
    await server.app.close();
    await roster.close();
    await mail.close();
  });

  it('publishes the alias fields each source kind offers, to any signed-in member', async () => {
    const anonymous = await server.app.inject({ url: '/api/merge/alias-fields' });
    expect(anonymous.statusCode).toBe(401);
    const answer = await server.app.inject({
      url: '/api/merge/alias-fields',
      headers: server.as('read-only'),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const items: { field: string; kinds: string[] }[] = answer.json().items;
    expect(items.filter((f) => f.kinds.includes('microsoft-entra')).map((f) => f.field)).toEqual([
      'proxyAddresses',
      'otherMails',
    ]);
    expect(items.filter((f) => f.kinds.includes('hr-csv')).map((f) => f.field)).toEqual(['personal_email']);
  });

  it('configures, emails the report, applies, merges on discovery through an import, and revokes', async () => {
    const admin = server.as('admin');
    const configured = await server.app.inject({
      method: 'PUT',
      url: '/api/merge/configuration',
      headers: admin,
      payload: { sources: [{ source: 'HR', fields: ['personal_email'] }] },
    });
    expect(configured.statusCode, configured.body).toBe(200);
    expect(configured.json().pending).toEqual([
      { email: 'ann.lee@gmail.com', primary: 'ann@acme.io', waitingFor: 'alias' },
    ]);

    const emailed = await server.app.inject({
      method: 'POST',
      url: '/api/merge/preview/email',
      headers: admin,
      payload: { to: 'it@acme.io' },
    });
    expect(emailed.statusCode, emailed.body).toBe(200);
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]).toMatchObject({
      to: 'it@acme.io',
      subject: 'Roster: Merge Users changes report',
    });
    expect(mail.received[0]!.text).toContain('Users before: 2');
    expect(mail.received[0]!.text).toContain('ann.lee@gmail.com → ann@acme.io');
    // Who sent the report (every person's addresses) where, is in the audit log.
    const audit = await server.app.inject({ url: '/api/audit?action=merge.report-email', headers: admin });
    expect(audit.json().items).toEqual([
      expect.objectContaining({ actor: 'token:test-admin', after: { to: 'it@acme.io' } }),
    ]);

    const readOnly = await server.app.inject({
      method: 'POST',
      url: '/api/merge/apply',
      headers: server.as('read-only'),
    });
    expect(readOnly.statusCode).toBe(403);
    const applied = await server.app.inject({ method: 'POST', url: '/api/merge/apply', headers: admin });
    expect(applied.statusCode, applied.body).toBe(200);

    // The personal address shows up in an app: the import's sync merges it into Ann at once.
    await importCsv(roster, 'test', { app: 'Zoom', content: Buffer.from('email\nAnn.Lee@gmail.com\n') });
    const person = (
      await server.app.inject({ url: '/api/users/ann.lee%40gmail.com', headers: admin })
    ).json();
    expect(person.primaryEmail).toBe('ann@acme.io');
    expect(person.accounts.map((a: { app: string; email: string }) => `${a.app} ${a.email}`)).toEqual([
      'Slack ann@acme.io',
      'Zoom ann.lee@gmail.com',
    ]);
    const list = (await server.app.inject({ url: '/api/users?search=gmail', headers: admin })).json();
    expect(list.items.map((u: { email: string }) => u.email)).toEqual(['ann@acme.io']);

    const revoked = await server.app.inject({ method: 'POST', url: '/api/merge/revoke', headers: admin });
    expect(revoked.statusCode).toBe(200);
    const again = await server.app.inject({ method: 'POST', url: '/api/merge/revoke', headers: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/nothing to revoke/);
  });

  it('keeps each email its own admin role after merging', async () => {
    const primary = await ensureMember(roster, 'test', 'ann@acme.io', 'admin');
    const alias = await ensureMember(roster, 'test', 'ann.lee@gmail.com', 'read-only');
    await server.app.inject({ method: 'POST', url: '/api/merge/apply', headers: server.as('admin') });
    const a = await createSession(roster, primary.id);
    const b = await createSession(roster, alias.id);
    expect((await findSession(roster, a.token))?.role).toBe('admin');
    expect((await findSession(roster, b.token))?.role).toBe('read-only');
    const denied = await server.app.inject({
      method: 'POST',
      url: '/api/merge/revoke',
      headers: { cookie: `roster_session=${b.token}`, 'x-roster-request': '1' },
    });
    expect(denied.statusCode).toBe(403);
  });
});
