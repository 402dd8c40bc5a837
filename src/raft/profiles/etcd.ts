// etcd: etcd-io/raft's tick-counting timers with the etcd server's defaults and rules.
import type { RaftConfig } from '../types.js';
import { ms, type BehaviourRules, type CommonParams, type Profile } from './profile.js';

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
 * etcd-io/raft raft.go (becomeFollower → reset(); Step's lower-term rules; the lease
 * applies only with CheckQuorum) and etcd server raftNode.start (the leader sends before
 * saving). Its Go ticker drops ticks for a slow receiver: a paused node wakes with at
 * most one pending tick, in arrival order.
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

export const ETCD: Profile<EtcdParams> = {
  doc: 'etcd-io/raft with the etcd server defaults: 100 ms ticks, election in [10, 19] ticks, PreVote and CheckQuorum',
  defaults: ETCD_DEFAULTS,
  rules: ETCD_RULES,
  config: etcdConfig,
  scenario: {
    params: { checkQuorum: 'checkQuorum' },
    own: {
      tick: { param: 'tickUs', kind: 'duration', doc: 'etcd profile only: the tick period (default 100ms, etcd\'s --heartbeat-interval).' },
      electionTicks: { param: 'electionTicks', kind: 'count', doc: 'etcd profile only: ET, the election timeout in ticks, drawn in [ET, 2ET−1] (default 10)', blame: 'electionTimeout' },
      heartbeatTicks: { param: 'heartbeatTicks', kind: 'count', doc: 'etcd profile only: heartbeat interval in ticks (default 1)', blame: 'heartbeat' },
    },
    ownPhrase: 'counts ticks',
    defaultsDoc: {
      electionTimeout: 'etcd [electionTicks, 2·electionTicks−1] ticks',
      candidateTimeout: 'etcd = the election timeout',
      heartbeatInterval: 'etcd heartbeatTicks ticks',
      checkQuorumTimeout: 'etcd electionTicks ticks',
    },
  },
  tune: {
    // tick = heartbeat (--heartbeat-interval), electionTicks = ET / heartbeat, heartbeatTicks 1
    electionInHeartbeats: 'etcd counts the election timeout in ticks of the heartbeat interval',
    keys: (k, show) => {
      const tick = k.heartbeatUs ?? ETCD_DEFAULTS.tickUs;
      return { tick: show(tick), electionTicks: Math.round(k.electionTimeoutUs / tick), heartbeatTicks: 1, preVote: k.preVote, checkQuorum: k.checkQuorum };
    },
    snippet: (k) => {
      const hb = ms(k.heartbeatUs ?? 100_000);
      const et = ms(k.electionTimeoutUs);
      const lines = [
        `# etcd flags (milliseconds)`,
        `etcd --heartbeat-interval=${hb} --election-timeout=${et} --pre-vote=${k.preVote}`,
        ``,
        `# or in the etcd config file`,
        `heartbeat-interval: ${hb}`,
        `election-timeout: ${et}`,
        `pre-vote: ${k.preVote}`,
        ...(k.checkQuorum ? [] : ['# CheckQuorum off: only for etcd-io/raft used as a library (raft.Config{CheckQuorum: false}); the etcd server always enables it']),
      ];
      return { title: 'etcd', language: 'sh', text: `${lines.join('\n')}\n` };
    },
  },
};
