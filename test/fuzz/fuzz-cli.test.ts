// `raftsim fuzz` end to end: it finds bug-zoo variants within a fixed budget,
// writes the shrunk schedule as a scenario file, and `raftsim run` and
// `raftsim replay --trial 0` of that file reproduce the same failure; the same
// search can be replayed from the printed seed and path. The reference node
// passes. Budgets and seeds are fixed so the suite stays fast and deterministic.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputProblems, cli, ensureBuilt, show, tempDir } from '../cli/cli.js';

const FIXTURES = join(import.meta.dirname, 'scenarios');
type Json = Record<string, any>;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir('fuzz');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Hunt {
  readonly bug: string;
  readonly scenario: string;
  readonly flags?: readonly string[];
  readonly kind: 'safety' | 'liveness';
}

// One safety and one liveness hunt through the command line: that the fuzzer finds every
// bug-zoo variant is test/cluster/bugzoo.property.test.ts's job, in-process (each hunt here
// costs a whole search in a child process, 15-20 s of CPU).
const HUNTS: readonly Hunt[] = [
  { bug: 'commit-without-majority', scenario: 'lan-3.json5', kind: 'safety' },
  { bug: 'fixed-election-timeout', scenario: 'constant-latency-5.json5', flags: ['--kinds', 'crash'], kind: 'liveness' },
];

function fuzzArgs(h: Hunt, out: string, extra: readonly string[] = []): string[] {
  return ['fuzz', join(FIXTURES, h.scenario), '--implementation', h.bug, '--fuzz-seed', '7', '--budget', '300', ...(h.flags ?? []), '--out', out, '--json', ...extra];
}

describe.concurrent('raftsim fuzz finds bug-zoo variants, and the written file reproduces them', () => {
  for (const h of HUNTS) {
    it(`${h.bug} (${h.kind})`, async () => {
      const out = join(dir, `${h.bug}.json5`);
      const r = await cli(fuzzArgs(h, out));
      const code = h.kind === 'safety' ? 3 : 1;
      expect(r.code, show(r)).toBe(code);
      const j = JSON.parse(r.stdout) as Json;
      expect(j.status).toBe(h.kind);
      expect(j.runsToFailure).toBeLessThanOrEqual(300);
      expect(j.faults.length).toBeGreaterThan(0);
      expect(existsSync(out)).toBe(true);

      // raftsim run of the file: the same exit code and the same failure.
      const run = await cli(['run', out, '--json']);
      expect(run.code, show(run)).toBe(code);
      const rj = JSON.parse(run.stdout) as Json;
      expect(rj.trials).toBe(1);
      if (h.kind === 'safety') {
        expect(rj.violations[0].invariant).toBe(j.outcome.violation.invariant);
        expect(rj.violations[0].timeUs).toBe(j.outcome.violation.timeUs);
      } else {
        expect(rj.expectations.find((e: Json) => e.metric === 'recoveryMs.max').pass).toBe(false);
        expect(rj.violations).toEqual([]);
      }

      // raftsim replay of trial 0: the same trial exactly.
      const replay = await cli(['replay', out, '--trial', '0', '--json']);
      expect(replay.code, show(replay)).toBe(h.kind === 'safety' ? 3 : 0);
      const pj = JSON.parse(replay.stdout) as Json;
      if (h.kind === 'safety') expect(pj.violation).toEqual(j.outcome.violation);
      else expect(pj.metrics.recovery.afterUs).toBeNull();

      // The printed seed and path go straight back to the same counterexample.
      const again = join(dir, `${h.bug}-again.json5`);
      const r2 = await cli(fuzzArgs(h, again, ['--path', j.path]));
      expect(r2.code, show(r2)).toBe(code);
      expect((JSON.parse(r2.stdout) as Json).faults).toEqual(j.faults);
      expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
    });
  }
});

describe.concurrent('the reference node passes', () => {
  for (const scenario of ['leader-crash', 'partial-partition', 'gc-pause-leader']) {
    it(`raftsim fuzz ${scenario} --budget 40`, async () => {
      const r = await cli(['fuzz', scenario, '--implementation', 'reference', '--fuzz-seed', '1', '--budget', '40', '--out', join(dir, `ref-${scenario}.json5`)]);
      expect(r.code, show(r)).toBe(0);
      expect(r.stdout).toMatch(/passed: 40 run\(s\)/);
      expect(r.stdout).toMatch(/search again: raftsim fuzz .*--fuzz-seed 1 --budget 40/);
    });
  }

  it('a time budget stops the search and passes (with the deprecated --seed: a note names --fuzz-seed)', async () => {
    const r = await cli(['fuzz', 'leader-crash', '--seed', '3', '--budget', '1s', '--json']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).toMatch(/fuzz --seed is deprecated: it is fast-check's seed, now --fuzz-seed/);
    expect((JSON.parse(r.stdout) as Json).seed).toBe(3);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.status).toBe('passed');
    expect(j.budget).toEqual({ ms: 1000 });
    expect(j.runs).toBeGreaterThan(0);
  });
});

describe.concurrent('bad fuzz flags are bad input (exit 2), never a stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['a budget that is neither runs nor time', ['--budget', 'lots'], /--budget: "lots"/],
    ['an unknown implementation, with a suggestion', ['--implementation', 'comit-without-majority'], /did you mean "commit-without-majority"/],
    ['a fault kind the fuzzer does not generate', ['--kinds', 'crash,wipe'], /--kinds: "wipe"/],
    ['a churn share above 1', ['--churn', '2'], /--churn/],
    ['min duration above max', ['--min-duration', '2s', '--max-duration', '1s'], /--min-duration/],
    ['a --path that is not a fast-check path', ['--fuzz-seed', '1', '--path', 'garbage'], /--path "garbage" is not a fast-check path/],
    ['a --path without its --fuzz-seed', ['--path', '3:1'], /--path needs the --fuzz-seed/],
    ['both --fuzz-seed and its deprecated name --seed', ['--fuzz-seed', '1', '--seed', '2'], /give --fuzz-seed only/],
  ];
  for (const [what, flags, message] of cases) {
    it(what, async () => {
      const r = await cli(['fuzz', 'leader-crash', ...flags]);
      expect(badInputProblems(r), show(r)).toEqual([]);
      expect(r.stderr).toMatch(message);
    });
  }

  it('a scenario that does not exist', async () => {
    const r = await cli(['fuzz', 'no-such-scenario']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/no built-in scenario named "no-such-scenario"/);
  });
});
