// The bug zoo: each broken variant must differ observably from the reference in
// one small targeted scenario. This proves the guarded branch is wired; the
// simulator's checkers are what must later catch the damage in full runs.

import { describe, expect, test } from 'vitest';
import { BUG_NAMES, BUGS } from '../../src/raft/bugs.js';
import { RaftNode } from '../../src/raft/node.js';
import { resolveRaftConfig } from '../../src/raft/profiles.js';
import type { BugName, Message, NodeId, RaftConfig } from '../../src/raft/types.js';
import { figure8c } from './figure8.js';
import { Cluster, seqRng, termsToLog } from './harness.js';

type Bug = BugName | null;

function lone(bug: Bug, term: number, votedFor: NodeId | null, log: number[], extra: Partial<RaftConfig> = {}, draws = [0.5]): RaftNode {
  const node = new RaftNode({
    id: 0,
    peers: [0, 1, 2],
    config: resolveRaftConfig('paper', { bug, ...extra }),
    rng: seqRng(draws),
    durable: { hardState: { term, votedFor }, log: termsToLog(log) },
  });
  node.start();
  return node;
}

const vote = (from: NodeId, term: number, lastLogIndex: number, lastLogTerm: number): Message => ({
  type: 'RequestVote', from, to: 0, term, lastLogIndex, lastLogTerm, preVote: false, transfer: false,
});

const granted = (node: RaftNode, m: Message) => {
  const r = node.step(m).messages[0];
  return r.type === 'RequestVoteResponse' && r.granted;
};

function logTerms(node: RaftNode): number[] {
  return [...Array(node.lastIndex).keys()].map((i) => node.termAt(i + 1));
}

const SCENARIOS: Record<BugName, { scenario: string; run: (bug: Bug) => unknown; reference: unknown; broken: unknown }> = {
  'vote-not-persisted': {
    scenario: 'node 1 votes for 0 in term 1, crashes, restarts, and is asked by 2 in term 1 → [vote on disk, grants 2]',
    run: (bug) => {
      const c = new Cluster({ n: 3, config: { bug } });
      c.timeout(0);
      c.deliver((m) => m.to === 1);
      const onDisk = c.disks[1].hardState.votedFor;
      c.drop();
      c.crash(1);
      c.restart(1);
      c.timeout(2);
      c.deliver((m) => m.from === 2 && m.to === 1);
      const answer = c.queue.find((m) => m.from === 1 && m.type === 'RequestVoteResponse');
      return [onDisk, answer?.type === 'RequestVoteResponse' && answer.granted];
    },
    reference: [0, false],
    broken: [null, true],
  },
  'no-log-up-to-date-check': {
    scenario: 'voter log [1,1,2]; candidate of term 3 with last entry 1/t1 → granted?',
    run: (bug) => granted(lone(bug, 2, null, [1, 1, 2]), vote(1, 3, 1, 1)),
    reference: false,
    broken: true,
  },
  'commit-old-term-by-counting': {
    scenario: 'Figure 8 (c): (2, t2) on a majority, term-4 entry not → leader commitIndex',
    run: (bug) => figure8c(bug).nodes[0].commitIndex,
    reference: 0,
    broken: 2,
  },
  'double-vote-same-term': {
    scenario: 'voter voted for 1 in term 2; candidate 2 asks in term 2 → granted?',
    run: (bug) => granted(lone(bug, 2, 1, [1]), vote(2, 2, 1, 1)),
    reference: false,
    broken: true,
  },
  'no-truncate-on-conflict': {
    scenario: 'follower [1,2,2,2]; AE term 3 prev=1/t1 [t3] → follower log',
    run: (bug) => {
      const node = lone(bug, 2, null, [1, 2, 2, 2]);
      node.step({ type: 'AppendEntries', from: 1, to: 0, term: 3, prevLogIndex: 1, prevLogTerm: 1, entries: [{ term: 3, data: 7 }], leaderCommit: 0 });
      return logTerms(node);
    },
    reference: [1, 3],
    broken: [1, 3, 2, 2],
  },
  'accept-stale-term-append': {
    scenario: 'follower in term 3 with [1,1]; AE from a term-2 leader prev=1/t1 [t2] → [follower log, reply]',
    run: (bug) => {
      const node = lone(bug, 3, null, [1, 1]);
      const r = node.step({ type: 'AppendEntries', from: 1, to: 0, term: 2, prevLogIndex: 1, prevLogTerm: 1, entries: [{ term: 2, data: 7 }], leaderCommit: 0 });
      const reply = r.messages[0];
      return [logTerms(node), reply.type === 'AppendEntriesResponse' && `${reply.success ? 'ok' : 'reject'} t${reply.term}`];
    },
    // The reference tells the stale leader the newer term; the broken node acknowledges in the old one.
    reference: [[1, 1], 'reject t3'],
    broken: [[1, 2], 'ok t2'],
  },
  'commit-without-majority': {
    scenario: '3 nodes; the leader is cut off and takes a proposal → leader commitIndex',
    run: (bug) => {
      const c = new Cluster({ n: 3, config: { bug } }).elect(0);
      c.isolate(0);
      c.propose(0, 5);
      c.drain();
      return c.nodes[0].commitIndex;
    },
    reference: 1,
    broken: 2,
  },
  'prevote-bumps-term': {
    scenario: 'PreVote on; node 2 partitioned for three election timeouts → terms it persisted beyond the leader\'s',
    run: (bug) => {
      const c = new Cluster({ n: 3, config: { bug, preVote: true } }).elect(0);
      c.isolate(2);
      for (let i = 0; i < 3; i++) c.timeout(2);
      return c.disks[2].hardState.term - c.nodes[0].term;
    },
    reference: 0,
    broken: 3,
  },
  'no-step-down-on-higher-term': {
    scenario: 'leader of term 1 receives a RequestVote of term 5 → [role, term]',
    run: (bug) => {
      // Figure 2 alone: with the paper's §6 vote lease a leader disregards the request anyway.
      const c = new Cluster({ n: 3, config: { bug, voteLease: 'never' } }).elect(0);
      c.step({ type: 'RequestVote', from: 2, to: 0, term: 5, lastLogIndex: 9, lastLogTerm: 4, preVote: false, transfer: false });
      return [c.nodes[0].role, c.nodes[0].term];
    },
    reference: ['follower', 5],
    broken: ['leader', 1],
  },
  'fixed-election-timeout': {
    scenario: 'rng draws 0.9 → armed election timeout (µs)',
    run: (bug) => {
      const node = new RaftNode({ id: 0, peers: [0, 1, 2], config: resolveRaftConfig('paper', { bug, voteLease: 'never' }), rng: seqRng([0.9]) });
      return node.start().timers[0].afterUs; // one timer of the drawn length (no lease phase)
    },
    reference: 150_000 + Math.floor(0.9 * 150_001),
    broken: 150_000,
  },
};

describe('bug zoo', () => {
  test.each(BUG_NAMES.map((b) => [b, SCENARIOS[b].scenario] as const))('%s differs from the reference: %s', (bug) => {
    const s = SCENARIOS[bug];
    expect(s.reference).not.toEqual(s.broken);
    expect(s.run(null)).toEqual(s.reference);
    expect(s.run(bug)).toEqual(s.broken);
  });

  test('every bug is documented', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...BUG_NAMES].sort());
    for (const b of BUG_NAMES) {
      for (const field of ['description', 'whichInvariantCatchesIt', 'faultsNeeded'] as const) {
        expect(BUGS[b][field].length).toBeGreaterThan(20);
      }
    }
  });
});
