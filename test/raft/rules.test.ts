// Rules that differ between real implementations, each a per-node option whose
// profile default follows that implementation's source (docs/model.md cites file
// and function). Each test names the source it checks.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RaftNode } from '../../src/raft/node.js';
import { resolveRaftConfig, type ProfileName } from '../../src/raft/profiles.js';
import type { Progress } from '../../src/raft/progress.js';
import type { AppendEntries, Message, RaftConfig, Ready, RequestVote } from '../../src/raft/types.js';
import { Cluster, seqRng, termsToLog } from './harness.js';

function lone(profile: ProfileName, config: Partial<RaftConfig>, term: number, log: readonly number[], rng = [0.5]) {
  const node = new RaftNode({
    id: 0,
    peers: [0, 1, 2],
    config: resolveRaftConfig(profile, config),
    rng: seqRng(rng),
    durable: { hardState: { term, votedFor: null }, log: termsToLog(log) },
  });
  const start = node.start();
  return { node, start };
}

const vote = (from: number, term: number, lastLogIndex: number, lastLogTerm: number, preVote = false): RequestVote => ({
  type: 'RequestVote', from, to: 0, term, lastLogIndex, lastLogTerm, preVote, transfer: false,
});
const append = (from: number, term: number): AppendEntries => ({
  type: 'AppendEntries', from, to: 0, term, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0,
});
const armsElection = (r: Ready) => r.timers.some((t) => t.name === 'election' && t.afterUs !== null);

/** Ticks until the node asks for (pre-)votes; returns how many it took. */
function ticksToCampaign(node: RaftNode): number {
  for (let i = 1; i <= 1000; i++) if (node.timerFired('tick').messages.some((m) => m.type === 'RequestVote')) return i;
  throw new Error('never campaigned');
}

describe('when the election timer is reset (timerReset)', () => {
  test('paper (LogCabin RaftConsensus::stepDown): a refused higher-term vote request moves the term but keeps the running timer', () => {
    const { node } = lone('paper', {}, 1, [1, 1]);
    const r = node.step(vote(1, 2, 0, 0)); // the candidate's log is behind: refused
    expect(r.messages).toEqual([expect.objectContaining({ type: 'RequestVoteResponse', granted: false, term: 2 })]);
    expect(node.term).toBe(2);
    expect(armsElection(r)).toBe(false);
  });

  test('etcd (raft.go becomeFollower → reset()): the same refusal zeroes the elapsed ticks and redraws the timeout', () => {
    const config = { preVote: false, checkQuorum: false };
    // ET = 10: rng 0 draws a timeout of exactly 10 ticks.
    const a = lone('etcd', config, 1, [1, 1], [0]).node;
    for (let i = 0; i < 7; i++) a.timerFired('tick');
    a.step(vote(1, 2, 0, 0));
    expect(a.term).toBe(2);
    expect(ticksToCampaign(a)).toBe(10); // 7 ticks forgotten
    const b = lone('etcd', { ...config, timerReset: 'on-contact' }, 1, [1, 1], [0]).node;
    for (let i = 0; i < 7; i++) b.timerFired('tick');
    b.step(vote(1, 2, 0, 0));
    expect(ticksToCampaign(b)).toBe(3); // kept
  });

  test('granting a vote and hearing the leader reset it under every rule', () => {
    for (const timerReset of ['on-contact', 'on-term-change'] as const) {
      const { node } = lone('paper', { timerReset, voteLease: 'never' }, 1, [1]);
      expect(armsElection(node.step(vote(1, 2, 1, 1)))).toBe(true);
      expect(armsElection(node.step(append(1, 2)))).toBe(true);
    }
  });

  test('a deposed leader always arms a fresh follower timer', () => {
    const c = new Cluster({ n: 3, config: { timerReset: 'on-contact' } }).elect(0);
    c.isolate(0);
    c.timeout(1);
    c.drain();
    c.heal();
    c.heartbeat(0); // the old leader learns the new term from a rejection and steps down
    expect(c.nodes[0].role).toBe('follower');
    expect(c.timers[0].has('election')).toBe(true);
  });
});

