import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The PostgreSQL and Redis the tests use: given, the machine's, or started for the run (see the file).
    globalSetup: ['./test/global-setup.ts'],
    // No test reaches the network: connections beyond this machine fail, naming the host (see the file).
    setupFiles: ['./test/network-guard.ts'],
    // Each file gets its own PostgreSQL schema and queue prefix, so files run in parallel.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // What a test waits for with expect.poll (a page's answer, a worker's case) may take seconds on a loaded 2-core CI machine.
    expect: { poll: { timeout: 10_000 } },
    // Beside the usual report, a table of the fault scenarios (test/faults) at the end.
    reporters: ['default', './test/reporters/faults-summary.ts'],
  },
});
