// The `raft` section: a timer profile, the knobs that override it (cluster-wide
// and per node) and the node implementation. How knobs map onto each profile is
// in raft-config.ts; the defaults quoted here come from src/raft/profiles.ts.
import * as z from 'zod';
import { BUG_NAMES } from '../raft/bugs.js';
import { PROFILE_NAMES } from '../raft/profiles.js';
import { formatDuration } from '../format/duration.js';
import { LIMITS } from '../format/limits.js';
import { ONLY_VALID, duration, perNode } from '../format/schema-values.js';

function range(what: string, defaults: string) {
  return z
    .strictObject({
      min: duration(`Smallest ${what} (inclusive).`, { positive: true }).optional(),
      max: duration(`Largest ${what} (inclusive); >= min.`, { positive: true }).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.min !== undefined && v.max !== undefined && v.min > v.max) ctx.addIssue({ code: 'custom', path: ['min'], message: `min ${formatDuration(v.min)} is greater than max ${formatDuration(v.max)}` });
    }, ONLY_VALID)
    .describe(`The ${what}, drawn uniformly in [min, max]; either bound may be left to the profile. ${defaults}`);
}

const counter = (what: string) => z.number().int().min(1).max(LIMITS.counter).describe(`${what} (1..${LIMITS.counter}).`);

const TICKS_NOTE = 'In the etcd profile (ticks mode) durations must be whole multiples of `tick`.';

