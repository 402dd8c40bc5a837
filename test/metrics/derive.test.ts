// Metric definitions (src/metrics/derive.ts) checked on hand-built histories
// whose answers can be worked out on paper.
import { describe, expect, it } from 'vitest';
import { deriveMetrics, type DeriveOptions } from '../../src/metrics/derive.js';
import { aggregate } from '../../src/metrics/aggregate.js';
import { METRICS } from '../../src/metrics/table.js';
import type { Stint, TrialHistory } from '../../src/metrics/history.js';

const MS = 1000;
const opts: DeriveOptions = { stableUs: 300 * MS, warmupUs: 0, alertThresholdsUs: [1000 * MS, 5000 * MS], clientTimeoutUs: 2000 * MS };

function stint(node: number, term: number, startMs: number, endMs: number | null): Stint {
  return { node, term, startUs: startMs * MS, endUs: endMs === null ? null : endMs * MS };
}

function history(h: Partial<TrialHistory>): TrialHistory {
  return { n: 5, endUs: 10_000 * MS, stints: [], effective: [], faults: [], termStarts: [], events: [], maxTerm: 1, ...h };
}

describe('time to leader after a fault', () => {
  // n0 leads term 1 from 100 ms; crashes at 2000 ms; n3 becomes leader of term 2 at 2190 ms,
  // a majority knows it at 2192 ms, and it leads to the end.
  const crash = history({
    stints: [stint(0, 1, 100, 2000), stint(3, 2, 2190, null)],
    effective: [stint(0, 1, 101, 2000), stint(3, 2, 2192, null)],
    faults: [{ description: 'crash n0', startUs: 2000 * MS, healUs: null, baseTerm: 1 }],
    termStarts: [{ term: 1, atUs: 50 * MS, healthyLeader: false }, { term: 2, atUs: 2180 * MS, healthyLeader: false }],
    maxTerm: 2,
  });

  it('measures leader, heard and stable from the fault', () => {
    const [f] = deriveMetrics(crash, [], opts).faults;
    expect(f).toMatchObject({ leaderUs: 190 * MS, heardUs: 192 * MS, stableUs: 190 * MS, kept: false });
  });

  it('skips a new leader that does not last for the stable variant', () => {
    const flappy = history({
      ...crash,
      stints: [stint(0, 1, 100, 2000), stint(3, 2, 2190, 2300), stint(4, 3, 2600, null)],
      effective: [stint(0, 1, 101, 2000), stint(3, 2, 2192, 2300), stint(4, 3, 2601, null)],
      maxTerm: 3,
    });
    const [f] = deriveMetrics(flappy, [], opts).faults;
    expect(f.leaderUs).toBe(190 * MS);
    expect(f.stableUs).toBe(600 * MS);
  });

  it('censors (null) when no newer leader appears by the end', () => {
    const never = history({ ...crash, stints: [stint(0, 1, 100, 2000)], effective: [stint(0, 1, 101, 2000)] });
    const [f] = deriveMetrics(never, [], opts).faults;
    expect(f.leaderUs).toBeNull();
    expect(f.heardUs).toBeNull();
    expect(f.stableUs).toBeNull();
  });

  it('is 0 when the leader is kept through the fault and the stability window', () => {
    const kept = history({
      stints: [stint(0, 1, 100, null)],
      effective: [stint(0, 1, 101, null)],
      faults: [{ description: 'isolate n4', startUs: 2000 * MS, healUs: 5000 * MS, baseTerm: 1 }],
    });
    const [f] = deriveMetrics(kept, [], opts).faults;
    expect(f).toMatchObject({ leaderUs: 0, heardUs: 0, stableUs: 0, kept: true });
  });

  it('time to write is the first write submitted after the fault, acknowledged', () => {
    const writes = [
      { submittedUs: 1500 * MS, ackedUs: 1510 * MS },
      { submittedUs: 2050 * MS, ackedUs: null },
      { submittedUs: 2100 * MS, ackedUs: 2250 * MS },
    ];
    const [f] = deriveMetrics(crash, writes, opts).faults;
    expect(f.writeUs).toBe(250 * MS);
  });
});

