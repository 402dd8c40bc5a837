// Leadership transfer (dissertation §3.10): stop taking proposals, bring the
// target up to date, send TimeoutNow; the target campaigns at once.

import { describe, expect, test } from 'vitest';
import type { Message } from '../../src/raft/types.js';
import { Cluster } from './harness.js';

const timeoutNow = (m: Message) => m.type === 'TimeoutNow';

describe('§3.10 leadership transfer', () => {
  test('to an up-to-date follower: TimeoutNow at once, an election without PreVote, marked transfer', () => {
    const c = new Cluster({ n: 3, config: { preVote: true, checkQuorum: true } }).elect(0);
    c.heartbeat(0);
    c.transfer(0, 1);
    expect(c.queue).toEqual([{ type: 'TimeoutNow', from: 0, to: 1, term: 1 }]);
    c.deliver();
    expect(c.queue.filter((m) => m.type === 'RequestVote')).toMatchObject([
      { from: 1, to: 0, term: 2, preVote: false, transfer: true },
      { from: 1, to: 2, term: 2, preVote: false, transfer: true },
    ]);
    c.drain(); // node 2 heard from leader 0 recently, yet grants: the request is a transfer
    expect(c.leaders()).toEqual([1]);
    expect(c.nodes[0].role).toBe('follower');
  });

  test('to a lagging follower: it is caught up first; proposals meanwhile are refused with a hint', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    c.isolate(2);
    for (let d = 1; d <= 3; d++) c.propose(0, d);
    c.drain();
    c.heal();
    c.transfer(0, 2);
    expect(c.queue.some(timeoutNow)).toBe(false);
    expect(c.propose(0, 99)).toEqual({ data: 99, index: 0, leaderHint: 2 });
    c.heartbeat(0, false);
    // Deliver until TimeoutNow is queued: by then node 2 holds the leader's whole log.
    for (let i = 0; i < 20 && !c.queue.some(timeoutNow); i++) c.deliver((m) => !timeoutNow(m));
    expect(c.terms(2)).toEqual(c.terms(0));
    c.drain();
    expect(c.leaders()).toEqual([2]);
    expect(c.nodes[2].term).toBe(2);
  });

  test('aborts after a leader-check period if the target does not take over, then takes proposals again', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    c.isolate(1);
    c.transfer(0, 1);
    expect(c.timers[0].get('election')).toBe(c.config.checkQuorumTimeoutUs);
    expect(c.propose(0, 5).index).toBe(0);
    c.fire(0, 'election');
    expect(c.nodes[0].role).toBe('leader');
    expect(c.propose(0, 6).index).toBe(3 - 1);
  });

  test('is ignored on a follower', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    c.transfer(1, 2);
    expect(c.queue).toEqual([]);
  });
});
