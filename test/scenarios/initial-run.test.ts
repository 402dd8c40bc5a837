// A cluster that starts established (cluster.initial) at run time: the leader
// leads from t = 0 without an election, nodes that lack committed entries can
// never win, and the safety checkers hold the initial entries to every invariant.
import { describe, expect, it } from 'vitest';
import { runTrial } from '../../src/run/trial.js';
import type { TraceRecord, TraceSink } from '../../src/sim/trace.js';
import { load } from './helpers.js';

const LAGGING = 'cluster: { nodes: 5, initial: { leader: 0, term: 2, entries: 100, behind: { "3": 2, "4": 2 } } }';
const CRASH_AT_ONCE = 'faults: [{ kind: "crash", target: "leader", after: "stable-leader" }]';

class Records implements TraceSink {
  readonly records: TraceRecord[] = [];
  write(r: TraceRecord): void {
    this.records.push(r);
  }
}

describe('the initial leader', () => {
  for (const profile of ['paper', 'etcd', 'hashicorp']) {
    it(`${profile}: leads term 2 from its boot, with no vote request and no other term in the trace`, async () => {
      const trace = new Records();
      const r = await runTrial(load(`{ ${LAGGING}, raft: { profile: "${profile}" }, horizon: "5s" }`), 0, { trace, keepHistory: true });
      expect(r.violation).toBeNull();
      const h = r.history!;
      expect(h.stints).toEqual([{ node: 0, term: 2, startUs: h.events.find((e) => e.node === 0)!.atUs, endUs: null }]);
      expect(h.events.filter((e) => e.state === 'candidate' || e.state === 'precandidate')).toEqual([]);
      expect(h.termStarts).toEqual([]);
      expect(h.maxTerm).toBe(2);
      expect(trace.records.filter((x) => x.type === 'RequestVote')).toEqual([]);
      expect(trace.records.filter((x) => x.ev === 'role').every((x) => x.term === 2)).toBe(true);
      expect(h.termCommits).toEqual([{ term: 1, atUs: h.termCommits![0].atUs }, { term: 2, atUs: h.termCommits![0].atUs }]); // committed at boot
    });
  }

  it('is stable at once: "stable-leader" fires at t = 0, a delay counts from there, and measuring starts at 0', async () => {
    const atOnce = await runTrial(load(`{ ${LAGGING}, ${CRASH_AT_ONCE}, horizon: "3s" }`), 0);
    expect(atOnce.faultLog.map((f) => f.atUs)).toEqual([0]);
    expect(atOnce.metrics.elections).toBeGreaterThanOrEqual(1); // the election after the crash is measured
    expect(atOnce.metrics.leaderlessUs).toBe(atOnce.metrics.faults[0].heardUs);
    const later = await runTrial(load(`{ ${LAGGING}, faults: [{ kind: "crash", target: "leader", after: "stable-leader", delay: "2s" }], horizon: "4s" }`), 0);
    expect(later.faultLog.map((f) => f.atUs)).toEqual([2_000_000]);
  });

  it('a commit trigger already satisfied at boot fires at t = 0', async () => {
    const r = await runTrial(load(`{ ${LAGGING}, faults: [{ kind: "pause", target: [4], after: { committed: 100 }, duration: "1ms" }], horizon: "1s" }`), 0);
    expect(r.faultLog.map((f) => f.atUs)).toEqual([0]);
  });
});