describe('lower-term requests (staleTermReplies)', () => {
  const answers = (profile: ProfileName, config: Partial<RaftConfig>, m: Message) => lone(profile, config, 3, [1]).node.step(m).messages;

  test('etcd Step (m.Term < r.Term): a stale leader is ignored unless CheckQuorum or PreVote is on', () => {
    expect(answers('etcd', { preVote: false, checkQuorum: false }, append(1, 2))).toEqual([]);
    expect(answers('etcd', { preVote: true, checkQuorum: false }, append(1, 2))).toHaveLength(1);
    expect(answers('etcd', { preVote: false, checkQuorum: true }, append(1, 2))).toHaveLength(1);
  });

  test('etcd: a stale vote request is ignored, a stale pre-vote rejected with our term', () => {
    expect(answers('etcd', {}, vote(1, 2, 1, 1))).toEqual([]);
    expect(answers('etcd', {}, vote(1, 2, 1, 1, true))).toEqual([expect.objectContaining({ granted: false, term: 3, preVote: true })]);
  });

  test('paper and hashicorp answer every stale RPC with their term (Figure 2; LogCabin; hashicorp appendEntries)', () => {
    for (const p of ['paper', 'hashicorp'] as const) {
      expect(answers(p, {}, append(1, 2))).toEqual([expect.objectContaining({ type: 'AppendEntriesResponse', success: false, term: 3 })]);
      expect(answers(p, {}, vote(1, 2, 1, 1))).toEqual([expect.objectContaining({ granted: false, term: 3 })]);
    }
  });

  test('etcd with both options off: a leader cut off from one follower stays a silent stale leader instead of campaigning', () => {
    const c = new Cluster({ n: 3, profile: 'etcd', config: { preVote: false, checkQuorum: false } }).elect(0);
    c.isolate(0);
    c.timeout(1);
    c.drain();
    c.heal();
    c.heartbeat(0); // stale heartbeats: nobody answers
    expect(c.nodes[0].role).toBe('leader');
    expect(c.nodes[0].term).toBe(1);
    expect(c.sent.filter((m) => m.type === 'AppendEntriesResponse' && m.to === 0 && m.term > 1)).toEqual([]);
  });
});

describe('the leader lease on votes (voteLease, preVoteLease)', () => {
  function follower(profile: ProfileName, config: Partial<RaftConfig>) {
    const c = new Cluster({ n: 3, profile, config }).elect(0);
    c.heartbeat(0);
    return c.nodes[1];
  }
  const candidateLog = (c: RaftNode) => [c.lastIndex, c.termAt(c.lastIndex)] as const;

  test('etcd with PreVote and no CheckQuorum grants a pre-vote to an up-to-date candidate while it hears a leader', () => {
    const f = follower('etcd', { preVote: true, checkQuorum: false });
    const [li, lt] = candidateLog(f);
    const r = f.step({ ...vote(2, f.term + 1, li, lt, true), to: 1 });
    expect(r.messages).toEqual([expect.objectContaining({ granted: true, preVote: true })]);
  });

  test('etcd with CheckQuorum disregards it within the lease (Step: inLease); the dissertation PreVote refuses it', () => {
    const e = follower('etcd', { preVote: true, checkQuorum: true });
    expect(e.step({ ...vote(2, e.term + 1, e.lastIndex, e.term, true), to: 1 }).messages).toEqual([]);
    const p = follower('paper', { preVote: true, voteLease: 'never' });
    expect(p.step({ ...vote(2, p.term + 1, p.lastIndex, p.term, true), to: 1 }).messages).toEqual([expect.objectContaining({ granted: false })]);
  });

  test('paper (LogCabin withholdVotesUntil): within the lease a vote request is disregarded and its term not adopted; Figure 2 alone grants', () => {
    const lc = follower('paper', {});
    expect(lc.step({ ...vote(2, 5, lc.lastIndex, lc.term), to: 1 }).messages).toEqual([]);
    expect(lc.term).toBe(1);
    const f2 = follower('paper', { voteLease: 'never' });
    expect(f2.step({ ...vote(2, 5, f2.lastIndex, f2.term), to: 1 }).messages).toEqual([expect.objectContaining({ granted: true, term: 5 })]);
  });
});

