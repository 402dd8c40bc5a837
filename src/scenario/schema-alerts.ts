// The scenario's optional `alerts:` section: what `raftsim alerts` simulates
// Prometheus with. Validated with the rest of the scenario (file:line:key
// errors); only `raftsim alerts` reads it, so it changes nothing for other
// commands. Flags of `raftsim alerts` override it.
import * as z from 'zod';
import { resolve as resolvePath, dirname } from 'node:path';
import { duration } from '../format/schema-values.js';
import { builtinScenarioDir } from './builtin.js';
import { ALERT_DEFAULTS, LABEL_NAME, METRIC_NAME, type AlertsConfig } from './alerts-config.js';

const wholeSeconds = (what: string) =>
  duration(`${what} A whole number of seconds, 1 s to 1 h.`, { positive: true }).refine((us) => us % 1_000_000 === 0 && us >= 1_000_000 && us <= 3_600_000_000, {
    message: 'must be a whole number of seconds from 1s to 1h; e.g. "15s"',
  });

export const alertsSchema = z
  .strictObject({
    rules: z.string().min(1).max(4096).describe('A Prometheus rules file, relative to the scenario file named on the command line (or to the built-in scenarios folder).').optional(),
    scrapeInterval: wholeSeconds('How often Prometheus scrapes each node (default "15s").').optional(),
    evaluationInterval: wholeSeconds('How often rules are evaluated (default "15s").').optional(),
    pageAfter: duration('A leaderless stretch at least this long should page; shorter ones should not (default "30s").', { positive: true }).optional(),
    families: z
      .array(z.enum(['raft', 'etcd']))
      .min(1)
      .max(2)
      .describe('Which metric families each node exposes: "raft" (<prefix>state{state=…}, <prefix>term, …) and "etcd" (etcd_server_has_leader, …); default both.')
      .optional(),
    prefix: z.string().max(100).regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'must be a metric name prefix such as "raft_" or "tensor_chain_"').describe('Prefix of the raft family\'s names (default "raft_").').optional(),
    job: z.string().min(1).max(200).describe('The job label of every target (default "raft").').optional(),
    labels: z
      .record(z.string().regex(LABEL_NAME, 'must be a label name (letters, digits, _; not starting with a digit)'), z.string().max(200))
      .describe('Further labels on every series, e.g. { cluster: "prod-a" } (not job or instance).')
      .optional(),
    isolatedTargets: z
      .enum(['scraped', 'unreachable'])
      .describe('"scraped" (default): Prometheus reaches every running node whatever the partitions between nodes; "unreachable": a node cut off from all its peers fails its scrapes too.')
      .optional(),
  })
  .superRefine((a, ctx) => {
    for (const k of Object.keys(a.labels ?? {})) {
      if (k === 'job' || k === 'instance' || k.startsWith('__')) ctx.addIssue({ code: 'custom', path: ['labels', k], message: `"${k}" is set by raftsim; use alerts.job for the job label` });
    }
  })
  .describe('Simulated Prometheus for `raftsim alerts`: scrape and evaluation intervals, metric names and labels, the rules file, and how long a leaderless stretch must be to deserve a page.');

export type AlertsInput = z.output<typeof alertsSchema>;

/** The directory a scenario's relative rules path starts from. */
export function scenarioDir(file: string): string {
  return file.startsWith('builtin:') ? dirname(resolvePath(builtinScenarioDir(), `${file.slice('builtin:'.length)}.json5`)) : dirname(resolvePath(file));
}

/** Flags given to `raftsim alerts` (already checked), which win over the scenario's section. */
export interface AlertsOverrides {
  readonly scrapeIntervalMs?: number;
  readonly evaluationIntervalMs?: number;
  readonly pageAfterMs?: number;
  readonly prefix?: string;
  readonly rules?: string;
}

/** The resolved configuration: the scenario's section (already validated by the loader), then the flags. */
export function alertsConfigOf(source: unknown, file: string, o: AlertsOverrides = {}): AlertsConfig {
  const raw = typeof source === 'object' && source !== null ? (source as Record<string, unknown>).alerts : undefined;
  const a: AlertsInput = raw === undefined ? {} : alertsSchema.parse(raw);
  const ms = (us: number | undefined) => (us === undefined ? undefined : us / 1000);
  const rules = o.rules ?? (a.rules === undefined ? null : resolvePath(scenarioDir(file), a.rules));
  if (a.prefix !== undefined && !METRIC_NAME.test(`${a.prefix}state`)) throw new Error('prefix checked by the schema');
  return {
    rules,
    scrapeIntervalMs: o.scrapeIntervalMs ?? ms(a.scrapeInterval) ?? ALERT_DEFAULTS.scrapeIntervalMs,
    evaluationIntervalMs: o.evaluationIntervalMs ?? ms(a.evaluationInterval) ?? ALERT_DEFAULTS.evaluationIntervalMs,
    pageAfterMs: o.pageAfterMs ?? ms(a.pageAfter) ?? ALERT_DEFAULTS.pageAfterMs,
    families: a.families === undefined ? ALERT_DEFAULTS.families : [...new Set(a.families)],
    prefix: o.prefix ?? a.prefix ?? ALERT_DEFAULTS.prefix,
    job: a.job ?? ALERT_DEFAULTS.job,
    labels: a.labels ?? ALERT_DEFAULTS.labels,
    isolatedTargets: a.isolatedTargets ?? ALERT_DEFAULTS.isolatedTargets,
  };
}
