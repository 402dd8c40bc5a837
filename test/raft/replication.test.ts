// Log replication details (paper §5.3, Figure 2's receiver rules) and the
// host contract around persistence and commit reporting.

import { describe, expect, test } from 'vitest';
import { RaftNode } from '../../src/raft/node.js';
import { resolveRaftConfig } from '../../src/raft/profiles.js';
import type { AppendEntries, AppendEntriesResponse, Message } from '../../src/raft/types.js';
import { Cluster, seqRng, termsToLog } from './harness.js';

// Figure 2 alone: one election timer, no §6 lease phase before it.
const paper = resolveRaftConfig('paper', { voteLease: 'never' });
const isAppend = (m: Message): m is AppendEntries => m.type === 'AppendEntries';
const appendResp = (m: readonly Message[]) => m.find((x): x is AppendEntriesResponse => x.type === 'AppendEntriesResponse');

function follower(term: number, log: number[]): RaftNode {
  const node = new RaftNode({ id: 1, peers: [0, 1, 2], config: paper, rng: seqRng([0.5]), durable: { hardState: { term, votedFor: null }, log: termsToLog(log) } });
  node.start();
  return node;
}

function append(term: number, prevLogIndex: number, prevLogTerm: number, entryTerms: number[], leaderCommit: number): AppendEntries {
  const entries = entryTerms.map((t, i) => ({ term: t, data: 100 * (prevLogIndex + 1 + i) + t }));
  return { type: 'AppendEntries', from: 0, to: 1, term, prevLogIndex, prevLogTerm, entries, leaderCommit };
}

describe('§5.3 AppendEntries receiver (follower node 1)', () => {
  // follower log | AE (term, prev, prevTerm, entries, commit) | expected: success, matchIndex or hint, log after, commitIndex
  test.each([
    { why: 'appends after a matching prev', log: [1, 1], ae: [2, 2, 1, [2, 2], 0], ok: true, match: 4, after: [1, 1, 2, 2], commit: 0 },
    { why: 'rejects when prev is past its log; hint = log end + 1', log: [1], ae: [2, 3, 1, [2], 0], ok: false, hint: [2, 0], after: [1], commit: 0 },
    { why: 'rejects a prev term mismatch; hint = first index of its term', log: [1, 2, 2, 2], ae: [3, 4, 3, [3], 0], ok: false, hint: [2, 2], after: [1, 2, 2, 2], commit: 0 },
    { why: 'truncates at the first real conflict', log: [1, 2, 2, 2], ae: [3, 1, 1, [3, 3], 0], ok: true, match: 3, after: [1, 3, 3], commit: 0 },
    { why: 'a stale/duplicate AE whose entries match deletes nothing', log: [1, 1, 1, 1], ae: [1, 0, 0, [1, 1], 0], ok: true, match: 2, after: [1, 1, 1, 1], commit: 0 },
    { why: 'commits min(leaderCommit, last new entry): a stale suffix is not committed', log: [1, 1, 2], ae: [3, 1, 1, [], 3], ok: true, match: 1, after: [1, 1, 2], commit: 1 },
    { why: 'commits up to leaderCommit when the message proves more', log: [1, 1], ae: [2, 2, 1, [2], 2], ok: true, match: 3, after: [1, 1, 2], commit: 2 },
  ] as const)('$why', (c) => {
    const node = follower(c.ae[0] === 1 ? 1 : 2, [...c.log]);
    const [term, prev, prevTerm, ents, commit] = c.ae;
    const ready = node.step(append(term, prev, prevTerm, [...ents], commit));
    const resp = appendResp(ready.messages)!;
    expect(resp.success).toBe(c.ok);
    if ('match' in c) expect(resp.matchIndex).toBe(c.match);
    if ('hint' in c) expect([resp.conflictIndex, resp.conflictTerm]).toEqual(c.hint);
    const terms = [];
    for (let i = 1; i <= node.lastIndex; i++) terms.push(node.termAt(i));
    expect(terms).toEqual(c.after);
    expect(node.commitIndex).toBe(c.commit);
    expect(ready.committed.map((e) => e.index)).toEqual([...Array(c.commit).keys()].map((i) => i + 1));
  });

  test('a truncation is written as truncateFrom + append in the same Ready as the acknowledgment', () => {
    const node = follower(2, [1, 2, 2, 2]);
    const ready = node.step(append(3, 1, 1, [3, 3], 0));
    expect(ready.persist).toMatchObject({ truncateFrom: 2, appendFrom: 2, lastIndex: 3, lastTerm: 3 });
    expect(ready.persist?.entries.map((e) => e.term)).toEqual([3, 3]);
    expect(appendResp(ready.messages)?.matchIndex).toBe(3);
  });
});

describe('leader side', () => {
  test('the leader counts its own entry toward a majority only once persisted() acknowledges it', () => {
    const leader = new RaftNode({ id: 0, peers: [0, 1, 2], config: paper, rng: seqRng([0.5]) });
    leader.start();
    leader.timerFired('election');
    leader.step({ type: 'RequestVoteResponse', from: 1, to: 0, term: 1, granted: true, preVote: false });
    expect(leader.role).toBe('leader');
    const r = leader.propose(42);
    expect(r.proposals[0]).toEqual({ data: 42, index: 2, leaderHint: 0 });
    // Follower 1 acknowledges both entries; the leader's own disk has not.
    const ack = leader.step({ type: 'AppendEntriesResponse', from: 1, to: 0, term: 1, success: true, matchIndex: 2, conflictIndex: 0, conflictTerm: 0 });
    expect(ack.committed).toEqual([]);
    expect(leader.commitIndex).toBe(0);
    const done = leader.persisted(2, 1);
    expect(done.committed).toEqual([
      { index: 1, term: 1, data: 0 },
      { index: 2, term: 1, data: 42 },
    ]);
  });

  test('a proposal to a follower is refused with a hint naming the leader', () => {
    const c = new Cluster({ n: 3 }).elect(2);
    expect(c.propose(0, 7)).toEqual({ data: 7, index: 0, leaderHint: 2 });
    expect(c.nodes[0].lastIndex).toBe(1);
  });

  test('committed entries are reported once each, in order, on every node', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    for (let d = 1; d <= 5; d++) c.propose(0, d);
    c.drain();
    c.heartbeat(0);
    // (the harness throws if an index is reported out of order or twice)
    for (let id = 0; id < 3; id++) expect(c.applied[id].map((e) => e.data)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('a restarted node starts with commitIndex 0 and re-learns it from the leader', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    c.propose(0, 9);
    c.drain();
    c.heartbeat(0);
    c.crash(1);
    c.restart(1);
    expect([c.nodes[1].commitIndex, c.nodes[1].lastIndex, c.nodes[1].term]).toEqual([0, 2, 1]);
    c.heartbeat(0);
    expect(c.nodes[1].commitIndex).toBe(2);
    expect(c.applied[1].map((e) => e.data)).toEqual([0, 9]);
  });

  test('a duplicated old AppendEntries does not cut entries a follower already acknowledged', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    const first = c.sent.filter(isAppend).find((m) => m.to === 1)!;
    for (let d = 1; d <= 3; d++) c.propose(0, d);
    c.drain();
    expect(c.nodes[1].lastIndex).toBe(4);
    c.step(first); // the network delivers the no-op's AE again
    expect(c.nodes[1].lastIndex).toBe(4);
    expect(c.disks[1].log).toHaveLength(4);
  });
});