describe('hashicorp/raft: votes refused while a leader is known, a polling follower timer', () => {
  test('requestVote: a follower that knows a leader rejects before looking at the term; so does the leader', () => {
    const c = new Cluster({ n: 3, profile: 'hashicorp' }).elect(0);
    c.heartbeat(0);
    const f = c.nodes[1];
    const r = f.step({ ...vote(2, 9, 100, 9), to: 1 });
    expect(r.messages).toEqual([expect.objectContaining({ granted: false, term: 1 })]);
    expect(f.term).toBe(1);
    const l = c.nodes[0].step({ ...vote(2, 9, 100, 9), to: 0 });
    expect(l.messages).toEqual([expect.objectContaining({ granted: false, term: 1 })]);
    expect(c.nodes[0].role).toBe('leader');
  });

  test('runFollower: contact does not restart the timer; a firing campaigns only when the leader was not heard within HeartbeatTimeout', () => {
    const c = new Cluster({ n: 3, profile: 'hashicorp' }).elect(0);
    const before = c.timers[1].get('election');
    c.heartbeat(0);
    expect(c.timers[1].get('election')).toBe(before); // not re-armed by contact
    expect(c.timers[1].has('contact')).toBe(true);
    c.fire(1, 'election'); // heard recently: re-armed, no campaign
    expect(c.nodes[1].role).toBe('follower');
    expect(c.timers[1].has('election')).toBe(true);
    c.fire(1, 'contact'); // HeartbeatTimeout since the last contact
    c.fire(1, 'election');
    expect(c.nodes[1].role).not.toBe('follower');
    expect(c.nodes[1].leaderId).toBeNull(); // forgot the leader: it may vote again
  });

  test('a leader crash: survivors refuse each other until their own timers fire, then elect', () => {
    const c = new Cluster({ n: 5, profile: 'hashicorp', config: { preVote: false } }).elect(0);
    c.heartbeat(0);
    c.crash(0);
    c.fire(1, 'contact');
    c.fire(1, 'election'); // node 1 campaigns; 2, 3, 4 still know node 0 as leader
    c.drain();
    expect(c.nodes[1].role).toBe('candidate');
    expect([2, 3, 4].map((i) => c.nodes[i].term)).toEqual([1, 1, 1]);
    for (const i of [2, 3]) {
      c.fire(i, 'contact');
      c.fire(i, 'election');
    }
    c.drain();
    c.timeout(1); // the next candidate timeout: 2 and 3 forgot the leader and vote
    c.drain();
    expect(c.leaders()).toHaveLength(1);
  });
});

describe('heartbeat pacing (hashicorp replication.go heartbeat(): one RPC at a time per follower)', () => {
  const heartbeatsTo = (c: Cluster, to: number) => c.sent.filter((m) => m.type === 'AppendEntries' && m.to === to && m.entries.length === 0).length;

  test('after-reply: no new heartbeat to a follower that has not answered the last by the next firing; interval: one per firing', () => {
    for (const [heartbeatPacing, expected] of [['after-reply', 2], ['interval', 4]] as const) {
      const c = new Cluster({ n: 3, profile: 'hashicorp', config: { heartbeatPacing } }).elect(0);
      c.isolate(2);
      const before = heartbeatsTo(c, 2);
      for (let i = 0; i < 4; i++) c.heartbeat(0);
      expect(heartbeatsTo(c, 2) - before).toBe(expected);
      expect(heartbeatsTo(c, 1)).toBeGreaterThanOrEqual(4); // node 1 answers, so it gets every one
    }
  });

  test('after-reply: a follower that answers gets a heartbeat at every firing; an unanswered one every other firing', () => {
    const c = new Cluster({ n: 3, profile: 'hashicorp', config: { heartbeatPacing: 'after-reply' } }).elect(0);
    c.isolate(2);
    const [to1, to2] = [heartbeatsTo(c, 1), heartbeatsTo(c, 2)];
    for (let i = 0; i < 10; i++) c.heartbeat(0);
    expect(heartbeatsTo(c, 1) - to1).toBe(10);
    expect(heartbeatsTo(c, 2) - to2).toBe(5);
  });
});