describe('nodes 3 and 4 two entries behind when the leader crashes', () => {
  const TRIALS = 200;
  const winners = async (text: string) => {
    const s = load(text);
    const out = new Map<number, number>();
    for (let t = 0; t < TRIALS; t++) {
      const r = await runTrial(s, t, { keepHistory: true });
      expect(r.violation, `trial ${t}`).toBeNull();
      const next = r.history!.stints.find((x) => x.term > 2);
      expect(next, `trial ${t}: a new leader`).toBeDefined();
      out.set(next!.node, (out.get(next!.node) ?? 0) + 1);
    }
    return out;
  };

  it('the new leader is always node 1 or 2 (paper and etcd timers)', async () => {
    for (const raft of ['{ profile: "paper" }', '{ profile: "etcd" }']) {
      // bootSpread 0: every node runs at t = 0 and the leader crashes then, before it can send 3 and 4 what they lack.
      const w = await winners(`{ ${LAGGING.replace('nodes: 5,', 'nodes: 5, bootSpread: "0s",')}, raft: ${raft}, ${CRASH_AT_ONCE}, horizon: "6s" }`);
      expect([...w.keys()].sort(), raft).toEqual([1, 2]);
    }
  });

  it('without the lag, 3 and 4 win their share', async () => {
    const w = await winners(`{ cluster: { nodes: 5, initial: { entries: 100 } }, ${CRASH_AT_ONCE}, horizon: "3s" }`);
    expect([...w.keys()].sort()).toEqual([1, 2, 3, 4]);
    expect((w.get(3)! + w.get(4)!) / TRIALS).toBeGreaterThan(0.3);
  });
});

describe('the safety checkers see the initial entries', () => {
  it('a node that ignores the up-to-date check wins with entries missing: leader completeness names the initial entry', async () => {
    const s = load(`{ ${LAGGING}, raft: { implementation: "no-log-up-to-date-check" }, ${CRASH_AT_ONCE}, horizon: "3s" }`);
    const violations = [];
    for (let t = 0; t < 20; t++) {
      const v = (await runTrial(s, t)).violation;
      if (v !== null) violations.push(v);
    }
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) {
      expect(v.invariant).toBe('leader-completeness');
      expect([3, 4]).toContain(v.nodes[0]);
      expect([99, 100]).toContain(v.index);
    }
  });

  it('initially committed entries are acknowledged writes: losing them all is a durability violation', async () => {
    const wipe = 'faults: [{ kind: "wipe", target: "all", at: "1s" }], horizon: "2s"';
    expect((await runTrial(load(`{ ${LAGGING}, ${wipe} }`), 0)).violation).toMatchObject({ invariant: 'durability', index: 1 });
    expect((await runTrial(load(`{ ${wipe} }`), 0)).violation).toBeNull(); // without the initial state: nothing acknowledged
  });

  const DIVERGED = 'cluster: { initial: { term: 3, behind: { "3": 2 }, diverged: { "4": { entries: 103, lastTerm: 2 } } } }';

  it('a diverged tail is overwritten without a violation, with clients writing', async () => {
    const s = load(`{ ${DIVERGED}, workload: { writesPerSecond: 50 }, faults: [{ kind: "crash", target: "leader", after: "stable-leader", delay: "500ms", duration: "1s" }], horizon: "3s" }`);
    for (let t = 0; t < 20; t++) expect((await runTrial(s, t)).violation, `trial ${t}`).toBeNull();
  });

  it('a diverged node with the longest log but an older last term cannot win', async () => {
    const s = load(`{ ${DIVERGED}, ${CRASH_AT_ONCE}, horizon: "3s" }`);
    for (let t = 0; t < 50; t++) {
      const r = await runTrial(s, t, { keepHistory: true });
      expect(r.violation, `trial ${t}`).toBeNull();
      expect([1, 2]).toContain(r.history!.stints.find((x) => x.term > 3)!.node); // node 3 lacks entries too
    }
  });
});

describe('time to leader commit', () => {
  it('ends when the new leader\'s no-op commits: the moment a later fault waiting for that index starts', async () => {
    // The crash at t = 0; the new leader appends its no-op at index 101.
    const s = load(`{ ${LAGGING}, faults: [
      { kind: "crash", target: "leader", after: "stable-leader" },
      { kind: "pause", target: [3], after: { committed: 101 }, duration: "1ms", setup: true },
    ], horizon: "3s" }`);
    for (let t = 0; t < 10; t++) {
      const r = await runTrial(s, t);
      expect(r.metrics.faults).toHaveLength(1);
      const f = r.metrics.faults[0];
      expect(f.leaderCommitUs).toBe(r.faultLog[1].atUs);
      expect(f.leaderCommitUs!).toBeGreaterThan(f.heardUs!);
    }
  });
});
