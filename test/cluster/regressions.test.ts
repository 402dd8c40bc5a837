// Bugs found by reading built-in scenarios' output, pinned to the trials that showed them.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { runTrialWith } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';

describe('regressions', () => {
  it('quorum-loss: restarted followers catch up without a replication storm or a needless election', () => {
    // Heartbeats checked at the optimistic nextIndex overtook in-flight batches, were rejected and
    // restarted the stream: ~55,000 responses in 0.3 s starved the leader and a follower took over.
    const r = runTrialWith(loadScenario('quorum-loss'), 0, referenceFactory, { keepHistory: true });
    expect(r.violation).toBeNull();
    expect(r.history!.termStarts).toHaveLength(1); // only the first election, at start-up
    expect(r.events).toBeLessThan(200_000);
    const [f] = r.metrics.faults;
    expect(f.leaderUs).not.toBeNull();
    expect(f.leaderUs!).toBeLessThan(40_100_000); // back within 100 ms of the restart (crash lasts 40 s)
  });

  it('cpu-starvation trial 10: a retry accepted by a starved old leader does not change what was acknowledged', () => {
    // The workload overwrote the acknowledged write's index with a later attempt's, so the
    // durability checker looked for it at the wrong index.
    const r = runTrialWith(loadScenario('cpu-starvation'), 10, referenceFactory);
    expect(r.violation).toBeNull();
  });
});

describe('a cluster that never elects a leader is counted, not dropped', () => {
  it('identical fixed timeouts and a simultaneous start: the fault never fires, and shows as censored and leaderless', async () => {
    const { testScenario } = await import('../support/scenario.js');
    const fixed = { electionTimeoutMinUs: 150_000, electionTimeoutMaxUs: 150_000, candidateTimeoutMinUs: 150_000, candidateTimeoutMaxUs: 150_000 };
    const s = testScenario({
      raft: fixed,
      latency: { kind: 'constant', value: 500 },
      horizonUs: 5_000_000,
      faults: [{ start: { kind: 'after', events: [{ kind: 'stable-leader' }], delayUs: 1_000_000, windowUs: 0 }, repeat: { kind: 'once' }, duration: null, healAtUs: null, action: { kind: 'crash', target: 'leader' }, setup: false, path: 'faults[0]' }],
    });
    const r = runTrialWith(s, 0, referenceFactory);
    expect(r.metrics.faults).toHaveLength(1);
    expect(r.metrics.faults[0].leaderUs).toBeNull();
    expect(r.metrics.faults[0].description).toMatch(/never started/);
    expect(r.metrics.leaderlessUs).toBe(5_000_000);
  });
});
