import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file gets its own PostgreSQL schema and queue prefix, so files run in parallel.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Beside the usual report, a table of the fault scenarios (test/faults) at the end.
    reporters: ['default', './test/reporters/faults-summary.ts'],
  },
});
