import { defineConfig } from 'vitest/config';
import { LongFilesFirst } from './test/support/long-files-first.js';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      'console/e2e/**/*.e2e.test.ts',
      'extension/**/*.test.ts',
    ],
    // Each database test opens its own embedded database or server database; two cores, so two workers.
    pool: 'forks',
    // Test files share each worker's loaded modules: no test mocks a module or changes a global, and
    // loading Roster's module graph again for each of ~200 files cost a core for minutes.
    isolate: false,
    // Migrated template databases that fresh test databases are copied from.
    globalSetup: ['test/support/global-setup.ts'],
    maxWorkers: 2,
    // Longest files first (test/support/long-files-first.ts): the run ends on short files on both workers.
    sequence: { sequencer: LongFilesFirst },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
