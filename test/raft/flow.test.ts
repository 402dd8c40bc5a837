// Replication flow control: probe and replicate states, maxInflightMsgs,
// maxEntriesPerMsg, and heartbeats that go out regardless.

import { describe, expect, test } from 'vitest';
import type { AppendEntries, Message } from '../../src/raft/types.js';
import { Cluster } from './harness.js';

const appendsTo = (to: number) => (m: Message): m is AppendEntries => m.type === 'AppendEntries' && m.to === to;

describe('flow control', () => {
  test('at most maxInflightMsgs entry-carrying AppendEntries are unacknowledged, each with ≤ maxEntriesPerMsg', () => {
    const c = new Cluster({ n: 3, config: { maxInflightMsgs: 3, maxEntriesPerMsg: 2 } }).elect(0);
    for (let d = 1; d <= 20; d++) c.propose(0, d);
    // Each proposal goes out at once until the window is full; the other 17 wait.
    expect(c.queue.filter(appendsTo(1)).map((m) => m.entries.length)).toEqual([1, 1, 1]);
    // Heartbeats still go out, empty, whatever the window.
    c.heartbeat(0, false);
    expect(c.queue.filter(appendsTo(1)).map((m) => m.entries.length)).toEqual([1, 1, 1, 0]);
    // One acknowledgment frees one slot, refilled with a batch of maxEntriesPerMsg.
    c.deliver((m) => appendsTo(1)(m) && m.prevLogIndex === 1 && m.entries.length > 0);
    c.deliver((m) => m.from === 1);
    expect(c.queue.filter(appendsTo(1)).map((m) => m.entries.length)).toEqual([1, 1, 0, 2]);
    // Acknowledgments open the window until the follower has everything.
    c.drain();
    c.heartbeat(0);
    expect(c.terms(1)).toHaveLength(21);
    const sent = c.sent.filter(appendsTo(1));
    expect(Math.max(...sent.map((m) => m.entries.length))).toBe(2);
    expect(c.nodes[0].commitIndex).toBe(21);
  });

  test('probe mode after a rejection: one AppendEntries at a time until the follower matches', () => {
    const c = new Cluster({ n: 3, durable: [{ term: 1, log: [1, 1, 1, 1] }, { term: 1, log: [1] }, { term: 1, log: [1, 1, 1, 1] }] });
    c.timeout(0);
    c.drain((m) => m.to !== 1 && m.from !== 1); // elected by node 2 alone
    expect(c.queue.filter(appendsTo(1)).map((m) => m.prevLogIndex)).toEqual([4]);
    c.deliver((m) => m.to === 1); // the first probe, at prev=4, is rejected: node 1 has 1 entry
    c.deliver((m) => m.from === 1);
    expect(c.queue.filter(appendsTo(1)).map((m) => m.prevLogIndex)).toEqual([1]);
    for (let d = 1; d <= 5; d++) c.propose(0, d);
    // Only the one probe is outstanding to node 1, however many proposals arrive.
    expect(c.queue.filter(appendsTo(1))).toHaveLength(1);
    c.drain();
    c.heartbeat(0);
    expect(c.terms(1)).toEqual(c.terms(0));
  });

  test('a lost AppendEntries: the gap is rejected and the leader resends from matchIndex+1 at once (etcd Progress.MaybeDecrTo)', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    c.propose(0, 1);
    expect(c.drop(appendsTo(1))).toHaveLength(1);
    c.propose(0, 2);
    c.drain();
    // The follower rejects the batch after the gap (rejected index 2 > matchIndex 1): a real
    // rejection, so the leader probes at matchIndex+1 and resends without waiting for a heartbeat.
    const rejects = c.sent.filter((m) => m.type === 'AppendEntriesResponse' && m.from === 1 && !m.success);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ rejectedIndex: 2 });
    expect(c.terms(1)).toHaveLength(3);
    expect(c.nodes[0].commitIndex).toBe(3);
  });

  test('a lost AppendEntries with nothing after it is repaired from the next heartbeat\'s response (etcd MsgHeartbeatResp)', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    c.propose(0, 1);
    c.drop(appendsTo(1));
    c.drain();
    expect(c.terms(1)).toHaveLength(1);
    // The heartbeat (at matchIndex 1) succeeds; the follower is still behind, so the leader
    // sends an empty append at its optimistic nextIndex-1 = 2, which the follower rejects
    // above matchIndex: probe at 2, and entry 2 goes out again.
    c.heartbeat(0);
    expect(c.terms(1)).toHaveLength(2);
    expect(c.sent.filter((m) => m.type === 'AppendEntriesResponse' && m.from === 1 && !m.success)).toEqual([expect.objectContaining({ rejectedIndex: 2 })]);
    c.heartbeat(0);
    expect(c.applied[1].map((e) => e.data)).toEqual([0, 1]);
  });

  test('a follower that lost acknowledged entries (wiped disk) is re-replicated instead of probed forever', () => {
    const c = new Cluster({ n: 3 }).elect(0);
    for (let d = 1; d <= 3; d++) c.propose(0, d);
    c.drain();
    c.wipe(1);
    c.heartbeat(0); // rejected with "my log ends at 0", below the leader's matchIndex of 4
    c.heartbeat(0);
    expect(c.terms(1)).toEqual([1, 1, 1, 1]);
    expect(c.applied[1].map((e) => e.data)).toEqual([0, 1, 2, 3]);
  });
});
