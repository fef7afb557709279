import { describe, expect, it } from 'vitest';
import {
  canMarkDone,
  canRetry,
  completionText,
  countsText,
  needsRefresh,
} from '../../console/src/features/offboarding/offboarding-rules.js';

const counts = (c: Partial<Record<'pending' | 'in_progress' | 'done' | 'failed' | 'skipped', number>>) => ({
  pending: 0,
  in_progress: 0,
  done: 0,
  failed: 0,
  skipped: 0,
  ...c,
});

describe("the console's offboarding wording and rules", () => {
  it('tells an admin marking the offboarding done from the last task finishing it', () => {
    expect(
      completionText({ status: 'completed', completedBy: 'member:ann@acme.io', completedHow: 'manual' }),
    ).toBe('Marked done by member:ann@acme.io');
    expect(completionText({ status: 'completed', completedBy: null, completedHow: 'automatic' })).toBe(
      'Completed automatically when the last task finished',
    );
    expect(completionText({ status: 'in_progress', completedBy: null, completedHow: null })).toBe(
      'Not completed yet',
    );
  });

  it('counts only the statuses some task is in', () => {
    expect(countsText(counts({ done: 2, failed: 1, pending: 3 }))).toBe('3 pending · 2 done · 1 failed');
    expect(countsText(counts({}))).toBe('no tasks');
  });

  it('reads the offboarding again while a task is pending or in progress, and stops once none is', () => {
    expect(needsRefresh({ counts: counts({ pending: 1, done: 3 }) })).toBe(true);
    expect(needsRefresh({ counts: counts({ in_progress: 1 }) })).toBe(true);
    expect(needsRefresh({ counts: counts({ done: 3, failed: 1, skipped: 2 }) })).toBe(false);
    expect(needsRefresh(undefined)).toBe(false);
  });

  it('offers "Mark done" on every unfinished task and "Retry" on failed ones only, as the API allows', () => {
    const offered = (['pending', 'in_progress', 'done', 'failed', 'skipped'] as const).map((status) => [
      status,
      canMarkDone({ status }),
      canRetry({ status }),
    ]);
    expect(offered).toEqual([
      ['pending', true, false],
      ['in_progress', true, false],
      ['done', false, false],
      ['failed', true, true],
      ['skipped', false, false],
    ]);
  });
});
