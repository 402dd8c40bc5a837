// PreVote (dissertation §9.6): a would-be candidate first asks whether it could
// win, at term+1, without changing anyone's term or vote.

import { describe, expect, test } from 'vitest';
import { RaftNode } from '../../src/raft/node.js';
import { resolveRaftConfig } from '../../src/raft/profiles.js';
import type { RequestVote } from '../../src/raft/types.js';
import { Cluster, seqRng, termsToLog } from './harness.js';

const preVote = { preVote: true };

function preVoteRequest(term: number, lastLogIndex: number, lastLogTerm: number): RequestVote {
  return { type: 'RequestVote', from: 2, to: 0, term, lastLogIndex, lastLogTerm, preVote: true, transfer: false };
}

describe('§9.6 PreVote', () => {
  test('a partitioned pre-candidate never raises its term, so it cannot depose the leader on return', () => {
    const c = new Cluster({ n: 3, config: preVote }).elect(0);
    c.heartbeat(0);
    c.isolate(2);
    for (let i = 0; i < 5; i++) {
      c.timeout(2);
      c.drain();
    }
    expect([c.nodes[2].role, c.nodes[2].term]).toEqual(['precandidate', 1]);
    expect(c.disks[2].hardState.term).toBe(1);
    c.heal();
    c.timeout(2); // asks again, now reachable: the others heard from the leader recently and refuse
    c.drain();
    c.heartbeat(0);
    expect(c.nodes.map((x) => [x.role, x.term])).toEqual([
      ['leader', 1],
      ['follower', 1],
      ['follower', 1],
    ]);
  });

  test('granting a pre-vote changes neither the voter\'s term nor its vote, and writes nothing', () => {
    const voter = new RaftNode({
      id: 0,
      peers: [0, 1, 2],
      config: resolveRaftConfig('paper', preVote),
      rng: seqRng([0.5]),
      durable: { hardState: { term: 3, votedFor: 1 }, log: termsToLog([1, 3]) },
    });
    voter.start();
    const ready = voter.step(preVoteRequest(4, 2, 3));
    expect(ready.messages).toEqual([{ type: 'RequestVoteResponse', from: 0, to: 2, term: 4, granted: true, preVote: true }]);
    expect(ready.persist).toBeNull();
    expect([voter.term, voter.votedFor]).toEqual([3, 1]);
  });

  test('a pre-vote still requires an up-to-date log (§5.4.1)', () => {
    const voter = new RaftNode({
      id: 0,
      peers: [0, 1, 2],
      config: resolveRaftConfig('paper', preVote),
      rng: seqRng([0.5]),
      durable: { hardState: { term: 3, votedFor: null }, log: termsToLog([1, 3]) },
    });
    voter.start();
    const ready = voter.step(preVoteRequest(4, 5, 2));
    expect(ready.messages[0]).toMatchObject({ granted: false, term: 3, preVote: true });
    expect(voter.term).toBe(3);
  });

  test('a follower refuses pre-votes while it heard from its leader within the minimum election timeout', () => {
    const c = new Cluster({ n: 3, config: preVote }).elect(0);
    c.heartbeat(0);
    const ask = () => {
      c.step({ type: 'RequestVote', from: 2, to: 1, term: 2, lastLogIndex: 1, lastLogTerm: 1, preVote: true, transfer: false });
      const answer = c.queue.pop();
      return answer?.type === 'RequestVoteResponse' && answer.granted;
    };
    expect(ask()).toBe(false);
    // The lease ends at electionTimeoutMinUs after the last contact ('contact'); the election timer still runs.
    expect(c.timers[1].get('contact')).toBe(c.config.electionTimeoutMinUs);
    c.fire(1, 'contact');
    expect(c.nodes[1].role).toBe('follower');
    expect(ask()).toBe(true);
    expect(c.nodes[1].term).toBe(1);
  });

  test('a majority of pre-votes makes a real candidate at term+1, which then wins', () => {
    const c = new Cluster({ n: 3, config: preVote });
    c.timeout(1);
    expect([c.nodes[1].role, c.nodes[1].term]).toEqual(['precandidate', 0]);
    expect(c.queue.every((m) => m.type === 'RequestVote' && m.preVote && m.term === 1)).toBe(true);
    c.deliver();
    c.deliver(); // pre-vote grants arrive
    expect([c.nodes[1].role, c.nodes[1].term, c.nodes[1].votedFor]).toEqual(['candidate', 1, 1]);
    c.drain();
    expect(c.leaders()).toEqual([1]);
  });
});
