import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'data/**', 'client/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration suites share one machine's Redis and disk; keep parallelism modest on 2 cores.
    maxWorkers: 2,
  },
});
