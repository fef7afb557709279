import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { forEachPage } from '../../src/lib/page-batches.js';
import { writeAudit } from '../../src/modules/audit/audit.repo.js';
import { importCsv } from '../../src/modules/imports/imports.service.js';
import { updateSettings } from '../../src/modules/settings/settings.service.js';
import { addSource, syncSource } from '../../src/modules/sources/sources.service.js';
import { listUsers } from '../../src/modules/users/users.repo.js';
import { useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

/**
 * Every list a person takes to a spreadsheet downloads as CSV through the one streamed, formula-safe
 * writer. The data is seeded with cells a spreadsheet would run as formulas (= + - @): each must come out
 * as text, with a leading apostrophe.
 */
describe.each(lanes)('CSV downloads on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster, server }) => {
      await updateSettings(roster, 'test', { domains: ['acme.io'] });
      mkdirSync(roster.config.filesDir, { recursive: true });
      writeFileSync(
        join(roster.config.filesDir, 'hr.csv'),
        // Beside Ann's alias, one row of each other outcome of the merge report: an address two people claim,
        // an employee claimed as an alias, an alias no source has seen yet, and a person's own address.
        'email,name,status,personal_email\nann@acme.io,Ann Lee,active,ann.lee@gmail.com\nbob@acme.io,-Bob,active,\n' +
          'cid@acme.io,Cid,active,shared@gmail.com\ndan@acme.io,Dan,active,shared@gmail.com\n' +
          'gus@acme.io,Gus,active,bob@acme.io\nfay@acme.io,Fay,active,fay.f@gmail.com\neve@acme.io,Eve,active,eve@acme.io\n',
      );
      // An HR source named like a formula: its name reaches the merge report's "via" cell.
      const hr = await addSource(roster, 'test', { kind: 'hr-csv', name: '=HR', config: { file: 'hr.csv' } });
      expect((await syncSource(roster, 'test', hr.id)).status).toBe('succeeded');
      for (const name of ['=Evil', 'Slack']) {
        const added = await server.app.inject({
          method: 'POST',
          url: '/api/apps',
          headers: server.as('editor'),
          payload: { name },
        });
        expect(added.statusCode, added.body).toBe(201);
      }
      await importCsv(roster, 'test', {
        app: '=Evil',
        content: Buffer.from('email,name\nann@acme.io,+Ann\nann.lee@gmail.com,\nbob@acme.io,Bob\n'),
      });
      await importCsv(roster, 'test', { app: 'Slack', content: Buffer.from('email\nbob@acme.io\n') });
      const owners = await server.app.inject({
        method: 'PUT',
        url: '/api/apps/Slack/owners',
        headers: server.as('editor'),
        payload: { emails: ['owner@acme.io'] },
      });
      expect(owners.statusCode, owners.body).toBe(200);
      const configured = await server.app.inject({
        method: 'PUT',
        url: '/api/merge/configuration',
        headers: server.as('admin'),
        payload: { sources: [{ source: '=HR', fields: ['personal_email'] }] },
      });
      expect(configured.statusCode, configured.body).toBe(200);
      await writeAudit(roster.database.db, {
        actor: '@SUM(1)',
        action: 'app.threshold',
        targetType: 'app',
        targetId: 'x',
      });
    },
    { lane },
  );
  const download = (url: string, role: 'admin' | 'editor' | 'read-only' | 'app-owner' = 'admin') =>
    ctx.server.app.inject({ url, headers: ctx.server.as(role) });
  const linesOf = (body: string) => body.trimEnd().split('\n');
  const exportsAudited = async (action: string) =>
    ctx.roster.database.db
      .selectFrom('audit_log')
      .select(['actor', 'target_id as targetId', 'after'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  it('downloads the apps list, formula-safe, only the apps the caller may see, and audits it', async () => {
    const answer = await download('/api/apps.csv?sort=name');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="apps.csv"');
    const lines = linesOf(answer.body);
    expect(lines[0]).toBe('name,category,vendor,origin,users,activeAccounts,licenseTypes,sources');
    expect(lines.slice(1)).toEqual(["'=Evil,,,custom,3,3,0,'=Evil (CSV)", expect.stringMatching(/^Slack,/)]);
    // An app owner's download holds their apps only, as their list does.
    const owners = linesOf((await download('/api/apps.csv', 'app-owner')).body);
    expect(owners.slice(1).map((l) => l.split(',')[0])).toEqual(['Slack']);
    expect((await download('/api/apps.csv', 'metrics' as 'admin')).statusCode).toBe(403);
    expect((await exportsAudited('apps.export')).map((e) => [e.actor, e.after])).toEqual([
      ['token:test-admin', { format: 'csv', filters: { sort: 'name' } }],
      ['token:test-app-owner', { format: 'csv', filters: {} }],
    ]);
  });

  it('downloads the people list, formula-safe, to those who may read people, and audits it', async () => {
    const answer = await download('/api/users.csv?search=acme.io', 'read-only');
    expect(answer.statusCode, answer.body).toBe(200);
    const lines = linesOf(answer.body);
    expect(lines[0]).toBe('email,name,type,status,apps,additionalEmails,annualCost');
    expect(lines.slice(1)).toEqual([
      'ann@acme.io,Ann Lee,employee,current,1,,',
      "bob@acme.io,'-Bob,employee,current,2,,",
    ]);
    expect((await download('/api/users.csv', 'app-owner')).statusCode).toBe(403);
    expect((await exportsAudited('people.export')).map((e) => [e.actor, e.after])).toEqual([
      ['token:test-read-only', { format: 'csv', filters: { search: 'acme.io' } }],
    ]);
  });

  it("downloads an app's users, formula-safe, to its owner and not to other owners, and audits it", async () => {
    const answer = await download(`/api/apps/${encodeURIComponent('=Evil')}/users.csv`, 'editor');
    expect(answer.statusCode, answer.body).toBe(200);
    const lines = linesOf(answer.body);
    expect(lines[0]).toBe(
      'email,instance,nameInApp,status,role,licenseTypes,lastUsedAt,lastUsedSource,firstSeenAt,removedAt,sources',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4))).toEqual([
      ['ann.lee@gmail.com', "'=Evil (CSV)", '', 'active'],
      ['ann@acme.io', "'=Evil (CSV)", "'+Ann", 'active'],
      ['bob@acme.io', "'=Evil (CSV)", 'Bob', 'active'],
    ]);
    expect((await download('/api/apps/Slack/users.csv', 'app-owner')).statusCode).toBe(200);
    expect(
      (await download(`/api/apps/${encodeURIComponent('=Evil')}/users.csv`, 'app-owner')).statusCode,
    ).toBe(404);
    const audited = await exportsAudited('app-users.export');
    expect(audited.map((e) => [e.actor, e.after])).toEqual([
      ['token:test-editor', { format: 'csv', filters: { includeRemoved: false } }],
      ['token:test-app-owner', { format: 'csv', filters: { includeRemoved: false } }],
    ]);
    expect(audited[0]!.targetId).toMatch(/^\d+$/);
  });

  it('downloads the merge report, one row per email, formula-safe, and audits it', async () => {
    const answer = await download('/api/merge/preview.csv', 'read-only');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-disposition']).toBe('attachment; filename="merge-report.csv"');
    const lines = linesOf(answer.body);
    expect(lines[0]).toBe('outcome,email,primary,via,detail,status,apps,licenses,annualCost');
    expect(lines.slice(1)).toEqual([
      "merge,ann.lee@gmail.com,ann@acme.io,'=HR personal_email=ann.lee@gmail.com,,current,1,0,",
      'not merged,bob@acme.io,gus@acme.io,,is an employee: employees are never merged into others [employee],,,,',
      'not merged,shared@gmail.com,cid@acme.io; dan@acme.io,,is claimed as an alias by more than one person [multiple_primaries],,,,',
      'waiting,fay.f@gmail.com,fay@acme.io,,no source has seen the alias yet,,,,',
      'ignored,,eve@acme.io,personal_email=eve@acme.io,self,,,,',
    ]);
    expect((await download('/api/merge/preview.csv', 'app-owner')).statusCode).toBe(403);
    expect((await exportsAudited('merge-report.export')).map((e) => e.actor)).toEqual([
      'token:test-read-only',
    ]);
  });

  it('downloads the audit log with its filters, formula-safe, to admins only, and audits it', async () => {
    const answer = await download('/api/audit.csv?targetType=app&targetId=x');
    expect(answer.statusCode, answer.body).toBe(200);
    const lines = linesOf(answer.body);
    expect(lines[0]).toBe('id,at,actor,action,targetType,targetId,before,after');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\d+,[^,]+,'@SUM\(1\),app\.threshold,app,x,,$/);
    const byAction = linesOf((await download('/api/audit.csv?action=app.owners')).body);
    expect(byAction.slice(1).map((l) => l.split(',')[2])).toEqual(['token:test-editor']);
    // Nothing happened tomorrow; everything above happened since yesterday.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    expect(linesOf((await download(`/api/audit.csv?from=${tomorrow}`)).body)).toHaveLength(1);
    const untilTomorrow = linesOf((await download(`/api/audit.csv?from=${yesterday}&to=${tomorrow}`)).body);
    expect(untilTomorrow.length).toBeGreaterThan(5);
    expect((await download('/api/audit.csv', 'editor')).statusCode).toBe(403);
    expect((await download('/api/audit.csv?from=yesterday')).statusCode).toBe(400);
    expect((await exportsAudited('audit.export')).map((e) => e.after)).toEqual([
      { format: 'csv', filters: { targetType: 'app', targetId: 'x' } },
      { format: 'csv', filters: { action: 'app.owners' } },
      { format: 'csv', filters: { from: tomorrow } },
      { format: 'csv', filters: { from: yesterday, to: tomorrow } },
    ]);
  });

  it('holds no database connection while downloads wait for slow readers', async () => {
    // More downloads than the server lane's pool has connections (10), each stalled on its first batch
    // the way a browser stops reading, until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const arrived: Promise<void>[] = [];
    const downloads = Array.from({ length: 12 }, () => {
      let arrive!: () => void;
      arrived.push(
        new Promise<void>((resolve) => {
          arrive = resolve;
        }),
      );
      return forEachPage(
        (cursor) => listUsers(ctx.roster, { cursor, limit: 1, countTotal: false }),
        async () => {
          arrive();
          await released;
        },
      );
    });
    await Promise.all(arrived);
    // While every download waits, the database still answers; a held connection never would.
    const answer = await Promise.race([
      sql<{ n: number }>`select count(*)::int as n from users`.execute(ctx.roster.database.db),
      new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 10_000).unref()),
    ]);
    release();
    expect(answer).not.toBe('blocked');
    // Each read every person, one page at a time: ann, bob and ann's alias (two people until merged).
    expect(answer === 'blocked' ? answer : answer.rows[0]!.n).toBe(3);
    expect(await Promise.all(downloads)).toEqual(Array(12).fill(3));
  });

  it('filters the audit log page by target and date range', async () => {
    const page = (query: string) =>
      download(`/api/audit?${query}`).then((r) => r.json().items as { actor: string; action: string }[]);
    expect((await page('targetType=app&targetId=x')).map((e) => e.actor)).toEqual(['@SUM(1)']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(await page(`from=${encodeURIComponent(tomorrow)}`)).toEqual([]);
    expect((await page(`to=${encodeURIComponent(tomorrow)}&action=app.add`)).map((e) => e.action)).toEqual([
      'app.add',
      'app.add',
    ]);
  });
});
