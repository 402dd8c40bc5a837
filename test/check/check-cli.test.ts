// `raftsim check` end to end: the pass/fail table, exit codes 0/1/3/2, JUnit
// XML naming each expectation, a replay command that reproduces the measured
// value, folders searched for *.json5 (without _examples), sweeps checked per
// point, and baselines written and compared.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputProblems, cli, ensureBuilt, replayArgs, show, tempDir } from '../cli/cli.js';

type Json = Record<string, any>;
let dir: string;

function write(rel: string, text: string): string {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('check');
  write('strict/too-strict.json5', `{ extends: "${join(import.meta.dirname, '../../scenarios/leader-crash.json5')}", name: "too-strict", trials: 8,
    expect: { "timeToLeaderMs.max": "< 1", "timeToLeaderMs.p99": "< 1000" } }`);
  write('suite/a.json5', '{ cluster: { nodes: 3 }, workload: { writesPerSecond: 5 }, faults: [{ kind: "crash", target: "leader", after: "stable-leader", delay: "1s", duration: "500ms" }], trials: 4, horizon: "4s", expect: { "timeToLeaderMs.p99": "< 2000" } }');
  write('suite/nested/b.json5', '{ cluster: { nodes: 3 }, trials: 3, horizon: "2s", sweep: { "raft.preVote": [false, true] } }');
  write('suite/_examples/skipped.json5', '{ this is not even JSON5 }');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a deliberately too-strict expectation', () => {
  it('fails with exit 1; the JUnit file names it; its replay command reproduces the measured value', async () => {
    const junit = join(dir, 'out', 'junit.xml');
    const r = await cli(['check', join(dir, 'strict'), '--junit', junit, '--json']);
    expect(r.code, show(r)).toBe(1);
    const j = JSON.parse(r.stdout) as Json;
    const failed = j.configurations[0].expectations.find((e: Json) => !e.pass);
    expect(failed.metric).toBe('timeToLeaderMs.max');
    expect(failed.replay).toMatch(/^raftsim replay .*too-strict\.json5 --seed 1 --trial \d+$/);

    const xml = readFileSync(junit, 'utf8');
    // Durations are wall-clock seconds measured by the CLI (output metadata, not results).
    expect(xml).toMatch(/<testsuites name="raftsim check" tests="3" failures="1" errors="0" time="\d+\.\d{3}">/);
    expect(xml).toMatch(/<testsuite name="too-strict" tests="3" failures="1" errors="0" skipped="0" time="\d+\.\d{3}" file=/);
    expect(xml).toContain('<testcase classname="too-strict" name="timeToLeaderMs.max &lt; 1">');
    expect(xml).toMatch(/<failure type="expectation" message="timeToLeaderMs.max = [\d.]+, expected &lt; 1">/);
    expect(xml).toContain(`reproduce: ${failed.replay}`);
    expect(xml).toContain('<testcase classname="too-strict" name="timeToLeaderMs.p99 &lt; 1000"/>');
    expect(xml).toContain('<testcase classname="too-strict" name="safety"/>');

    const replay = await cli([...replayArgs(failed.replay), '--json']);
    expect(replay.code, show(replay)).toBe(0);
    const leaderMs = (JSON.parse(replay.stdout) as Json).faults.map((f: Json) => f.leaderUs / 1000);
    expect(Math.max(...leaderMs)).toBe(failed.actual);
  });

  it('prints the table with the measured value beside each bound, and the failure with its replay command', async () => {
    const r = await cli(['check', join(dir, 'strict', 'too-strict.json5')]);
    expect(r.code, show(r)).toBe(1);
    expect(r.stdout).toMatch(/too-strict\s+timeToLeaderMs\.max\s+< 1\s+[\d.]+\s+FAIL/);
    expect(r.stdout).toMatch(/too-strict\s+timeToLeaderMs\.p99\s+< 1000\s+[\d.]+\s+pass/);
    expect(r.stdout).toMatch(/FAIL too-strict: timeToLeaderMs\.max = [\d.]+, expected < 1 \(worst: trial \d+\)\n {2}raftsim replay /);
  });
});

