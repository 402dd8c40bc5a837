// Same scenario + seed ⇒ byte-identical --json output, serial or on worker
// threads; a different seed gives a different result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, removeDir, show, tempDir, writeScenario } from './cli.js';
import { tinySweep } from '../support/tiny-sweep.js';

let dir: string;
let sweepFile: string;

// A small grid where the fault does happen within the horizon (so the metrics are not all censored).
const TINY_SWEEP = tinySweep(4);

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('determinism');
  sweepFile = writeScenario(dir, 'tiny-sweep.json5', TINY_SWEEP);
});
afterAll(() => removeDir(dir));

async function json(args: string[]): Promise<string> {
  const r = await cli(args);
  expect(r.code, show(r)).toBe(0);
  // Nothing on stderr of a successful --json run without a terminal: no progress bar, no Node warnings
  // (such as MaxListenersExceededWarning from many queued worker tasks).
  expect(r.stderr, show(r)).toBe('');
  expect(() => JSON.parse(r.stdout), show(r)).not.toThrow();
  return r.stdout;
}

describe.concurrent('determinism of --json output', () => {
  it('run: --workers 1 and --workers 2 print byte-identical JSON; a different seed differs', async () => {
    // 20 trials split into several batches, so --workers 2 really uses the thread pool.
    const base = ['run', 'leader-crash', '--json', '--trials', '20', '--seed', '7'];
    const serial = await json([...base, '--workers', '1']);
    const parallel = await json([...base, '--workers', '2']);
    expect(parallel).toBe(serial);
    expect(await json([...base, '--workers', '1'])).toBe(serial); // and again
    const other = await json(['run', 'leader-crash', '--json', '--trials', '20', '--seed', '8', '--workers', '2']);
    expect(other).not.toBe(serial);
    expect(JSON.parse(other).metrics.timeToLeaderMs).not.toEqual(JSON.parse(serial).metrics.timeToLeaderMs);
  });

  it('sweep of a small grid: serial and parallel output are byte-identical; seeds differ', async () => {
    const base = ['sweep', sweepFile, '--json'];
    const serial = await json([...base, '--workers', '1']);
    const parallel = await json([...base, '--workers', '2']);
    expect(parallel).toBe(serial);
    const j = JSON.parse(serial);
    expect(j.results).toHaveLength(4);
    expect(j.results.map((r: { point: unknown }) => r.point)).toEqual([
      { 'raft.electionTimeout.min': '100ms', 'raft.preVote': false },
      { 'raft.electionTimeout.min': '100ms', 'raft.preVote': true },
      { 'raft.electionTimeout.min': '150ms', 'raft.preVote': false },
      { 'raft.electionTimeout.min': '150ms', 'raft.preVote': true },
    ].map((p) => expect.objectContaining(p)));
    for (const r of j.results) expect(r.metrics.timeToLeaderMs.n).toBe(4);
    expect(j.interrupted).toBeUndefined();
    const other = await json([...base, '--workers', '2', '--seed', '99']);
    expect(other).not.toBe(serial);
  });

  it('built-in sweep-lan-5 with a short horizon (fault censored): serial and parallel identical', async () => {
    // Its crash comes 20 s after a stable leader; a 2 s horizon keeps the run short.
    const base = ['sweep', 'sweep-lan-5', '--json', '--trials', '3', '--set', 'horizon=2s'];
    const serial = await json([...base, '--workers', '1']);
    expect(await json([...base, '--workers', '2'])).toBe(serial);
    const j = JSON.parse(serial);
    expect(j.results).toHaveLength(20); // 4 minima × 5 maxima
    expect(j.trials).toBe(3);
  });
});
