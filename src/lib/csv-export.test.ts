import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvWriter, escapeFormula } from './csv-export.js';

describe('CSV export', () => {
  it('turns every cell a spreadsheet would run as a formula into text', () => {
    for (const cell of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://evil")']) {
      expect(escapeFormula(cell)).toBe(`'${cell}`);
    }
    expect(escapeFormula('ann@acme.io')).toBe('ann@acme.io');
    expect(escapeFormula('')).toBe('');
  });

  it('writes rows that read back as the same text, never starting with a formula character', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 20 }), async (rows) => {
        const writer = csvWriter(['a', 'b']);
        const chunks: string[] = [];
        writer.on('data', (chunk) => chunks.push(String(chunk)));
        const done = new Promise((resolve) => writer.on('end', resolve));
        for (const [a, b] of rows) writer.write({ a, b });
        writer.end();
        await done;
        const back = parse(chunks.join(''), { columns: true, relax_quotes: true }) as {
          a: string;
          b: string;
        }[];
        expect(back.map((r) => [r.a, r.b])).toEqual(
          rows.map(([a, b]) => [escapeFormula(a), escapeFormula(b)]),
        );
        for (const r of back) for (const cell of [r.a, r.b]) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
      }),
    );
  });
});
