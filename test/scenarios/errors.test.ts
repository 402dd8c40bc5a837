import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatKeyPath, formatScenarioError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { lineOf, load, scenarioError, tmpDir } from './helpers.js';

const TWELVE_LINES = `// A scenario with a typo on line 12.
{
  name: "x",
  description: "typo",
  cluster: { nodes: 5 },
  network: { latency: "1ms" },
  trials: 10,
  seed: 1,
  horizon: "10s",
  faults: [],
  raft: {
    electonTimeout: { min: "150ms", max: "300ms" },
  },
}`;

describe('formatScenarioError', () => {
  it('one line with file:line:column, key, message and suggestion, then the source and what was expected', () => {
    const dir = tmpDir();
    const file = join(dir, 'x.json5');
    writeFileSync(file, TWELVE_LINES);
    const e = scenarioError(() => loadScenario(file));
    const lines = formatScenarioError(e).split('\n');
    expect(lines[0]).toBe(`${file}:12:5: raft.electonTimeout: unknown key. Did you mean "electionTimeout"?`);
    expect(lines[1]).toBe('  12 |     electonTimeout: { min: "150ms", max: "300ms" },');
    expect(lines[2]).toBe('     |     ^');
    expect(lines[3]).toMatch(/^ {2}expected: one of "profile", "electionTimeout", /);
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(e.stack).toBe(formatScenarioError(e)); // never a stack trace
  });

  it('counts further problems', () => {
    const e = scenarioError(() => load('{ trials: 0, horizon: 5, cluster: { nodes: 0 } }'));
    expect(e.more).toBe(2);
    expect(formatScenarioError(e)).toContain('(and 2 more problems)');
    expect(e.keyPath).toBe('trials'); // the first in the file
  });

  it('formats key paths like the file', () => {
    expect(formatKeyPath(['raft', 'nodes', '2', 'preVote'])).toBe('raft.nodes.2.preVote');
    expect(formatKeyPath(['faults', 2, 'target', 0])).toBe('faults[2].target[0]');
    expect(formatKeyPath(['network', 'zoneLatency', 'a->b'])).toBe('network.zoneLatency["a->b"]');
  });

  it('a problem without a position prints just the file', () => {
    const e = new ScenarioError({ file: 'x.json5', line: 0, column: 0, keyPath: '', message: 'no such file' });
    expect(formatScenarioError(e)).toBe('x.json5: no such file');
  });
});

