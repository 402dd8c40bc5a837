// Send/persist ordering in the host (RaftConfig.leaderSendsBeforePersist): a leader's
// AppendEntries leave in parallel with its own write (dissertation §10.2.1; etcd
// raftNode.start sends before Save when leader); a follower's acknowledgment waits for
// its own fsync; a commit needs both the follower's ack and the leader's own durable write.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/run/simulation.js';
import { simulationSpec } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';
import type { ClusterObserver } from '../../src/cluster/observer.js';
import type { Message, NodeId, PersistOp } from '../../src/raft/types.js';
import { testScenario } from '../support/scenario.js';

const FSYNC = 5_000;
const LATENCY = 500;
const SERVICE = 20;
const DATA = 4242;

interface Sent { readonly t: number; readonly from: NodeId; readonly m: Message }
interface Written { readonly t: number; readonly node: NodeId; readonly op: PersistOp }

/**
 * A 3-node cluster with constant latency, service time and fsync, and no jitter; proposes
 * DATA on the leader at 2 s. `leaderDiskFactor` slows the leader's disk; `slowFollower`
 * makes one follower's fsync 20× slower, so the other follower's ack alone makes a majority
 * with the leader.
 */
function run(leaderSendsBeforePersist: boolean, leaderDiskFactor = 1, slowFollower = false) {
  const s = testScenario({
    nodes: 3,
    profile: 'paper',
    raft: { leaderSendsBeforePersist },
    latency: { kind: 'constant', value: LATENCY },
    fsync: { kind: 'constant', value: FSYNC },
    horizonUs: 3_000_000,
  });
  const sim = new Simulation(simulationSpec(s, 0, referenceFactory));
  const sent: Sent[] = [];
  const writes: Written[] = [];
  const commits: { t: number; node: NodeId; index: number }[] = [];
  const obs: ClusterObserver = {
    onSend: (from, m, t) => sent.push({ t, from, m }),
    onLogWrite: (node, op, t) => writes.push({ t, node, op }),
    onCommit: (node, entries, t) => entries.forEach((e) => commits.push({ t, node, index: e.index })),
  };
  sim.host.addObserver(obs);
  sim.start();
  sim.run(2_000_000);
  const leader = sim.host.currentLeader();
  expect(leader).not.toBeNull();
  sim.host.disks[leader!].setSlowFactor(leaderDiskFactor);
  if (slowFollower) sim.host.disks[(leader! + 1) % 3].setSlowFactor(20);
  const t0 = sim.now;
  expect(sim.host.propose(leader!, DATA)).toBe(true);
  sim.run(2_500_000);
  expect(sim.violation).toBeNull();
  const index = sim.host.nodes[leader!]!.lastIndex;
  const leaderWrite = writes.find((w) => w.t >= t0 && w.node === leader && w.op.entries.some((e) => e.data === DATA))!;
  const appends = sent.filter((x) => x.t >= t0 && x.from === leader && x.m.type === 'AppendEntries' && x.m.entries.some((e) => e.data === DATA));
  const followerWrites = writes.filter((w) => w.t >= t0 && w.node !== leader && w.op.entries.some((e) => e.data === DATA));
  // Each follower's first acknowledgment of the new entry.
  const acks = sent
    .filter((x) => x.t >= t0 && x.m.type === 'AppendEntriesResponse' && x.m.success && x.m.matchIndex >= index)
    .filter((x, i, all) => all.findIndex((y) => y.from === x.from) === i);
  const commit = commits.find((c) => c.node === leader && c.index === index)!;
  return { t0, leader: leader!, index, leaderWrite, appends, followerWrites, acks, commit };
}

