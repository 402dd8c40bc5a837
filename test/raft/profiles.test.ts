// Timer profiles: documented defaults, native knobs, overrides, validation.

import { describe, expect, test } from 'vitest';
import { profileConfig, resolveRaftConfig } from '../../src/raft/profiles.js';

describe('profiles', () => {
  test('paper: continuous, 150–300 ms elections, 50 ms heartbeats, no CheckQuorum/PreVote', () => {
    expect(resolveRaftConfig('paper')).toMatchObject({
      timerMode: 'continuous',
      electionTimeoutMinUs: 150_000,
      electionTimeoutMaxUs: 300_000,
      candidateTimeoutMinUs: 150_000,
      candidateTimeoutMaxUs: 300_000,
      heartbeatMinUs: 50_000,
      heartbeatMaxUs: 50_000,
      checkQuorum: false,
      checkQuorumTimeoutUs: 300_000,
      preVote: false,
      bug: null,
    });
  });

  test('etcd: 100 ms ticks, [10, 19] election ticks, heartbeat every tick, CheckQuorum every 10 ticks, PreVote', () => {
    expect(resolveRaftConfig('etcd')).toMatchObject({
      timerMode: 'ticks',
      tickUs: 100_000,
      electionTimeoutMinUs: 1_000_000, // 10 ticks
      electionTimeoutMaxUs: 1_900_000, // 19 ticks
      heartbeatMinUs: 100_000,
      heartbeatMaxUs: 100_000,
      checkQuorum: true,
      checkQuorumTimeoutUs: 1_000_000,
      preVote: true,
    });
  });

  test('hashicorp: follower [HT, 2HT), candidate [ET, 2ET), heartbeat [HT/10, HT/5), lease 500 ms, PreVote', () => {
    expect(resolveRaftConfig('hashicorp')).toMatchObject({
      timerMode: 'continuous',
      electionTimeoutMinUs: 1_000_000,
      electionTimeoutMaxUs: 1_999_999,
      candidateTimeoutMinUs: 1_000_000,
      candidateTimeoutMaxUs: 1_999_999,
      heartbeatMinUs: 100_000,
      heartbeatMaxUs: 199_999,
      checkQuorum: true,
      checkQuorumTimeoutUs: 500_000,
      preVote: true,
    });
  });

  test('native knobs move the derived fields with them', () => {
    expect(profileConfig('etcd', { electionTicks: 20, tickUs: 50_000 })).toMatchObject({
      tickUs: 50_000,
      electionTimeoutMinUs: 1_000_000, // 20 ticks of 50 ms
      electionTimeoutMaxUs: 1_950_000, // 39 ticks
      checkQuorumTimeoutUs: 1_000_000,
    });
    expect(profileConfig('hashicorp', { heartbeatTimeoutUs: 500_000 })).toMatchObject({
      electionTimeoutMaxUs: 999_999,
      heartbeatMinUs: 50_000,
      heartbeatMaxUs: 99_999,
    });
  });

  test('any RaftConfig field can be overridden, and the result is frozen', () => {
    const c = resolveRaftConfig('paper', { preVote: true, maxInflightMsgs: 1, bug: 'fixed-election-timeout' });
    expect([c.preVote, c.maxInflightMsgs, c.bug]).toEqual([true, 1, 'fixed-election-timeout']);
    expect(Object.isFrozen(c)).toBe(true);
  });

  test.each([
    [{ electionTimeoutMaxUs: 100 }, /electionTimeoutMaxUs \(100\) must be >= electionTimeoutMinUs/],
    [{ heartbeatMinUs: 1.5 }, /heartbeatMinUs must be an integer/],
    [{ maxInflightMsgs: 0 }, /maxInflightMsgs must be an integer >= 1/],
    [{ bug: 'nope' as never }, /bug must be null or one of/],
    [{ timerMode: 'ticks' as const, tickUs: 0 }, /tickUs must be an integer >= 1/],
    [{ timerMode: 'ticks' as const, tickUs: 100_000, electionTimeoutMinUs: 150_000 }, /electionTimeoutMinUs \(150000\) must be a whole number of ticks/],
  ])('validation names the bad field: %j', (overrides, message) => {
    expect(() => resolveRaftConfig('paper', overrides)).toThrow(message);
  });
});
