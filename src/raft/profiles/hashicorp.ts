// hashicorp: hashicorp/raft's DefaultConfig timers and its rules.
import type { RaftConfig } from '../types.js';
import { ms, type BehaviourRules, type CommonParams, type Profile } from './profile.js';

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

/**
 * hashicorp/raft raft.go. runFollower polls lastContact on a free-running timer;
 * requestVote refuses while a leader is known; lastContact moves only on the leader's
 * AppendEntries when it succeeds and on a granted vote; dispatchLogs stores the leader's
 * entries before replication is notified; the follower loop's select picks uniformly
 * among ready channels; replication.go's per-follower heartbeat loop waits for each reply.
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

export const HASHICORP: Profile<HashicorpParams> = {
  doc: 'hashicorp/raft DefaultConfig: follower timeout [1s, 2s), heartbeats every [100ms, 200ms), 500 ms lease, PreVote from 1.7',
  defaults: HASHICORP_DEFAULTS,
  rules: HASHICORP_RULES,
  config: hashicorpConfig,
  scenario: {
    // Every timer knob overrides its RaftConfig field (CheckQuorum too: hashicorp always has it).
    params: {},
    own: {
      hashicorpVersion: { param: 'version', kind: 'version', doc: 'hashicorp profile only: the hashicorp/raft release to match, e.g. "1.1"; PreVote exists from 1.7 (default "1.7").' },
    },
    ownPhrase: 'has a version',
    defaultsDoc: {
      electionTimeout: 'hashicorp 1s–1.999999s ([HeartbeatTimeout, 2·HeartbeatTimeout))',
      candidateTimeout: 'hashicorp 1s–1.999999s ([ElectionTimeout, 2·ElectionTimeout))',
      heartbeatInterval: 'hashicorp 100ms–199.999ms ([HT/10, HT/5))',
      checkQuorumTimeout: 'hashicorp 500ms (LeaderLeaseTimeout)',
    },
    // hashicorp/raft's ValidateConfig wants LeaderLeaseTimeout <= HeartbeatTimeout: its default
    // 500 ms lease shrinks with a shorter HeartbeatTimeout (an explicit one is checked below).
    derive: (o, base) =>
      o.checkQuorumTimeoutUs === undefined && o.electionTimeoutMinUs !== undefined ? { checkQuorumTimeoutUs: Math.min(base.checkQuorumTimeoutUs, o.electionTimeoutMinUs) } : {},
    checks: {
      checkQuorumTimeout: (c, show) =>
        c.checkQuorum && c.checkQuorumTimeoutUs > c.electionTimeoutMinUs
          ? `hashicorp/raft requires LeaderLeaseTimeout (${show(c.checkQuorumTimeoutUs)}) <= HeartbeatTimeout (electionTimeout.min, ${show(c.electionTimeoutMinUs)})`
          : null,
    },
  },
  tune: {
    // HeartbeatTimeout = ElectionTimeout = ET (timers [ET, 2ET)), heartbeats every [ET/10, ET/5), LeaderLeaseTimeout = ET / 2
    heartbeatFollowsElection: 'sends heartbeats every HeartbeatTimeout/10',
    keys: (k, show) => {
      const et = k.electionTimeoutUs;
      const range = { min: show(et), max: show(2 * et - 1) };
      return { electionTimeout: range, candidateTimeout: range, heartbeatInterval: { min: show(Math.round(et / 10)), max: show(Math.round(et / 5) - 1) }, checkQuorumTimeout: show(Math.round(et / 2)), preVote: k.preVote, checkQuorum: k.checkQuorum };
    },
    snippet: (k) => {
      const et = ms(k.electionTimeoutUs);
      const lines = [
        `// hashicorp/raft`,
        `config := raft.DefaultConfig()`,
        `config.HeartbeatTimeout = ${et} * time.Millisecond`,
        `config.ElectionTimeout = ${et} * time.Millisecond`,
        `config.LeaderLeaseTimeout = ${Math.round(et / 2)} * time.Millisecond`,
        `config.PreVoteDisabled = ${!k.preVote} // hashicorp/raft >= 1.7`,
        ...(k.checkQuorum ? [] : ['// CheckQuorum off: hashicorp/raft always checks its lease; this configuration is not reachable there']),
      ];
      return { title: 'hashicorp/raft Config', language: 'go', text: `${lines.join('\n')}\n` };
    },
  },
};