describe('replication flow control (etcd Progress)', () => {
  const progressOf = (n: RaftNode) => (n as unknown as { progress: Progress[] }).progress;

  test('a follower wiped while the leader probes it is caught up, not probed at matchIndex forever', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    for (let d = 1; d <= 3; d++) c.propose(0, d);
    c.drain(); // matchIndex of node 1: 4
    c.propose(0, 4);
    c.propose(0, 5);
    c.wipe(1); // those two appends are lost with it
    // The next append (prev 6) reaches an empty node: rejected above matchIndex, so the leader
    // probes at matchIndex+1 = 5 (prev 4), which the empty node rejects too.
    c.propose(0, 6);
    c.drain();
    c.heartbeat(0);
    expect(c.terms(1)).toEqual(c.terms(0));
    expect(c.sent.length).toBeLessThan(200);
  });

  test('a stale rejection (at or below matchIndex) is ignored: matchIndex stays, nothing is resent', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    for (let d = 1; d <= 4; d++) c.propose(0, d);
    c.drain();
    const match = progressOf(c.nodes[0])[1].matchIndex;
    expect(match).toBe(5);
    const sentBefore = c.sent.length;
    c.step({ type: 'AppendEntriesResponse', from: 1, to: 0, term: 1, success: false, matchIndex: 0, conflictIndex: 2, conflictTerm: 0, rejectedIndex: 3 });
    expect(progressOf(c.nodes[0])[1].matchIndex).toBe(5);
    expect(c.sent.length).toBe(sentBefore);
  });

  test('under any delivery order with duplicates, matchIndex never decreases and replication completes within one heartbeat round', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 12 }), (choices, writes) => {
        const c = new Cluster({ n: 3, config: { maxEntriesPerMsg: 2 } }).elect(0);
        const seen = [0, 0, 0];
        const check = () => {
          for (const f of [1, 2]) {
            const m = progressOf(c.nodes[0])[f].matchIndex;
            if (m < seen[f]) throw new Error(`matchIndex of ${f} fell from ${seen[f]} to ${m}`);
            seen[f] = m;
          }
        };
        for (let d = 1; d <= writes; d++) c.propose(0, d);
        for (const [pick, dup] of choices) {
          if (c.queue.length === 0) break;
          c.deliverAt(pick % c.queue.length, dup && c.queue.length < 50);
          check();
        }
        // Whatever is still queued arrives in some order, and nothing is lost. A stale-looking
        // rejection of a batch that was overtaken leaves its entries unsent until the next
        // heartbeat's response (etcd behaves the same); one heartbeat round must finish the job.
        while (c.queue.length > 0) {
          c.deliverAt(c.queue.length - 1);
          check();
        }
        c.heartbeat(0);
        check();
        expect(c.terms(1)).toEqual(c.terms(0));
        expect(c.terms(2)).toEqual(c.terms(0));
        expect(c.nodes[0].commitIndex).toBe(writes + 1);
      }),
      { seed: 14, numRuns: 200 },
    );
  });
});

describe('cluster.initial: starting from an established leader', () => {
  test('the leader boots leading its durable term, with no election and no new entry; followers know it', () => {
    const log = termsToLog([1, 2, 2]);
    const nodes = [0, 1, 2].map(
      (id) =>
        new RaftNode({
          id,
          peers: [0, 1, 2],
          config: resolveRaftConfig('paper'),
          rng: seqRng([0.5]),
          durable: { hardState: { term: 2, votedFor: 0 }, log: id === 2 ? log.slice(0, 2) : log },
          initial: { leader: 0, commitIndex: 2 },
        }),
    );
    const readies = nodes.map((n) => n.start());
    expect(nodes.map((n) => [n.role, n.term, n.leaderId])).toEqual([
      ['leader', 2, 0],
      ['follower', 2, 0],
      ['follower', 2, 0],
    ]);
    expect(nodes[0].lastIndex).toBe(3);
    expect(readies[0].messages.map((m) => [m.type, m.to])).toEqual([
      ['AppendEntries', 1],
      ['AppendEntries', 2],
    ]);
    expect(readies[0].messages.some((m) => m.type === 'RequestVote')).toBe(false);
    expect(nodes.map((n) => n.commitIndex)).toEqual([2, 2, 2]);
  });
});
