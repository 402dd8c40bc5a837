// Timer profiles: three well-known ways to time Raft, each built from the
// knobs its source exposes (in that source's own terms) into a RaftConfig.
//
//   resolveRaftConfig('etcd', { preVote: false }, { electionTicks: 20 })
//
// `params` are the profile's native knobs (derived fields follow them);
// `overrides` then replace any RaftConfig field directly. The result is validated.
// All durations are integer microseconds (…Us) or whole ticks (…Ticks).

import { BUGS } from './bugs.js';
import type { RaftConfig } from './types.js';

export type ProfileName = 'paper' | 'etcd' | 'hashicorp';
export const PROFILE_NAMES: readonly ProfileName[] = Object.freeze(['paper', 'etcd', 'hashicorp']);

/** Flow-control and misc fields shared by every profile's params. */
export interface CommonParams {
  readonly maxInflightMsgs: number;
  readonly maxEntriesPerMsg: number;
  readonly timerSource: RaftConfig['timerSource'];
}

/**
 * The rules that differ between implementations (types.ts documents each field;
 * docs/model.md cites the source each default was checked against). Every profile
 * sets all of them; every one stays overridable per node.
 */
export type BehaviourRules = Pick<
  RaftConfig,
  | 'timerReset'
  | 'staleTermReplies'
  | 'preVoteLease'
  | 'voteLease'
  | 'refuseVotesWhileLeaderKnown'
  | 'followerTimer'
  | 'leaderSendsBeforePersist'
  | 'wakeOrder'
  | 'heartbeatPacing'
>;

/**
 * paper: LogCabin, the implementation behind the Raft paper's measurements.
 * RaftConsensus::stepDown re-arms the election timer only when it was disabled (the node
 * was leader); it is re-armed on granting a vote and on hearing the leader (even by an
 * AppendEntries it then rejects). Every RPC is answered. withholdVotesUntil disregards
 * vote requests within an election timeout of hearing the leader, and on the leader (the
 * paper's §6 rule; `voteLease: "never"` gives Figure 2 alone). The leader's disk thread
 * writes in parallel with replication. PreVote (off by default) follows the dissertation
 * §9.6, lease included.
 */
export const PAPER_RULES: BehaviourRules = Object.freeze({
  timerReset: 'on-contact',
  staleTermReplies: 'always',
  preVoteLease: true,
  voteLease: 'always',
  refuseVotesWhileLeaderKnown: false,
  followerTimer: 'restart',
  leaderSendsBeforePersist: true,
  wakeOrder: 'arrival',
  heartbeatPacing: 'interval',
});

/**
 * etcd: etcd-io/raft raft.go (becomeFollower → reset(); Step's lower-term rules; the
 * lease applies only with CheckQuorum) and etcd server raftNode.start (the leader sends
 * before saving). Its Go ticker drops ticks for a slow receiver: a paused node wakes
 * with at most one pending tick, in arrival order.
 */
export const ETCD_RULES: BehaviourRules = Object.freeze({
  timerReset: 'on-term-change',
  staleTermReplies: 'etcd',
  preVoteLease: false,
  voteLease: 'with-check-quorum',
  refuseVotesWhileLeaderKnown: false,
  followerTimer: 'restart',
  leaderSendsBeforePersist: true,
  wakeOrder: 'arrival',
  heartbeatPacing: 'interval',
});

/**
 * hashicorp: hashicorp/raft raft.go. runFollower polls lastContact on a free-running
 * timer; requestVote refuses while a leader is known; lastContact moves only on the
 * leader's AppendEntries when it succeeds and on a granted vote; dispatchLogs stores the
 * leader's entries before replication is notified; the follower loop's select picks
 * uniformly among ready channels; replication.go's per-follower heartbeat loop waits for
 * each reply.
 */
export const HASHICORP_RULES: BehaviourRules = Object.freeze({
  timerReset: 'on-contact',
  staleTermReplies: 'always',
  preVoteLease: true,
  voteLease: 'never',
  refuseVotesWhileLeaderKnown: true,
  followerTimer: 'poll',
  leaderSendsBeforePersist: false,
  wakeOrder: 'random',
  heartbeatPacing: 'after-reply',
});

