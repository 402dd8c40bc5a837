// RaftLog against a plain-array model, plus the up-to-date rule (§5.4.1) and
// the backtracking helpers (dissertation §5.3).

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RaftLog } from '../../src/raft/log.js';
import { termsToLog } from './harness.js';

describe('RaftLog', () => {
  test('is 1-based; index 0 and out-of-range indexes have term 0', () => {
    const log = new RaftLog(termsToLog([1, 1, 2]));
    expect([log.lastIndex, log.lastTerm]).toEqual([3, 2]);
    expect([0, 1, 2, 3, 4, -1].map((i) => log.termAt(i))).toEqual([0, 1, 1, 2, 0, 0]);
    expect(log.entryAt(0)).toBeUndefined();
    expect(log.entryAt(3)).toEqual({ term: 2, data: 302 });
    expect(new RaftLog().lastTerm).toBe(0);
  });

  test('slice is [from, toExclusive) and clamps to the log', () => {
    const log = new RaftLog(termsToLog([1, 2, 3, 4]));
    expect(log.slice(2, 4).map((e) => e.term)).toEqual([2, 3]);
    expect(log.slice(0, 99).map((e) => e.term)).toEqual([1, 2, 3, 4]);
    expect(log.slice(5, 9)).toEqual([]);
  });

  test('does not alias the initial array', () => {
    const init = termsToLog([1]);
    const log = new RaftLog(init);
    log.append({ term: 2, data: 9 });
    expect(init).toHaveLength(1);
  });

  // Table: log, candidate (lastIndex, lastTerm) → is the candidate at least as up to date?
  test.each([
    { log: [1, 2], cand: [1, 3], want: true, why: 'higher last term wins even if shorter' },
    { log: [1, 3], cand: [5, 2], want: false, why: 'lower last term loses even if longer' },
    { log: [1, 2], cand: [2, 2], want: true, why: 'same last term, same length' },
    { log: [1, 2], cand: [3, 2], want: true, why: 'same last term, longer' },
    { log: [1, 2, 2], cand: [2, 2], want: false, why: 'same last term, shorter' },
    { log: [], cand: [0, 0], want: true, why: 'two empty logs' },
  ])('§5.4.1 isUpToDate: $why', ({ log, cand, want }) => {
    expect(new RaftLog(termsToLog(log)).isUpToDate(cand[0], cand[1])).toBe(want);
  });

  test('backtracking helpers find the first and last index of a term', () => {
    const log = new RaftLog(termsToLog([1, 1, 1, 4, 4, 5, 5, 6, 6, 6]));
    expect(log.firstIndexOfTerm(4, 5)).toBe(4);
    expect(log.firstIndexOfTerm(6, 9)).toBe(8);
    expect(log.firstIndexOfTerm(3, 5)).toBe(0); // the entry at 5 is not of term 3
    expect(log.lastIndexOfTerm(5, 10)).toBe(7);
    expect(log.lastIndexOfTerm(5, 6)).toBe(6);
    expect(log.lastIndexOfTerm(3, 10)).toBe(0); // no entry of term 3
    expect(log.lastIndexOfTerm(1, 99)).toBe(3);
  });

  test('append / truncateFrom / overwrite behave like an array (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), term: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ kind: fc.constant('overwrite' as const), at: fc.integer({ min: 1, max: 12 }), term: fc.integer({ min: 1, max: 5 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const log = new RaftLog();
        const model: number[] = [];
        for (const o of ops) {
          if (o.kind === 'append') {
            log.append({ term: o.term, data: 0 });
            model.push(o.term);
          } else if (o.kind === 'truncate') {
            log.truncateFrom(o.at);
            model.length = Math.min(model.length, Math.max(o.at - 1, 0));
          } else if (o.at <= model.length + 1) {
            log.overwrite(o.at, { term: o.term, data: 0 });
            model[o.at - 1] = o.term;
          }
          expect(log.lastIndex).toBe(model.length);
          expect(log.lastTerm).toBe(model.length ? model[model.length - 1] : 0);
          for (let i = 0; i <= model.length + 1; i++) expect(log.termAt(i)).toBe(model[i - 1] ?? 0);
        }
      }),
    );
  });
});
