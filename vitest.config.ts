import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A guard against hangs only, far above any test's run on a busy machine: no test is timed.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // One test file per core. vitest's default (cores - 1) runs the files one at a time on a
    // 2-core machine; the CPU-heavy files (simulations, in-process CLI runs) then leave a core idle.
    maxWorkers: availableParallelism(),
    // The compiled CLI (dist/, run in-process by test/cli/cli.ts) is loaded by Node as it is,
    // exactly as the binary loads it, not transformed.
    server: { deps: { external: [/\/dist\//] } },
  },
});