describe('messages for common mistakes', () => {
  const cases: [string, string, string, string | undefined][] = [
    // [file text, key path, message, suggestion]
    ['{ raft: { profile: "pepar" } }', 'raft.profile', 'expected one of "paper", "etcd", "hashicorp", got "pepar"', 'paper'],
    ['{ faults: [{ kind: "crsh", target: "leader", at: "1s" }] }', 'faults[0].kind', 'unknown kind "crsh"', 'crash'],
    ['{ faults: [{ kind: "crash", targte: "leader", at: "1s" }] }', 'faults[0].targte', 'unknown key', 'target'],
    ['{ faults: [{ kind: "crash", at: "1s" }] }', 'faults[0].target', 'missing', undefined],
    ['{ faults: [{ target: "leader", at: "1s" }] }', 'faults[0].kind', 'missing', undefined],
    ['{ faults: [{ kind: "crash", target: "leadr", at: "1s" }] }', 'faults[0].target', 'expected one of "leader", "follower", "random", "minority", "majority", "all", got "leadr"', 'leader'],
    ['{ network: { latency: { dist: "lognorm", median: "1ms", sigma: 1 } } }', 'network.latency.dist', 'unknown dist "lognorm"', 'lognormal'],
    ['{ network: { latency: { dist: "lognormal", median: "1ms" } } }', 'network.latency.sigma', 'missing', undefined],
    ['{ network: { latency: { dist: "uniform", min: "2ms", max: "1ms" } } }', 'network.latency.min', 'min 2ms is greater than max 1ms', undefined],
    ['{ network: { loss: 1.5 } }', 'network.loss', 'must be at most 1, got 1.5', undefined],
    ['{ raft: { implementation: "vote-not-persistd" } }', 'raft.implementation', 'expected one of "reference", "vote-not-persisted", "no-log-up-to-date-check", "commit-old-term-by-counting", "double-vote-same-term", "no-truncate-on-conflict", "accept-stale-term-append", "commit-without-majority", "prevote-bumps-term", "no-step-down-on-higher-term", "fixed-election-timeout", got "vote-not-persistd"', 'vote-not-persisted'],
    ['{ expect: { "timeToLeader.p99": "< 10" } }', 'expect["timeToLeader.p99"]', 'unknown metric "timeToLeader.p99"', 'timeToLeaderMs.p99'],
    ['{ expect: { "timeToLeaderMs.p99": "fast" } }', 'expect["timeToLeaderMs.p99"]', '"fast" is not a comparison', undefined],
    ['{ expect: { "timeToLeaderMs.p99": "< 1e999" } }', 'expect["timeToLeaderMs.p99"]', '1e999 is not a finite number (a bound of infinity would always pass or always fail)', undefined],
    ['{ expect: { safety: "< 1" } }', 'expect.safety', 'safety can only be expected to be "ok", got "< 1"', undefined],
    ['{ cluster: { nodes: 3, zones: { a: [0, 1] } } }', 'cluster.zones', 'node 2 is in no zone', undefined],
    ['{ cluster: { nodes: 3, zones: { a: [0, 1], b: [1, 2] } } }', 'cluster.zones.b[0]', 'node 1 is already in zone "a"', undefined],
    ['{ cluster: { nodes: 2, zones: { a: [0], b: [1] } }, network: { zoneLatency: { "a->c": "1ms" } } }', 'network.zoneLatency["a->c"]', 'unknown zone "c" in "a->c"', 'a->b'],
    ['{ network: { zoneLatency: { "a->b": "1ms" } } }', 'network.zoneLatency', 'zoneLatency needs zones', undefined],
    ['{ cluster: { nodes: 3 }, raft: { nodes: { "3": { preVote: true } } } }', 'raft.nodes.3', 'node 3 does not exist: the cluster has 3 nodes (nodes 0–2)', undefined],
    ['{ clocks: { nodes: { "x": { skew: "1ms" } } } }', 'clocks.nodes.x', '"x" is not a node id', undefined],
    ['{ faults: [{ kind: "crash", target: "leader" }] }', 'faults[0]', 'a fault needs a start', undefined],
    ['{ faults: [{ kind: "crash", target: "leader", at: "5s", heal: "2s" }] }', 'faults[0].heal', 'heal 2s must be after at 5s', undefined],
    ['{ faults: [{ kind: "crash", target: "leader", at: "90s" }] }', 'faults[0].at', 'starts at 90s, not before the horizon 1min, so it would never happen', undefined],
    ['{ faults: [{ kind: "step", target: "all", at: "1s", delta: "1s", duration: "1s" }] }', 'faults[0].duration', 'a clock step is instantaneous: it has no duration or heal', undefined],
    ['{ faults: [{ kind: "pause", target: "all", at: "1s", every: "100us" }] }', 'faults[0].every', 'period 100us is shorter than the 1ms minimum', undefined],
    ['{ faults: [{ kind: "pause", target: "all", at: "1s", count: 3 }] }', 'faults[0].count', '`count` needs `every` or `rate`', undefined],
    ['{ faults: [{ kind: "partition", groups: [[0, 1], [1, 2]], at: "1s" }] }', 'faults[0].groups[1][0]', 'node 1 is also in group 0', undefined],
    ['{ faults: [{ kind: "bridge", bridge: 0, sides: [[0, 1], [2]], at: "1s" }] }', 'faults[0].sides[0][0]', 'the bridge node 0 must not be on a side', undefined],
    ['{ measure: { alerts: ["30s", "30s"] } }', 'measure.alerts[1]', 'alert threshold 30s is listed twice', undefined],
    ['{ horizon: "1s", measure: { warmup: "2s" } }', 'measure.warmup', 'warm-up 2s is not shorter than the horizon 1s, so nothing would be measured', undefined],
    ['{ trials: 2.5 }', 'trials', 'expected a whole number, got 2.5', undefined],
    ['{ raft: { preVote: "yes" } }', 'raft.preVote', 'expected true or false, got "yes"', undefined],
    ['{ extends: 5 }', 'extends', 'expected the path of a scenario file, relative to this one, or "builtin:<name>"', undefined],
    ['{ "__proto__": { x: 1 } }', '__proto__', '"__proto__" is a reserved name and cannot be a key', undefined],
    ['[1, 2]', '(top level)', 'a scenario file must be an object { … }', undefined],
  ];

  it.each(cases)('%s', (text, keyPath, message, suggestion) => {
    const e = scenarioError(() => load(text));
    expect(e.keyPath).toBe(keyPath);
    expect(e.message).toBe(message);
    expect(e.suggestion).toBe(suggestion);
    expect(e.line).toBeGreaterThanOrEqual(1);
  });

  it('alert metrics follow measure.alerts and accept any spelling of the threshold', () => {
    const s = load('{ measure: { alerts: ["10s", "60s"] }, expect: { "alertsFiredPerTrial.10s": "== 0", "alertsFiredPerTrial.60s": "< 1" } }');
    expect(s.expect.map((e) => e.metric)).toEqual(['alertsFiredPerTrial.10s', 'alertsFiredPerTrial.1min']);
    const e = scenarioError(() => load('{ expect: { "alertsFiredPerTrial.10s": "== 0" } }'));
    expect(e.message).toBe('unknown metric "alertsFiredPerTrial.10s"');
    expect(e.suggestion).toBe('alertsFiredPerTrial.30s');
  });
});

