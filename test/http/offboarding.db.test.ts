import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilities } from '../../src/connectors/kit/capabilities.js';
import { JobWorker } from '../../src/jobs/job-worker.js';
import { jobWorkerOptions } from '../../src/jobs/start-worker.js';
import { addSource } from '../../src/modules/sources/sources.service.js';
import { type RunningScim, startScimSimulator } from '../../src/simulators/scim/scim-simulator.js';
import { scimPeople } from '../../src/simulators/scim/scim-user-store.js';
import { eventually } from '../support/eventually.js';
import { scriptedKind } from '../support/fake-kinds.js';
import { syncThroughApi } from '../support/follow-sync.js';
import { useTestServer } from '../support/http.js';
import { syncRecords } from '../support/records.js';
import { insertSource } from '../support/sources.js';
import { lanes } from '../support/test-roster.js';

const hrKind = { ...scriptedKind, kind: 'hr', capabilities: capabilities(['employees']) };
const http = { timeoutMs: 5_000, maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 20 };

describe.each(lanes)('offboarding through the API and the job worker on %s', (lane) => {
  let scim: RunningScim;
  let hr = 0;
  // Before the server's setup, which connects the SCIM source.
  beforeAll(async () => {
    scim = await startScimSimulator({ users: scimPeople(3) });
  });
  afterAll(() => scim?.close());
  const ctx = useTestServer(
    async ({ roster }) => {
      const { config, credentials } = scim.source('Notion');
      await addSource(roster, 'test', {
        kind: 'scim',
        name: 'Notion SCIM',
        config: { ...config, http },
        credentials,
        schedule: null,
      });
      hr = await insertSource(roster, 'HR', 'hr');
      await employees(['person0002@acme.example']);
    },
    { lane },
  );

  const employees = (terminated: string[]) =>
    syncRecords(
      ctx.roster,
      hr,
      ['person0001@acme.example', 'person0002@acme.example', 'person0003@acme.example'].map((email) => ({
        type: 'employee' as const,
        email,
        status: terminated.includes(email) ? ('terminated' as const) : ('active' as const),
      })),
      (kind) => (kind === 'hr' ? hrKind : undefined),
    );
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
    ctx.server.app.inject({ method, url, headers: ctx.server.as('editor'), ...(payload ? { payload } : {}) });
  const adminApi = (method: 'PATCH', url: string, payload: Record<string, unknown>) =>
    ctx.server.app.inject({ method, url, headers: ctx.server.as('admin'), payload });
  const drainJobs = () => new JobWorker(jobWorkerOptions(ctx.roster)).drain();
  const sync = async () =>
    expect((await syncThroughApi(ctx.server.app, 'Notion SCIM', ctx.server.as('editor'))).status).toBe(
      'succeeded',
    );

  it('previews, starts (202) and lets the job worker deprovision, completing automatically', async () => {
    await sync();
    const preview = await api('POST', '/api/offboardings', {
      email: 'person0002@acme.example',
      dryRun: true,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().tasks).toMatchObject([
      { app: 'Notion', method: 'automatic', source: 'Notion SCIM' },
    ]);

    const started = await api('POST', '/api/offboardings', { email: 'person0002@acme.example' });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ status: 'in_progress', tasks: [{ status: 'pending' }] });
    expect(scim.store.get('user-0002')?.active).toBe(true);

    await drainJobs();
    const after = await api('GET', `/api/offboardings/${started.json().id}`);
    expect(after.json()).toMatchObject({
      status: 'completed',
      completedHow: 'automatic',
      tasks: [{ app: 'Notion', status: 'done', doneBy: 'Roster, automatically' }],
    });
    expect(scim.store.get('user-0002')?.active).toBe(false);
    expect((await api('POST', '/api/offboardings', { email: 'person0002@acme.example' })).statusCode).toBe(
      409,
    );
  });

  it('flags the account when a later sync sees it active again', async () => {
    const user = scim.store.get('user-0002');
    if (!user) throw new Error('expected the user');
    user.active = true;
    await sync();
    // The drift check follows the run's end in the server's background, as the sync started over the API.
    const drift = await eventually(
      async () => (await api('GET', '/api/offboarding/drift')).json().items as unknown[],
      (items) => items.length > 0,
      { what: 'the drift check after the sync' },
    );
    expect(drift).toMatchObject([
      { primaryEmail: 'person0002@acme.example', app: 'Notion', source: 'Notion SCIM' },
    ]);
  });

  it('starts offboarding by itself for a new leaver once the organisation turns it on', async () => {
    await employees(['person0002@acme.example', 'person0003@acme.example']);
    const candidates = await api('GET', '/api/offboarding/candidates');
    expect(candidates.json().items.map((c: { primaryEmail: string }) => c.primaryEmail)).toEqual([
      'person0003@acme.example',
    ]);
    await drainJobs();
    expect((await api('GET', '/api/offboardings?email=person0003@acme.example')).statusCode).toBe(404);

    expect((await adminApi('PATCH', '/api/settings', { autoOffboarding: true })).json().autoOffboarding).toBe(
      true,
    );
    await drainJobs();
    const found = await api('GET', '/api/offboardings?email=person0003@acme.example');
    expect(found.json().items).toMatchObject([
      { primaryEmail: 'person0003@acme.example', status: 'completed' },
    ]);
    const view = await api('GET', `/api/offboardings/${found.json().items[0].id}`);
    expect(view.json()).toMatchObject({ startedBy: 'Roster, automatically', completedHow: 'automatic' });
    expect(scim.store.get('user-0003')?.active).toBe(false);
  });

  it("shows an owner's confirmation page without acting on it, and refuses an unknown token", async () => {
    const page = await ctx.server.app.inject({
      method: 'GET',
      url: '/offboarding/confirm?token=rof_abcdefghijkl',
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post" action="/offboarding/confirm">');
    const posted = await ctx.server.app.inject({
      method: 'POST',
      url: '/offboarding/confirm',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'token=rof_abcdefghijkl',
    });
    expect(posted.statusCode).toBe(401);
  });
});
