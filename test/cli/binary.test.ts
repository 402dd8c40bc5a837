// The real binary, once per command: `node dist/cli/main.js …` in its own process prints the
// same bytes and exits with the same code as runCli in this process (what the other CLI tests
// use), for every command, a bad flag and a bad file (exit 2), help and version. The binary's
// own concerns (signals, a closed pipe, a terminal) are tested in scale-out, info and width.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_LINE, ensureBuilt, inProcessCli, removeDir, show, spawnCli, tempDir, writeScenario, type CliResult } from './cli.js';

let dir: string;
let scenario: string;

// Cheap trials: an established leader crashed at once, stopped when resolved; a two-point sweep.
const SCENARIO = `{
  name: "binary",
  cluster: { nodes: 3, initial: { leader: 0 } },
  raft: { profile: "paper" },
  faults: [{ kind: "crash", target: "leader", at: "10ms" }],
  measure: { until: "resolved" },
  trials: 6,
  horizon: "5s",
  sweep: { "raft.preVote": [false, true] },
  expect: { safety: "ok" },
}
`;

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('binary');
  scenario = writeScenario(dir, 'binary.json5', SCENARIO);
  writeScenario(dir, 'broken.json5', '{\n  trials: 2,\n  horizon: "soon",\n}\n');
});
afterAll(() => removeDir(dir));

/**
 * Both ways; they must agree byte for byte (`wallTime`: except fuzz's elapsed seconds, the one
 * wall-clock figure printed). Returns the binary's result.
 */
async function both(args: string[], wallTime?: RegExp): Promise<CliResult> {
  const [spawned, inProcess] = await Promise.all([spawnCli(args), inProcessCli(args)]);
  const same = (t: string) => (wallTime ? t.replace(wallTime, '(wall time)') : t);
  expect(spawned.signal, show(spawned)).toBeNull();
  expect(inProcess.code, `in-process vs binary: ${show(inProcess)}`).toBe(spawned.code);
  expect(same(inProcess.stdout)).toBe(same(spawned.stdout));
  expect(inProcess.stderr).toBe(spawned.stderr);
  expect(spawned.stderr).not.toMatch(STACK_LINE);
  return spawned;
}

const file = (name: string) => join(dir, name);

describe.concurrent('the binary and runCli agree, per command', () => {
  it('list, schema, --help, run --help, --version', async () => {
    expect((await both(['list'])).code).toBe(0);
    const schema = await both(['schema']);
    expect(JSON.parse(schema.stdout)).toHaveProperty('properties');
    expect((await both(['--help'])).stdout).toMatch(/^raftsim <command> \[options\]/);
    expect((await both(['run', '--help'])).stdout).toMatch(/--trials/);
    expect((await both(['--version'])).stdout).toBe(`${JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version}\n`);
  });

  it('run (text and --json on two workers), sweep, replay', async () => {
    const text = await both(['run', scenario, '--trials', '4']);
    expect(text.code, show(text)).toBe(0);
    expect(text.stdout).toMatch(/time to leader/i);
    const json = await both(['run', scenario, '--json', '--workers', '2']);
    expect(JSON.parse(json.stdout)).toHaveProperty('scenario', 'binary');
    expect((await both(['sweep', scenario, '--csv'])).stdout.trim().split('\n')).toHaveLength(3);
    const replay = await both(['replay', scenario, '--trial', '1']);
    expect(replay.code, show(replay)).toBe(0);
  });

  it('check, fuzz, alerts', async () => {
    const check = await both(['check', scenario, '--trials', '3']);
    expect(check.code, show(check)).toBe(0);
    expect(check.stdout).toMatch(/pass/);
    const fuzz = await both(['fuzz', 'leader-crash', '--fuzz-seed', '1', '--budget', '2'], /\(\d+(\.\d+)? s\)/);
    expect(fuzz.code, show(fuzz)).toBe(0);
    const alerts = await both(['alerts', 'examples/alerts/raft-noleader.rules.yml', 'alert-quorum-loss-15s', '--trials', '1', '--workers', '1']);
    expect(alerts.code, show(alerts)).toBe(0);
    expect(alerts.stdout).toMatch(/RaftNoLeader|alert/i);
  });

  it('shards and merge, compare, report, tune (bad input)', async () => {
    // Each side writes its own files: the two runs happen at the same time.
    const shard = async (i: number) => {
      const [a, b] = await Promise.all([
        spawnCli(['run', scenario, '--shard', `${i}/2`, '--out', file(`s${i}.json`)]),
        inProcessCli(['run', scenario, '--shard', `${i}/2`, '--out', file(`p${i}.json`)]),
      ]);
      expect([a.code, b.code], show(a)).toEqual([0, 0]);
      expect(b.stderr.replace(`p${i}.json`, `s${i}.json`)).toBe(a.stderr);
      expect(readFileSync(file(`p${i}.json`), 'utf8')).toBe(readFileSync(file(`s${i}.json`), 'utf8'));
    };
    await Promise.all([shard(0), shard(1)]);
    const merged = await both(['merge', file('s0.json'), file('s1.json'), '--json']);
    expect(merged.code, show(merged)).toBe(0);
    expect(merged.stdout).toBe((await inProcessCli(['run', scenario, '--json'])).stdout);
    const saved = file('run.json');
    expect((await inProcessCli(['run', scenario, '--timelines', '--out', saved])).code).toBe(0);
    const compare = await both(['compare', saved, saved]);
    expect(compare.code, show(compare)).toBe(0);
    const report = await both(['report', file('broken.json5'), '--out', file('never.html')]);
    expect(report.code).toBe(2);
    const tune = await both(['tune', file('broken.json5')]);
    expect(tune.code, show(tune)).toBe(2);
  });

  it('bad input: exit 2 with the same message, a bad flag and a bad file', async () => {
    const flag = await both(['run', 'leader-crash', '--trails', '3']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/did you mean --trials/);
    expect(flag.stdout).toBe('');
    const broken = await both(['run', file('broken.json5')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json5:3:\d+/);
    expect((await both(['bogus'])).code).toBe(2);
    expect((await both(['run', 'no-such-scenario'])).code).toBe(2);
  });
});
