// The `raft` section: a timer profile, the knobs that override it (cluster-wide
// and per node) and the node implementation. How knobs map onto each profile is
// in raft-config.ts; the profiles, their own knobs and the defaults quoted here come
// from the table in src/raft/profiles.ts (a new profile needs no edit here).
import * as z from 'zod';
import { BUG_NAMES } from '../raft/bugs.js';
import { DEFAULT_PROFILE, PROFILE_NAMES, PROFILE_RULES, profileConfig, profileOf, type ProfileName } from '../raft/profiles.js';
import type { RaftConfig } from '../raft/types.js';
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

/** "paper 150ms–300ms; etcd …; hashicorp …": each profile's entry, in table order. */
const perProfile = (entry: (p: ProfileName) => string) => PROFILE_NAMES.map((p) => `${p} ${entry(p)}`).join('; ');
const docOf = (k: keyof ReturnType<typeof profileOf>['scenario']['defaultsDoc']) => PROFILE_NAMES.map((p) => profileOf(p).scenario.defaultsDoc[k]).join('; ');
const configDefault = (k: keyof RaftConfig) => perProfile((p) => String(profileConfig(p)[k]));
const ruleDefault = (k: keyof (typeof PROFILE_RULES)[ProfileName]) => perProfile((p) => String(PROFILE_RULES[p][k]));

const TICK_PROFILES = PROFILE_NAMES.filter((p) => profileConfig(p).timerMode === 'ticks');
const TICKS_NOTE = `In the ${TICK_PROFILES.join(' or ')} profile (ticks mode) durations must be whole multiples of \`tick\`.`;

/** A knob only some profile has (src/raft/profiles/<name>.ts `scenario.own`), as a schema. */
function ownKnob(kind: 'duration' | 'count' | 'version', doc: string) {
  switch (kind) {
    case 'duration':
      return duration(doc, { positive: true }).optional();
    case 'count':
      return counter(doc).optional();
    case 'version':
      return z
        .union([
          z.string().regex(/^\d{1,3}\.\d{1,3}(\.\d{1,3})?$/, 'a version such as "1.1" or "1.7.0"'),
          // `--set raft.hashicorpVersion=1.7` arrives as a number: take its decimal form.
          z.number().nonnegative().transform((v) => String(v)),
        ])
        .describe(doc)
        .optional();
  }
}

/** Every profile's own knobs: timer ones (durations, counts) go with the timers, the rest last. */
function ownKnobs(timers: boolean): Record<string, ReturnType<typeof ownKnob>> {
  const out: Record<string, ReturnType<typeof ownKnob>> = {};
  for (const p of PROFILE_NAMES) {
    for (const [name, k] of Object.entries(profileOf(p).scenario.own)) if ((k.kind !== 'version') === timers) out[name] = ownKnob(k.kind, k.doc);
  }
  return out;
}

/** Every knob that can be set cluster-wide and per node. */
export const raftKnobs = {
  electionTimeout: range('follower election timeout', `Defaults: ${docOf('electionTimeout')}. ${TICKS_NOTE}`).optional(),
  candidateTimeout: range('candidate (and pre-candidate) retry timeout', `Defaults: ${docOf('candidateTimeout')}. ${TICKS_NOTE}`).optional(),
  heartbeatInterval: z
    .union([duration('A fixed interval.', { positive: true }), range('heartbeat interval', '')])
    .describe(
      `Leader heartbeat interval: a duration, or { min, max } re-drawn for each heartbeat. Its max must be shorter than the election timeout min. Defaults: ${docOf('heartbeatInterval')}. ${TICKS_NOTE}`,
    )
    .optional(),
  ...ownKnobs(true),
  preVote: z.boolean().describe(`PreVote (dissertation §9.6). Defaults: ${configDefault('preVote')}.`).optional(),
  checkQuorum: z.boolean().describe(`CheckQuorum: a leader steps down when it has not heard from a majority. Defaults: ${configDefault('checkQuorum')}.`).optional(),
  checkQuorumTimeout: duration(`How long a leader may go without hearing from a majority. Defaults: ${docOf('checkQuorumTimeout')}. ${TICKS_NOTE}`, { positive: true }).optional(),
  maxInflightMsgs: counter(`Most AppendEntries in flight to one follower. Defaults: ${configDefault('maxInflightMsgs')}`).optional(),
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
  preVoteLease: z.boolean().describe(`Refuse a pre-vote within the leader lease even without CheckQuorum (dissertation §9.6). Defaults: ${ruleDefault('preVoteLease')}.`).optional(),
  refuseVotesWhileLeaderKnown: z.boolean().describe(`hashicorp/raft: refuse every vote while a leader is known; a follower forgets it only when its own timer fires. Defaults: ${PROFILE_NAMES.filter((p) => PROFILE_RULES[p].refuseVotesWhileLeaderKnown).join(', ')} true; others false.`).optional(),
  followerTimer: z
    .enum(['restart', 'poll'])
    .describe('"restart": the follower timer restarts on contact (paper, etcd); "poll": a free-running timer that campaigns only if the leader was not heard within electionTimeout.min (hashicorp). Continuous timers only.')
    .optional(),
  leaderSendsBeforePersist: z.boolean().describe(`The leader sends AppendEntries before its own write is durable (dissertation §10.2.1). Defaults: ${ruleDefault('leaderSendsBeforePersist')}.`).optional(),
  wakeOrder: z
    .enum(['arrival', 'timers-first', 'random'])
    .describe('Which queued input a node handles first after a pause: "arrival" (etcd), "timers-first", or "random" (Go select; hashicorp).')
    .optional(),
  heartbeatPacing: z
    .enum(['interval', 'after-reply'])
    .describe('"interval": heartbeats go to every follower at each firing (paper, etcd); "after-reply": a follower whose last heartbeat is unanswered is skipped (hashicorp\'s per-follower heartbeat loop waits for each reply).')
    .optional(),
  ...ownKnobs(false),
};

export const RAFT_KNOB_NAMES = Object.freeze(Object.keys(raftKnobs)) as readonly (keyof typeof raftKnobs)[];

export const IMPLEMENTATIONS = ['reference', ...BUG_NAMES] as const;

export const raftSchema = z
  .strictObject({
    profile: z
      .enum(PROFILE_NAMES)
      .describe(`Timer profile, one of ${PROFILE_NAMES.map((p) => `"${p}"${p === DEFAULT_PROFILE ? ' (default)' : ''} — ${profileOf(p).doc}`).join('; ')}. Sets defaults only; every knob overrides it.`)
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
