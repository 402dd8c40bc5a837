// CheckQuorum and the leader lease (dissertation §6.2 / §4.2.3 / §9.6).

import { describe, expect, test } from 'vitest';
import { Cluster } from './harness.js';

describe('CheckQuorum', () => {
  test('a leader that hears from no majority for a whole checkQuorumTimeout steps down', () => {
    const c = new Cluster({ n: 3, config: { checkQuorum: true } }).elect(0);
    expect(c.timers[0].get('election')).toBe(c.config.checkQuorumTimeoutUs);
    c.fire(0, 'election'); // heard from both followers during this window: stays
    expect(c.nodes[0].role).toBe('leader');
    c.isolate(0);
    c.heartbeat(0);
    c.fire(0, 'election'); // a window with no answers
    expect([c.nodes[0].role, c.nodes[0].term, c.nodes[0].leaderId]).toEqual(['follower', 1, null]);
    expect(c.timers[0].has('heartbeat')).toBe(false);
  });

  test('one follower answering is enough in a 3-node cluster (a majority counting the leader)', () => {
    const c = new Cluster({ n: 3, config: { checkQuorum: true } }).elect(0);
    c.fire(0, 'election');
    c.crash(2);
    c.heartbeat(0);
    c.fire(0, 'election');
    expect(c.nodes[0].role).toBe('leader');
  });

  test('ticks mode: an isolated etcd leader steps down on the second check, 2 × ET ticks after election', () => {
    const c = new Cluster({ n: 3, profile: 'etcd' }).elect(0);
    c.isolate(0);
    let ticks = 0;
    while (c.nodes[0].role === 'leader' && ticks < 100) {
      c.fire(0, 'tick');
      ticks++;
    }
    // The first check (tick 10) counts the answers to the election's no-op; the second finds none.
    expect(ticks).toBe((2 * c.config.checkQuorumTimeoutUs) / c.config.tickUs);
  });

  test('a follower with a live leader ignores a disruptive RequestVote: no reply, no new term', () => {
    const c = new Cluster({ n: 3, config: { checkQuorum: true } }).elect(0);
    c.heartbeat(0);
    c.step({ type: 'RequestVote', from: 2, to: 1, term: 9, lastLogIndex: 5, lastLogTerm: 5, preVote: false, transfer: false });
    expect(c.queue).toEqual([]);
    expect([c.nodes[1].term, c.nodes[1].votedFor, c.nodes[1].leaderId]).toEqual([1, 0, 0]);
    // The leader ignores it too.
    c.step({ type: 'RequestVote', from: 2, to: 0, term: 9, lastLogIndex: 5, lastLogTerm: 5, preVote: false, transfer: false });
    expect([c.nodes[0].role, c.nodes[0].term]).toEqual(['leader', 1]);
  });

  test('…but grants it when it is a leadership transfer', () => {
    const c = new Cluster({ n: 3, config: { checkQuorum: true } }).elect(0);
    c.heartbeat(0);
    c.step({ type: 'RequestVote', from: 2, to: 1, term: 2, lastLogIndex: 1, lastLogTerm: 1, preVote: false, transfer: true });
    expect(c.queue).toEqual([{ type: 'RequestVoteResponse', from: 1, to: 2, term: 2, granted: true, preVote: false }]);
    expect([c.nodes[1].term, c.nodes[1].votedFor]).toEqual([2, 2]);
  });

  test('once the lease phase has passed without a heartbeat, the follower votes again', () => {
    const c = new Cluster({ n: 3, config: { checkQuorum: true } }).elect(0);
    c.heartbeat(0);
    c.fire(1, 'contact'); // electionTimeoutMinUs elapsed since the leader was last heard: the lease is over
    c.step({ type: 'RequestVote', from: 2, to: 1, term: 2, lastLogIndex: 1, lastLogTerm: 1, preVote: false, transfer: false });
    expect(c.queue).toMatchObject([{ type: 'RequestVoteResponse', granted: true, term: 2 }]);
  });
});
