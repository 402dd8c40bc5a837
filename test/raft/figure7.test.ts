// Raft paper Figure 7: when the leader at the top comes to power (term 8), any of
// the follower logs (a)–(f) may exist. The leader brings each one to match its
// own log: missing entries (a, b, e) are filled in, extraneous uncommitted
// entries (c, d, f) are deleted. The rejection count shows the fast
// backtracking of dissertation §5.3 (one round trip per conflicting term, not per entry).

import { describe, expect, test } from 'vitest';
import { Cluster } from './harness.js';

const LEADER = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];

// case | follower log (terms) | rejections before the leader finds the match point
const CASES: [string, number[], number][] = [
  ['a', [1, 1, 1, 4, 4, 5, 5, 6, 6], 1],
  ['b', [1, 1, 1, 4], 1],
  ['c', [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6], 0],
  ['d', [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7], 0],
  ['e', [1, 1, 1, 4, 4, 4, 4], 2],
  ['f', [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3], 2],
];

describe('Figure 7: a new leader in term 8 makes each follower log match its own', () => {
  test.each(CASES)('(%s) follower %j', (_name, followerLog, rejections) => {
    // Node 0 leads; node 1 holds the case's log; node 2 holds the leader's log and votes for it.
    const c = new Cluster({
      n: 3,
      durable: [
        { term: 7, log: LEADER },
        { term: 7, log: followerLog },
        { term: 7, log: LEADER },
      ],
    });
    c.elect(0);
    c.heartbeat(0);
    expect(c.nodes[0].term).toBe(8);
    expect(c.terms(1)).toEqual([...LEADER, 8]);
    for (let i = 1; i <= 11; i++) expect(c.nodes[1].entryAt(i)).toEqual(c.nodes[0].entryAt(i));
    expect(c.disks[1].log).toEqual(c.disks[0].log); // and so does what survives a crash
    const rejects = c.sent.filter((m) => m.type === 'AppendEntriesResponse' && m.from === 1 && !m.success);
    expect(rejects).toHaveLength(rejections);
    expect(c.nodes.map((x) => x.commitIndex)).toEqual([11, 11, 11]);
  });
});
