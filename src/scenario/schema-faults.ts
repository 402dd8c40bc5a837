// Fault entries: the keys of each kind come from its module (src/faults/kinds/,
// listed in src/faults/registry.ts); the keys here say when a fault starts,
// repeats and heals, the same for every kind. Checks that span keys (one start,
// heal after start) are in checks-faults.ts, which also runs each kind's checks.
import * as z from 'zod';
import { FAULT_KIND_NAMES, FAULT_KIND_TABLE } from '../faults/registry.js';
import type { FaultKind } from '../faults/types.js';
import { LIMITS } from '../format/limits.js';
import { ONLY_VALID, duration, durationOrDist } from '../format/schema-values.js';

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

const timingSchema = z.strictObject(timing);

/** A fault entry as parsed: the timing keys, typed here; its kind's keys are typed in the kind's module (src/faults/kinds/). */
export type FaultInput = z.output<typeof timingSchema> & { readonly kind: FaultKind };

// One branch per registered kind (src/faults/registry.ts), in the table's order.
const branches = FAULT_KIND_NAMES.map((k) => fault(k, FAULT_KIND_TABLE[k].summary, FAULT_KIND_TABLE[k].shape));

export const faultSchema = z
  .discriminatedUnion('kind', branches as [(typeof branches)[number], ...(typeof branches)[number][]])
  .describe('A fault: what it does (`kind` and its keys), when it starts (`at` or `after`), how it repeats (`every` or `rate`) and how long it lasts (`duration` or `heal`).') as unknown as z.ZodType<FaultInput>;
