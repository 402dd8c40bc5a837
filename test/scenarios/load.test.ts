import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioText, resolveScenarioPath } from '../../src/scenario/load.js';
import { FULL_EXAMPLE, lineOf, load, scenarioError, writeFiles } from './helpers.js';

describe('the full example', () => {
  const s = loadScenario(FULL_EXAMPLE);

  it('resolves every duration to µs', () => {
    expect(s.name).toBe('full-example');
    expect(s.file).toBe(FULL_EXAMPLE);
    expect(s.nodes).toBe(5);
    expect(s.placement).toEqual({ zoneOf: ['a', 'a', 'b', 'b', 'c'], zones: ['a', 'b', 'c'] });
    expect(s.raft.nodes[0]).toMatchObject({ timerMode: 'continuous', electionTimeoutMinUs: 150_000, electionTimeoutMaxUs: 300_000, heartbeatMinUs: 50_000, heartbeatMaxUs: 50_000, checkQuorumTimeoutUs: 300_000, maxInflightMsgs: 256, bug: null });
    expect(s.network.latency).toEqual({ kind: 'constant', value: 500 });
    expect(s.clocks[3]).toEqual({ skewUs: 400_000, driftPpm: 200 });
    expect(s.clocks[0]).toEqual({ skewUs: 0, driftPpm: 0 });
    expect(s.cpu.map((c) => c.serviceTime)).toEqual([100, 20, 20, 20, 20].map((value) => ({ kind: 'constant', value })));
    expect(s.disk[0].fsyncLatency).toEqual({ kind: 'lognormal', median: 2_000, sigma: 0.5 });
    expect(s.disk[4].fsyncLatency).toEqual({ kind: 'uniform', min: 5_000, max: 10_000 });
    expect(s.workload).toEqual({ writesPerSecond: 0, arrival: 'poisson', clientLatency: { kind: 'constant', value: 500 }, clientTimeoutUs: 2_000_000, retryBackoffUs: 25_000, retryBackoffMaxUs: 1_000_000, retryJitter: 0.1 });
    expect(s).toMatchObject({ trials: 100, seed: '1', horizonUs: 60_000_000 });
    expect(s.measure).toEqual({ stableUs: 300_000, alertThresholdsUs: [30_000_000, 60_000_000], warmupUs: 0, until: 'horizon', graceUs: 300_000, observeUs: 10_000_000 });
  });

  it('builds the zone latency matrix: directed, reverse defaults to the same, in-zone is network.latency', () => {
    const m = s.network.zoneLatency!;
    const lan = { kind: 'constant', value: 500 };
    const wan = { kind: 'lognormal', median: 30_000, sigma: 0.2 };
    expect(m[0]).toEqual([lan, { kind: 'constant', value: 10_000 }, wan]);
    expect(m[1][0]).toEqual({ kind: 'constant', value: 10_000 });
    expect(m[2][0]).toEqual(wan);
    expect(m[1][2]).toEqual(lan); // b<->c not listed
  });

  it('resolves faults: starts, repeats, durations, heals', () => {
    const [f0, f1, f2, f3, f4, f5] = s.faults;
    expect(f0).toEqual({ start: { kind: 'at', atUs: 10_000_000 }, repeat: { kind: 'once' }, duration: { kind: 'constant', value: 5_000_000 }, healAtUs: null, action: { kind: 'crash', target: 'leader' }, setup: false, path: 'faults[0]' });
    expect(f1.start).toEqual({ kind: 'after', events: [{ kind: 'stable-leader' }], delayUs: 1_000_000, windowUs: 50_000 });
    expect(f1.duration).toBeNull();
    expect(f2.duration).toEqual({ kind: 'pareto', scale: 50_000, shape: 1.5, max: 5_000_000 });
    expect(f2.start).toEqual({ kind: 'after', events: [{ kind: 'heartbeat' }], delayUs: 0, windowUs: 50_000 });
    expect(f3.repeat).toEqual({ kind: 'every', periodUs: 10_000_000, count: 20 });
    expect(f3.action).toEqual({ kind: 'pause', target: 'random' });
    expect(f4.repeat).toEqual({ kind: 'rate', perSecond: 0.1, count: null });
    expect(f4.action).toEqual({ kind: 'isolate', target: [0] });
    expect(f5).toMatchObject({ healAtUs: 20_000_000, duration: null, action: { kind: 'partition', groups: [[0, 1], [2, 3, 4]] } });
  });

  it('keeps sweep, expect and the source', () => {
    expect(s.sweep).toEqual([
      { key: 'raft.electionTimeout.min', values: ['150ms', '300ms'] },
      { key: 'raft.preVote', values: [false, true] },
    ]);
    expect(s.expect).toEqual([
      { metric: 'timeToLeaderMs.p99', op: '<', value: 1000 },
      { metric: 'spuriousElectionsPerHour', op: '==', value: 0 },
      { metric: 'safety', op: '==', value: 'ok' },
    ]);
    expect((s.source as { raft: { heartbeatInterval: string } }).raft.heartbeatInterval).toBe('50ms');
  });

  it('per-node raft overrides apply to that node only', () => {
    expect(s.raft.nodes.map((c) => c.preVote)).toEqual([false, false, true, false, false]);
  });
});

