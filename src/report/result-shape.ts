// The shape of a saved result (`run|sweep --json`/`--out`) that `raftsim report`
// renders: every field the report reads, checked before rendering, so a file of
// the wrong shape is bad input naming the field (exit 2), never a TypeError in
// the middle of a chart. Unknown extra fields are allowed (newer versions, other
// tools); `config` is only required to be an object (the one-line description
// that reads it tolerates anything).
import * as z from 'zod';
import { clipText } from '../scenario/clip.js';
import { formatKeyPath } from '../scenario/errors.js';
import { METRIC_NAMES, metric } from '../metrics/table.js';

const num = z.number().refine(Number.isFinite, 'a finite number');
const ms = num.nullable();
const count = z.number().int().min(0);

// A quantile's interval bound: ms, '> horizon' (it lands on a censored trial), or null (no bound).
const bound = z.union([num, z.literal('> horizon'), z.null()]);
const interval = z.tuple([bound, bound]);

const duration = z.looseObject({
  n: count,
  mean: ms,
  p50: ms,
  p90: ms,
  p99: ms,
  max: ms,
  censored: count,
  ci95: z.tuple([num, num]).nullable().optional(),
  quantileCi95: z.looseObject({ p50: interval, p90: interval, p99: interval }).optional(),
});

const rate = z.looseObject({
  events: count,
  hours: num,
  perHour: num,
  ci95: z.tuple([num, num.nullable()]),
  upper95: num.nullable(),
});

/** Each metric of the table (metrics/table.ts) by its kind; a metric added later may be absent from older results. */
function tableMetricShapes(): Record<string, z.ZodType> {
  const out: Record<string, z.ZodType> = {};
  for (const name of METRIC_NAMES) {
    const e = metric(name);
    const shape = e.kind === 'duration' ? duration : e.kind === 'fraction' ? ms : num;
    out[name] = e.inOldResults ? shape : shape.optional();
    if (e.kind === 'perHour') out[e.evidence] = rate.optional();
  }
  return out;
}

const metrics = z.looseObject({
  ...tableMetricShapes(),
  alertsFiredPerTrial: z.record(z.string(), num),
  trialsWithAlert: z.record(z.string(), count),
  safety: z.enum(['ok', 'violated']),
  safetyViolations: count,
  measuredHours: num,
  eventsPerTrial: num,
});

const samples = z.looseObject({
  trial: z.array(count),
  timeToLeaderMs: z.array(ms),
  timeToLeaderHeardMs: z.array(ms),
  timeToStableLeaderMs: z.array(ms).optional(),
  timeToWriteMs: z.array(ms),
  leaderlessMs: z.array(num),
});

const violation = z.looseObject({
  trial: count,
  invariant: z.string(),
  nodes: z.array(count),
  term: num,
  index: num,
  timeUs: num,
  detail: z.string(),
  replay: z.string(),
});

const expectation = z.looseObject({
  metric: z.string(),
  op: z.string(),
  bound: z.union([num, z.string()]),
  actual: z.union([num, z.string()]).nullable(),
  pass: z.boolean(),
});

const stint = z.looseObject({ node: count, term: num, startUs: num, endUs: ms });
const timeline = z.looseObject({
  label: z.enum(['best', 'median', 'worst']),
  trial: count,
  rankMs: ms,
  rankedBy: z.string(),
  n: z.number().int().min(1).max(1000),
  endUs: num,
  events: z.array(z.tuple([num, count, z.string(), num])),
  stints: z.array(stint),
  faults: z.array(z.looseObject({ description: z.string(), kind: z.string().optional(), startUs: num, healUs: ms })),
  violation: z.looseObject({ invariant: z.string(), timeUs: num, detail: z.string() }).nullable(),
});

const configFields = {
  point: z.record(z.string(), z.unknown()),
  config: z.looseObject({ horizonUs: num }),
  metrics,
  expectations: z.array(expectation),
  violations: z.array(violation),
  samples: samples.superRefine((s, ctx) => {
    // One value per fault occurrence in every per-fault list (the charts read them side by side).
    for (const k of ['timeToLeaderMs', 'timeToLeaderHeardMs', 'timeToStableLeaderMs', 'timeToWriteMs'] as const) {
      const list = s[k];
      if (list !== undefined && list.length !== s.trial.length) ctx.addIssue({ code: 'custom', path: [k], message: `has ${list.length} values, but "trial" has ${s.trial.length}` });
    }
  }),
  timelines: z.array(timeline).optional(),
};
const config = z.looseObject(configFields);

const header = {
  scenario: z.string(),
  description: z.string(),
  file: z.string(),
  seed: z.string(),
  trials: count,
  raftsimVersion: z.string().optional(),
  source: z.unknown(),
  overrides: z.array(z.string()),
};

export const runResultShape = z.looseObject({ ...header, ...configFields });
export const sweepResultShape = z.looseObject({ ...header, results: z.array(config), interrupted: z.boolean().optional() });

/** null when `data` is a run or sweep result the report can render; else where and what is wrong. */
export function resultShapeProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'the top level is not an object';
  const isSweep = 'results' in data;
  const r = (isSweep ? sweepResultShape : runResultShape).safeParse(data);
  if (r.success) return null;
  const issue = r.error.issues[0];
  const where = issue.path.length === 0 ? 'the top level' : formatKeyPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
  return `${clipText(where, 120)}: ${clipText(issue.message, 200)}${r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem(s))` : ''}`;
}
