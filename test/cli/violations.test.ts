// Exit code 3: a safety violation, printed with a `raftsim replay …` command that
// reproduces it exactly when run as printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, removeDir, replayArgs, show, tempDir, writeScenario } from './cli.js';

type Json = Record<string, any>;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir('violations');
});
afterAll(() => removeDir(dir));

/** Runs a printed replay command as printed; it must exit 3 and report the same violation. */
async function replayReproduces(line: string, v: Json): Promise<void> {
  const args = replayArgs(line);
  const text = await cli(args);
  expect(text.code, show(text)).toBe(3);
  expect(text.stdout).toContain(`SAFETY VIOLATION: ${v.invariant}`);
  expect(text.stdout).toContain(v.detail);
  // The replay prints the same command to reproduce it again.
  expect(text.stdout).toContain(`reproduce: ${line}`);
  const json = await cli([...args, '--json']);
  expect(json.code, show(json)).toBe(3);
  const r = JSON.parse(json.stdout) as Json;
  expect(r.trial).toBe(v.trial);
  expect(r.violation).toEqual({ invariant: v.invariant, nodes: v.nodes, term: v.term, index: v.index, timeUs: v.timeUs, detail: v.detail });
}

describe.concurrent('safety violations: exit 3 and a replay command that reproduces them', () => {
  it('wipe-all-nodes violates safety; every violation carries its replay line, which reproduces it', async () => {
    const r = await cli(['run', 'wipe-all-nodes', '--trials', '3', '--json', '--workers', '1']);
    expect(r.code, show(r)).toBe(3);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.metrics.safety).toBe('violated');
    expect(j.metrics.safetyViolations).toBe(j.violations.length);
    expect(j.violations.length).toBeGreaterThan(0);
    for (const v of j.violations) {
      expect(typeof v.invariant).toBe('string');
      expect(Number.isInteger(v.trial) && v.trial >= 0 && v.trial < 3).toBe(true);
      expect(v.replay).toMatch(new RegExp(`^raftsim replay wipe-all-nodes --seed 1 --trial ${v.trial}( |$)`));
    }
    await replayReproduces(j.violations[0].replay, j.violations[0]);
  });

  it('the text output prints each violation with a replay line; the last one reproduces too', async () => {
    const r = await cli(['run', 'wipe-all-nodes', '--trials', '3', '--workers', '1']);
    expect(r.code, show(r)).toBe(3);
    expect(r.stdout).toMatch(/SAFETY VIOLATIONS/);
    const lines = [...r.stdout.matchAll(/^\s*replay: (raftsim replay .*)$/gm)].map((m) => m[1]);
    expect(lines.length).toBeGreaterThan(0);
    const json = JSON.parse((await cli(['run', 'wipe-all-nodes', '--trials', '3', '--json', '--workers', '1'])).stdout) as Json;
    expect(lines).toEqual(json.violations.map((v: Json) => v.replay));
    await replayReproduces(lines.at(-1)!, json.violations.at(-1));
  });

  it('a bug-zoo node chosen with --set: the replay line keeps the --set and reproduces the violation', async () => {
    // A 5 ms timeout range makes split votes, and contested votes are where a double vote shows.
    const r = await cli(['run', 'leader-crash', '--set', 'raft.implementation=double-vote-same-term', '--set', 'raft.electionTimeout.max=155ms', '--trials', '5', '--json', '--workers', '2']);
    expect(r.code, show(r)).toBe(3);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.violations.length).toBeGreaterThan(0);
    const v = j.violations[0];
    expect(v.replay).toContain('--set raft.implementation=double-vote-same-term');
    await replayReproduces(v.replay, v);
    // Without the bug the same trial is safe.
    const clean = await cli(['replay', 'leader-crash', '--seed', '1', '--trial', String(v.trial), '--set', 'raft.electionTimeout.max=155ms', '--json']);
    expect(clean.code, show(clean)).toBe(0);
    expect(JSON.parse(clean.stdout).violation).toBeNull();
  });

  it('a scenario file whose path needs quoting: the printed replay command still works from the same directory', async () => {
    const f = writeScenario(
      dir,
      "wipe it all (o'clock).json5",
      `{
  description: "Every node wiped at once.",
  cluster: { nodes: 3 },
  workload: { writesPerSecond: 20 },
  faults: [{ kind: "wipe", target: "all", after: "stable-leader", delay: "1s", duration: "500ms" }],
  trials: 2,
  horizon: "4s",
}
`,
    );
    const r = await cli(['run', f, '--json', '--workers', '1']);
    expect(r.code, show(r)).toBe(3);
    const v = (JSON.parse(r.stdout) as Json).violations[0];
    expect(v.replay).toMatch(/^raftsim replay '.*wipe it all \(o'\\''clock\)\.json5' --seed 1 --trial \d/);
    await replayReproduces(v.replay, v);
  });

  it('a safety violation wins over a failed expectation: exit 3, not 1', async () => {
    const r = await cli(['run', 'wipe-all-nodes', '--trials', '2', '--json', '--set', 'expect={"timeToLeaderMs.p99": "< 1"}']);
    expect(r.code, show(r)).toBe(3);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.expectations.some((e: Json) => e.pass === false)).toBe(true);
    expect(j.violations.length).toBeGreaterThan(0);
  });
});