describe('defaults', () => {
  it('an empty file is a complete scenario', () => {
    const s = load('{}', {}, 'my-scenario.json5');
    expect(s.name).toBe('my-scenario');
    expect(s.description).toBe('');
    expect(s.nodes).toBe(5);
    expect(s.raft.profile).toBe('paper');
    expect(s.raft.implementation).toBe('reference');
    expect(s.raft.nodes).toHaveLength(5);
    expect(s.network).toEqual({ latency: { kind: 'lognormal', median: 500, sigma: 0.3 }, zoneLatency: null, lossProbability: 0, duplicateProbability: 0, inFlightOnCut: 'drop', ordering: 'fifo' });
    expect(s.cpu[0].serviceTime).toEqual({ kind: 'constant', value: 20 });
    expect(s.disk[0].fsyncLatency).toEqual({ kind: 'lognormal', median: 1_000, sigma: 0.5 });
    expect(s.workload).toEqual({ writesPerSecond: 0, arrival: 'poisson', clientLatency: { kind: 'constant', value: 500 }, clientTimeoutUs: 2_000_000, retryBackoffUs: 25_000, retryBackoffMaxUs: 1_000_000, retryJitter: 0.1 });
    expect(s).toMatchObject({ faults: [], trials: 100, seed: '1', horizonUs: 60_000_000, sweep: [], expect: [] });
    expect(s.measure).toEqual({ stableUs: 300_000, alertThresholdsUs: [30_000_000, 60_000_000], warmupUs: 0, until: 'horizon', graceUs: 300_000, observeUs: s.horizonUs });
    expect(s.placement).toEqual({ zoneOf: [], zones: [] });
  });

  it('numeric seeds become strings', () => {
    expect(load('{ seed: 42 }').seed).toBe('42');
    expect(load('{ seed: "abc" }').seed).toBe('abc');
  });

  it('stableFor defaults to the largest election timeout max across nodes', () => {
    expect(load('{ raft: { nodes: { "3": { electionTimeout: { max: "1s" } } } } }').measure.stableUs).toBe(1_000_000);
  });
});

