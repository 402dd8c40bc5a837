// runCli in this process is isolated: runs side by side keep their own stdout, stderr,
// environment and exit code; none touches process.exitCode, installs a signal handler or
// leaves one behind; a run that sets an exit code does not leak it into the next.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, inProcessCli, removeDir, show, tempDir, writeScenario } from './cli.js';

let dir: string;
let scenario: string;

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('in-process');
  // Fails its expectation (exit 1) in a few cheap trials.
  scenario = writeScenario(
    dir,
    'strict.json5',
    `{ name: "strict", cluster: { nodes: 3, initial: { leader: 0 } }, faults: [{ kind: "crash", target: "leader", at: "10ms" }],
       measure: { until: "resolved" }, trials: 4, horizon: "5s", expect: { "timeToLeaderMs.p99": "< 1" } }\n`,
  );
});
afterAll(() => removeDir(dir));

describe('in-process runs', () => {
  it('side by side, each keeps its own output, environment and exit code', async () => {
    const jobs: [string[], Record<string, string>][] = [
      [['list'], { COLUMNS: '60' }],
      [['list'], { COLUMNS: '200' }],
      [['run', scenario, '--workers', '1'], {}],
      [['run', 'leader-crash', '--trails', '2'], {}],
      [['replay', scenario, '--trial', '0', '--width', '50'], {}],
    ];
    const alone = [];
    for (const [args, env] of jobs) alone.push(await inProcessCli(args, { env }));
    expect(alone.map((r) => r.code)).toEqual([0, 0, 1, 2, 0]);
    // Different $COLUMNS, different text: the environment is the run's own.
    expect(alone[0].stdout).not.toBe(alone[1].stdout);
    const together = await Promise.all(jobs.map(([args, env]) => inProcessCli(args, { env })));
    together.forEach((r, i) => {
      expect(r.code, show(r)).toBe(alone[i].code);
      expect(r.stdout).toBe(alone[i].stdout);
      expect(r.stderr).toBe(alone[i].stderr);
    });
  });

  it('leave the process alone: no exit code, no signal handler, before or after', async () => {
    const before = { exitCode: process.exitCode, int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM'), warn: process.listenerCount('warning') };
    const added = ['on', 'once', 'addListener', 'prependListener'].map((m) => vi.spyOn(process, m as 'on'));
    try {
      const failed = await inProcessCli(['run', scenario, '--workers', '2', '--out', `${dir}/out.json`]);
      expect(failed.code, show(failed)).toBe(1);
      const bad = await inProcessCli(['run', 'no-such-scenario']);
      expect(bad.code).toBe(2);
      // An exit code does not carry over into the next run.
      expect((await inProcessCli(['list'])).code).toBe(0);
      const signals = added.flatMap((spy) => spy.mock.calls.map((c) => String(c[0]))).filter((e) => e.startsWith('SIG'));
      expect(signals).toEqual([]);
    } finally {
      for (const spy of added) spy.mockRestore();
    }
    expect({ exitCode: process.exitCode, int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM'), warn: process.listenerCount('warning') }).toEqual(before);
  });
});