describe('leaderless time, alerts, elections', () => {
  // Warm from 401 ms (first effective leader at 101 ms + 300 ms). Leaderless 2000–2192 ms and 5000 ms–end (10 s).
  const h = history({
    stints: [stint(0, 1, 100, 2000), stint(3, 2, 2190, 5000)],
    effective: [stint(0, 1, 101, 2000), stint(3, 2, 2192, 5000)],
    termStarts: [
      { term: 1, atUs: 50 * MS, healthyLeader: false },
      { term: 2, atUs: 2100 * MS, healthyLeader: false },
      { term: 3, atUs: 2150 * MS, healthyLeader: false },
      { term: 4, atUs: 6000 * MS, healthyLeader: true },
    ],
    maxTerm: 4,
    events: [{ atUs: 50 * MS, node: 0, state: 'candidate', term: 1 }],
  });
  const m = deriveMetrics(h, [], opts);

  it('sums leaderless stretches after warm-up', () => {
    expect(m.leaderlessUs).toBe(192 * MS + 5000 * MS);
  });

  it('fires an alert once per leaderless stretch that reaches the threshold', () => {
    expect(m.alertsFired).toEqual([1, 1]);
  });

  it('counts elections after warm-up, split votes and spurious elections', () => {
    expect(m.elections).toBe(3); // term 1 began before warm-up
    expect(m.splitVotes).toBe(2); // terms 3 and 4 had no leader
    expect(m.spuriousElections).toBe(1);
    expect(m.leaderChanges).toBe(1);
    expect(m.termInflation).toBe(3);
  });

  it('measures from the end of warm-up', () => {
    expect(m.measuredUs).toBe(10_000 * MS - 401 * MS);
  });
});

describe('deposed leaders and writes', () => {
  it('measures how long an old leader keeps leading after a newer one is elected', () => {
    const h = history({ stints: [stint(0, 1, 100, 4000), stint(2, 2, 1500, null)], effective: [stint(0, 1, 101, 1400), stint(2, 2, 1501, null)], maxTerm: 2 });
    expect(deriveMetrics(h, [], opts).deposedLeaderUs).toEqual([2500 * MS]);
  });

  it('counts writes acknowledged within the client timeout, leaving out those too late to judge; an unacknowledged write is a censored latency, never dropped', () => {
    const h = history({ stints: [stint(0, 1, 0, null)], effective: [stint(0, 1, 0, null)] });
    const writes = [
      { submittedUs: 1000 * MS, ackedUs: 1001 * MS },
      { submittedUs: 2000 * MS, ackedUs: 4500 * MS }, // acknowledged, but after the 2 s client timeout
      { submittedUs: 3000 * MS, ackedUs: null },
      { submittedUs: 9000 * MS, ackedUs: null }, // its timeout ends after the trial: not counted
    ];
    const m = deriveMetrics(h, writes, opts);
    expect(m.writesCounted).toBe(3);
    expect(m.writesAckedInTime).toBe(1);
    expect(m.commitLatencyUs).toEqual([1 * MS, 2500 * MS, null]);
  });
});

describe('a leader that survives the fault and is deposed later', () => {
  it('counts time to leader from the moment the leader was lost, not from the fault', () => {
    // n0 leads through a 10 s minority partition (1000–11000 ms), is deposed at the heal (11000 ms)
    // by a rejoining node's higher term, and n2 leads from 11200 ms.
    const h = history({
      stints: [stint(0, 1, 100, 11_000), stint(2, 9, 11_200, null)],
      effective: [stint(0, 1, 101, 11_000), stint(2, 9, 11_201, null)],
      faults: [{ description: 'partition {0,1,2} | {3,4}', startUs: 1000 * MS, healUs: 11_000 * MS, baseTerm: 1 }],
      endUs: 20_000 * MS,
      maxTerm: 9,
    });
    const [f] = deriveMetrics(h, [], opts).faults;
    expect(f.kept).toBe(false);
    expect(f.leaderUs).toBe(200 * MS);
    expect(f.heardUs).toBe(201 * MS);
  });
});

describe('a leader that loses its quorum and regains it', () => {
  it('time to leader ends when the same leader is effective again, without a new term', () => {
    // n0 leads term 1 throughout; three followers crash at 2000 ms and restart at 42000 ms;
    // a majority knows n0 again from 42016 ms.
    const h = history({
      stints: [stint(0, 1, 100, null)],
      effective: [stint(0, 1, 101, 2000), stint(0, 1, 42_016, null)],
      faults: [{ description: 'crash n2,n3,n4', startUs: 2000 * MS, healUs: 42_000 * MS, baseTerm: 1 }],
      endUs: 60_000 * MS,
    });
    const [f] = deriveMetrics(h, [], opts).faults;
    expect(f.kept).toBe(false);
    expect(f.leaderUs).toBe(40_016 * MS);
    expect(f.heardUs).toBe(40_016 * MS);
    expect(f.stableUs).toBe(40_016 * MS);
  });
});