describe('workload retry settings', () => {
  it('retryBackoff is the base; the cap defaults to the larger of 1 s and the base', () => {
    expect(load('{ workload: { retryBackoff: "50ms" } }').workload).toMatchObject({ retryBackoffUs: 50_000, retryBackoffMaxUs: 1_000_000, retryJitter: 0.1 });
    expect(load('{ workload: { retryBackoff: "2s" } }').workload).toMatchObject({ retryBackoffUs: 2_000_000, retryBackoffMaxUs: 2_000_000 });
    expect(load('{ workload: { retryBackoff: "25ms", retryBackoffMax: "25ms", retryJitter: 0 } }').workload).toMatchObject({ retryBackoffUs: 25_000, retryBackoffMaxUs: 25_000, retryJitter: 0 });
  });

  it('rejects a cap below the base and a jitter outside [0, 1]', () => {
    const e = scenarioError(() => load('{ workload: { retryBackoff: "100ms", retryBackoffMax: "50ms" } }'));
    expect([e.keyPath, e.message]).toEqual(['workload.retryBackoffMax', 'retryBackoffMax 50ms is below retryBackoff 100ms']);
    expect(scenarioError(() => load('{ workload: { retryJitter: 1.5 } }')).keyPath).toBe('workload.retryJitter');
    expect(scenarioError(() => load('{ workload: { retryJitter: -0.1 } }')).keyPath).toBe('workload.retryJitter');
    expect(scenarioError(() => load('{ workload: { retryBackofMax: "1s" } }')).suggestion).toBe('retryBackoffMax');
  });
});

