// How each timer mode maps onto TimerOps, and that every draw comes from the
// injected rng (never Math.random, never a clock).

import { describe, expect, test } from 'vitest';
import { RaftNode } from '../../src/raft/node.js';
import { resolveRaftConfig } from '../../src/raft/profiles.js';
import { EMPTY_READY } from '../../src/raft/ready.js';
import type { RaftConfig } from '../../src/raft/types.js';
import { Cluster, seqRng } from './harness.js';

function lone(config: RaftConfig, draws: number[]) {
  const rng = seqRng(draws);
  const node = new RaftNode({ id: 0, peers: [0, 1, 2], config, rng });
  return { node, rng, start: node.start() };
}

describe('ticks mode (etcd)', () => {
  test('one tick timer of tickUs; the election fires on exactly the drawn tick, ET + floor(r·ET)', () => {
    const { node, rng, start } = lone(resolveRaftConfig('etcd'), [0.55]);
    expect(start.timers).toEqual([{ name: 'tick', afterUs: 100_000 }]);
    expect(rng.draws).toBe(1); // 10 + floor(0.55 × 10) = 15 ticks
    for (let t = 1; t < 15; t++) {
      const r = node.timerFired('tick');
      expect(r.timers).toEqual([{ name: 'tick', afterUs: 100_000 }]);
      expect(r.messages).toEqual([]);
    }
    const fifteenth = node.timerFired('tick');
    expect(node.role).toBe('precandidate');
    expect(fifteenth.messages).toHaveLength(2);
  });

  test('the draw covers [ET, 2ET-1] ticks', () => {
    for (const [r, ticks] of [[0, 10], [0.999, 19]] as const) {
      const { node } = lone(resolveRaftConfig('etcd'), [r]);
      let n = 0;
      while (node.role === 'follower') {
        node.timerFired('tick');
        n++;
      }
      expect(n).toBe(ticks);
    }
  });

  test('an idle tick re-uses one frozen Ready (no allocation in the hot loop)', () => {
    const { node } = lone(resolveRaftConfig('etcd'), [0.5]);
    const a = node.timerFired('tick');
    const b = node.timerFired('tick');
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });

  test('the leader heartbeats every heartbeatTicks ticks', () => {
    const c = new Cluster({ n: 3, profile: 'etcd', config: { heartbeatMinUs: 300_000, heartbeatMaxUs: 300_000 } }).elect(0);
    const beats: number[] = [];
    for (let t = 1; t <= 9; t++) {
      c.fire(0, 'tick');
      if (c.queue.length > 0) beats.push(t);
      c.drain();
    }
    expect(beats).toEqual([3, 6, 9]);
  });
});

describe('continuous mode (paper, hashicorp)', () => {
  test('the follower election timer is drawn uniformly in [min, max] µs from rng', () => {
    const { start } = lone(resolveRaftConfig('paper', { voteLease: 'never' }), [0.5]);
    expect(start.timers).toEqual([{ name: 'election', afterUs: 150_000 + Math.floor(0.5 * 150_001) }]);
  });

  test('the paper profile (LogCabin withholdVotesUntil) tracks its vote lease: a contact timer at the minimum beside the election timer', () => {
    const { node, start } = lone(resolveRaftConfig('paper'), [0.5]);
    expect(start.timers).toEqual([
      { name: 'election', afterUs: 150_000 + Math.floor(0.5 * 150_001) },
      { name: 'contact', afterUs: 150_000 },
    ]);
    expect(node.timerFired('contact').timers).toEqual([]);
  });

  test('with PreVote or CheckQuorum the lease ends at the minimum (contact), and the election timer runs its whole draw', () => {
    const { node, start } = lone(resolveRaftConfig('paper', { preVote: true, voteLease: 'never' }), [0.5]);
    expect(start.timers).toEqual([
      { name: 'election', afterUs: 225_000 },
      { name: 'contact', afterUs: 150_000 },
    ]);
    node.timerFired('contact');
    expect(node.role).toBe('follower');
    node.timerFired('election');
    expect(node.role).toBe('precandidate');
  });

  test('a candidate re-arms from the candidate range (hashicorp: [ET, 2ET))', () => {
    const config = resolveRaftConfig('hashicorp', { preVote: false, candidateTimeoutMinUs: 5_000_000, candidateTimeoutMaxUs: 5_000_000 });
    const { node } = lone(config, [0]);
    node.timerFired('election'); // lease phase
    const campaign = node.timerFired('election');
    expect(node.role).toBe('candidate');
    expect(campaign.timers).toEqual([{ name: 'election', afterUs: 5_000_000 }]);
  });

  test('a leader arms heartbeat (drawn in [heartbeatMinUs, heartbeatMaxUs]) and, with CheckQuorum, its check', () => {
    const c = new Cluster({ n: 3, profile: 'hashicorp', rng: () => seqRng([0.5]) }).elect(0);
    expect(c.timers[0].get('heartbeat')).toBe(100_000 + Math.floor(0.5 * 100_000));
    expect(c.timers[0].get('election')).toBe(500_000);
  });

  test('inputs that produce nothing return the shared frozen EMPTY_READY', () => {
    const { node } = lone(resolveRaftConfig('paper'), [0.5]);
    expect(node.timerFired('heartbeat')).toBe(EMPTY_READY); // not a leader
    expect(node.persisted(0, 0)).toBe(EMPTY_READY);
    expect(node.transferLeadership(1)).toBe(EMPTY_READY);
    expect(Object.isFrozen(EMPTY_READY)).toBe(true);
  });
});
