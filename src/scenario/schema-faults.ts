// Fault entries: the action keys mirror FaultAction in src/faults/types.ts
// (durations as strings), plus when the fault starts, repeats and heals. Checks
// that span keys (one start, heal after start, node ids < n) are in checks-faults.ts.
import * as z from 'zod';
import { LIMITS } from '../format/limits.js';
import { ONLY_VALID, duration, durationOrDist, nodeId, nodeList, probability, targetSchema } from '../format/schema-values.js';

export const FAULT_EVENTS = ['stable-leader', 'heartbeat'] as const;

// `committed` is optional only so that a misspelt key is reported as such (checks-faults.ts requires it).
const committedEvent = z
  .strictObject({
    committed: z.number().int().min(1).max(LIMITS.commitIndex).describe(`The commit index to wait for, 1..${LIMITS.commitIndex.toExponential(0)}.`).optional(),
  })
  .describe('Once the cluster commit index — the highest index any node has reported committed — reaches this (at once if it already has).');

const namedEvent = z
  .enum(FAULT_EVENTS)
  .describe('"stable-leader": a leader has led for measure.stableFor (at once if one already has); "heartbeat": the leader sends its next heartbeat.');

// The length is checked in a refinement, not with .min/.max, which zod also applies to a string's
// length: a misspelt event name would then be blamed on this branch rather than on the enum.
const triggerChain = z
  .array(z.union([committedEvent, namedEvent]))
  .superRefine((chain, ctx) => {
    if (chain.length === 0) ctx.addIssue({ code: 'custom', message: 'the chain is empty; list at least one event, e.g. ["stable-leader"]' });
    if (chain.length > LIMITS.triggerChain) ctx.addIssue({ code: 'custom', message: `${chain.length} events, over the cap of ${LIMITS.triggerChain}` });
  }, ONLY_VALID)
  .describe(`A chain of events, each awaited after the one before happened, e.g. ["stable-leader", "heartbeat"]: the first heartbeat after a stable leader; at most ${LIMITS.triggerChain}.`);

const timing = {
  at: duration('Start, measured from the beginning of the trial; must be before the horizon. Give `at` or `after`.').optional(),
  after: z
    .union([triggerChain, committedEvent, namedEvent])
    .describe(
      'Start relative to an event: "stable-leader" (a leader has led for measure.stableFor), "heartbeat" (the leader just sent heartbeats), ' +
        '{ committed: N } (the cluster commit index reached N), or a list of them awaited one after another. Give `at` or `after`.',
    )
    .optional(),
  setup: z
    .boolean()
    .describe('A set-up fault (default false): it happens as written, but takes no per-fault sample (time to leader and the rest, leader kept) and no part in recovery, so it can prepare the state the measured faults hit.')
    .optional(),
  delay: duration('With `after`: wait this long after the event (default 0).').optional(),
  window: duration('With `after`: add a uniform random extra in [0, window) (default 0).').optional(),
  every: duration(`Repeat with this period (at least 1ms); at most ${LIMITS.occurrences} occurrences per trial.`).optional(),
  rate: z.number().positive().max(LIMITS.ratePerSecond).describe(`Repeat as a Poisson process with this mean rate per second (at most ${LIMITS.ratePerSecond}).`).optional(),
  count: z.number().int().min(1).max(LIMITS.occurrences).describe(`With \`every\` or \`rate\`: at most this many occurrences in all (default: until the horizon; 1..${LIMITS.occurrences}).`).optional(),
  duration: durationOrDist('How long each occurrence lasts (default: until `heal`, or forever).').optional(),
  heal: duration('Heal at this absolute time instead of after a duration; after `at`.').optional(),
};

function fault<K extends string, S extends z.ZodRawShape>(kind: K, description: string, shape: S) {
  return z.strictObject({ kind: z.literal(kind).describe(description), ...timing, ...shape }).describe(description);
}

const fromTo = { from: targetSchema, to: targetSchema };

export const faultSchema = z
  .discriminatedUnion('kind', [
    fault('isolate', 'Cut the target off from everyone else, both ways.', { target: targetSchema }),
    fault('partition', 'Split the cluster into groups; nodes not listed form one more group.', {
      groups: z.array(nodeList).min(1).max(LIMITS.nodes).describe('Disjoint groups of node ids.'),
    }),
    fault('cut', 'One-way cut: messages from `from` to `to` are dropped.', fromTo),
    fault('cut-leader-from', 'Cut both ways between the current leader and the target only (a partial partition).', { target: targetSchema }),
    fault('bridge', 'The two sides cannot talk to each other; the bridge node talks to both.', {
      bridge: nodeId,
      sides: z.tuple([nodeList, nodeList]).describe('The two sides: disjoint node lists, without the bridge.'),
    }),
    fault('ring', 'Each node reaches only its two ring neighbours.', {}),
    fault('hold', 'Buffer messages from `from` to `to`; release them on heal.', fromTo),
    fault('loss', 'Drop messages from `from` to `to` with a probability.', { ...fromTo, probability: probability('Drop probability.') }),
    fault('latency', 'Add latency to messages from `from` to `to`.', { ...fromTo, extra: duration('Extra one-way latency.') }),
    fault('skew', 'Set the wall-clock offset of the target (healed back to 0).', { target: targetSchema, offset: duration('The offset; may be negative.', { signed: true }) }),
    fault('drift', 'Make the target\'s clock run fast or slow (healed back to 0 ppm).', {
      target: targetSchema,
      ppm: z.number().gt(-LIMITS.driftPpm).lt(LIMITS.driftPpm).describe('Drift in parts per million, |ppm| < 1e6.'),
    }),
    fault('step', 'Step the target\'s wall clock once (instantaneous: no duration or heal).', { target: targetSchema, delta: duration('The step; may be negative.', { signed: true }) }),
    fault('crash', 'Crash the target; heal restarts it from its disk.', { target: targetSchema }),
    fault('wipe', 'Crash the target and lose its state; heal restarts it empty.', { target: targetSchema }),
    fault('pause', 'Pause the target\'s CPU (a GC pause or VM stall); heal resumes it and the backlog runs.', { target: targetSchema }),
    fault('slow-cpu', 'Give the target only a share of its CPU.', { target: targetSchema, share: z.number().gt(0).max(1).describe('CPU share in (0, 1].') }),
    fault('disk-stall', 'Stall the target\'s disk: no write completes until heal.', { target: targetSchema }),
    fault('slow-disk', 'Slow the target\'s disk by a factor.', { target: targetSchema, factor: z.number().min(1).max(LIMITS.scale).describe(`Slow-down factor, 1..${LIMITS.scale}.`) }),
  ])
  .describe('A fault: what it does (`kind` and its keys), when it starts (`at` or `after`), how it repeats (`every` or `rate`) and how long it lasts (`duration` or `heal`).');

export type FaultInput = z.output<typeof faultSchema>;
export const FAULT_KINDS = faultSchema.options.map((o) => o.shape.kind.value);
