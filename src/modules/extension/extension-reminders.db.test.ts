import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../../../test/support/http.js';
import { mailbox } from '../../../test/support/mailbox.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { updateSettings } from '../settings/settings.service.js';
import { issueExtensionToken } from './extension-tokens.js';

describe.each(lanes)('reminding people whose extension does not report on %s', (lane) => {
  let roster: TestRoster;
  let server: Awaited<ReturnType<typeof testServer>>;
  let mail: Awaited<ReturnType<typeof mailbox>>;
  beforeAll(async () => {
    mail = await mailbox();
    roster = await openTestRoster(lane, { ROSTER_SMTP_URL: `smtp://127.0.0.1:${mail.port}` });
    server = await testServer(roster);
    await updateSettings(roster, 'test', { domains: ['acme.io'] });
    const hr = await roster.database.db
      .insertInto('sources')
      .values({ kind: 'hr-csv', name: 'HR', config: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const email of ['ann@acme.io', 'bob@acme.io', 'cat@acme.io'])
      await roster.database.db
        .insertInto('employees')
        .values({ source_id: hr.id, email, status: 'active', name: null, attributes: '{}' })
        .execute();
    // Merge Users linked cat@ to the person whose primary address is catherine@.
    const [cat, catherine] = await Promise.all(
      ['cat@acme.io', 'catherine@acme.io'].map((email) =>
        roster.database.db
          .insertInto('users')
          .values({ email, domain: 'acme.io' })
          .returning('id')
          .executeTakeFirstOrThrow(),
      ),
    );
    await roster.database.db
      .insertInto('person_links')
      .values({
        user_id: cat!.id,
        primary_user_id: catherine!.id,
        source_id: hr.id,
        field: 'email',
        raw_value: 'catherine@acme.io',
      })
      .execute();
    const ann = await issueExtensionToken(roster, 'test', {
      kind: 'reporting',
      email: 'ann@acme.io',
      via: 'link',
    });
    await roster.database.db
      .updateTable('extension_tokens')
      .set({ last_used_at: new Date() })
      .where('id', '=', ann.id)
      .execute();
  });
  afterAll(async () => {
    await server.app.close();
    await roster.close();
    await mail.close();
  });

  it('emails the employees not reporting once, at their primary email, records it, and does not repeat within the week', async () => {
    const remind = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/extension/remind',
        headers: server.as('admin'),
        payload: { days: 14 },
      });
    const first = await remind();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ sent: ['bob@acme.io', 'cat@acme.io'], skipped: [] });
    expect(mail.received.map((m) => m.to).sort()).toEqual(['bob@acme.io', 'catherine@acme.io']);
    expect(mail.received[0]!.text).toMatch(/sign in/);

    const second = await remind();
    expect(second.json()).toEqual({ sent: [], skipped: ['bob@acme.io', 'cat@acme.io'] });
    expect(mail.received).toHaveLength(2);
    const audit = await roster.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'extension.remind')
      .execute();
    expect(audit.map((a) => a.after)).toEqual([
      { days: 14, sent: 2, skipped: 0 },
      { days: 14, sent: 0, skipped: 2 },
    ]);
  });
});
