// JUnit XML shape and escaping, and the choice of the trial to replay for a
// failed expectation (the one with the worst value in the failing direction).
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/verdict/junit.js';
import { worstTrial } from '../../src/verdict/worst-trial.js';
import type { CheckedConfig } from '../../src/verdict/check.js';
import type { TrialSummary } from '../../src/metrics/aggregate.js';
import type { ExpectationResult } from '../../src/verdict/expect.js';

function checked(name: string, expectations: CheckedConfig['expectations'], violations: unknown[] = []): CheckedConfig {
  return { scenario: name, file: `s/${name}.json5`, seed: '1', trials: 10, point: {}, expectations, result: { violations } } as unknown as CheckedConfig;
}

describe('JUnit XML', () => {
  it('testsuites/testsuite/testcase/failure, escaped, one testcase per expectation plus safety', () => {
    const failed = { metric: 'timeToLeaderMs.p99', op: '<' as const, bound: 100, actual: 150.5, pass: false, trial: 3, replay: "raftsim replay 'a&b.json5' --seed 1 --trial 3" };
    const passed = { metric: 'writeAvailability', op: '>' as const, bound: 0.9, actual: 1, pass: true, trial: null, replay: null };
    const violation = { trial: 2, invariant: 'election-safety', nodes: [0, 1], term: 3, index: 0, timeUs: 1_500_000, detail: 'nodes 0 and 1 were both leader in term 3 <bad>', replay: 'raftsim replay x --seed 1 --trial 2' };
    const xml = renderJunit([checked('a&b', [failed, passed]), checked('ok', [], [violation])]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="raftsim check" tests="4" failures="2" errors="0">')).toBe(true);
    expect(xml).toContain('<testsuite name="a&amp;b" tests="3" failures="1" errors="0" skipped="0" file="s/a&amp;b.json5">');
    expect(xml).toContain('<testcase classname="a&amp;b" name="timeToLeaderMs.p99 &lt; 100">');
    expect(xml).toContain('<failure type="expectation" message="timeToLeaderMs.p99 = 150.5, expected &lt; 100">');
    expect(xml).toContain("reproduce: raftsim replay 'a&amp;b.json5' --seed 1 --trial 3</failure>");
    expect(xml).toContain('<testcase classname="a&amp;b" name="writeAvailability &gt; 0.9"/>');
    expect(xml).toContain('<failure type="safety" message="safety violated in 1 of 10 trial(s): election-safety">trial 2: election-safety at 1.5s');
    expect(xml).toContain('&lt;bad&gt;');
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  });
});

describe('the trial to replay', () => {
  const trial = (i: number, leaderUs: (number | null)[], acked: number, counted: number) =>
    ({ trial: i, violation: null, events: 0, hash: '', metrics: { faults: leaderUs.map((l) => ({ leaderUs: l })), writesAckedInTime: acked, writesCounted: counted } }) as unknown as TrialSummary;
  const trials = [trial(0, [100, 200], 9, 10), trial(1, [900], 10, 10), trial(2, [50], 5, 10)];
  const e = (metric: string, op: ExpectationResult['op'], bound: number, actual: number | null): ExpectationResult => ({ metric, op, bound, actual, pass: false });

  it('an upper bound points at the largest value; a censored one counts as largest', () => {
    expect(worstTrial(e('timeToLeaderMs.p99', '<', 100, 890), trials, [])).toBe(1);
    expect(worstTrial(e('timeToLeaderMs.max', '<', 100, null), [...trials, trial(3, [null], 1, 1)], [])).toBe(3);
  });

  it('a lower bound points at the smallest value', () => {
    expect(worstTrial(e('writeAvailability', '>=', 0.99, 0.8), trials, [])).toBe(2);
    expect(worstTrial(e('timeToLeaderMs.p50', '>', 1000, 150), trials, [])).toBe(2);
  });
});
