import { afterAll, describe, expect, it } from 'vitest';
import { sealedContexts } from '../../src/lib/secret-box.js';
import { generateDirectory } from '../../src/simulators/kit/directory.js';
import type { RunningProvider } from '../../src/simulators/kit/simulated-provider.js';
import { startMicrosoftGraph } from '../../src/simulators/microsoft-graph/graph-simulator.js';
import { syncThroughApi } from '../support/follow-sync.js';
import { useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

const directory = generateDirectory({
  people: 6,
  aliasesPerPerson: 0,
  now: new Date('2026-11-01T00:00:00Z'),
});

describe.each(lanes)('changing a source over the API on %s', (lane) => {
  const providers: RunningProvider[] = [];
  afterAll(async () => {
    await Promise.all(providers.map((p) => p.close()));
  });
  const ctx = useTestServer(undefined, { lane });
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, role = 'editor' as const) =>
    ctx.server.app.inject({
      method,
      url,
      headers: ctx.server.as(role),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const addEntra = async (name: string, credentials: Record<string, string>) => {
    const provider = await startMicrosoftGraph({ directory, guests: 0, retryAfterSeconds: 0 });
    providers.push(provider);
    const added = await call('POST', '/api/sources', {
      kind: 'microsoft-entra',
      name,
      config: {
        ...provider.source.config,
        discoverApps: false,
        http: { baseDelayMs: 1, maxDelayMs: 5 },
      },
      credentials,
    });
    expect(added.statusCode, added.body).toBe(201);
    return { provider, source: added.json() as { id: number; config: Record<string, unknown> } };
  };
  const storedCredentials = async (id: number) => {
    const row = await ctx.roster.database.db
      .selectFrom('sources')
      .select('credentials_encrypted')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return JSON.parse(
      ctx.roster.secrets.open(row.credentials_encrypted ?? '', sealedContexts.sourceCredentials(id)),
    );
  };
  const auditOf = async (id: number) =>
    ctx.roster.database.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'before', 'after'])
      .where('action', '=', 'source.update')
      .where('target_id', '=', String(id))
      .orderBy('id')
      .execute();

  it('changes config and credentials, seals the secret, answers without it and audits the fields only', async () => {
    const { source } = await addEntra('Entra edit', { clientSecret: 'old-secret-value' });
    const changed = await call('PATCH', `/api/sources/${source.id}`, {
      config: { ...source.config, tenantId: 'fabrikam.onmicrosoft.com' },
      credentials: { clientSecret: 'new-secret-value' },
      schedule: '6h',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      config: { tenantId: 'fabrikam.onmicrosoft.com' },
      hasCredentials: true,
      schedule: '6h',
    });
    expect(changed.body).not.toContain('secret-value');
    expect(await storedCredentials(source.id)).toEqual({ clientSecret: 'new-secret-value' });

    const audit = await auditOf(source.id);
    expect(audit).toEqual([
      {
        actor: 'token:test-editor',
        action: 'source.update',
        before: { config: { tenantId: source.config.tenantId }, schedule: '24h' },
        after: {
          config: { tenantId: 'fabrikam.onmicrosoft.com' },
          schedule: '6h',
          credentials: { clientSecret: 'changed' },
          changed: ['schedule', 'config.tenantId', 'credentials.clientSecret'],
        },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('secret-value');
  });

  it('keeps a secret left empty or out, and records nothing when nothing changed', async () => {
    const { source } = await addEntra('Entra keep', { clientSecret: 'kept-secret-value' });
    for (const credentials of [{ clientSecret: '' }, {}]) {
      const kept = await call('PATCH', `/api/sources/${encodeURIComponent('entra KEEP')}`, { credentials });
      expect(kept.statusCode, kept.body).toBe(200);
    }
    expect(await storedCredentials(source.id)).toEqual({ clientSecret: 'kept-secret-value' });
    expect(await auditOf(source.id)).toEqual([]);

    // Another alternative of the kind's credentials replaces the stored one rather than being merged with it.
    const swapped = await call('PATCH', `/api/sources/${source.id}`, {
      credentials: { clientSecret: '', accessToken: 'a-token-value' },
    });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect(await storedCredentials(source.id)).toEqual({ accessToken: 'a-token-value' });
    expect((await auditOf(source.id))[0]?.after).toEqual({
      credentials: { accessToken: 'changed', clientSecret: 'removed' },
      changed: ['credentials.accessToken', 'credentials.clientSecret'],
    });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const { source } = await addEntra('Entra strict', { clientSecret: 'strict-secret-value' });
    const before = (await call('GET', `/api/sources/${source.id}`)).json();
    const refusals: [unknown, number, string][] = [
      [{ name: 'Renamed', config: { ...source.config, tenantId: 'not a tenant!' } }, 400, 'config.tenantId'],
      [{ name: 'Renamed', config: { ...source.config, pageSize: 'many' } }, 400, 'config.pageSize'],
      [{ name: 'Renamed', credentials: { clientSecret: 'x'.repeat(5000) } }, 400, 'credentials'],
      [{ name: 'Renamed', credentials: { password: 'nope' } }, 400, 'credentials'],
      [{ name: 'Renamed', schedule: '1s' }, 400, 'schedule'],
      [{ name: '   ' }, 400, 'name'],
      [{ name: 'Renamed', kind: 'okta' }, 400, 'kind'],
      [{ name: 'Renamed', unknownField: 1 }, 400, 'unknownField'],
    ];
    for (const [body, status, field] of refusals) {
      const refused = await call('PATCH', `/api/sources/${source.id}`, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify(refused.json().error), JSON.stringify(body)).toContain(field);
      expect(refused.body).not.toContain('x'.repeat(50));
    }
    expect((await call('GET', `/api/sources/${source.id}`)).json()).toEqual(before);
    expect(await storedCredentials(source.id)).toEqual({ clientSecret: 'strict-secret-value' });
    expect(await auditOf(source.id)).toEqual([]);
  });

  it('refuses a name another source has with 409, and a read-only token with 403', async () => {
    const { source } = await addEntra('Entra rename', { clientSecret: 'rename-secret-value' });
    await addEntra('Entra taken', { clientSecret: 'taken-secret-value' });
    const taken = await call('PATCH', `/api/sources/${source.id}`, { name: 'ENTRA TAKEN' });
    expect(taken.statusCode, taken.body).toBe(409);
    const renamed = await call('PATCH', `/api/sources/${source.id}`, { name: 'Entra renamed' });
    expect(renamed.json().name).toBe('Entra renamed');
    expect((await auditOf(source.id)).map((a) => a.after)).toEqual([
      { name: 'Entra renamed', changed: ['name'] },
    ]);
    const reader = await ctx.server.app.inject({
      method: 'PATCH',
      url: `/api/sources/${source.id}`,
      headers: ctx.server.as('read-only'),
      payload: { name: 'By a reader' },
    });
    expect(reader.statusCode).toBe(403);
  });

  it("refuses to move a push source to another app, and keeps the app's name as it is", async () => {
    const upload = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/imports/csv?app=Asana',
      headers: { ...ctx.server.as('editor'), 'content-type': 'text/csv' },
      payload: 'email,name,status,role,license_types,last_used_at\nann@acme.io,Ann,active,,,\n',
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const ref = encodeURIComponent('Asana (CSV)');
    const moved = await call('PATCH', `/api/sources/${ref}`, { config: { app: 'Slack' } });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details).toEqual([{ field: 'config.app', message: 'must stay Asana' }]);
    const preset = await call('PATCH', `/api/sources/${ref}`, { config: { app: 'asana', preset: 'auto' } });
    expect(preset.statusCode, preset.body).toBe(200);
    expect(preset.json().config).toMatchObject({ app: 'Asana', preset: 'auto' });
    const scheduled = await call('PATCH', `/api/sources/${ref}`, { schedule: '1d' });
    expect(scheduled.statusCode).toBe(400);
    expect(scheduled.json().error.details[0].field).toBe('schedule');
    const credentials = await call('PATCH', `/api/sources/${ref}`, { credentials: { token: 'x' } });
    expect(credentials.statusCode).toBe(400);
    expect(credentials.json().error.details[0].field).toBe('credentials');
  });

  it('leaves "needs attention" for refused credentials until the next successful sync', async () => {
    const { provider, source } = await addEntra('Entra refused', { clientSecret: 'a-wrong-secret' });
    const failed = await syncThroughApi(ctx.server.app, source.id, ctx.server.as('editor'));
    expect(failed.status).toBe('failed');
    const attention = { status: 'needs_attention', reason: 'credentials' };
    expect((await call('GET', `/api/sources/${source.id}`)).json().health).toMatchObject(attention);

    const fixed = await call('PATCH', `/api/sources/${source.id}`, {
      credentials: provider.source.credentials,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().health).toMatchObject(attention);

    const synced = await syncThroughApi(ctx.server.app, source.id, ctx.server.as('editor'));
    expect(synced.status, synced.errorMessage ?? '').toBe('succeeded');
    expect((await call('GET', `/api/sources/${source.id}`)).json().health).toMatchObject({
      status: 'ok',
      reason: null,
    });
  });
});
