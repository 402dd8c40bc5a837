// Scale-out and interruption (the speed issue): --shard I/N + `raftsim merge`
// give exactly the bytes of an unsharded run, and a run stopped by SIGTERM or
// SIGINT keeps its finished trials in OUT.partial and --resume finishes it to
// the bytes of an uninterrupted run. Nothing here is timed: the signal is sent
// once the partial file exists (checkpoints after every batch), whenever that is.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cli, ensureBuilt, interrupted, removeDir, show, tempDir, writeScenario } from './cli.js';
import { ownedTrials, parseShard } from '../../src/run/shard.js';

let dir: string;
let sweepFile: string;

// Cheap trials (an established leader crashed at once, stopped when resolved), many configurations.
const SWEEP = `{
  name: "scale-out",
  cluster: { nodes: 3, initial: { leader: 0 } },
  raft: { profile: "paper", electionTimeout: { min: "150ms", max: "300ms" } },
  faults: [{ kind: "crash", target: "leader", at: "10ms" }],
  measure: { until: "resolved" },
  trials: 15,
  horizon: "5s",
  sweep: { "raft.electionTimeout.min": ["80ms", "100ms", "150ms", "200ms"], "raft.preVote": [false, true] },
}
`;

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('scale-out');
  sweepFile = writeScenario(dir, 'scale-out.json5', SWEEP);
});
afterAll(() => removeDir(dir));

async function ok(args: string[]): Promise<string> {
  const r = await cli(args);
  expect(r.code, show(r)).toBe(0);
  return r.stdout;
}

describe.concurrent('--shard and merge', () => {
  it('parses I/N and deals every trial to exactly one shard', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    for (const bad of ['4/4', '-1/2', '1', 'a/b', '0/0']) expect(typeof parseShard(bad)).toBe('string');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 7 }), (trials, n) => {
        const seen = trials.map((t) => new Array<number>(t).fill(0));
        for (let i = 0; i < n; i++) ownedTrials(trials, { index: i, count: n }).forEach((ts, c) => ts.forEach((t) => seen[c][t]++));
        expect(seen.flat().every((x) => x === 1)).toBe(true);
      }),
    );
  });

  it('sweep: three shards merged print the bytes of one unsharded run (--json and the table)', async () => {
    const [full, table] = await Promise.all([ok(['sweep', sweepFile, '--json', '--workers', '1']), ok(['sweep', sweepFile, '--workers', '1'])]);
    const shards = [0, 1, 2].map((i) => join(dir, `sweep-${i}.json`));
    await Promise.all(shards.map((f, i) => ok(['sweep', sweepFile, '--shard', `${i}/3`, '--out', f, '--workers', '1'])));
    expect(await ok(['merge', ...shards, '--json'])).toBe(full);
    expect(await ok(['merge', ...shards])).toBe(table);
    // A shard missing is named, not silently summarised.
    const r = await cli(['merge', shards[0], shards[2]]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/missing.*1\/3/);
    // The same shard given twice is named as such.
    const twice = await cli(['merge', shards[0], shards[0], shards[2]]);
    expect(twice.code, show(twice)).toBe(2);
    expect(twice.stderr).toMatch(/both shard 0\/3: give each shard once/);
  });

  it('check: shards merged give the same JSON, and a store of other work is refused', async () => {
    const base = ['check', 'leader-crash', 'wipe-one-node', '--trials', '4', '--set', 'horizon=3s'];
    const full = await cli([...base, '--json', '--workers', '1']);
    const shards = [0, 1].map((i) => join(dir, `check-${i}.json`));
    await Promise.all(shards.map((f, i) => cli([...base, '--shard', `${i}/2`, '--out', f, '--workers', '1'])));
    const merged = await cli(['merge', ...shards, '--json']);
    expect(merged.code, show(merged)).toBe(full.code);
    expect(merged.stdout).toBe(full.stdout);
    // Another command's store cannot resume the check (its own, not the sweep test's: tests run side by side).
    const other = join(dir, 'run-shard.json');
    await ok(['run', sweepFile, '--trials', '2', '--shard', '0/2', '--out', other, '--workers', '1']);
    const wrong = await cli([...base, '--resume', other]);
    expect(wrong.code, show(wrong)).toBe(2);
    expect(wrong.stderr).toMatch(/different command/);
  });
});

/**
 * The signal goes out once the first checkpoint exists, but on a busy machine the run may finish
 * before it arrives: then nothing was interrupted, and the same test is made again with ten times
 * the trials (the work after the first checkpoint grows, the checkpoint does not). What is asserted
 * is always about a run the signal did interrupt.
 */
async function interruptedWithin(trials: readonly number[], args: (trials: number) => string[], watch: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; trials: number }> {
  for (const n of trials) {
    rmSync(watch, { force: true });
    const r = await interrupted(args(n), watch, signal);
    if (r.code !== 0) return { ...r, trials: n };
  }
  throw new Error(`every run finished before ${signal} arrived (trials ${trials.join(', ')})`);
}

describe.concurrent('interrupted work is kept and resumes to identical output', () => {
  it('sweep stopped by SIGTERM: exit 143, the partial file, then --resume', async () => {
    const out = join(dir, 'term.json');
    const args = (n: number) => ['sweep', sweepFile, '--json', '--trials', String(n)];
    const r = await interruptedWithin([15, 150, 1500], (n) => [...args(n), '--workers', '1', '--out', out], `${out}.partial`, 'SIGTERM');
    const full = await ok([...args(r.trials), '--workers', '1']);
    expect(r.code, r.stderr).toBe(143);
    const kept = Number(new RegExp(`kept (\\d+) of ${8 * r.trials} trials`).exec(r.stderr)?.[1]);
    expect(kept).toBeGreaterThan(0);
    expect(r.stderr).toContain(`--resume ${out}.partial`);
    expect(readFileSync(`${out}.partial`, 'utf8').split('\n').filter((l) => l.startsWith('{"trial"'))).toHaveLength(kept);
    expect(await ok([...args(r.trials), '--workers', '2', '--out', out, '--resume', `${out}.partial`])).toBe(full);
    expect(readFileSync(out, 'utf8')).toBe(full);
    expect(existsSync(`${out}.partial`)).toBe(false); // consumed
  });

  it('run stopped by SIGINT keeps its trials too', async () => {
    const args = (n: number) => ['run', sweepFile, '--json', '--trials', String(n), '--workers', '1'];
    const out = join(dir, 'int.json');
    const r = await interruptedWithin([100, 1000, 10000], (n) => [...args(n), '--out', out], `${out}.partial`, 'SIGINT');
    const full = await ok(args(r.trials));
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(new RegExp(`kept \\d+ of ${r.trials} trials`));
    const resumed = await cli([...args(r.trials), '--out', out, '--resume', `${out}.partial`]);
    expect(resumed.code, show(resumed)).toBe(0);
    expect(resumed.stdout).toBe(full);
    expect(resumed.stderr).toMatch(new RegExp(`resuming: [1-9]\\d* of ${r.trials} trials from .*int\\.json\\.partial; \\d+ to run`));
  });
});