/** Raft paper §5.6/§9: 150–300 ms election timeouts, heartbeats well below them. No CheckQuorum or PreVote. */
export interface PaperParams extends CommonParams {
  readonly electionTimeoutUsMin: number;
  readonly electionTimeoutUsMax: number;
  readonly heartbeatUs: number;
  readonly checkQuorum: boolean;
  readonly preVote: boolean;
}

export const PAPER_DEFAULTS: PaperParams = Object.freeze({
  electionTimeoutUsMin: 150_000,
  electionTimeoutUsMax: 300_000,
  heartbeatUs: 50_000,
  checkQuorum: false,
  preVote: false,
  maxInflightMsgs: 64,
  maxEntriesPerMsg: 64,
  timerSource: 'monotonic',
});

/**
 * etcd server defaults: --heartbeat-interval=100ms is one tick, --election-timeout=1000ms
 * is ET = 10 ticks; raft draws the timeout in [ET, 2ET-1] ticks. CheckQuorum and
 * PreVote are on in etcd ≥ 3.4 servers. etcd caps messages by bytes (1 MiB); here by entries.
 * maxInflightMsgs 512 is etcd's server value (4096 / 8).
 */
export interface EtcdParams extends CommonParams {
  readonly tickUs: number;
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  readonly checkQuorum: boolean;
  readonly preVote: boolean;
}

export const ETCD_DEFAULTS: EtcdParams = Object.freeze({
  tickUs: 100_000,
  electionTicks: 10,
  heartbeatTicks: 1,
  checkQuorum: true,
  preVote: true,
  maxInflightMsgs: 512,
  maxEntriesPerMsg: 64,
  timerSource: 'monotonic',
});

/**
 * hashicorp/raft DefaultConfig: HeartbeatTimeout 1 s (follower timeout in [HT, 2HT)),
 * ElectionTimeout 1 s (candidate timeout in [ET, 2ET)), heartbeats every [HT/10, HT/5),
 * LeaderLeaseTimeout 500 ms (its check-quorum), PreVote on since v1.7 (`version`).
 * MaxAppendEntries 64; pipeline depth 128 (rpcMaxPipeline). The follower polls
 * "time since last contact" on a free-running timer (HASHICORP_RULES).
 */
export interface HashicorpParams extends CommonParams {
  readonly heartbeatTimeoutUs: number;
  readonly electionTimeoutUs: number;
  readonly leaderLeaseTimeoutUs: number;
  /** The hashicorp/raft release to match ("1.1", "1.7", …): PreVote exists from 1.7. */
  readonly version: string;
  /** undefined: as the version has it. */
  readonly preVote?: boolean;
}

export const HASHICORP_DEFAULTS: HashicorpParams = Object.freeze({
  heartbeatTimeoutUs: 1_000_000,
  electionTimeoutUs: 1_000_000,
  leaderLeaseTimeoutUs: 500_000,
  version: '1.7',
  maxInflightMsgs: 128,
  maxEntriesPerMsg: 64,
  timerSource: 'monotonic',
});

/** Each profile's implementation rules (the defaults a scenario may override). */
export const PROFILE_RULES: { readonly [P in ProfileName]: BehaviourRules } = Object.freeze({
  paper: PAPER_RULES,
  etcd: ETCD_RULES,
  hashicorp: HASHICORP_RULES,
});

export interface ProfileParams {
  paper: PaperParams;
  etcd: EtcdParams;
  hashicorp: HashicorpParams;
}

export const PROFILE_DEFAULTS: { readonly [P in ProfileName]: ProfileParams[P] } = Object.freeze({
  paper: PAPER_DEFAULTS,
  etcd: ETCD_DEFAULTS,
  hashicorp: HASHICORP_DEFAULTS,
});

