// The `raft` section: a timer profile, the knobs that override it (cluster-wide
// and per node) and the node implementation. How knobs map onto each profile is
// in raft-config.ts; the defaults quoted here come from src/raft/profiles.ts.
import * as z from 'zod';
import { BUG_NAMES } from '../raft/bugs.js';
import { PROFILE_NAMES } from '../raft/profiles.js';
import { formatDuration } from './duration.js';
import { LIMITS } from './limits.js';
import { ONLY_VALID, duration, perNode } from './schema-values.js';

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
