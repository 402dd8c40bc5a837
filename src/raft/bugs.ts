// The bug zoo: deliberately broken node variants, selected by RaftConfig.bug.
// Each is one small guarded branch in node.ts (grep for its name). They exist to
// prove that the simulator's checkers notice real Raft mistakes; a checker that
// never fires on these is not checking anything.

import type { BugName } from './types.js';

export interface BugInfo {
  /** What the broken node does differently from the reference. */
  readonly description: string;
  /** The invariant (or liveness check) that should report it. */
  readonly whichInvariantCatchesIt: string;
  /** The faults a run needs before the bug can show. */
  readonly faultsNeeded: string;
}

export const BUGS: Readonly<Record<BugName, BugInfo>> = Object.freeze({
  'vote-not-persisted': {
    description:
      'persist.hardState always carries votedFor: null, so the vote lives only in memory; ' +
      'after a crash and restart in the same term the node votes again, possibly for another candidate.',
    whichInvariantCatchesIt: 'election safety (two leaders in one term)',
    faultsNeeded: 'a voter crash and restart during an election, with two candidates in the same term',
  },
  'no-log-up-to-date-check': {
    description:
      'RequestVote (and PreVote) are granted without the §5.4.1 up-to-date check, ' +
      'so a candidate missing committed entries can win and overwrite them.',
    whichInvariantCatchesIt: 'leader completeness, then state-machine safety (different entries applied at one index)',
    faultsNeeded: 'a partition or crash that leaves a lagging node able to win an election after commits it missed',
  },
  'commit-old-term-by-counting': {
    description:
      'the leader commits an entry from an earlier term once a majority stores it, ' +
      'without the current-term check of §5.4.2 (the Figure 8 mistake). Such a leader has no use ' +
      'for the §8 election no-op and skips it, which keeps the Figure 8 window open.',
    whichInvariantCatchesIt: 'state-machine safety (a committed entry is later overwritten)',
    faultsNeeded: 'repeated leader crashes across at least three terms (the Figure 8 sequence)',
  },
  'double-vote-same-term': {
    description:
      'a node grants a second, different candidate in a term it already voted in ' +
      '(including a candidate voting for a rival while it campaigns).',
    whichInvariantCatchesIt: 'election safety (two leaders in one term)',
    faultsNeeded: 'none beyond a split vote: two candidates in the same term, which random timeouts produce',
  },
  'no-truncate-on-conflict': {
    description:
      'on a conflicting AppendEntries the follower overwrites the conflicting entries in place ' +
      'and keeps the stale suffix beyond them instead of deleting it.',
    whichInvariantCatchesIt: 'log matching (same index and term, different prefix), then state-machine safety',
    faultsNeeded: 'a deposed leader (or its followers) holding uncommitted entries longer than the new leader overwrites',
  },
  'accept-stale-term-append': {
    description:
      'a follower processes AppendEntries from a lower term as if current and acknowledges it in the ' +
      "sender's term: a deposed leader keeps replicating, truncates entries the current leader " +
      'committed, and commits its own stale entries with those acknowledgments.',
    whichInvariantCatchesIt: 'log matching and state-machine safety',
    faultsNeeded:
      'a partitioned or paused old leader that, once reachable again, still takes writes and sends ' +
      'AppendEntries after a new leader committed entries',
  },
  'commit-without-majority': {
    description:
      'off by one in the commit quorum: the leader commits once floor(n/2) nodes (counting itself) ' +
      'store an entry, e.g. on itself alone in a 3-node cluster.',
    whichInvariantCatchesIt: 'state-machine safety (a minority-committed entry is lost when another leader is elected)',
    faultsNeeded: 'a partition that isolates the leader with a minority, then a new election on the other side',
  },
  'prevote-bumps-term': {
    description:
      'a pre-candidate increments and persists its own term before asking for pre-votes, ' +
      'so a partitioned node inflates its term on every timeout and deposes the leader when it returns.',
    whichInvariantCatchesIt: 'not a safety violation: seen as term inflation and spurious elections after a heal',
    faultsNeeded: 'preVote on and a node partitioned for several election timeouts, then healed',
  },
  'no-step-down-on-higher-term': {
    description:
      'a leader drops every message carrying a higher term, so it never learns it was deposed and keeps ' +
      'accepting proposals that can never commit (its AppendEntries are rejected by the newer term).',
    whichInvariantCatchesIt:
      'liveness: writes sent to the stale leader never commit, and two nodes report leader in different terms ' +
      'long after a heal; safety still holds',
    faultsNeeded: 'a partition that isolates the leader long enough for the majority to elect another, then a heal',
  },
  'fixed-election-timeout': {
    description:
      'every election and candidate timeout is the minimum election timeout, never randomized, so nodes that time ' +
      'out together split the vote again and again.',
    whichInvariantCatchesIt: 'liveness: no leader within the bound (split-vote livelock); safety still holds',
    faultsNeeded:
      'a leader crash (followers then time out within a message delay of each other and stay in ' +
      'lockstep); continuous mode, where a losing candidate waits out its timeout',
  },
});

export const BUG_NAMES: readonly BugName[] = Object.freeze(Object.keys(BUGS) as BugName[]);
