// `raftsim run`: the --json contract, exit codes 0 and 1, --out, and no progress
// bar when stderr is not a terminal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, removeDir, show, tempDir, writeScenario } from './cli.js';

const DURATION_METRICS = [
  'timeToLeaderMs',
  'timeToLeaderHeardMs',
  'timeToStableLeaderMs',
  'timeToLeaderCommitMs',
  'timeToWriteMs',
  'leaderlessMs',
  'commitLatencyMs',
  'deposedLeaderMs',
] as const;

const PROGRESS_CHARS = /[░█▓▒]|\r/;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir('run');
});
afterAll(() => removeDir(dir));

type Json = Record<string, any>;

function checkSummary(name: string, m: Json): void {
  expect(m, name).toBeTypeOf('object');
  expect(Object.keys(m), name).toEqual(expect.arrayContaining(['n', 'mean', 'p50', 'p90', 'p99', 'max', 'censored', 'ci95']));
  expect(Number.isInteger(m.n) && m.n >= 0, `${name}.n`).toBe(true);
  expect(Number.isInteger(m.censored) && m.censored >= 0 && m.censored <= m.n, `${name}.censored`).toBe(true);
  for (const k of ['mean', 'p50', 'p90', 'p99', 'max']) {
    expect(m[k] === null || (typeof m[k] === 'number' && Number.isFinite(m[k]) && m[k] >= 0), `${name}.${k} = ${m[k]}`).toBe(true);
  }
  // Quantiles are ordered where present.
  const q = [m.p50, m.p90, m.p99].filter((x) => x !== null) as number[];
  for (let i = 1; i < q.length; i++) expect(q[i], `${name} quantiles`).toBeGreaterThanOrEqual(q[i - 1]);
  if (m.max !== null) for (const x of q) expect(x, `${name}: quantile ≤ max`).toBeLessThanOrEqual(m.max);
  if (m.ci95 !== null) {
    expect(Array.isArray(m.ci95) && m.ci95.length === 2, `${name}.ci95`).toBe(true);
    expect(m.ci95[0], `${name}.ci95`).toBeLessThanOrEqual(m.ci95[1]);
  }
  if (m.n - m.censored === 0) expect(m.mean, `${name}: no uncensored values, no mean`).toBeNull();
}

describe.concurrent('raftsim run --json', () => {
  it('prints one JSON object matching the documented contract, exit 0 for leader-crash', async () => {
    const r = await cli(['run', 'leader-crash', '--json', '--trials', '12', '--workers', '1']);
    expect(r.code, show(r)).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['scenario', 'file', 'seed', 'trials', 'config', 'metrics', 'expectations', 'violations']));
    expect(j.scenario).toBe('leader-crash');
    expect(typeof j.file).toBe('string');
    expect(j.file).toMatch(/leader-crash/);
    expect(j.seed).toBe('1'); // always a string
    expect(j.trials).toBe(12);
    expect(j.point).toEqual({});
    expect(j.config).toBeTypeOf('object');
    expect(j.config).not.toBeNull();
    for (const name of DURATION_METRICS) checkSummary(name, j.metrics[name]);
    // One crash per trial: one time-to-leader observation per trial, all reached by the 10 s horizon.
    expect(j.metrics.timeToLeaderMs.n).toBe(12);
    expect(j.metrics.timeToLeaderMs.censored).toBe(0);
    expect(j.metrics.timeToLeaderMs.mean).toBeGreaterThan(0);
    // The Raft paper's measure cannot come before the new leader exists.
    expect(j.metrics.timeToLeaderHeardMs.p50).toBeGreaterThanOrEqual(j.metrics.timeToLeaderMs.p50);
    // Its no-op commits once a majority holds it, so after they know it leads; no clients needed.
    expect(j.metrics.timeToLeaderCommitMs).toMatchObject({ n: 12, censored: 0 });
    expect(j.metrics.timeToLeaderCommitMs.p50).toBeGreaterThanOrEqual(j.metrics.timeToLeaderHeardMs.p50);
    expect(j.metrics.safety).toBe('ok');
    expect(j.metrics.safetyViolations).toBe(0);
    expect(j.violations).toEqual([]);
    expect(Array.isArray(j.expectations)).toBe(true);
    const p99 = j.expectations.find((e: Json) => e.metric === 'timeToLeaderMs.p99');
    expect(p99).toMatchObject({ op: '<', bound: 1000, pass: true });
    expect(p99.actual).toBe(j.metrics.timeToLeaderMs.p99);
    expect(j.expectations.every((e: Json) => e.pass === true)).toBe(true);
  });

  it('--seed is reported as a string and --out writes the same JSON atomically', async () => {
    const out = join(dir, 'nested', 'result.json');
    const r = await cli(['run', 'leader-crash', '--json', '--trials', '5', '--seed', '42', '--out', out]);
    expect(r.code, show(r)).toBe(0);
    expect(JSON.parse(r.stdout).seed).toBe('42');
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });
});

describe.concurrent('raftsim run: exit codes 0 and 1', () => {
  const strict = (name: string, expectBlock: string) => `{
  name: "${name}",
  cluster: { nodes: 3 },
  raft: { profile: "paper" },
  faults: [{ kind: "crash", target: "leader", after: "stable-leader", delay: "500ms" }],
  trials: 5,
  horizon: "3s",
  expect: ${expectBlock},
}
`;

  it('exits 1 when an expectation fails, and says which', async () => {
    const f = writeScenario(dir, 'too-strict.json5', strict('too-strict', '{ "timeToLeaderMs.p99": "< 1", safety: "ok" }'));
    const r = await cli(['run', f, '--json', '--workers', '1']);
    expect(r.code, show(r)).toBe(1);
    const j = JSON.parse(r.stdout) as Json;
    const failed = j.expectations.filter((e: Json) => !e.pass);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ metric: 'timeToLeaderMs.p99', op: '<', bound: 1, pass: false });
    expect(failed[0].actual).toBeGreaterThanOrEqual(1);
    expect(j.violations).toEqual([]);

    const text = await cli(['run', f, '--workers', '1']);
    expect(text.code, show(text)).toBe(1);
    expect(text.stdout).toMatch(/FAIL\s+timeToLeaderMs\.p99 < 1/);
  });

  it('exits 0 for the same scenario with an expectation that holds', async () => {
    const f = writeScenario(dir, 'lenient.json5', strict('lenient', '{ "timeToLeaderMs.p99": "< 5000", "timeToLeaderCommitMs.censored": "== 0", safety: "ok" }'));
    const r = await cli(['run', f, '--json', '--workers', '1']);
    expect(r.code, show(r)).toBe(0);
    expect((JSON.parse(r.stdout) as Json).expectations.every((e: Json) => e.pass)).toBe(true);
    const text = await cli(['run', f, '--workers', '1']);
    expect(text.stdout).toMatch(/… its no-op committed +5 /);
  });
});

describe.concurrent('progress bar only on a terminal', () => {
  it('a successful run with piped stderr prints no progress bar', async () => {
    const r = await cli(['run', 'leader-crash', '--trials', '20', '--workers', '2']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/time to leader/);
    expect(r.stderr).not.toMatch(PROGRESS_CHARS);
    expect(r.stderr).not.toMatch(/trials · .* left/);
  });

  it('a successful --json run with piped stderr prints no progress bar either', async () => {
    const r = await cli(['run', 'leader-crash', '--trials', '20', '--json']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).not.toMatch(PROGRESS_CHARS);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