function paperConfig(p: PaperParams): RaftConfig {
  return {
    timerMode: 'continuous',
    tickUs: 0,
    electionTimeoutMinUs: p.electionTimeoutUsMin,
    electionTimeoutMaxUs: p.electionTimeoutUsMax,
    candidateTimeoutMinUs: p.electionTimeoutUsMin,
    candidateTimeoutMaxUs: p.electionTimeoutUsMax,
    heartbeatMinUs: p.heartbeatUs,
    heartbeatMaxUs: p.heartbeatUs,
    checkQuorum: p.checkQuorum,
    checkQuorumTimeoutUs: p.electionTimeoutUsMax,
    preVote: p.preVote,
    maxInflightMsgs: p.maxInflightMsgs,
    maxEntriesPerMsg: p.maxEntriesPerMsg,
    timerSource: p.timerSource,
    ...PAPER_RULES,
    bug: null,
  };
}

function etcdConfig(p: EtcdParams): RaftConfig {
  return {
    timerMode: 'ticks',
    tickUs: p.tickUs,
    // etcd draws [ET, 2ET) whole ticks: [ET, 2ET - 1] ticks, held here in µs.
    electionTimeoutMinUs: p.electionTicks * p.tickUs,
    electionTimeoutMaxUs: (2 * p.electionTicks - 1) * p.tickUs,
    candidateTimeoutMinUs: p.electionTicks * p.tickUs,
    candidateTimeoutMaxUs: (2 * p.electionTicks - 1) * p.tickUs,
    heartbeatMinUs: p.heartbeatTicks * p.tickUs,
    heartbeatMaxUs: p.heartbeatTicks * p.tickUs,
    checkQuorum: p.checkQuorum,
    checkQuorumTimeoutUs: p.electionTicks * p.tickUs,
    preVote: p.preVote,
    maxInflightMsgs: p.maxInflightMsgs,
    maxEntriesPerMsg: p.maxEntriesPerMsg,
    timerSource: p.timerSource,
    ...ETCD_RULES,
    bug: null,
  };
}

/** Half-open [x, 2x) ranges become inclusive [x, 2x - 1] µs: draws are integers. */
function hashicorpConfig(p: HashicorpParams): RaftConfig {
  const ht = p.heartbeatTimeoutUs;
  return {
    timerMode: 'continuous',
    tickUs: 0,
    electionTimeoutMinUs: ht,
    electionTimeoutMaxUs: 2 * ht - 1,
    candidateTimeoutMinUs: p.electionTimeoutUs,
    candidateTimeoutMaxUs: 2 * p.electionTimeoutUs - 1,
    heartbeatMinUs: Math.floor(ht / 10),
    heartbeatMaxUs: Math.floor(ht / 5) - 1,
    checkQuorum: true,
    checkQuorumTimeoutUs: p.leaderLeaseTimeoutUs,
    preVote: p.preVote ?? hashicorpHasPreVote(p.version),
    maxInflightMsgs: p.maxInflightMsgs,
    maxEntriesPerMsg: p.maxEntriesPerMsg,
    timerSource: p.timerSource,
    ...HASHICORP_RULES,
    bug: null,
  };
}

/** hashicorp/raft gained PreVote in v1.7.0 (on unless Config.PreVoteDisabled). */
export function hashicorpHasPreVote(version: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (m === null) return true;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 1 || (major === 1 && minor >= 7);
}

/** The profile's RaftConfig from its native knobs (missing ones take the documented defaults). */
export function profileConfig<P extends ProfileName>(profile: P, params: Partial<ProfileParams[P]> = {}): RaftConfig {
  switch (profile) {
    case 'paper':
      return paperConfig({ ...PAPER_DEFAULTS, ...(params as Partial<PaperParams>) });
    case 'etcd':
      return etcdConfig({ ...ETCD_DEFAULTS, ...(params as Partial<EtcdParams>) });
    case 'hashicorp':
      return hashicorpConfig({ ...HASHICORP_DEFAULTS, ...(params as Partial<HashicorpParams>) });
    default:
      throw new Error(`unknown raft profile '${String(profile)}' (expected one of ${PROFILE_NAMES.join(', ')})`);
  }
}

