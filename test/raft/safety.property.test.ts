// Property: under any random schedule (reordering, loss, duplication, crashes,
// partitions, random timer firings) the reference node keeps Raft's safety
// properties (paper Figure 3), and once the network heals it elects a leader
// and commits a write on every node.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runChaos } from './chaos.js';
import type { ClusterOptions } from './harness.js';

const setups: Record<string, ClusterOptions> = {
  'paper, 3 nodes': { n: 3, profile: 'paper' },
  'paper, Figure 2 alone (no vote lease), 3 nodes': { n: 3, profile: 'paper', config: { voteLease: 'never' } },
  'etcd, PreVote only (no CheckQuorum), 3 nodes': { n: 3, profile: 'etcd', config: { checkQuorum: false } },
  'paper, 5 nodes, 1 entry per message, 2 inflight': {
    n: 5,
    profile: 'paper',
    config: { maxEntriesPerMsg: 1, maxInflightMsgs: 2 },
  },
  'paper + preVote + checkQuorum, 5 nodes': { n: 5, profile: 'paper', config: { preVote: true, checkQuorum: true } },
  'etcd ticks, 3 nodes': { n: 3, profile: 'etcd' },
  'hashicorp, 4 nodes': { n: 4, profile: 'hashicorp' },
};

describe('reference node under random schedules (Figure 3 properties)', () => {
  for (const [name, opts] of Object.entries(setups)) {
    test(name, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
          const r = runChaos(opts, seed, Number(process.env.RAFT_STEPS ?? 400));
          expect(r.violations).toEqual([]);
          expect(r.live).toBe(true);
        }),
        { numRuns: Number(process.env.RAFT_RUNS ?? 60), seed: Number(process.env.RAFT_SEED ?? 42) },
      );
    });
  }
});

// The same random schedules must catch the bug zoo's safety bugs, or the
// monitor above proves nothing.
describe('the random schedules catch broken nodes', () => {
  test.each(['no-log-up-to-date-check', 'commit-without-majority', 'double-vote-same-term'] as const)('%s', (bug) => {
    let caught = 0;
    for (let seed = 1; seed <= 60; seed++) {
      // Figure 2 alone: the §6 vote lease hides contested votes the hunt needs.
      if (runChaos({ n: 3, profile: 'paper', config: { bug, voteLease: 'never' } }, seed, 400).violations.length > 0) caught++;
    }
    expect(caught).toBeGreaterThan(0);
  });
});
