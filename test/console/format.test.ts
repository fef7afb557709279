import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

describe("the console's dates", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });
  // The formatters are built on first use: each case loads the module afresh under its viewer's languages.
  const formatsAs = async (languages: string[]) => {
    vi.stubGlobal('navigator', { languages });
    vi.resetModules();
    const { formatDate, formatDateTime } = await import('../../console/src/api/format.js');
    return { formatDate, formatDateTime };
  };
  const instant = '2026-03-05T15:30:00Z';

  it("are written in the viewer's locale, as their browser prefers", async () => {
    const german = await formatsAs(['de-DE', 'en']);
    expect(german.formatDate(instant)).toBe(
      new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' }).format(new Date(instant)),
    );
    expect(german.formatDate(instant)).toMatch(/^05\.03\.2026$/);
    expect(german.formatDateTime(instant)).toBe(
      new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant)),
    );
    const british = await formatsAs(['en-GB']);
    expect(british.formatDate(instant)).toBe('5 Mar 2026');
    const american = await formatsAs(['en-US']);
    expect(american.formatDate(instant)).toBe('Mar 5, 2026');
    expect(american.formatDate(null)).toBe('—');
  });

  it('fall back to the default locale when the browser names a language Intl refuses', async () => {
    const odd = await formatsAs(['not a language tag']);
    expect(odd.formatDate(instant)).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(instant)),
    );
  });
});
