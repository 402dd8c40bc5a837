// Leader election (paper §5.2) and the election restriction (§5.4.1).

import { describe, expect, test } from 'vitest';
import { RaftNode } from '../../src/raft/node.js';
import { resolveRaftConfig } from '../../src/raft/profiles.js';
import type { Message, NodeId, RequestVote, RequestVoteResponse } from '../../src/raft/types.js';
import { Cluster, seqRng, termsToLog } from './harness.js';

const paper = resolveRaftConfig('paper');

function makeNode(term: number, votedFor: NodeId | null, log: number[], id = 0): RaftNode {
  const node = new RaftNode({
    id,
    peers: [0, 1, 2],
    config: paper,
    rng: seqRng([0.5]),
    durable: { hardState: { term, votedFor }, log: termsToLog(log) },
  });
  node.start();
  return node;
}

function voteRequest(from: NodeId, term: number, lastLogIndex: number, lastLogTerm: number): RequestVote {
  return { type: 'RequestVote', from, to: 0, term, lastLogIndex, lastLogTerm, preVote: false, transfer: false };
}

describe('§5.2 / §5.4.1 vote rules (voter is node 0)', () => {
  // voter state | request (from, term, lastIndex/lastTerm) | expected answer and voter state after
  test.each([
    { why: '§5.2 grants the first candidate of a new term', voter: [1, null, [1]], req: [1, 2, 1, 1], want: [true, 2, 1] },
    { why: '§5.2 one vote per term: a second candidate is refused', voter: [2, 1, [1]], req: [2, 2, 1, 1], want: [false, 2, 1] },
    { why: 'the same candidate asking again gets the same answer', voter: [2, 1, [1]], req: [1, 2, 1, 1], want: [true, 2, 1] },
    { why: '§5.1 a stale term is refused (and told the newer term)', voter: [3, null, [1]], req: [1, 2, 9, 2], want: [false, 3, null] },
    { why: '§5.4.1 lower last term loses, even with a longer log', voter: [2, null, [1, 2]], req: [1, 3, 5, 1], want: [false, 3, null] },
    { why: '§5.4.1 higher last term wins, even with a shorter log', voter: [2, null, [1, 1, 1]], req: [1, 3, 1, 2], want: [true, 3, 1] },
    { why: '§5.4.1 same last term: a shorter log loses', voter: [2, null, [1, 1, 1]], req: [1, 3, 2, 1], want: [false, 3, null] },
    { why: '§5.4.1 same last term: an equal log wins', voter: [2, null, [1, 1, 1]], req: [1, 3, 3, 1], want: [true, 3, 1] },
  ] as const)('$why', ({ voter, req, want }) => {
    const node = makeNode(voter[0], voter[1], [...voter[2]]);
    const ready = node.step(voteRequest(req[0], req[1], req[2], req[3]));
    const resp = ready.messages.find((m): m is RequestVoteResponse => m.type === 'RequestVoteResponse');
    expect(resp).toMatchObject({ to: req[0], granted: want[0], term: want[1], preVote: false });
    expect([node.term, node.votedFor]).toEqual([want[1], want[2]]);
  });

  test('the vote is persisted in the same Ready as the response that reveals it', () => {
    const node = makeNode(1, null, [1]);
    const ready = node.step(voteRequest(2, 2, 1, 1));
    expect(ready.persist?.hardState).toEqual({ term: 2, votedFor: 2 });
    expect(ready.messages).toEqual([
      { type: 'RequestVoteResponse', from: 0, to: 2, term: 2, granted: true, preVote: false },
    ]);
  });

  test('a candidate persists its new term and self-vote in the Ready carrying its RequestVotes', () => {
    const node = new RaftNode({ id: 1, peers: [0, 1, 2], config: paper, rng: seqRng([0]) });
    node.start();
    const ready = node.timerFired('election');
    expect(ready.persist?.hardState).toEqual({ term: 1, votedFor: 1 });
    expect(ready.messages.map((m) => [m.type, m.to, m.term])).toEqual([
      ['RequestVote', 0, 1],
      ['RequestVote', 2, 1],
    ]);
  });
});

