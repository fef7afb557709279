import { beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEvent } from './events.js';
import { installFakeChrome, recordingFetch } from './fake-chrome.js';
import { readState, updateState } from './local-state.js';
import { sendQueued } from './reporter.js';
import { RosterApi } from './roster-api.js';

const now = new Date('2026-11-30T12:00:00.000Z');
const clock = () => now;
const visit = (domain: string): ActivityEvent => ({ type: 'visit', domain, at: now.toISOString() });

async function queue(...events: ActivityEvent[]) {
  await updateState((s) => ({
    next: { token: 'rxt_1', outbox: { ...s.outbox, queue: events } },
    result: null,
  }));
}

const batchIds = (calls: { body: string | null }[]) =>
  calls.map((c) => (JSON.parse(c.body!) as { batchId: string }).batchId);

describe('sending queued events to Roster', () => {
  beforeEach(() => {
    installFakeChrome();
  });

  it('sends a batch whose answer was lost again under the same id', async () => {
    let lose = true;
    const { fetchFn, calls } = recordingFetch(() => {
      if (lose) {
        lose = false;
        throw new TypeError('network error');
      }
      return Response.json({ accepted: 1 }, { status: 202 });
    });
    const api = new RosterApi('https://roster.acme.io', fetchFn);
    await queue(visit('slack.com'));
    await sendQueued(api, clock);
    expect((await readState()).outbox.pending).not.toBeNull();
    await sendQueued(api, clock);
    const [first, second] = batchIds(calls);
    expect(second).toBe(first);
    expect((await readState()).outbox).toEqual({ queue: [], pending: null });
  });

  it('keeps the batch and stops when Roster refuses the token', async () => {
    const { fetchFn, calls } = recordingFetch(() => new Response(null, { status: 401 }));
    await queue(visit('slack.com'));
    await sendQueued(new RosterApi('https://roster.acme.io', fetchFn), clock);
    await sendQueued(new RosterApi('https://roster.acme.io', fetchFn), clock);
    const state = await readState();
    expect(calls).toHaveLength(1);
    expect(state.needsSignIn).toBe(true);
    expect(state.outbox.pending?.events).toEqual([visit('slack.com')]);
  });

  it('waits as long as Roster asks before sending again', async () => {
    const { fetchFn, calls } = recordingFetch(
      () => new Response(null, { status: 429, headers: { 'retry-after': '120' } }),
    );
    const api = new RosterApi('https://roster.acme.io', fetchFn);
    await queue(visit('slack.com'));
    await sendQueued(api, clock);
    await sendQueued(api, () => new Date(now.getTime() + 119_000));
    expect(calls).toHaveLength(1);
    expect((await readState()).notBefore).toBe(now.getTime() + 120_000);
    await sendQueued(api, () => new Date(now.getTime() + 120_000));
    expect(calls).toHaveLength(2);
  });

  it('drops a batch Roster refuses as malformed, and sends the next one', async () => {
    let answer = 400;
    const { fetchFn, calls } = recordingFetch(() => {
      const status = answer;
      answer = 202;
      return new Response('{}', { status });
    });
    await queue(...Array.from({ length: 501 }, (_, i) => visit(`app${i}.com`)));
    await sendQueued(new RosterApi('https://roster.acme.io', fetchFn), clock);
    expect(calls.map((c) => (JSON.parse(c.body!) as { events: unknown[] }).events.length)).toEqual([500, 1]);
    expect((await readState()).outbox).toEqual({ queue: [], pending: null });
  });
});
