import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // Under client/ only the editor's end-to-end suite (client/e2e/*.int.test.ts) and the unit tests
    // of its plain TypeScript (client/src/lib/*.test.ts) are tests; never anything in its build.
    exclude: ['node_modules/**', 'data/**', 'client/dist/**', 'client/!(e2e|src)/**', 'client/*.test.ts', 'client/e2e/**/!(*.int).test.ts'],
    // Property tests use a fixed seed (FC_SEED to change it): the suite must be deterministic.
    setupFiles: ['ops/fast-check-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration suites share one machine's Redis and disk; keep parallelism modest on 2 cores.
    maxWorkers: 2,
  },
});