describe('§5.2 elections in a cluster', () => {
  test('a candidate with a majority becomes leader and appends a no-op of its term', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    expect(c.nodes.map((x) => [x.role, x.term])).toEqual([
      ['leader', 1],
      ['follower', 1],
      ['follower', 1],
    ]);
    expect(c.nodes[0].entryAt(1)).toEqual({ term: 1, data: 0 });
    c.heartbeat(0);
    expect(c.nodes.map((x) => x.commitIndex)).toEqual([1, 1, 1]);
    expect(c.nodes.map((x) => x.leaderId)).toEqual([0, 0, 0]);
  });

  test('split vote: two candidates in one term both fail, and a later timeout elects one', () => {
    const c = new Cluster({ n: 4 });
    c.timeout(0);
    c.timeout(1);
    // 2 votes for node 0 would need 3; give node 2's vote to 0 and node 3's to 1.
    c.deliver((m) => m.type === 'RequestVote' && ((m.from === 0 && m.to === 2) || (m.from === 1 && m.to === 3)));
    c.drop((m) => m.type === 'RequestVote');
    c.drain();
    expect(c.leaders()).toEqual([]);
    expect([c.nodes[0].role, c.nodes[1].role]).toEqual(['candidate', 'candidate']);
    c.elect(0);
    expect(c.nodes[0].term).toBe(2);
  });

  test('a candidate that hears AppendEntries from a leader of its term becomes follower', () => {
    const c = new Cluster({ n: 3 });
    c.timeout(1);
    c.timeout(2); // two candidates in term 1
    c.drop((m) => m.from === 2 && m.type === 'RequestVote');
    c.deliver((m) => m.type === 'RequestVote'); // node 0 votes for 1; node 2 refuses (it voted for itself)
    c.deliver((m) => m.type === 'RequestVoteResponse');
    expect(c.nodes[1].role).toBe('leader');
    expect([c.nodes[2].role, c.nodes[2].term]).toEqual(['candidate', 1]);
    c.drain();
    expect([c.nodes[2].role, c.nodes[2].term, c.nodes[2].leaderId, c.nodes[2].votedFor]).toEqual(['follower', 1, 1, 2]);
  });
});

// Figure 2 alone (voteLease 'never'): under the §6 lease a leader disregards a RequestVote.
describe('§5.1 any higher term makes a leader step down', () => {
  const probes: [string, (term: number) => Message][] = [
    ['RequestVote', (term) => ({ type: 'RequestVote', from: 2, to: 0, term, lastLogIndex: 0, lastLogTerm: 0, preVote: false, transfer: false })],
    ['AppendEntries', (term) => ({ type: 'AppendEntries', from: 2, to: 0, term, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 })],
    ['AppendEntriesResponse', (term) => ({ type: 'AppendEntriesResponse', from: 2, to: 0, term, success: false, matchIndex: 0, conflictIndex: 0, conflictTerm: 0 })],
    ['RequestVoteResponse', (term) => ({ type: 'RequestVoteResponse', from: 2, to: 0, term, granted: false, preVote: false })],
  ];
  test.each(probes)('%s', (_name, make) => {
    const c = new Cluster({ n: 3, config: { voteLease: 'never' } }).elect(0);
    c.step(make(7));
    expect([c.nodes[0].role, c.nodes[0].term]).toEqual(['follower', 7]);
    expect(c.disks[0].hardState.term).toBe(7);
    expect(c.timers[0].has('heartbeat')).toBe(false);
    expect(c.timers[0].has('election')).toBe(true);
  });
});

describe('a candidate that can no longer win', () => {
  // 3 nodes: two rejections leave no majority possible.
  const reject = (term: number) => (from: number) =>
    ({ type: 'RequestVoteResponse', from, to: 0, term, granted: false, preVote: false }) as const;

  test('continuous mode (paper Figure 2): stays candidate until its election timeout', () => {
    const c = new Cluster({ n: 3 });
    c.timeout(0);
    c.drop();
    [1, 2].map(reject(1)).forEach((m) => c.step(m));
    expect(c.nodes[0].role).toBe('candidate');
  });

  test('ticks mode (etcd VoteLost): returns to follower at once, keeping its term and self-vote', () => {
    const c = new Cluster({ n: 3, profile: 'etcd', config: { preVote: false } });
    c.timeout(0);
    c.drop();
    [1, 2].map(reject(1)).forEach((m) => c.step(m));
    expect([c.nodes[0].role, c.nodes[0].term, c.nodes[0].votedFor]).toEqual(['follower', 1, 0]);
  });
});