describe('folders, sweeps and exit codes', () => {
  it('searches folders for *.json5 (skipping _examples) and checks each sweep point', async () => {
    const junit = join(dir, 'out', 'suite.xml');
    const r = await cli(['check', join(dir, 'suite'), '--junit', junit, '--json']);
    expect(r.code, show(r)).toBe(0);
    const names = (JSON.parse(r.stdout) as Json).configurations.map((c: Json) => [c.scenario, c.point]);
    expect(names).toEqual([['a', {}], ['b', { 'raft.preVote': false }], ['b', { 'raft.preVote': true }]]);
    const xml = readFileSync(junit, 'utf8');
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).toContain('<testsuite name="b [raft.preVote=true]"');
    expect(xml).not.toContain('<failure');
  });

  it('a safety violation exits 3 and is a failed safety testcase', async () => {
    const junit = join(dir, 'out', 'wipe.xml');
    const r = await cli(['check', 'wipe-all-nodes', '--trials', '2', '--junit', junit]);
    expect(r.code, show(r)).toBe(3);
    expect(r.stdout).toMatch(/SAFETY wipe-all-nodes: trial 0: .*\n {2}raftsim replay wipe-all-nodes --seed 1 --trial 0 --set trials=2/);
    expect(readFileSync(junit, 'utf8')).toMatch(/<testcase classname="wipe-all-nodes" name="safety">\n\s+<failure type="safety" message="safety violated in 2 of 2 trial\(s\)/);
  });

  it('bad input exits 2 with a message', async () => {
    for (const args of [
      ['check', join(dir, 'nope')],
      ['check', join(dir, 'suite'), '--update-baseline'],
      ['check', join(dir, 'suite', '_examples', 'skipped.json5')],
      ['check', join(dir, 'suite'), '--tolerance-p99', '-5'],
    ]) {
      const r = await cli(args);
      expect(badInputProblems(r), show(r)).toEqual([]);
    }
  });
});

describe('baselines', () => {
  it('--update-baseline writes one, an unchanged run passes, a regression beyond the tolerance fails', async () => {
    const baseline = join(dir, 'out', 'baseline.json');
    const target = join(dir, 'suite', 'a.json5');
    const w = await cli(['check', target, '--baseline', baseline, '--update-baseline']);
    expect(w.code, show(w)).toBe(0);
    const saved = JSON.parse(readFileSync(baseline, 'utf8')) as Json;
    expect(saved.format).toBe('raftsim-baseline/1');
    const [key] = Object.keys(saved.entries);
    const entry = saved.entries[key];
    expect(entry).toMatchObject({ scenario: 'a', trials: 4, seed: '1' });
    expect(typeof entry.timeToLeaderP99Ms).toBe('number');

    const same = await cli(['check', target, '--baseline', baseline]);
    expect(same.code, show(same)).toBe(0);
    expect(same.stdout).toMatch(/a\s+timeToLeaderMs\.p99\s+[\d.]+\s+[\d.]+\s+±0\.0 ms \(±0\.0%\)\s+≤ [\d.]+\s+ok/);

    // Pretend the baseline was 20% faster: now 25% slower than it, beyond the default 10%.
    const faster = { ...saved, entries: { [key]: { ...entry, timeToLeaderP99Ms: entry.timeToLeaderP99Ms / 1.25, writeAvailability: 1 } } };
    const older = join(dir, 'out', 'older.json');
    writeFileSync(older, JSON.stringify(faster));
    const worse = await cli(['check', target, '--baseline', older]);
    expect(worse.code, show(worse)).toBe(1);
    expect(worse.stdout).toMatch(/a\s+timeToLeaderMs\.p99\s+[\d.]+\s+[\d.]+\s+\+[\d.]+ ms \(\+25\.0%\)\s+≤ [\d.]+\s+REGRESSED/);
    expect(worse.stdout).toMatch(/1 baseline regression/);
    const tolerant = await cli(['check', target, '--baseline', older, '--tolerance-p99', '30']);
    expect(tolerant.code, show(tolerant)).toBe(0);
  });

  it('--update-baseline records even when an expectation fails (exit 0); --seed sets every scenario\'s seed; --html writes a report per scenario', async () => {
    const baseline = join(dir, 'out', 'strict-baseline.json');
    const html = join(dir, 'out', 'html');
    const r = await cli(['check', join(dir, 'strict'), '--trials', '3', '--seed', '5', '--baseline', baseline, '--update-baseline', `--html=${html}`]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/FAIL too-strict/);
    expect(r.stdout).toMatch(/baseline written: .*\n\(exit 0: the baseline was recorded; the failed expectations above are recorded with it\)/);
    const saved = JSON.parse(readFileSync(baseline, 'utf8')) as Json;
    expect(Object.values(saved.entries).map((e) => (e as Json).seed)).toEqual(['5']);
    const page = readFileSync(join(html, 'too-strict.html'), 'utf8');
    expect(page).toContain('raftsim run');
    expect(page).toContain('--seed 5');
    expect(page).not.toContain('data-field="no-timelines"');
  });

  it('a missing or malformed baseline is bad input', async () => {
    const bad = join(dir, 'out', 'bad.json');
    writeFileSync(bad, '{"format": "something else"}');
    for (const file of [join(dir, 'out', 'missing.json'), bad]) {
      const r = await cli(['check', join(dir, 'suite', 'a.json5'), '--baseline', file]);
      expect(badInputProblems(r), show(r)).toEqual([]);
      expect(r.stderr).toMatch(/--baseline/);
    }
  });
});