describe('syntax errors keep json5 positions', () => {
  it('points at the bad character', () => {
    const text = '{\n  trials: 10,\n  seed: @,\n}';
    const e = scenarioError(() => load(text));
    expect([e.line, e.column, e.keyPath]).toEqual([3, 9, '']);
    expect(e.message).toBe("syntax error: invalid character '@'");
    expect(e.sourceLine).toBe('  seed: @,');
  });

  it('an empty file or an unterminated object is reported too', () => {
    expect(scenarioError(() => load('')).message).toBe('syntax error: invalid end of input');
    expect(scenarioError(() => load('{ a: 1')).line).toBe(1);
  });
});

describe('limits', () => {
  it('deep nesting is refused before anything walks it', () => {
    const deep = `{ sweep: { seed: [${'['.repeat(5000)}${']'.repeat(5000)}] } }`;
    const e = scenarioError(() => load(deep));
    expect(e.message).toBe('nested more than 32 levels deep');
  });

  it('a huge file is refused before parsing', () => {
    const e = scenarioError(() => load(`{ description: "${'x'.repeat(2 << 20)}" }`));
    expect(e.message).toContain('over the cap of 1048576');
  });

  it('caps enormous values', () => {
    expect(scenarioError(() => load('{ cluster: { nodes: 1000000 } }')).message).toBe('must be at most 101, got 1000000');
    expect(scenarioError(() => load('{ trials: 1e12 }')).message).toBe('must be at most 100000, got 1000000000000');
    expect(scenarioError(() => load('{ workload: { writesPerSecond: 100000 }, horizon: "1d" }')).message).toContain('writes per trial would hold about');
    expect(scenarioError(() => load('{ raft: { heartbeatInterval: "100us", electionTimeout: { min: "1ms", max: "2ms" } }, horizon: "30d" }')).message).toContain('heartbeats per trial');
    expect(scenarioError(() => load('{ faults: [{ kind: "pause", target: "all", at: "0s", every: "1ms" }], horizon: "30d", raft: { heartbeatInterval: "1s", electionTimeout: { min: "2s", max: "4s" } } }')).message).toContain('occurrences per trial, over the cap');
  });
});

it('every line number points into the text', () => {
  const e = scenarioError(() => load(TWELVE_LINES));
  expect(e.line).toBe(lineOf(TWELVE_LINES, 'electonTimeout'));
});
