import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/http.js';

const header = 'email,name,status,role,license_types,last_used_at';
const csv = (n: number) =>
  [header, ...Array.from({ length: n }, (_, i) => `u${i}@acme.io,U${i},active,,,`)].join('\n');

describe('held sync runs over the API', () => {
  const ctx = useTestServer();
  const upload = (body: string) =>
    ctx.server.app.inject({
      method: 'POST',
      url: '/api/imports/csv?app=Asana',
      headers: { ...ctx.server.as('editor'), 'content-type': 'text/csv' },
      payload: body,
    });
  const source = async () =>
    (
      await ctx.server.app.inject({
        url: `/api/sources/${encodeURIComponent('Asana (CSV)')}`,
        headers: ctx.server.as('read-only'),
      })
    ).json();
  const post = (path: string, role: 'editor' | 'read-only' = 'editor') =>
    ctx.server.app.inject({
      method: 'POST',
      url: `/api/sources/${encodeURIComponent('Asana (CSV)')}/held-run/${path}`,
      headers: ctx.server.as(role),
    });

  it('answers a held upload as held, shows it on the source, and an editor confirms it', async () => {
    expect((await upload(csv(14))).json().status).toBe('succeeded');
    const held = await upload(`${header}\n`);
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', held: { removals: 14, of: 14 }, error: null });
    expect(await source()).toMatchObject({
      heldRemovals: 14,
      health: { status: 'needs_attention', message: '14 removals held for confirmation' },
    });
    const runs = await ctx.server.app.inject({
      url: `/api/sync-runs/${held.json().runId}`,
      headers: ctx.server.as('read-only'),
    });
    expect(runs.json()).toMatchObject({ status: 'held', held: { removals: 14 } });

    expect((await post('confirm', 'read-only')).statusCode).toBe(403);
    const confirmed = await post('confirm');
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'succeeded', counters: { removed: 14 } });
    expect((await source()).heldRemovals).toBeNull();
    expect((await post('discard')).statusCode).toBe(404);
  });

  it('discards a held upload, and sets or refuses a per-source threshold naming the field', async () => {
    await upload(csv(14));
    expect((await upload(csv(2))).json().status).toBe('held');
    const discarded = await post('discard');
    expect(discarded.json()).toMatchObject({ status: 'discarded' });
    expect((await source()).health.status).toBe('ok');

    const put = (payload: Record<string, unknown>) =>
      ctx.server.app.inject({
        method: 'PUT',
        url: `/api/sources/${encodeURIComponent('Asana (CSV)')}/removal-threshold`,
        headers: ctx.server.as('editor'),
        payload,
      });
    const bad = await put({ removalThreshold: { percent: 150, count: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain('removalThreshold');
    const set = await put({ removalThreshold: { disabled: true } });
    expect(set.json().removalThreshold).toEqual({ disabled: true });
    const emptied = await upload(`${header}\n`);
    expect(emptied.json()).toMatchObject({ status: 'succeeded', counters: { removed: 14 } });
  });
});
