import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A guard against hangs only, far above any test's run on a busy machine: no test is timed.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
