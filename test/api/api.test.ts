// The library API (src/api.ts), in process: typed errors for bad input, and the same result
// objects the CLI prints with --json, byte for byte (JSON.stringify(r, null, 2) + "\n").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatScenarioError, isScenarioError, listScenarios, loadScenario, replayTrial, runScenario, runSweep, ScenarioError, type RunResult } from '../../src/api.js';
import { cli, ensureBuilt, removeDir, show, tempDir, writeScenario } from '../cli/cli.js';
import { tinySweep } from '../support/tiny-sweep.js';

// Line 4 holds the misspelt key.
const BAD = `{
  name: "bad-key",
  cluster: { nodes: 3 },
  raft: { electonTimeout: { min: "150ms", max: "300ms" } },
}
`;

const TINY_SWEEP = tinySweep(3);

let dir: string;
let badFile: string;
let sweepFile: string;

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('api');
  badFile = writeScenario(dir, 'bad-key.json5', BAD);
  sweepFile = writeScenario(dir, 'tiny-sweep.json5', TINY_SWEEP);
});
afterAll(() => removeDir(dir));

const printed = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

async function cliJson(args: string[]): Promise<string> {
  const r = await cli(args);
  expect(r.code, show(r)).toBe(0);
  return r.stdout;
}

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('loadScenario', () => {
  it('loads a built-in by name (also with .json5) as the CLI does', () => {
    const s = loadScenario('leader-crash');
    expect(s.name).toBe('leader-crash');
    expect(s.file).toBe('builtin:leader-crash');
    expect(s.trials).toBe(200);
    expect(loadScenario('leader-crash.json5', { trials: 5, seed: 9 })).toMatchObject({ file: 'builtin:leader-crash', trials: 5, seed: '9' });
    expect(listScenarios()).toContain('leader-crash');
  });

  it('a bad file throws a ScenarioError with its file, line and key', () => {
    const e = caught(() => loadScenario(badFile));
    expect(e).toBeInstanceOf(ScenarioError);
    expect(isScenarioError(e)).toBe(true);
    const se = e as ScenarioError;
    expect(se.file).toContain('bad-key.json5');
    expect(se.line).toBe(4);
    expect(se.keyPath).toBe('raft.electonTimeout');
    expect(se.suggestion).toBe('electionTimeout');
    // A test runner shows name and message only: the message says where.
    expect(se.message).toMatch(/bad-key\.json5:4:\d+: raft\.electonTimeout: unknown key/);
    expect(se.stack).not.toMatch(/bad-key\.json5:4:\d+: raft\.electonTimeout: .*bad-key\.json5:4/s);
    const head = formatScenarioError(se).split('\n')[0];
    expect(head.match(/bad-key\.json5:4/g), head).toHaveLength(1); // the formatted error says where once
    expect(se.withMore(2).message).not.toMatch(/bad-key\.json5:4:\d+: .*bad-key\.json5:4/);
  });

  it('a bad override is a ScenarioError naming its key; bad option values are RangeError / TypeError', () => {
    const e = caught(() => loadScenario('leader-crash', { set: ['raft.preVote=maybe'] })) as ScenarioError;
    expect(e).toBeInstanceOf(ScenarioError);
    expect(e.keyPath).toBe('raft.preVote');
    expect(caught(() => loadScenario('no-such-scenario'))).toBeInstanceOf(ScenarioError);
    expect(caught(() => loadScenario('leader-crash', { trials: 0 }))).toBeInstanceOf(RangeError);
    expect(caught(() => loadScenario('leader-crash', { set: 'raft.preVote=true' as unknown as string[] }))).toBeInstanceOf(TypeError);
  });
});

describe.concurrent('results equal the CLI --json bytes', () => {
  it('runScenario of a built-in', async () => {
    const [api, out] = await Promise.all([
      runScenario('leader-crash', { trials: 6, seed: 3, set: ['raft.preVote=true'] }),
      cliJson(['run', 'leader-crash', '--trials', '6', '--seed', '3', '--set', 'raft.preVote=true', '--json', '--workers', '1']),
    ]);
    expect(printed(api)).toBe(out);
    // The field the docs' vitest example asserts on.
    const r: RunResult = api;
    expect(typeof r.metrics.timeToLeaderMs.p99).toBe('number');
    expect(r.metrics.timeToLeaderMs.n).toBe(6);
  });

  it('runScenario of a loaded scenario with options applied as the CLI would', async () => {
    const loaded = loadScenario('leader-crash', { set: ['raft.preVote=true'] });
    const [a, b] = await Promise.all([runScenario(loaded, { trials: 4, seed: 2 }), runScenario('leader-crash', { set: ['raft.preVote=true'], trials: 4, seed: 2 })]);
    expect(printed(a)).toBe(printed(b));
    expect(a.overrides).toEqual(['raft.preVote=true', 'trials=4']);
  });

  it('runSweep of a small grid', async () => {
    const [api, out] = await Promise.all([runSweep(sweepFile), cliJson(['sweep', sweepFile, '--json', '--workers', '1'])]);
    expect(api.results).toHaveLength(4);
    expect(printed(api)).toBe(out);
  });

  it('replayTrial', async () => {
    const [api, out] = await Promise.all([replayTrial('leader-crash', { trial: 2, seed: 5 }), cliJson(['replay', 'leader-crash', '--trial', '2', '--seed', '5', '--json'])]);
    expect(printed(api)).toBe(out);
    expect(api.faults.length).toBeGreaterThan(0);
  });
});

describe('bad input to run, sweep and replay', () => {
  it('runSweep without a sweep block is a ScenarioError on the key "sweep"', async () => {
    const e = await runSweep('leader-crash', { trials: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ScenarioError);
    expect((e as ScenarioError).keyPath).toBe('sweep');
    expect((e as ScenarioError).file).toBe('builtin:leader-crash');
  });

  it('a trial out of range and a bad worker count are RangeErrors; nothing runs', async () => {
    await expect(replayTrial('leader-crash', { trial: 200 })).rejects.toThrow(RangeError);
    await expect(runScenario('leader-crash', { trials: 1, workers: 0 })).rejects.toThrow(RangeError);
    await expect(runScenario(join(dir, 'missing.json5'))).rejects.toThrow(ScenarioError);
  });
});
