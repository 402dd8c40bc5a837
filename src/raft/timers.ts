// A node's timer policy: how the two timer modes turn "reset the election
// timeout", "start heartbeating" and a fired timer into TimerOps and events.
//
// continuous (paper, hashicorp):
//   'election'  follower: one timer of the drawn length; it starts an election.
//               candidate/pre-candidate: one timer drawn from the candidate range.
//               leader: the check-quorum deadline (every checkQuorumTimeout), also
//               used to abort a leadership transfer that has not finished.
//   'heartbeat' leader only, re-drawn from [heartbeatMinUs, heartbeatMaxUs] each time.
//   'contact'   when a lease is tracked (CheckQuorum, PreVote or voteLease
//               'always'), armed for electionTimeoutMinUs at every reset or contact;
//               its firing ends the follower's lease (a follower that heard from
//               its leader within the minimum election timeout disregards vote
//               requests). The host applies it at its deadline, paused or not: it
//               stands for reading the clock when a vote request is handled.
//   followerTimer 'poll' (hashicorp/raft runFollower): the follower's 'election'
//               timer is free-running, re-drawn in [min, max] on every firing, and
//               starts an election only when the leader was not heard within
//               electionTimeoutMinUs; 'contact' is armed for electionTimeoutMinUs on each
//               contact and, when it fires, marks the contact stale (hashicorp's
//               `time.Since(lastContact) < HeartbeatTimeout` test, without a clock).
//               The lease is "contact not stale".
//   Whether a step-down redraws the timer is the node's call (timerReset).
// ticks (etcd): one 'tick' every tickUs; everything else counts ticks, as etcd's
//   tickElection/tickHeartbeat do. The election timeout is drawn (in whole ticks)
//   when the role changes, as etcd's reset() does; hearing from the leader or
//   granting a vote only zeroes the elapsed count.

import type { ReadyBuilder } from './ready.js';
import type { NodeRng, RaftConfig } from './types.js';

/** Bits returned by NodeTimers.fired(). */
export const FIRE_NONE = 0;
export const FIRE_CAMPAIGN = 1;
export const FIRE_HEARTBEAT = 2;
export const FIRE_LEADER_CHECK = 4;

/** Uniform integer in [min, max]; draws nothing when the range is a single value. */
export function drawUniformInt(rng: NodeRng, min: number, max: number): number {
  if (max <= min) return min;
  return min + Math.floor(rng.next() * (max - min + 1));
}

/**
 * The config's timer durations in the unit this node's timers count: whole ticks in
 * ticks mode (RaftConfig holds µs, a whole number of ticks), µs in continuous mode.
 */
interface TimerSpans {
  readonly electionMin: number;
  readonly electionMax: number;
  readonly candidateMin: number;
  readonly candidateMax: number;
  readonly heartbeatMin: number;
  readonly heartbeatMax: number;
  readonly checkQuorum: number;
}

function timerSpans(c: RaftConfig): TimerSpans {
  const per = c.timerMode === 'ticks' ? c.tickUs : 1;
  return {
    electionMin: c.electionTimeoutMinUs / per,
    electionMax: c.electionTimeoutMaxUs / per,
    candidateMin: c.candidateTimeoutMinUs / per,
    candidateMax: c.candidateTimeoutMaxUs / per,
    heartbeatMin: c.heartbeatMinUs / per,
    heartbeatMax: c.heartbeatMaxUs / per,
    checkQuorum: c.checkQuorumTimeoutUs / per,
  };
}

export class NodeTimers {
  private readonly ticks: boolean;
  /** Durations in this node's timer unit (ticks or µs). */
  private readonly s: TimerSpans;
  /** Bug zoo 'fixed-election-timeout': every election/candidate timeout is electionTimeoutMinUs. */
  private readonly fixed: boolean;
  // ticks mode (etcd's names)
  private electionElapsed = 0;
  private heartbeatElapsed = 0;
  private randomizedElectionTicks = 0;
  private heartbeatTicks = 1;
  // continuous mode: the lease ('contact' not yet fired since the last contact)
  private readonly tracksLease: boolean;
  private contactStale = true;
  // followerTimer 'poll'
  private readonly poll: boolean;
  private polling = false;

  constructor(
    private readonly c: RaftConfig,
    private readonly rng: NodeRng,
  ) {
    this.ticks = c.timerMode === 'ticks';
    this.s = timerSpans(c);
    this.poll = !this.ticks && c.followerTimer === 'poll';
    this.tracksLease = !this.ticks && (this.poll || c.checkQuorum || c.preVote || c.voteLease === 'always');
    this.fixed = c.bug === 'fixed-election-timeout';
  }

  start(b: ReadyBuilder): void {
    if (this.ticks) b.arm('tick', this.c.tickUs);
    this.resetFollower(b);
  }

