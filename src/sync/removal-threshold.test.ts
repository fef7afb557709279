import { describe, expect, it } from 'vitest';
import { defaultRemovalThreshold, holdsRemovals, thresholdOf } from './removal-threshold.js';

describe('removal threshold', () => {
  // [removals, of the source's accounts and employees, held by default?]
  const byDefault: [number, number, boolean][] = [
    [0, 0, false],
    [0, 500, false],
    [5, 500, false],
    [50, 500, false], // exactly 10%: not more than 10%
    [51, 500, true],
    [10, 20, false], // 50%, but not more than 10
    [11, 20, true],
    [11, 200, false], // more than 10, but 5.5%
    [3, 3, true], // every one, however few
    [1, 1, true],
    [2, 3, false],
  ];
  it.each(byDefault)('%i removals of %i: held %s', (removals, of, held) => {
    expect(holdsRemovals(defaultRemovalThreshold, removals, of)).toBe(held);
  });

  it("follows a source's own threshold, and never holds when disabled", () => {
    expect(holdsRemovals({ percent: 10, count: 3 }, 4, 20)).toBe(true);
    expect(holdsRemovals({ percent: 25, count: 3 }, 4, 20)).toBe(false);
    expect(holdsRemovals({ disabled: true }, 500, 500)).toBe(false);
  });

  it('reads a stored setting, falling back to the default for none or a malformed one', () => {
    expect(thresholdOf(null)).toEqual({ percent: 10, count: 10 });
    expect(thresholdOf({ percent: 'ten' })).toEqual({ percent: 10, count: 10 });
    expect(thresholdOf({ percent: 20, count: 50 })).toEqual({ percent: 20, count: 50 });
    expect(thresholdOf({ disabled: true })).toEqual({ disabled: true });
  });
});