/** Every knob that can be set cluster-wide and per node. */
export const raftKnobs = {
  electionTimeout: range(
    'follower election timeout',
    `Defaults: paper 150ms–300ms; hashicorp 1s–1.999999s ([HeartbeatTimeout, 2·HeartbeatTimeout)); etcd [electionTicks, 2·electionTicks−1] ticks. ${TICKS_NOTE}`,
  ).optional(),
  candidateTimeout: range(
    'candidate (and pre-candidate) retry timeout',
    `Defaults: paper = electionTimeout; hashicorp 1s–1.999999s ([ElectionTimeout, 2·ElectionTimeout)); etcd = the election timeout. ${TICKS_NOTE}`,
  ).optional(),
  heartbeatInterval: z
    .union([duration('A fixed interval.', { positive: true }), range('heartbeat interval', '')])
    .describe(
      `Leader heartbeat interval: a duration, or { min, max } re-drawn for each heartbeat. Its max must be shorter than the election timeout min. Defaults: paper 50ms; hashicorp 100ms–199.999ms ([HT/10, HT/5)); etcd heartbeatTicks ticks. ${TICKS_NOTE}`,
    )
    .optional(),
  tick: duration('etcd profile only: the tick period (default 100ms, etcd\'s --heartbeat-interval).', { positive: true }).optional(),
  electionTicks: counter('etcd profile only: ET, the election timeout in ticks, drawn in [ET, 2ET−1] (default 10)').optional(),
  heartbeatTicks: counter('etcd profile only: heartbeat interval in ticks (default 1)').optional(),
  preVote: z.boolean().describe('PreVote (dissertation §9.6). Defaults: paper false; etcd true; hashicorp true.').optional(),
  checkQuorum: z.boolean().describe('CheckQuorum: a leader steps down when it has not heard from a majority. Defaults: paper false; etcd true; hashicorp true.').optional(),
  checkQuorumTimeout: duration(
    `How long a leader may go without hearing from a majority. Defaults: paper = electionTimeout.max; etcd electionTicks ticks; hashicorp 500ms (LeaderLeaseTimeout). ${TICKS_NOTE}`,
    { positive: true },
  ).optional(),
  maxInflightMsgs: counter('Most AppendEntries in flight to one follower. Defaults: paper 64; etcd 512; hashicorp 128').optional(),
  maxEntriesPerMsg: counter('Most entries in one AppendEntries (default 64)').optional(),
  timerSource: z.enum(['monotonic', 'wall']).describe('The clock timers run on: "monotonic" (default) or "wall" (stepped by clock faults).').optional(),
  // Rules that differ between implementations (docs/model.md cites each source).
  timerReset: z
    .enum(['on-term-change', 'on-contact'])
    .describe('When a follower redraws its election timer: "on-term-change" also on every step-down and term change, a refused vote included (etcd); "on-contact" only on hearing the leader and granting a vote (paper/LogCabin, hashicorp).')
    .optional(),
  staleTermReplies: z
    .enum(['always', 'etcd'])
    .describe('"always": every lower-term request is answered with our term (paper, hashicorp); "etcd": a stale AppendEntries is answered only with CheckQuorum or PreVote on, a stale pre-vote is rejected, a stale vote request ignored.')
    .optional(),
  voteLease: z
    .enum(['with-check-quorum', 'always', 'never'])
    .describe('Disregard vote requests within the minimum election timeout of hearing a leader: "with-check-quorum" (etcd), "always" (paper/LogCabin), "never" (Figure 2 alone; hashicorp, which refuses while it knows a leader instead).')
    .optional(),
  preVoteLease: z.boolean().describe('Refuse a pre-vote within the leader lease even without CheckQuorum (dissertation §9.6). Defaults: paper true; etcd false; hashicorp true.').optional(),
  refuseVotesWhileLeaderKnown: z.boolean().describe('hashicorp/raft: refuse every vote while a leader is known; a follower forgets it only when its own timer fires. Defaults: hashicorp true; others false.').optional(),
  followerTimer: z
    .enum(['restart', 'poll'])
    .describe('"restart": the follower timer restarts on contact (paper, etcd); "poll": a free-running timer that campaigns only if the leader was not heard within electionTimeout.min (hashicorp). Continuous timers only.')
    .optional(),
  leaderSendsBeforePersist: z.boolean().describe('The leader sends AppendEntries before its own write is durable (dissertation §10.2.1). Defaults: paper true (LogCabin); etcd true; hashicorp false.').optional(),
  wakeOrder: z
    .enum(['arrival', 'timers-first', 'random'])
    .describe('Which queued input a node handles first after a pause: "arrival" (etcd), "timers-first", or "random" (Go select; hashicorp).')
    .optional(),
  heartbeatPacing: z
    .enum(['interval', 'after-reply'])
    .describe('"interval": heartbeats go to every follower at each firing (paper, etcd); "after-reply": a follower whose last heartbeat is unanswered is skipped (hashicorp\'s per-follower heartbeat loop waits for each reply).')
    .optional(),
  hashicorpVersion: z
    .union([
      z.string().regex(/^\d{1,3}\.\d{1,3}(\.\d{1,3})?$/, 'a version such as "1.1" or "1.7.0"'),
      // `--set raft.hashicorpVersion=1.7` arrives as a number: take its decimal form.
      z.number().nonnegative().transform((v) => String(v)),
    ])
    .describe('hashicorp profile only: the hashicorp/raft release to match, e.g. "1.1"; PreVote exists from 1.7 (default "1.7").')
    .optional(),
};

export const RAFT_KNOB_NAMES = Object.freeze(Object.keys(raftKnobs)) as readonly (keyof typeof raftKnobs)[];

export const IMPLEMENTATIONS = ['reference', ...BUG_NAMES] as const;

export const raftSchema = z
  .strictObject({
    profile: z
      .enum(PROFILE_NAMES as unknown as ['paper', 'etcd', 'hashicorp'])
      .describe('Timer profile: "paper" (default; continuous timers), "etcd" (ticks) or "hashicorp". Sets defaults only; every knob overrides it.')
      .optional(),
    ...raftKnobs,
    implementation: z
      .union([
        z.enum(IMPLEMENTATIONS as unknown as [string, ...string[]]),
        z.strictObject({
          module: z.string().min(1).max(LIMITS.pathChars).describe('Path of a JS module exporting a RaftNodeApi factory, relative to the scenario file.'),
        }),
      ])
      .describe(`The node implementation: "reference" (default), a bug-zoo variant (${BUG_NAMES.join(', ')}) or { module: "./my-node.js" }.`)
      .optional(),
    nodes: perNode(z.strictObject(raftKnobs), 'any raft knob except profile, implementation and nodes').optional(),
  })
  .describe('Raft timers and options: a profile, then overrides cluster-wide and per node.');
