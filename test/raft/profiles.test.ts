// Timer profiles: documented defaults, native knobs, overrides, validation.

import { describe, expect, test } from 'vitest';
import { profileConfig, resolveRaftConfig } from '../../src/raft/profiles.js';

describe('profiles', () => {
  test('paper: continuous, 150–300 ms elections, 50 ms heartbeats, no CheckQuorum/PreVote', () => {
    expect(resolveRaftConfig('paper')).toMatchObject({
      timerMode: 'continuous',
      electionTimeoutMin: 150_000,
      electionTimeoutMax: 300_000,
      candidateTimeoutMin: 150_000,
      candidateTimeoutMax: 300_000,
      heartbeatMin: 50_000,
      heartbeatMax: 50_000,
      checkQuorum: false,
      checkQuorumTimeout: 300_000,
      preVote: false,
      bug: null,
    });
  });

  test('etcd: 100 ms ticks, [10, 19] election ticks, heartbeat every tick, CheckQuorum every 10 ticks, PreVote', () => {
    expect(resolveRaftConfig('etcd')).toMatchObject({
      timerMode: 'ticks',
      tickUs: 100_000,
      electionTimeoutMin: 10,
      electionTimeoutMax: 19,
      heartbeatMin: 1,
      heartbeatMax: 1,
      checkQuorum: true,
      checkQuorumTimeout: 10,
      preVote: true,
    });
  });

  test('hashicorp: follower [HT, 2HT), candidate [ET, 2ET), heartbeat [HT/10, HT/5), lease 500 ms, PreVote', () => {
    expect(resolveRaftConfig('hashicorp')).toMatchObject({
      timerMode: 'continuous',
      electionTimeoutMin: 1_000_000,
      electionTimeoutMax: 1_999_999,
      candidateTimeoutMin: 1_000_000,
      candidateTimeoutMax: 1_999_999,
      heartbeatMin: 100_000,
      heartbeatMax: 199_999,
      checkQuorum: true,
      checkQuorumTimeout: 500_000,
      preVote: true,
    });
  });

  test('native knobs move the derived fields with them', () => {
    expect(profileConfig('etcd', { electionTicks: 20, tickUs: 50_000 })).toMatchObject({
      tickUs: 50_000,
      electionTimeoutMin: 20,
      electionTimeoutMax: 39,
      checkQuorumTimeout: 20,
    });
    expect(profileConfig('hashicorp', { heartbeatTimeoutUs: 500_000 })).toMatchObject({
      electionTimeoutMax: 999_999,
      heartbeatMin: 50_000,
      heartbeatMax: 99_999,
    });
  });

  test('any RaftConfig field can be overridden, and the result is frozen', () => {
    const c = resolveRaftConfig('paper', { preVote: true, maxInflightMsgs: 1, bug: 'fixed-election-timeout' });
    expect([c.preVote, c.maxInflightMsgs, c.bug]).toEqual([true, 1, 'fixed-election-timeout']);
    expect(Object.isFrozen(c)).toBe(true);
  });

  test.each([
    [{ electionTimeoutMax: 100 }, /electionTimeoutMax \(100\) must be >= electionTimeoutMin/],
    [{ heartbeatMin: 1.5 }, /heartbeatMin must be an integer/],
    [{ maxInflightMsgs: 0 }, /maxInflightMsgs must be an integer >= 1/],
    [{ bug: 'nope' as never }, /bug must be null or one of/],
    [{ timerMode: 'ticks' as const, tickUs: 0 }, /tickUs must be an integer >= 1/],
  ])('validation names the bad field: %j', (overrides, message) => {
    expect(() => resolveRaftConfig('paper', overrides)).toThrow(message);
  });
});
