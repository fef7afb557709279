import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOf, formatNumber } from '../../console/src/api/format.js';

describe("the console's number format", () => {
  it('writes every whole number as Intl does for English, without loading locale data', () => {
    const intl = new Intl.NumberFormat('en');
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1_000_000, max: 1_000_000 })),
        (n) => {
          expect(formatNumber(n)).toBe(intl.format(n));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('keeps the fraction of a number that has one', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
  });

  it('names a count with its noun, singular for one', () => {
    expect(countOf(1, 'email')).toBe('1 email');
    expect(countOf(0, 'email')).toBe('0 emails');
    expect(countOf(12_500, 'person has', 'people have')).toBe('12,500 people have');
  });
});