describe('time to leader commit (timeToLeaderCommitMs): an entry of the new leader\'s term committed', () => {
  // The crash history above, with commits: term 1's entries from 120 ms, term 2's (n3's no-op) at 2195 ms.
  const crash = history({
    stints: [stint(0, 1, 100, 2000), stint(3, 2, 2190, null)],
    effective: [stint(0, 1, 101, 2000), stint(3, 2, 2192, null)],
    faults: [{ description: 'crash n0', startUs: 2000 * MS, healUs: null, baseTerm: 1 }],
    termCommits: [{ term: 1, atUs: 120 * MS }, { term: 2, atUs: 2195 * MS }],
    maxTerm: 2,
  });

  it('ends at the first commit of a newer term than any led before the fault', () => {
    const [f] = deriveMetrics(crash, [], opts).faults;
    expect(f.leaderUs).toBe(190 * MS);
    expect(f.leaderCommitUs).toBe(195 * MS);
  });

  it('is censored (null, never dropped) when the new leader never commits in its term', () => {
    const [f] = deriveMetrics({ ...crash, termCommits: [{ term: 1, atUs: 120 * MS }] }, [], opts).faults;
    expect(f.leaderUs).toBe(190 * MS);
    expect(f.leaderCommitUs).toBeNull();
    const never = deriveMetrics({ ...crash, termCommits: undefined }, [], opts).faults[0];
    expect(never.leaderCommitUs).toBeNull();
  });

  it('is 0 when the leader was kept', () => {
    const kept = history({
      stints: [stint(0, 1, 100, null)],
      effective: [stint(0, 1, 101, null)],
      faults: [{ description: 'isolate n4', startUs: 2000 * MS, healUs: 5000 * MS, baseTerm: 1 }],
      termCommits: [{ term: 1, atUs: 120 * MS }],
    });
    expect(deriveMetrics(kept, [], opts).faults[0].leaderCommitUs).toBe(0);
  });

  it('a leader that regains its quorum: when it is effective again, its term already committed', () => {
    const h = history({
      stints: [stint(0, 1, 100, null)],
      effective: [stint(0, 1, 101, 2000), stint(0, 1, 42_016, null)],
      faults: [{ description: 'crash n2,n3,n4', startUs: 2000 * MS, healUs: 42_000 * MS, baseTerm: 1 }],
      termCommits: [{ term: 1, atUs: 120 * MS }],
      endUs: 60_000 * MS,
    });
    expect(deriveMetrics(h, [], opts).faults[0].leaderCommitUs).toBe(40_016 * MS);
  });

  it('summarizes with the other per-fault metrics, censored values counted', () => {
    const a = deriveMetrics(crash, [], opts);
    const b = deriveMetrics({ ...crash, termCommits: [] }, [], opts);
    const m = aggregate([a, b].map((metrics, trial) => ({ trial, metrics, violation: null, events: 0, hash: '' })), []);
    expect(m.timeToLeaderCommitMs).toMatchObject({ n: 2, censored: 1, max: 195, mean: 195 });
    expect(METRICS.timeToLeaderCommitMs.samples(b)).toEqual([null]);
  });
});

describe('set-up faults', () => {
  it('take no per-fault sample and no part in recovery', () => {
    const h = history({
      stints: [stint(0, 1, 100, 2000), stint(3, 2, 2190, null)],
      effective: [stint(0, 1, 101, 2000), stint(3, 2, 2192, null)],
      faults: [
        { description: 'partition {0,1,2} | {3,4}', startUs: 500 * MS, healUs: 9000 * MS, baseTerm: 1, setup: true },
        { description: 'crash n0', startUs: 2000 * MS, healUs: 3000 * MS, baseTerm: 1 },
      ],
      maxTerm: 2,
    });
    const m = deriveMetrics(h, [], opts);
    expect(m.faults.map((f) => f.description)).toEqual(['crash n0']);
    expect(m.recovery?.healedUs).toBe(3000 * MS); // the set-up partition's later heal is not waited for
  });
});

describe('a cluster that starts established (cluster.initial)', () => {
  // n0 leads term 2 from t = 0 and crashes at once; n4 campaigns in term 3 and loses, n1 wins term 4 at 166 ms.
  const h = history({
    stints: [stint(0, 2, 0, 0), stint(1, 4, 166, null)],
    effective: [stint(0, 2, 0, 0), stint(1, 4, 167, null)],
    faults: [{ description: 'crash n0', startUs: 0, healUs: null, baseTerm: 2 }],
    termStarts: [{ term: 3, atUs: 150 * MS, healthyLeader: false }, { term: 4, atUs: 160 * MS, healthyLeader: false }],
    termCommits: [{ term: 1, atUs: 0 }, { term: 2, atUs: 0 }, { term: 4, atUs: 169 * MS }],
    events: [{ atUs: 0, node: 0, state: 'leader', term: 2 }],
    maxTerm: 4,
  });

  it('its leader is stable at once: everything after t = 0 is measured, the change of leader included', () => {
    const m = deriveMetrics(h, [], { ...opts, established: { node: 0, term: 2 } });
    expect(m).toMatchObject({ elections: 2, splitVotes: 1, leaderChanges: 1, leaderlessUs: 167 * MS, termInflation: 2, measuredUs: 10_000 * MS });
    expect(m.faults[0]).toMatchObject({ leaderUs: 166 * MS, heardUs: 167 * MS, leaderCommitUs: 169 * MS });
  });

  it('otherwise measuring waits for a leader that has led for the stability window', () => {
    expect(deriveMetrics(h, [], opts)).toMatchObject({ elections: 0, measuredUs: 10_000 * MS - 467 * MS });
  });
});
