// Raft paper Figure 8 (§5.4.2): a leader may not conclude that an entry from an
// earlier term is committed because it is stored on a majority. S1..S5 are
// nodes 0..4. One entry per message lets the test move entries one at a time.
//
//   (c) S1, leader of term 4, has replicated (2, term 2) to S2 and S3: a majority,
//       but not yet its own term-4 entry. It must not commit index 2.
//   (d) S1 crashes; S5 (log [1, 3]) wins term 5 with votes from S2, S3, S4 and
//       overwrites index 2 with its term-3 entry. Had S1 committed index 2, two
//       nodes would now have applied different entries at index 2.
//   (e) Instead, once S1's term-4 entry is on a majority, both commit together.

import { describe, expect, test } from 'vitest';
import { awayFromS4, figure8c, S5 } from './figure8.js';

describe('Figure 8: commitment of entries from earlier terms', () => {
  test('(c) a term-2 entry on a majority is not committed by the term-4 leader', () => {
    const c = figure8c();
    expect(c.nodes[0].role).toBe('leader');
    expect([c.terms(0), c.terms(1), c.terms(2)]).toEqual([[1, 2, 4], [1, 2], [1, 2]]);
    expect(c.nodes[0].commitIndex).toBe(0);
  });

  test('(e) it commits together with the first term-4 entry stored on a majority', () => {
    const c = figure8c();
    c.drain(awayFromS4);
    expect(c.nodes[0].commitIndex).toBe(3);
    expect(c.applied[0].map((e) => [e.index, e.term])).toEqual([[1, 1], [2, 2], [3, 4]]);
  });

  test('(d) S5 may then overwrite index 2, which is safe only because it was never committed', () => {
    for (const bug of [null, 'commit-old-term-by-counting'] as const) {
      const c = figure8c(bug);
      const committedByS1 = c.nodes[0].commitIndex;
      c.crash(0);
      c.restart(S5);
      for (let i = 0; i < 3 && c.nodes[S5].role !== 'leader'; i++) {
        c.timeout(S5);
        c.drain();
      }
      c.heartbeat(S5);
      expect(c.nodes[S5].term).toBe(5);
      // S3's index 2 now holds S5's term-3 entry (plus S5's no-op, which the broken node skips).
      expect(c.terms(2)).toEqual(bug === null ? [1, 3, 5] : [1, 3]);
      if (bug === null) {
        expect(committedByS1).toBe(0);
        expect(c.violations).toEqual([]);
      } else {
        // The broken leader committed (2, t2), then lost it: state-machine safety is violated.
        expect(committedByS1).toBe(2);
        expect(c.violations).toContain('index 2: node 1 applied t3/203, earlier t2/202');
      }
    }
  });
});