describe('profiles', () => {
  it('etcd counts ticks; stableFor is electionTicks·2·tick', () => {
    const s = load('{ raft: { profile: "etcd" } }');
    expect(s.raft.nodes[0]).toMatchObject({ timerMode: 'ticks', tickUs: 100_000, electionTimeoutMinUs: 1_000_000, electionTimeoutMaxUs: 1_900_000, heartbeatMinUs: 100_000, checkQuorum: true, preVote: true, checkQuorumTimeoutUs: 1_000_000, maxInflightMsgs: 512 });
    expect(s.measure.stableUs).toBe(2_000_000);
    const t = load('{ raft: { profile: "etcd", tick: "50ms", electionTicks: 20, heartbeatTicks: 2 } }');
    expect(t.raft.nodes[0]).toMatchObject({ tickUs: 50_000, electionTimeoutMinUs: 1_000_000, electionTimeoutMaxUs: 1_950_000, heartbeatMinUs: 100_000, heartbeatMaxUs: 100_000 });
    expect(t.measure.stableUs).toBe(2_000_000);
  });

  it('etcd takes durations that are whole ticks', () => {
    expect(load('{ raft: { profile: "etcd", electionTimeout: { min: "1s", max: "3s" } } }').raft.nodes[0]).toMatchObject({ electionTimeoutMinUs: 1_000_000, electionTimeoutMaxUs: 3_000_000 });
    const e = scenarioError(() => load('{ raft: { profile: "etcd", electionTimeout: { min: "150ms" } } }'));
    expect(e.keyPath).toBe('raft.electionTimeout.min');
    expect(e.message).toBe('150ms is not a whole number of ticks (tick 100ms)');
  });

  it('hashicorp: [HT, 2HT) follower timeouts, HT/10..HT/5 heartbeats, lease 500ms', () => {
    const s = load('{ raft: { profile: "hashicorp" } }');
    expect(s.raft.nodes[0]).toMatchObject({ electionTimeoutMinUs: 1_000_000, electionTimeoutMaxUs: 1_999_999, candidateTimeoutMinUs: 1_000_000, heartbeatMinUs: 100_000, heartbeatMaxUs: 199_999, checkQuorum: true, checkQuorumTimeoutUs: 500_000, preVote: true, maxInflightMsgs: 128 });
  });

  it('every knob overrides the profile', () => {
    const s = load(`{ raft: { profile: "hashicorp", preVote: false, checkQuorum: false, checkQuorumTimeout: "2s", maxInflightMsgs: 7, maxEntriesPerMsg: 3,
      timerSource: "wall", electionTimeout: { min: "400ms", max: "800ms" }, candidateTimeout: { min: "500ms", max: "600ms" }, heartbeatInterval: { min: "20ms", max: "40ms" } } }`);
    expect(s.raft.nodes[0]).toMatchObject({ preVote: false, checkQuorum: false, checkQuorumTimeoutUs: 2_000_000, maxInflightMsgs: 7, maxEntriesPerMsg: 3, timerSource: 'wall', electionTimeoutMinUs: 400_000, electionTimeoutMaxUs: 800_000, candidateTimeoutMinUs: 500_000, candidateTimeoutMaxUs: 600_000, heartbeatMinUs: 20_000, heartbeatMaxUs: 40_000 });
  });

  it('in the paper profile the candidate timeout and check-quorum timeout follow the election timeout', () => {
    const s = load('{ raft: { electionTimeout: { min: "500ms", max: "900ms" }, checkQuorum: true } }');
    expect(s.raft.nodes[0]).toMatchObject({ candidateTimeoutMinUs: 500_000, candidateTimeoutMaxUs: 900_000, checkQuorum: true, checkQuorumTimeoutUs: 900_000 });
  });

  it('per-node overrides merge with the cluster-wide knobs', () => {
    const s = load('{ raft: { preVote: true, electionTimeout: { min: "200ms", max: "400ms" }, nodes: { "1": { preVote: false, electionTimeout: { max: "2s" } } } } }');
    expect(s.raft.nodes.map((c) => c.preVote)).toEqual([true, false, true, true, true]);
    expect(s.raft.nodes[1]).toMatchObject({ electionTimeoutMinUs: 200_000, electionTimeoutMaxUs: 2_000_000 });
    expect(s.raft.nodes[0]).toMatchObject({ electionTimeoutMinUs: 200_000, electionTimeoutMaxUs: 400_000 });
    expect(s.measure.stableUs).toBe(2_000_000);
  });

  it('a bug-zoo implementation sets RaftConfig.bug', () => {
    const s = load('{ raft: { implementation: "vote-not-persisted" } }');
    expect(s.raft.implementation).toBe('vote-not-persisted');
    expect(s.raft.nodes.every((c) => c.bug === 'vote-not-persisted')).toBe(true);
  });

  it('hashicorp: the lease shrinks to a shorter HeartbeatTimeout by default; a longer explicit one is refused (ValidateConfig)', () => {
    expect(load('{ raft: { profile: "hashicorp", electionTimeout: { min: "200ms", max: "400ms" } } }').raft.nodes[0].checkQuorumTimeoutUs).toBe(200_000);
    expect(load('{ raft: { profile: "hashicorp" } }').raft.nodes[0].checkQuorumTimeoutUs).toBe(500_000);
    const e = scenarioError(() => load('{ raft: { profile: "hashicorp", electionTimeout: { min: "200ms", max: "400ms" }, checkQuorumTimeout: "300ms" } }'));
    expect(e.keyPath).toBe('raft.checkQuorumTimeout');
    expect(e.message).toContain('LeaderLeaseTimeout (300ms) <= HeartbeatTimeout');
  });

  it('a polling follower timer needs continuous timers', () => {
    const e = scenarioError(() => load('{ raft: { profile: "etcd", followerTimer: "poll" } }'));
    expect(e.keyPath).toBe('raft.followerTimer');
  });

  it('tick knobs belong to the etcd profile', () => {
    const e = scenarioError(() => load('{ raft: { tick: "10ms" } }'));
    expect(e.keyPath).toBe('raft.tick');
    expect(e.message).toBe('only the etcd profile counts ticks');
    expect(e.hint).toBe('this scenario uses the "paper" profile');
  });

  it('heartbeats must be shorter than the election timeout min', () => {
    const text = '{\n  raft: {\n    electionTimeout: { min: "150ms" },\n    heartbeatInterval: "200ms",\n  },\n}';
    const e = scenarioError(() => load(text));
    expect(e.message).toBe('heartbeat 200ms must be shorter than the election timeout min 150ms');
    expect(e.keyPath).toBe('raft.heartbeatInterval');
    expect([e.line, e.column]).toEqual([4, 24]);
  });

  it('a bound left to the profile is named in min > max', () => {
    const e = scenarioError(() => load('{ raft: { electionTimeout: { min: "400ms" } } }'));
    expect(e.keyPath).toBe('raft.electionTimeout.min');
    expect(e.message).toBe("min 400ms is greater than max 300ms (the paper profile's default)");
  });
});

