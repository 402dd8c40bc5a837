// Determinism: the same seed gives the same trace hash, in this process and in a
// separate `node` process; a different seed gives a different one.
//
// The workload (fixtures/workload.ts) is TypeScript, and this Node (20) cannot
// run TypeScript by itself (no --experimental-strip-types before 22.6, and no
// tsx in the project). So the cross-process test compiles the fixture and the
// src/sim modules it imports with the project's own tsc into a temporary
// directory (never into dist/, which could be stale or in use), links the
// project's node_modules there so `seedrandom` resolves, and runs the compiled
// module with `node --input-type=module -e`. The child therefore runs the same
// sources as this test, built by a different toolchain, in a fresh V8 heap.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runWorkload } from './fixtures/workload.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

describe('determinism in one process', () => {
  it('the same seed gives the identical hash and counters on every run', () => {
    const a = runWorkload(42);
    const b = runWorkload(42);
    expect(b).toEqual(a);
    // The workload is really message-heavy and exercises loss and duplication.
    expect(a.events).toBeGreaterThan(10_000);
    expect(a.droppedLoss).toBeGreaterThan(0);
    expect(a.duplicated).toBeGreaterThan(0);
  });

  // A pinned result, in the spirit of the design's golden fixed-seed tests: any
  // change in how the kernel, network, CPU or RNG streams consume randomness or
  // order events shows up here. Update the pin deliberately, in review.
  it('seed 42 gives the pinned hash', () => {
    // Re-pinned once for issue 14: streams seeded through SHA-256 (Tyche-i) and per-link FIFO delivery.
    expect(runWorkload(42)).toEqual({ hash: '70bbd97106fff64a', events: 20233, sent: 9802, delivered: 9719, droppedLoss: 504, duplicated: 439 });
  });

  it('different seeds or trials give different hashes', () => {
    const hashes = [runWorkload(42).hash, runWorkload(43).hash, runWorkload('42-other').hash, runWorkload(42, 1).hash];
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('determinism across processes', () => {
  let dir = '';
  let moduleUrl = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'raftsim-determinism-'));
    const out = join(dir, 'out');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          rootDir: ROOT,
          outDir: out,
          strict: true,
          skipLibCheck: true,
          // Only emit: type errors elsewhere in a work-in-progress tree must not block this test.
          noCheck: true,
          types: [],
        },
        files: [join(ROOT, 'test/sim/fixtures/workload.ts')],
      }),
    );
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
    // The compiled files are ES modules.
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    const compiled = join(out, 'test/sim/fixtures/workload.js');
    expect(existsSync(compiled)).toBe(true);
    moduleUrl = pathToFileURL(compiled).href;
  });

  afterAll(() => {
    if (!dir) return;
    // Remove the link first, so nothing could ever recurse into the real node_modules.
    if (existsSync(join(dir, 'node_modules'))) unlinkSync(join(dir, 'node_modules'));
    rmSync(dir, { recursive: true, force: true });
  });

  const runInChild = (seed: number): unknown => {
    const script = `import { runWorkload } from ${JSON.stringify(moduleUrl)};\nprocess.stdout.write(JSON.stringify(runWorkload(${seed})));`;
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    return JSON.parse(stdout);
  };

  it('a separate node process computes the identical hash for the same seed', () => {
    const here = runWorkload(42);
    const there = runInChild(42);
    expect(there).toEqual(here);
  });

  it('and a different one for a different seed', () => {
    const there = runInChild(7) as { hash: string };
    expect(there.hash).toBe(runWorkload(7).hash);
    expect(there.hash).not.toBe(runWorkload(42).hash);
  });
});
