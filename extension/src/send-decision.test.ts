import { describe, expect, it } from 'vitest';
import { backoffMs, decideAfterSend } from './send-decision.js';

const now = new Date('2026-11-30T12:00:00.000Z');

describe('what happens to a batch after one attempt', () => {
  it.each([
    [202, null, 1, { outcome: 'done' }],
    [200, null, 1, { outcome: 'done' }],
    [400, null, 1, { outcome: 'drop', reason: 'Roster refused the batch (400)' }],
    [413, null, 1, { outcome: 'drop', reason: 'Roster refused the batch (413)' }],
    [401, null, 1, { outcome: 'reauthenticate' }],
    [403, null, 1, { outcome: 'reauthenticate' }],
    [429, '30', 1, { outcome: 'retry', waitMs: 30_000 }],
    [429, 'Mon, 30 Nov 2026 12:02:00 GMT', 1, { outcome: 'retry', waitMs: 120_000 }],
    [429, null, 3, { outcome: 'retry', waitMs: 240_000 }],
    [503, '99999', 1, { outcome: 'retry', waitMs: 3_600_000 }],
    [500, null, 1, { outcome: 'retry', waitMs: 60_000 }],
    [null, null, 2, { outcome: 'retry', waitMs: 120_000 }],
  ] as const)('status %s, Retry-After %s, attempt %s', (status, retryAfter, attempt, expected) => {
    expect(decideAfterSend(status, retryAfter, attempt, now)).toEqual(expected);
  });

  it('backs off from a minute, doubling, to an hour at most', () => {
    expect([1, 2, 3, 7, 8, 30].map(backoffMs)).toEqual([
      60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });
});
