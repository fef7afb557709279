import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeColumn, Float64Column, Int32Column, TextColumn, Uint8Column } from './compact-columns.js';

/** Past one chunk (16,384 values), so sealed chunks and the pending one are both read. */
const acrossChunks = 40_000;

describe('compact columns', () => {
  it('give back every text (or null) in order, whatever the values', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'grapheme' }), { nil: null })), (values) => {
        const column = new TextColumn();
        for (const v of values) column.push(v);
        expect(column.length).toBe(values.length);
        expect(values.map((_, i) => column.get(i))).toEqual(values);
      }),
    );
  });

  it('give back texts, nulls and codes across chunks', () => {
    const text = new TextColumn();
    const codes = new CodeColumn();
    const ints = new Int32Column();
    const floats = new Float64Column();
    const bytes = new Uint8Column();
    const textAt = (i: number) => (i % 7 === 0 ? null : i % 11 === 0 ? '' : `v${i}-é`);
    for (let i = 0; i < acrossChunks; i++) {
      text.push(textAt(i));
      codes.push(i % 5 === 0 ? null : `c${i % 300}`);
      ints.push(-i - 1);
      floats.push(i + 0.5);
      bytes.push(i % 256);
    }
    for (let i = 0; i < acrossChunks; i++) {
      expect(text.get(i)).toBe(textAt(i));
      expect(codes.get(i)).toBe(i % 5 === 0 ? null : `c${i % 300}`);
      expect(ints.get(i)).toBe(-i - 1);
      expect(floats.get(i)).toBe(i + 0.5);
      expect(bytes.get(i)).toBe(i % 256);
    }
    expect(codes.values).toHaveLength(300 - 60);
  });

  it('keep each repeated value once, in the order it first came', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom('a', 'b', 'a long value of more than twelve'))),
        (values) => {
          const column = new CodeColumn();
          for (const v of values) column.push(v);
          expect(values.map((_, i) => column.get(i))).toEqual(values);
          expect(column.values).toEqual([...new Set(values.filter((v) => v !== null))]);
        },
      ),
    );
  });
});
