// How long after every fault heals a correct cluster needs to elect a leader
// and commit a write. The property tests and `raftsim fuzz` hold nodes to it.
//
// Derivation (all µs, worst case over nodes):
//   lease    a follower that heard a (stale) leader ignores votes for up to the
//            check-quorum / lease time, and a deposed leader steps down within it;
//   detect   some follower's election timer fires within electionTimeoutMaxUs of
//            its last reset;
//   rounds   each election round (PreVote, then vote) lasts at most one candidate
//            timeout plus two round trips and two fsyncs; randomized timeouts
//            make a split round unlikely, so K rounds bound it with overwhelming
//            probability (K = 8: a 50% split rate would fail 1 time in 256; real
//            split rates with [T, 2T] timeouts are far lower);
//   commit   the leader's no-op and the client's write each need a heartbeat,
//            a round trip and two fsyncs; the client needs two client hops and
//            may have to wait out one client timeout and a redirect.
import type { RaftConfig } from '../raft/types.js';

export const ELECTION_ROUNDS = 8;

export interface LivenessInputs {
  readonly configs: readonly RaftConfig[];
  /** Largest one-way network latency, µs (e.g. the distribution's max or a high quantile). */
  readonly maxLatencyUs: number;
  readonly maxFsyncUs: number;
  /** Largest client one-way latency and the client timeout, µs (0 without a workload). */
  readonly maxClientLatencyUs: number;
  readonly clientTimeoutUs: number;
}

/** A config's longest timer spans in µs, with a tick's lateness in ticks mode. */
export function timerBoundsUs(c: RaftConfig) {
  // Tick-mode timers can fire up to one tick late relative to the event that reset them.
  const jitter = c.timerMode === 'ticks' ? c.tickUs : 0;
  return {
    electionMaxUs: c.electionTimeoutMaxUs + jitter,
    candidateMaxUs: c.candidateTimeoutMaxUs + jitter,
    heartbeatMaxUs: c.heartbeatMaxUs + jitter,
    leaseUs: c.checkQuorum ? c.checkQuorumTimeoutUs + jitter : 0,
  };
}

export function recoveryBoundUs(i: LivenessInputs): number {
  let election = 0;
  let candidate = 0;
  let heartbeat = 0;
  let lease = 0;
  for (const c of i.configs) {
    const b = timerBoundsUs(c);
    election = Math.max(election, b.electionMaxUs);
    candidate = Math.max(candidate, b.candidateMaxUs);
    heartbeat = Math.max(heartbeat, b.heartbeatMaxUs);
    lease = Math.max(lease, b.leaseUs, c.checkQuorum ? b.electionMaxUs : 0);
  }
  const rtt = 2 * i.maxLatencyUs;
  const round = candidate + 2 * rtt + 2 * i.maxFsyncUs;
  const commit = 2 * (heartbeat + rtt + 2 * i.maxFsyncUs);
  const client = i.clientTimeoutUs > 0 ? i.clientTimeoutUs + 4 * i.maxClientLatencyUs : 0;
  return lease + election + ELECTION_ROUNDS * round + commit + client;
}
