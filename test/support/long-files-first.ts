import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Typical seconds of a test file of each kind when Vitest has no timing of it yet (a fresh clone, as in CI):
 * a browser end-to-end file starts a server and Chromium, a CLI file starts `roster` processes one after the
 * other, a database file opens databases on each lane.
 */
const typicalSeconds: [RegExp, number][] = [
  [/\.e2e\.test\.ts$/, 60],
  [/(^|\/)test\/cli\//, 30],
  [/\.db\.test\.ts$/, 10],
];

/**
 * Starts the longest test files first, so the run does not end with one worker on a long file while the other
 * idles: the last duration Vitest recorded for a file when it has one, otherwise the typical duration of its
 * kind; the file's size breaks ties (larger first), and the order is the same on every run with the same timings.
 */
export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const estimate = (spec: TestSpecification) => {
      const path = relative(config.root, spec.moduleId);
      const recorded = cache.getFileTestResults(`${spec.project.name}:${path}`);
      if (recorded) return recorded.duration / 1000;
      return typicalSeconds.find(([kind]) => kind.test(path))?.[1] ?? 1;
    };
    const size = (spec: TestSpecification) =>
      cache.getFileStats(`${spec.project.name}:${relative(config.root, spec.moduleId)}`)?.size ?? 0;
    const keyed = files.map((spec) => ({
      spec,
      seconds: estimate(spec),
      size: size(spec),
      path: spec.moduleId,
    }));
    keyed.sort(
      (a, b) => b.seconds - a.seconds || b.size - a.size || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );
    return keyed.map(({ spec }) => spec);
  }
}