/** A profile's config with any RaftConfig field overridden, validated. */
export function resolveRaftConfig<P extends ProfileName>(
  profile: P,
  overrides: Partial<RaftConfig> = {},
  params: Partial<ProfileParams[P]> = {},
): RaftConfig {
  return validateRaftConfig({ ...profileConfig(profile, params), ...overrides });
}

/** The timer durations of a RaftConfig (µs; whole ticks in ticks mode). */
export const TIMEOUT_FIELDS_US = [
  'electionTimeoutMinUs',
  'electionTimeoutMaxUs',
  'candidateTimeoutMinUs',
  'candidateTimeoutMaxUs',
  'heartbeatMinUs',
  'heartbeatMaxUs',
  'checkQuorumTimeoutUs',
] as const;

/** Throws an Error naming the first bad field; returns the config frozen. */
export function validateRaftConfig(c: RaftConfig): RaftConfig {
  const int = (name: keyof RaftConfig, min: number): void => {
    const v = c[name] as unknown;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      throw new Error(`raft config: ${name} must be an integer >= ${min}, got ${String(v)}`);
    }
  };
  if (c.timerMode !== 'continuous' && c.timerMode !== 'ticks') {
    throw new Error(`raft config: timerMode must be 'continuous' or 'ticks', got ${String(c.timerMode)}`);
  }
  int('tickUs', c.timerMode === 'ticks' ? 1 : 0);
  for (const name of ['electionTimeoutMinUs', 'candidateTimeoutMinUs', 'heartbeatMinUs', 'checkQuorumTimeoutUs'] as const) {
    int(name, 1);
  }
  for (const [lo, hi] of [
    ['electionTimeoutMinUs', 'electionTimeoutMaxUs'],
    ['candidateTimeoutMinUs', 'candidateTimeoutMaxUs'],
    ['heartbeatMinUs', 'heartbeatMaxUs'],
  ] as const) {
    int(hi, 1);
    if (c[hi] < c[lo]) throw new Error(`raft config: ${hi} (${c[hi]}) must be >= ${lo} (${c[lo]})`);
  }
  if (c.timerMode === 'ticks') {
    for (const name of TIMEOUT_FIELDS_US) {
      if (c[name] % c.tickUs !== 0) throw new Error(`raft config: ${name} (${c[name]}) must be a whole number of ticks (tickUs ${c.tickUs})`);
    }
  }
  int('maxInflightMsgs', 1);
  int('maxEntriesPerMsg', 1);
  if (c.timerSource !== 'monotonic' && c.timerSource !== 'wall') {
    throw new Error(`raft config: timerSource must be 'monotonic' or 'wall', got ${String(c.timerSource)}`);
  }
  const oneOf = (name: keyof RaftConfig, allowed: readonly unknown[]): void => {
    if (!allowed.includes(c[name])) throw new Error(`raft config: ${name} must be one of ${allowed.join(', ')}, got ${String(c[name])}`);
  };
  oneOf('timerReset', ['on-term-change', 'on-contact']);
  oneOf('staleTermReplies', ['always', 'etcd']);
  oneOf('followerTimer', ['restart', 'poll']);
  oneOf('wakeOrder', ['arrival', 'timers-first', 'random']);
  oneOf('voteLease', ['with-check-quorum', 'always', 'never']);
  oneOf('heartbeatPacing', ['interval', 'after-reply']);
  for (const b of ['preVoteLease', 'refuseVotesWhileLeaderKnown', 'leaderSendsBeforePersist'] as const) oneOf(b, [true, false]);
  if (c.followerTimer === 'poll' && c.timerMode === 'ticks') throw new Error(`raft config: followerTimer 'poll' needs continuous timers`);
  if (c.bug !== null && !Object.hasOwn(BUGS, c.bug)) {
    throw new Error(`raft config: bug must be null or one of ${Object.keys(BUGS).join(', ')}, got ${String(c.bug)}`);
  }
  return Object.freeze({ ...c });
}
