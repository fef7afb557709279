import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { LongFilesFirst } from './long-files-first.js';

/** A sequencer over files at `root`, with the durations (seconds) and sizes Vitest would have recorded. */
function sequencer(recorded: Record<string, number>, sizes: Record<string, number> = {}) {
  const path = (key: string) => key.slice(key.indexOf(':') + 1);
  const ctx = {
    config: { root: '/repo' },
    cache: {
      getFileTestResults: (key: string) => {
        const seconds = recorded[path(key)];
        return seconds === undefined ? undefined : { failed: false, duration: seconds * 1000 };
      },
      getFileStats: (key: string) => ({ size: sizes[path(key)] ?? 100 }),
    },
  } as unknown as Vitest;
  return new LongFilesFirst(ctx);
}

const specs = (...files: string[]) =>
  files.map((file) => ({ project: { name: '' }, moduleId: `/repo/${file}` }) as unknown as TestSpecification);
const order = async (s: LongFilesFirst, files: TestSpecification[]) =>
  (await s.sort(files)).map((spec) => spec.moduleId.replace('/repo/', ''));

describe('the longest test files first', () => {
  it('orders a fresh clone by kind: browser end-to-end, CLI, database, then the rest, larger files first', async () => {
    const files = specs(
      'src/lib/a.test.ts',
      'src/db/b.db.test.ts',
      'test/cli/c.test.ts',
      'src/lib/big.test.ts',
      'console/e2e/d.e2e.test.ts',
    );
    expect(await order(sequencer({}, { 'src/lib/big.test.ts': 5000 }), files)).toEqual([
      'console/e2e/d.e2e.test.ts',
      'test/cli/c.test.ts',
      'src/db/b.db.test.ts',
      'src/lib/big.test.ts',
      'src/lib/a.test.ts',
    ]);
  });

  it('orders by the durations Vitest recorded, an unrecorded file by its kind among them', async () => {
    const files = specs('console/e2e/quick.e2e.test.ts', 'src/sync/long.db.test.ts', 'test/cli/new.test.ts');
    const recorded = { 'console/e2e/quick.e2e.test.ts': 2, 'src/sync/long.db.test.ts': 90 };
    expect(await order(sequencer(recorded), files)).toEqual([
      'src/sync/long.db.test.ts',
      'test/cli/new.test.ts',
      'console/e2e/quick.e2e.test.ts',
    ]);
  });
});
