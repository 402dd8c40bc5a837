// Leaf schemas of the scenario format: durations, distributions, probabilities,
// node ids and fault targets. Durations are parsed to integer µs here, so every
// later check and the resolver work in µs.
//
// Messages follow one convention: "what is wrong; how to fix it". The text after
// the first "; " becomes the error's hint (see issues.ts).
import * as z from 'zod';
import { DURATION_PATTERN, formatDuration, parseDuration } from './duration.js';
import { LIMITS } from './limits.js';
import { describeValue } from './values.js';

export interface DurationOptions {
  /** Allow negative durations (clock skew, clock steps). */
  readonly signed?: boolean;
  /** Require > 0. */
  readonly positive?: boolean;
}

const CAP = '30 days';

/** Cross-field refinements run only on values whose parts all parsed (never on half-parsed garbage). */
export const ONLY_VALID = { when: (p: { issues: readonly unknown[] }) => p.issues.length === 0 };

function durationTypeError(iss: { input?: unknown }): string {
  const v = iss.input;
  if (v === undefined) return 'missing; write a duration such as "150ms"';
  if (typeof v === 'number') return `${v} has no unit; write "${v}ms"`;
  return `expected a duration such as "150ms", got ${describeValue(v)}`;
}

/** A duration string ("150ms") → integer µs, at most 30 days either way. */
export function duration(description: string, o: DurationOptions = {}) {
  return z
    .string({ error: durationTypeError })
    .transform((text, ctx) => {
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message, input: text });
        return z.NEVER;
      };
      const r = parseDuration(text);
      if (!r.ok) return fail(r.hint === undefined ? r.message : `${r.message}; ${r.hint}`);
      if (!o.signed && r.us < 0) return fail(`must not be negative (got "${text}")`);
      if (o.positive === true && r.us <= 0) return fail(`must be longer than 0 (got "${text}")`);
      if (Math.abs(r.us) > LIMITS.durationUs) return fail(`"${text}" is over the ${CAP} cap`);
      return r.us;
    })
    .meta({ description: `${description} A duration with a unit: us (µs), ms, s, min, h or d, e.g. "150ms"; at most ${CAP}.`, pattern: DURATION_PATTERN });
}

const positiveDuration = (d: string) => duration(d, { positive: true });

const uniformDist = z
  .strictObject({
    dist: z.literal('uniform'),
    min: duration('Smallest value (inclusive).'),
    max: duration('Largest value (inclusive); >= min.'),
  })
  .superRefine((v, ctx) => {
    if (v.min > v.max) ctx.addIssue({ code: 'custom', path: ['min'], message: `min ${formatDuration(v.min)} is greater than max ${formatDuration(v.max)}` });
  }, ONLY_VALID);

const paretoDist = z
  .strictObject({
    dist: z.literal('pareto'),
    scale: positiveDuration('Smallest value; P(X > x) = (scale / x)^shape.'),
    shape: z.number().positive().max(LIMITS.paretoShape).describe(`Tail index, in (0, ${LIMITS.paretoShape}]; smaller is heavier.`),
    max: duration('Optional cap on every draw; >= scale.').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.max !== undefined && v.max < v.scale) ctx.addIssue({ code: 'custom', path: ['max'], message: `max ${formatDuration(v.max)} is smaller than scale ${formatDuration(v.scale)}` });
  }, ONLY_VALID);

const empiricalDist = z
  .strictObject({
    dist: z.literal('empirical'),
    samples: z
      .array(duration('One sample.'))
      .min(1)
      .max(LIMITS.empiricalSamples)
      .describe(`Samples, each equally likely (1..${LIMITS.empiricalSamples}).`)
      .optional(),
    file: z
      .string()
      .min(1)
      .max(LIMITS.pathChars)
      .describe(`A text file of samples, one number of milliseconds per line (blank lines and # comments ignored), relative to the scenario file; at most ${LIMITS.empiricalSamples} samples and 10 MiB.`)
      .optional(),
    scale: z.number().positive().max(LIMITS.scale).describe('Multiplies every sample read from `file` (default 1; in (0, 1e6]), e.g. 0.5 to turn round trips into one-way delays.').optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.samples === undefined) === (v.file === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of `samples` or `file`' });
    } else if (v.scale !== undefined && v.file === undefined) {
      ctx.addIssue({ code: 'custom', path: ['scale'], message: '`scale` applies to `file` only; scale the samples themselves' });
    }
  }, ONLY_VALID);

export const distSchema = z
  .discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('constant'), value: duration('The value.') }),
    uniformDist,
    z.strictObject({ dist: z.literal('normal'), mean: duration('Mean.'), stddev: duration('Standard deviation; draws are truncated at 0.') }),
    z.strictObject({
      dist: z.literal('lognormal'),
      median: positiveDuration('Median (> 0).'),
      sigma: z.number().min(0).max(LIMITS.sigma).describe(`Shape: the standard deviation of ln X, in [0, ${LIMITS.sigma}]; 0.5 makes p99 ≈ 3.2 × p50.`),
    }),
    z.strictObject({ dist: z.literal('exponential'), mean: positiveDuration('Mean (> 0).') }),
    paretoDist,
    empiricalDist,
  ])
  .describe('A distribution of durations: constant, uniform, normal, lognormal, exponential, pareto or empirical.');

export type DistInput = z.output<typeof distSchema>;

/** A constant duration string or a distribution object. */
export function durationOrDist(description: string) {
  return z.union([duration('A constant.'), distSchema]).describe(`${description} A duration ("500us") for a constant, or a distribution object { dist: "lognormal", median: "500us", sigma: 0.3 }.`);
}

export const probability = (description: string) => z.number().min(0).max(1).describe(`${description} A probability in [0, 1].`);

export const nodeId = z
  .number()
  .int()
  .min(0)
  .max(LIMITS.nodes - 1)
  .describe('A node id, 0 .. nodes−1.');

export const nodeList = z.array(nodeId).min(1).max(LIMITS.nodes).describe('Node ids, 0 .. nodes−1; no repeats.');

export const SYMBOLIC_TARGETS = ['leader', 'follower', 'random', 'minority', 'majority', 'all'] as const;

export const targetSchema = z
  .union([nodeList, z.enum(SYMBOLIC_TARGETS)])
  .describe(
    'Whom the fault hits: a list of node ids, or "leader" (the current leader), "follower" (a random up follower), ' +
      '"random" (any node), "minority" (⌊(n−1)/2⌋ nodes including the leader), "majority" (the rest), "all". Symbolic targets are resolved when the fault starts.',
  );

/** Per-node override maps are keyed by node id as a string: { "2": { … } }. */
export function perNode<T extends z.ZodType>(value: T, what: string) {
  return z.record(z.string(), value).describe(`Per-node overrides of ${what}, keyed by node id ("0" .. "n−1"); a node's values win over the cluster-wide ones.`);
}
