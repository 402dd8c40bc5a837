import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A guard against hangs only, far above any test's run on a busy machine: no test is timed.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // The compiled CLI (dist/, run in-process by test/cli/cli.ts) is loaded by Node as it is,
    // exactly as the binary loads it, not transformed.
    server: { deps: { external: [/\/dist\//] } },
  },
});