  /** New follower term/role: draw a fresh election timeout. */
  resetFollower(b: ReadyBuilder): void {
    const s = this.s;
    const d = this.fixed ? s.electionMin : drawUniformInt(this.rng, s.electionMin, s.electionMax);
    if (this.ticks) {
      this.electionElapsed = 0;
      this.randomizedElectionTicks = d;
    } else {
      this.polling = this.poll;
      b.arm('election', d);
      if (this.tracksLease && !this.poll) this.startLease(b);
    }
  }

  private startLease(b: ReadyBuilder): void {
    this.contactStale = false;
    b.arm('contact', this.s.electionMin);
  }

  /** Heard from the leader, or granted a vote. */
  touchFollower(b: ReadyBuilder): void {
    if (this.ticks) this.electionElapsed = 0;
    else if (this.poll) this.startLease(b);
    else this.resetFollower(b);
  }

  resetCandidate(b: ReadyBuilder): void {
    const s = this.s;
    const d = this.fixed ? s.electionMin : drawUniformInt(this.rng, s.candidateMin, s.candidateMax);
    if (this.ticks) {
      this.electionElapsed = 0;
      this.randomizedElectionTicks = d;
    } else {
      this.polling = false;
      b.arm('election', d);
    }
  }

  /** etcd's becomePreCandidate keeps the drawn timeout; continuous mode draws a candidate timeout. */
  resetPreCandidate(b: ReadyBuilder): void {
    if (this.ticks) this.electionElapsed = 0;
    else this.resetCandidate(b);
  }

  resetLeader(b: ReadyBuilder): void {
    const c = this.c;
    const s = this.s;
    const hb = drawUniformInt(this.rng, s.heartbeatMin, s.heartbeatMax);
    if (this.ticks) {
      this.electionElapsed = 0;
      this.heartbeatElapsed = 0;
      this.heartbeatTicks = hb;
    } else {
      this.polling = false;
      b.arm('heartbeat', hb);
      b.arm('election', c.checkQuorum ? s.checkQuorum : null);
    }
  }

  /** A leader that steps down stops heartbeating (continuous mode; ticks just change meaning). */
  stopLeader(b: ReadyBuilder): void {
    if (!this.ticks) b.arm('heartbeat', null);
  }

  /** Leadership transfer started: give it a full leader-check period before aborting (etcd resets electionElapsed). */
  restartLeaderCheck(b: ReadyBuilder): void {
    if (this.ticks) this.electionElapsed = 0;
    else b.arm('election', this.s.checkQuorum);
  }

  /** Follower side of the lease: heard from a leader within the minimum election timeout. */
  get leaseActive(): boolean {
    if (this.ticks) return this.electionElapsed < this.s.electionMin;
    return this.tracksLease && !this.contactStale;
  }

  /** A timer fired: re-arm what is periodic and say what the node must do (FIRE_* bits). */
  fired(name: string, isLeader: boolean, b: ReadyBuilder): number {
    if (this.ticks) return name === 'tick' ? this.tick(isLeader, b) : FIRE_NONE;
    const c = this.c;
    const s = this.s;
    if (name === 'heartbeat') {
      if (!isLeader) return FIRE_NONE;
      b.arm('heartbeat', drawUniformInt(this.rng, s.heartbeatMin, s.heartbeatMax));
      return FIRE_HEARTBEAT;
    }
    if (name === 'contact') {
      this.contactStale = true;
      return FIRE_NONE;
    }
    if (name !== 'election') return FIRE_NONE;
    if (this.polling && !isLeader) {
      // hashicorp runFollower: re-arm first, then campaign only if the leader went quiet.
      b.arm('election', this.fixed ? s.electionMin : drawUniformInt(this.rng, s.electionMin, s.electionMax));
      return this.contactStale ? FIRE_CAMPAIGN : FIRE_NONE;
    }
    if (isLeader) {
      if (c.checkQuorum) b.arm('election', s.checkQuorum);
      return FIRE_LEADER_CHECK;
    }
    return FIRE_CAMPAIGN;
  }

  private tick(isLeader: boolean, b: ReadyBuilder): number {
    const c = this.c;
    const s = this.s;
    b.arm('tick', c.tickUs);
    this.electionElapsed++;
    if (!isLeader) {
      if (this.electionElapsed < this.randomizedElectionTicks) return FIRE_NONE;
      this.electionElapsed = 0;
      return FIRE_CAMPAIGN;
    }
    let bits = FIRE_NONE;
    if (this.electionElapsed >= s.checkQuorum) {
      this.electionElapsed = 0;
      bits |= FIRE_LEADER_CHECK;
    }
    if (++this.heartbeatElapsed >= this.heartbeatTicks) {
      this.heartbeatElapsed = 0;
      this.heartbeatTicks = drawUniformInt(this.rng, s.heartbeatMin, s.heartbeatMax);
      bits |= FIRE_HEARTBEAT;
    }
    return bits;
  }
}
