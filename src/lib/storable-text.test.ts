import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStorable, storableJson } from './storable-text.js';

/** Text with NUL, lone surrogates, backslashes and the letters of a \u escape mixed in. */
const nastyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\0', '\uD800', '\uDFFF', '\\', 'u', '0', 'd', '8'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
});

describe('text the database can store', () => {
  it('tells NUL and unpaired surrogates from everything else', () => {
    expect(isStorable('Ann \u{1F600} Smith')).toBe(true);
    expect(isStorable('Ann\0')).toBe(false);
    expect(isStorable('cut \uD83D')).toBe(false);
    expect(isStorable('\uDE00 tail')).toBe(false);
    expect(isStorable('literal \\u0000 text')).toBe(true);
  });

  it('turns any raw object into JSON without NUL or lone surrogates, keeping all else', () => {
    fc.assert(
      fc.property(
        fc
          .jsonValue({ maxDepth: 3 })
          .chain((shape) => fc.tuple(fc.constant(shape), fc.dictionary(nastyText, nastyText))),
        ([shape, nasty]) => {
          const value = { shape, nasty };
          const json = storableJson(value);
          // What PostgreSQL's jsonb would refuse: a \u0000 escape or a lone surrogate escape.
          expect(json).not.toMatch(/(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i);
          const clean = (s: string) =>
            s
              .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
              .replace(/\0/g, '');
          const cleaned = JSON.parse(
            JSON.stringify(value, (_key, v) => (typeof v === 'string' ? clean(v) : v)),
          );
          const cleanedKeys = Object.fromEntries(
            Object.entries(cleaned.nasty).map(([k, v]) => [clean(k), v]),
          );
          expect(JSON.parse(json)).toEqual({ ...cleaned, nasty: cleanedKeys });
        },
      ),
      { numRuns: 300 },
    );
  });
});