describe('leaderSendsBeforePersist', () => {
  it('on: the leader sends the new entry at once, before its own fsync completes', () => {
    const r = run(true);
    expect(r.leaderWrite.t).toBe(r.t0 + SERVICE);
    expect(r.appends).toHaveLength(2);
    for (const a of r.appends) expect(a.t).toBe(r.leaderWrite.t); // not leaderWrite.t + FSYNC
  });

  it('off: the leader sends the new entry only once its own write is durable', () => {
    const r = run(false);
    expect(r.appends).toHaveLength(2);
    // The disk acknowledgment is a CPU work item too: durable at +FSYNC, handled SERVICE later.
    for (const a of r.appends) expect(a.t).toBe(r.leaderWrite.t + FSYNC + SERVICE);
  });

  for (const on of [true, false]) {
    it(`${on ? 'on' : 'off'}: each follower acknowledges only after its own fsync`, () => {
      const r = run(on);
      expect(r.followerWrites).toHaveLength(2);
      expect(r.acks).toHaveLength(2);
      for (const ack of r.acks) {
        const w = r.followerWrites.find((x) => x.node === ack.from)!;
        expect(w.t).toBe(r.appends[0].t + LATENCY + SERVICE);
        expect(ack.t).toBe(w.t + FSYNC + SERVICE);
      }
    });
  }

  it("on: the commit waits for the follower's ack when the leader's write is durable first", () => {
    const r = run(true, 1, true);
    const ackArrives = r.acks[0].t + LATENCY;
    expect(r.acks[1].t).toBeGreaterThan(r.commit.t); // the slow follower is not needed
    const leaderDurable = r.leaderWrite.t + FSYNC;
    expect(ackArrives).toBeGreaterThan(leaderDurable);
    expect(r.commit.t).toBe(ackArrives + SERVICE);
  });

  it("on: the commit waits for the leader's own write when the follower acks first", () => {
    const r = run(true, 3, true); // the leader's fsync takes 15 ms, the fast follower's 5 ms
    const ackArrives = r.acks[0].t + LATENCY;
    expect(r.acks[1].t).toBeGreaterThan(r.commit.t);
    const leaderDurable = r.leaderWrite.t + 3 * FSYNC;
    expect(ackArrives).toBeLessThan(leaderDurable);
    expect(r.commit.t).toBe(leaderDurable + SERVICE);
  });

  it('two followers acknowledging make a majority without the leader\'s own write (§10.2.1)', () => {
    const r = run(true, 3);
    // Both acks arrive together (each with a heartbeat reply that waited for the same fsync);
    // the commit comes as the leader works through them, long before its own write is durable.
    expect(r.acks[1].t).toBe(r.acks[0].t);
    expect(r.commit.t).toBeGreaterThanOrEqual(r.acks[1].t + LATENCY + 2 * SERVICE);
    expect(r.commit.t).toBeLessThanOrEqual(r.acks[1].t + LATENCY + 4 * SERVICE);
    expect(r.commit.t).toBeLessThan(r.leaderWrite.t + 3 * FSYNC);
  });

  it('off: the commit follows the same rule, one round trip later', () => {
    const r = run(false, 1, true);
    expect(r.commit.t).toBe(r.acks[0].t + LATENCY + SERVICE);
    expect(r.commit.t - r.t0).toBe(SERVICE + FSYNC + SERVICE + LATENCY + SERVICE + FSYNC + SERVICE + LATENCY + SERVICE);
  });

  it('a candidate still sends its vote requests only after its vote is durable', () => {
    const s = testScenario({ nodes: 3, profile: 'paper', latency: { kind: 'constant', value: LATENCY }, fsync: { kind: 'constant', value: FSYNC }, horizonUs: 1_000_000 });
    const sim = new Simulation(simulationSpec(s, 0, referenceFactory));
    const votes: Sent[] = [];
    const writes: Written[] = [];
    sim.host.addObserver({
      onSend: (from, m, t) => { if (m.type === 'RequestVote' || m.type === 'RequestVoteResponse') votes.push({ t, from, m }); },
      onLogWrite: (node, op, t) => { if (op.hardState !== null) writes.push({ t, node, op }); },
    });
    sim.run(1_000_000);
    expect(votes.length).toBeGreaterThan(0);
    for (const v of votes) {
      // The last hard-state write before the message is durable before it leaves.
      const w = writes.filter((x) => x.node === v.from && x.t <= v.t).at(-1)!;
      expect(v.t).toBeGreaterThanOrEqual(w.t + FSYNC);
    }
  });
});