describe('files next to the scenario', () => {
  it('implementation modules resolve relative to the file, and must exist', () => {
    const dir = writeFiles({ 'impl/my-node.js': 'export function createNode() {}', 's.json5': '{ raft: { implementation: { module: "./impl/my-node.js" } } }' });
    expect(loadScenario(join(dir, 's.json5')).raft.implementation).toEqual({ module: join(dir, 'impl/my-node.js') });
    const e = scenarioError(() => loadScenarioText('{ raft: { implementation: { module: "./nope.js" } } }', join(dir, 'x.json5')));
    expect(e.keyPath).toBe('raft.implementation.module');
    expect(e.message).toContain('no such module file');
  });

  it('empirical samples come from a file of milliseconds, times scale', () => {
    const dir = writeFiles({ 'rtt.txt': '# measured RTTs\n1.0\n2\n\n0.5 # fast\n', 's.json5': '{ network: { latency: { dist: "empirical", file: "rtt.txt", scale: 0.5 } } }' });
    expect(loadScenario(join(dir, 's.json5')).network.latency).toEqual({ kind: 'empirical', samples: [500, 1_000, 250] });
    expect(load('{ network: { latency: { dist: "empirical", samples: ["1ms", "3ms"] } } }').network.latency).toEqual({ kind: 'empirical', samples: [1_000, 3_000] });
  });

  it('a bad sample file is reported at its key, with the sample line', () => {
    const dir = writeFiles({ 'rtt.txt': '1\nfast\n', 's.json5': '{\n  network: { latency: { dist: "empirical", file: "rtt.txt" } },\n}' });
    const e = scenarioError(() => loadScenario(join(dir, 's.json5')));
    expect(e.keyPath).toBe('network.latency.file');
    expect(e.line).toBe(2);
    expect(e.message).toBe('rtt.txt:2: "fast" is not a number of milliseconds >= 0');
    expect(scenarioError(() => loadScenarioText('{ cpu: { serviceTime: { dist: "empirical", file: "none.txt" } } }', join(dir, 'y.json5'))).message).toContain('no such file');
  });
});

