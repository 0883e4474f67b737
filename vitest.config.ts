import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // git-heavy suites are I/O bound; two workers match the 2-core CI machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
