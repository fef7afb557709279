import fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import type { CachedReadOutcome, Metrics } from '../metrics/metrics.js';
import { registerReadCache } from './read-cache.js';

/** A gate the test opens: the cached read's computation waits at it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/**
 * Requests that miss together compute the answer once. A server of one cached route (`GET /api/apps`) whose
 * handler counts its calls and, when told, waits until the test lets it answer, on a real database (the data's
 * generation is read from it). The metrics say when each request starts waiting for another's answer, so the
 * test knows every follower is waiting before the leader answers: no timing is guessed.
 */
describe.each(lanes)('requests of one cached read at once, on %s', (lane) => {
  let roster: TestRoster;
  let app: FastifyInstance;
  let calls = 0;
  let hold: ReturnType<typeof gate> | undefined;
  /** The first call of a test fails with 503 when set. */
  let firstFails = false;
  const outcomes: CachedReadOutcome[] = [];
  let onOutcome = () => {};

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const metrics: Metrics = {
      registry: undefined as never,
      observeRequest: () => {},
      observeCachedRead: ({ outcome }) => {
        outcomes.push(outcome);
        onOutcome();
      },
    };
    app = fastify();
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      request.principal = {
        kind: 'token',
        actor: 'test',
        role: 'read-only',
        memberId: null,
        email: null,
        pushAppId: null,
      };
    });
    registerReadCache(app, roster, metrics);
    app.get('/api/apps', async (_request, reply) => {
      const call = ++calls;
      await hold?.opened;
      if (firstFails && call === 1)
        return reply.code(503).send({ code: 'unavailable', message: 'try again' });
      return { items: [`answer ${call}`], nextCursor: null };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await roster?.close();
  });

  /** Resolves once `count` outcomes of the kind have been counted since the test began. */
  const counted = (outcome: CachedReadOutcome, count: number) =>
    new Promise<void>((resolve) => {
      onOutcome = () => {
        if (outcomes.filter((o) => o === outcome).length === count) resolve();
      };
    });

  /**
   * Starts `n` requests at once; the one that leads is held at the gate, which opens once the other n-1 wait for it.
   */
  async function together(n: number) {
    hold = gate();
    const joined = counted('joined', n - 1);
    const first = app.inject({ url: '/api/apps' });
    const others = Array.from({ length: n - 1 }, () => app.inject({ url: '/api/apps' }));
    await joined;
    hold.open();
    return Promise.all([first, ...others]);
  }

  /** Moves the data's generation: a committed change to a tracked table. */
  const moveGeneration = () =>
    roster.database.db
      .updateTable('organisation_settings')
      .set({ name: `Acme ${Math.random()}` })
      .execute();

  /** Moves the data's generation and starts counting afresh. */
  const change = async () => {
    await moveGeneration();
    calls = 0;
    outcomes.length = 0;
    firstFails = false;
  };

  it('computes the answer once, and every request gets it', async () => {
    await change();
    const answers = await together(6);
    expect(calls).toBe(1);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
    expect(new Set(answers.map((a) => a.body))).toEqual(
      new Set([JSON.stringify({ items: ['answer 1'], nextCursor: null })]),
    );
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
    expect(outcomes.toSorted()).toEqual(['computed', ...Array(5).fill('joined')]);
    // Kept: the next request is answered from memory.
    expect((await app.inject({ url: '/api/apps' })).json().items).toEqual(['answer 1']);
    expect(calls).toBe(1);
    expect(outcomes.at(-1)).toBe('hit');
  });

  it('never shares a failure: each waiting request computes its own answer', async () => {
    await change();
    firstFails = true;
    // The leader fails; the waiters then compute for themselves, and succeed.
    const answers = await together(4);
    // Whichever request led (the first to read the generation) failed; the three that waited did not.
    expect(answers.map((a) => a.statusCode).toSorted()).toEqual([200, 200, 200, 503]);
    expect(calls).toBe(4);
    expect(outcomes.filter((o) => o === 'computed')).toHaveLength(4);
  });

  it('does not make a request wait for an answer computed from the data before a change', async () => {
    await change();
    const older = gate();
    hold = older;
    const old = app.inject({ url: '/api/apps' });
    await counted('computed', 1);
    await moveGeneration();
    hold = undefined;
    expect((await app.inject({ url: '/api/apps' })).json().items).toEqual(['answer 2']);
    expect(outcomes).toEqual(['computed', 'computed']);
    older.open();
    expect((await old).json().items).toEqual(['answer 1']);
    // The older answer, landing last, does not replace the newer one.
    expect((await app.inject({ url: '/api/apps' })).json().items).toEqual(['answer 2']);
    expect(outcomes.at(-1)).toBe('hit');
  });
});