describe('extends', () => {
  const base = `{
  name: "base",
  description: "the base",
  cluster: { nodes: 3 },
  raft: { profile: "paper", electionTimeout: { min: "200ms", max: "400ms" } },
  faults: [
    { kind: "crash", target: "leader", at: "5s" },
    { kind: "pause", target: "random", at: "6s" },
  ],
}`;

  it('objects merge, arrays are replaced, the name is not inherited', () => {
    const dir = writeFiles({ 'base.json5': base, 'child.json5': '{ extends: "./base.json5", raft: { preVote: true }, faults: [{ kind: "ring", at: "1s" }] }' });
    const s = loadScenario(join(dir, 'child.json5'));
    expect(s.name).toBe('child');
    expect(s.description).toBe('the base');
    expect(s.nodes).toBe(3);
    expect(s.raft.nodes[0]).toMatchObject({ electionTimeoutMinUs: 200_000, electionTimeoutMaxUs: 400_000, preVote: true });
    expect(s.faults.map((f) => f.action.kind)).toEqual(['ring']);
    expect(s.source).not.toHaveProperty('extends');
  });

  it('"builtin:NAME" extends a built-in scenario; a misspelt name gets a suggestion', () => {
    const dir = writeFiles({ 'mine.json5': '{ extends: "builtin:sweep-lan-5", trials: 3 }', 'typo.json5': '{\n  extends: "builtin:sweep-lan5",\n}' });
    const s = loadScenario(join(dir, 'mine.json5'));
    const builtin = loadScenario('sweep-lan-5');
    expect(s.name).toBe('mine');
    expect(s.trials).toBe(3);
    expect(s.sweep).toEqual(builtin.sweep);
    expect(s.raft.nodes[0]).toEqual(builtin.raft.nodes[0]);
    const e = scenarioError(() => loadScenario(join(dir, 'typo.json5')));
    expect([e.line, e.keyPath, e.message, e.suggestion]).toEqual([2, 'extends', 'no built-in scenario named "sweep-lan5"', 'builtin:sweep-lan-5']);
  });

  it('chains, with paths in a base file relative to that file', () => {
    const dir = writeFiles({
      'lib/rtt.txt': '2\n',
      'lib/base.json5': '{ network: { latency: { dist: "empirical", file: "rtt.txt" } }, trials: 3 }',
      'lib/mid.json5': '{ extends: "base.json5", trials: 4 }',
      'top.json5': '{ extends: "lib/mid.json5", seed: 9 }',
    });
    const s = loadScenario(join(dir, 'top.json5'));
    expect(s).toMatchObject({ trials: 4, seed: '9', network: { latency: { kind: 'empirical', samples: [2_000] } } });
  });

  it('a cycle is an error at the extends that closes it', () => {
    const dir = writeFiles({ 'a.json5': '{ extends: "./b.json5" }', 'b.json5': '{\n  trials: 1,\n  extends: "./a.json5",\n}' });
    const e = scenarioError(() => loadScenario(join(dir, 'a.json5')));
    expect(e.file).toBe(join(dir, 'b.json5'));
    expect([e.line, e.keyPath]).toEqual([3, 'extends']);
    expect(e.message).toBe(`extends cycle: ${join(dir, 'a.json5')} → ${join(dir, 'b.json5')} → ${join(dir, 'a.json5')}`);
    expect(scenarioError(() => loadScenarioText('{ extends: "./self.json5" }', join(dir, 'self.json5'))).message).toContain('extends cycle');
  });

  it('a missing base is reported at the referencing file', () => {
    const dir = writeFiles({ 'child.json5': '{\n  // based on\n  extends: "./missing.json5",\n}' });
    const e = scenarioError(() => loadScenario(join(dir, 'child.json5')));
    expect(e.file).toBe(join(dir, 'child.json5'));
    expect([e.line, e.column, e.keyPath]).toEqual([3, 12, 'extends']);
    expect(e.message).toBe(`cannot read ${join(dir, 'missing.json5')}: no such file`);
  });

  it('a child that changes a distribution\'s dist replaces the base\'s object instead of merging into it', () => {
    const dir = writeFiles({
      'base.json5': '{ network: { latency: { dist: "uniform", min: "5ms", max: "10ms" } }, disk: { fsync: { dist: "uniform", min: "1ms", max: "2ms" } } }',
      'child.json5': '{ extends: "./base.json5", network: { latency: { dist: "lognormal", median: "1ms", sigma: 0.3 } }, disk: { fsync: { max: "4ms" } } }',
    });
    const s = loadScenario(join(dir, 'child.json5'));
    expect(s.network.latency).toEqual({ kind: 'lognormal', median: 1_000, sigma: 0.3 });
    expect(s.source).toMatchObject({ network: { latency: { dist: 'lognormal', median: '1ms', sigma: 0.3 } } });
    expect((s.source as { network: { latency: object } }).network.latency).not.toHaveProperty('min');
    // Same kind (or none given): still merged key by key.
    expect(s.disk[0].fsyncLatency).toEqual({ kind: 'uniform', min: 1_000, max: 4_000 });
    const same = writeFiles({ 'base.json5': '{ network: { latency: { dist: "uniform", min: "5ms", max: "10ms" } } }', 'child.json5': '{ extends: "./base.json5", network: { latency: { dist: "uniform", max: "20ms" } } }' });
    expect(loadScenario(join(same, 'child.json5')).network.latency).toEqual({ kind: 'uniform', min: 5_000, max: 20_000 });
  });

  it('retry settings in a child merge with the base workload', () => {
    const dir = writeFiles({ 'base.json5': '{ workload: { writesPerSecond: 10, retryBackoff: "10ms" } }', 'child.json5': '{ extends: "./base.json5", workload: { retryJitter: 0.5 } }' });
    expect(loadScenario(join(dir, 'child.json5')).workload).toMatchObject({ writesPerSecond: 10, retryBackoffUs: 10_000, retryBackoffMaxUs: 1_000_000, retryJitter: 0.5 });
  });

  it('an error in a base file points into the base file', () => {
    const dir = writeFiles({ 'base.json5': '{\n  raft: {\n    electonTimeout: { min: "1s" },\n  },\n}', 'child.json5': '{ extends: "base.json5", raft: { preVote: true } }' });
    const e = scenarioError(() => loadScenario(join(dir, 'child.json5')));
    expect(e.file).toBe(join(dir, 'base.json5'));
    expect([e.line, e.column, e.keyPath, e.suggestion]).toEqual([3, 5, 'raft.electonTimeout', 'electionTimeout']);
  });
});

