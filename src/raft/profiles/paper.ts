// paper: the Raft paper's timers (§5.6/§9: 150–300 ms election timeouts, heartbeats
// well below them; no CheckQuorum or PreVote) and LogCabin's rules, the implementation
// behind the paper's measurements.
import type { RaftConfig } from '../types.js';
import { ms, type BehaviourRules, type CommonParams, type Profile } from './profile.js';

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
 * LogCabin: RaftConsensus::stepDown re-arms the election timer only when it was disabled
 * (the node was leader); it is re-armed on granting a vote and on hearing the leader (even
 * by an AppendEntries it then rejects). Every RPC is answered. withholdVotesUntil
 * disregards vote requests within an election timeout of hearing the leader, and on the
 * leader (the paper's §6 rule; `voteLease: "never"` gives Figure 2 alone). The leader's
 * disk thread writes in parallel with replication. PreVote (off by default) follows the
 * dissertation §9.6, lease included.
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

export const PAPER: Profile<PaperParams> = {
  doc: 'the Raft paper and LogCabin: continuous timers, 150–300 ms election timeouts, 50 ms heartbeats',
  defaults: PAPER_DEFAULTS,
  rules: PAPER_RULES,
  config: paperConfig,
  scenario: {
    // The candidate timeout and the lease follow electionTimeout unless set themselves.
    params: { 'electionTimeout.min': 'electionTimeoutUsMin', 'electionTimeout.max': 'electionTimeoutUsMax', checkQuorum: 'checkQuorum' },
    own: {},
    defaultsDoc: {
      electionTimeout: 'paper 150ms–300ms',
      candidateTimeout: 'paper = electionTimeout',
      heartbeatInterval: 'paper 50ms',
      checkQuorumTimeout: 'paper = electionTimeout.max',
    },
  },
  tune: {
    // election timeout [ET, 2ET], heartbeat as given
    keys: (k, show) => ({ electionTimeout: { min: show(k.electionTimeoutUs), max: show(2 * k.electionTimeoutUs) }, heartbeatInterval: show(k.heartbeatUs ?? PAPER_DEFAULTS.heartbeatUs), preVote: k.preVote, checkQuorum: k.checkQuorum }),
    snippet: (k) => {
      const lines = [`// raftsim (paper profile) raft keys`, `raft: { profile: "paper", electionTimeout: { min: "${ms(k.electionTimeoutUs)}ms", max: "${2 * ms(k.electionTimeoutUs)}ms" }, heartbeatInterval: "${ms(k.heartbeatUs ?? 50_000)}ms", preVote: ${k.preVote}, checkQuorum: ${k.checkQuorum} }`];
      return { title: 'paper profile (LogCabin-style) timers', language: 'json5', text: `${lines.join('\n')}\n` };
    },
  },
};