describe('--set overrides', () => {
  it('set dotted keys; values are JSON5, or else strings', () => {
    const s = load('{ raft: { nodes: { "0": { preVote: true } } } }', {
      overrides: ['raft.preVote=true', 'trials=7', 'raft.electionTimeout.min=200ms', 'cluster.nodes=3', 'seed="abc"', 'faults=[{kind: "ring", at: "1s"}]', 'raft.nodes.2.preVote=false', 'description=two words'],
    });
    expect(s.raft.nodes.map((c) => c.preVote)).toEqual([true, true, false]);
    expect(s.raft.nodes[0].electionTimeoutMinUs).toBe(200_000);
    expect(s).toMatchObject({ trials: 7, nodes: 3, seed: 'abc', description: 'two words' });
    expect(s.faults).toHaveLength(1);
    expect((s.source as { trials: number }).trials).toBe(7);
  });

  it('later overrides win over earlier ones and over the file', () => {
    expect(load('{ trials: 3 }', { overrides: ['trials=4', 'trials=5'] }).trials).toBe(5);
  });

  it('an unknown key is an error with a suggestion', () => {
    const e = scenarioError(() => load('{}', { overrides: ['raft.electonTimeout.min=1s'] }));
    expect(e.file).toBe('--set');
    expect(e.suggestion).toBe('raft.electionTimeout.min');
    expect(e.message).toContain('unknown key "electonTimeout" in raft');
  });

  it('a bad value is reported at the --set', () => {
    const e = scenarioError(() => load('{ horizon: "10s" }', { overrides: ['horizon=60'] }));
    expect([e.file, e.line, e.column, e.keyPath]).toEqual(['--set', 1, 9, 'horizon']);
    expect(e.stack!.split('\n')[0]).toBe('--set:1:9: horizon: 60 has no unit; write "60ms"');
  });

  it('malformed overrides are errors', () => {
    expect(scenarioError(() => load('{}', { overrides: ['trials'] })).message).toContain('expected key=value');
    expect(scenarioError(() => load('{ faults: [] }', { overrides: ['faults.3.at=1s'] })).message).toBe('faults has 0 elements, so there is no faults.3');
    expect(scenarioError(() => load('{}', { overrides: ['__proto__.x=1'] })).message).toContain('reserved');
    expect(scenarioError(() => load('{}', { overrides: ['raft.preVote.x=1'] })).message).toContain('has no keys inside it');
  });
});

describe('built-in scenarios', () => {
  it('resolveScenarioPath finds scenarios/<name>.json5 in the package', () => {
    expect(resolveScenarioPath('_examples/full')).toBe(FULL_EXAMPLE);
    expect(resolveScenarioPath(FULL_EXAMPLE)).toBe(FULL_EXAMPLE);
    expect(loadScenario('_examples/full').file).toBe('builtin:_examples/full');
  });

  it('an unknown name suggests a near one', () => {
    const e = scenarioError(() => resolveScenarioPath('leader-crahs'));
    expect(e.message).toBe('no such file, and no built-in scenario named "leader-crahs"');
    expect(e.suggestion).toBe('leader-crash');
    expect(scenarioError(() => loadScenario('does/not/exist.json5')).message).toBe('no such file');
  });
});

it('the --set location of a sweep error names the line in the file', () => {
  const text = '{\n  sweep: {\n    "raft.preVote": [true, 3],\n  },\n}';
  const e = scenarioError(() => load(text));
  expect(e.keyPath).toBe('raft.preVote');
  expect(e.line).toBe(lineOf(text, '[true, 3]'));
  expect(e.column).toBe(28);
  expect(e.message).toBe('expected true or false, got 3 (at sweep point raft.preVote=3)');
});
