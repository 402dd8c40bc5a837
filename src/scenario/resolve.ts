// "Partial in, resolved inside": validates a scenario's source (the merged file
// contents) and fills in every default, giving the ResolvedScenario the runner
// consumes. Every failure is a ScenarioError placed by `origins`.
import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { DistSpec } from '../sim/distributions.js';
import { DEFAULTS } from './defaults.js';
import type { ScenarioError } from './errors.js';
import { parseExpectation } from './expect-parse.js';
import { errorMap, problemsOf, type Problem } from './issues.js';
import type { Origins } from './origins.js';
import { largestElectionTimeoutUs, resolveRaftConfigs } from './raft-config.js';
import { toDistSpec, type DistContext, type DurationOrDist } from './resolve-dist.js';
import { resolveFaults } from './resolve-faults.js';
import { resolveInitial } from './resolve-initial.js';
import { scenarioSchema, scenarioShape, type ScenarioInput } from './schema.js';
import type { ResolvedInitial, ResolvedScenario, ScenarioRaft } from './types.js';
import { cloneData } from '../format/values.js';

export interface ResolveContext extends DistContext {
  /** ResolvedScenario.file: an absolute path or "builtin:<name>". */
  readonly file: string;
  /** The name when the file gives none. */
  readonly defaultName: string;
}

/** Validates and resolves; throws the earliest problem in the file as a ScenarioError. */
export function resolveSource(source: unknown, ctx: ResolveContext): ResolvedScenario {
  const r = scenarioSchema.safeParse(source, { error: errorMap });
  if (!r.success) throw firstError(r.error.issues, source, ctx.origins);
  return build(r.data, source, ctx);
}

function firstError(issues: Parameters<typeof problemsOf>[0], source: unknown, origins: Origins): ScenarioError {
  const problems = explainedAway(problemsOf(issues, source, scenarioShape));
  const keyed = problems.map((p) => ({ p, k: origins.order(p) }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2]);
  return origins.error(keyed[0].p, problems.length - 1);
}

/** A key missing from an object that also has an unknown key is most likely that key, misspelt: report the typo. */
function explainedAway(problems: Problem[]): Problem[] {
  const parent = (p: Problem) => JSON.stringify(p.path.slice(0, -1));
  const typos = new Set(problems.filter((p) => p.message === 'unknown key').map(parent));
  const kept = problems.filter((p) => !(p.message === 'missing' && typos.has(parent(p))));
  return kept.length > 0 ? kept : problems;
}

function build(s: ScenarioInput, source: unknown, ctx: ResolveContext): ResolvedScenario {
  const n = s.cluster?.nodes ?? DEFAULTS.nodes;
  const raft = resolveRaft(s, n, ctx);
  const dist = (d: DurationOrDist | undefined, path: (string | number)[], dflt: DistSpec) => (d === undefined ? dflt : toDistSpec(d, path, ctx));
  const perNode = <T>(f: (node: string) => T) => Array.from({ length: n }, (_, i) => f(String(i)));
  const serviceTime = dist(s.cpu?.serviceTime, ['cpu', 'serviceTime'], DEFAULTS.serviceTime);
  const timerJitter = dist(s.cpu?.timerJitter, ['cpu', 'timerJitter'], DEFAULTS.timerJitter);
  const fsync = dist(s.disk?.fsync, ['disk', 'fsync'], DEFAULTS.fsync);
  const alertThresholdsUs = s.measure?.alerts ?? DEFAULTS.alertThresholdsUs;
  // alerts: is read by `raftsim alerts` alone (src/scenario/schema-alerts.ts); its rules file must exist.
  if (s.alerts?.rules !== undefined && !existsSync(resolvePath(ctx.baseDir, s.alerts.rules))) throw ctx.origins.error({ path: ['alerts', 'rules'], message: `no such rules file: ${s.alerts.rules}` });
  return {
    file: ctx.file,
    name: s.name ?? ctx.defaultName,
    description: s.description ?? '',
    nodes: n,
    placement: placementOf(s, n),
    bootSpreadUs: s.cluster?.bootSpread ?? Math.max(0, ...raft.nodes.map((c) => (c.timerMode === 'ticks' ? c.tickUs : 0))),
    ...initialOf(s, n, ctx),
    raft,
    network: networkOf(s, ctx),
    clocks: perNode((i) => ({
      skewUs: s.clocks?.nodes?.[i]?.skew ?? s.clocks?.skew ?? DEFAULTS.skewUs,
      driftPpm: s.clocks?.nodes?.[i]?.drift ?? s.clocks?.drift ?? DEFAULTS.driftPpm,
    })),
    cpu: perNode((i) => ({
      serviceTime: dist(s.cpu?.nodes?.[i]?.serviceTime, ['cpu', 'nodes', i, 'serviceTime'], serviceTime),
      timerJitter: dist(s.cpu?.nodes?.[i]?.timerJitter, ['cpu', 'nodes', i, 'timerJitter'], timerJitter),
    })),
    disk: perNode((i) => ({ fsyncLatency: dist(s.disk?.nodes?.[i]?.fsync, ['disk', 'nodes', i, 'fsync'], fsync) })),
    workload: {
      writesPerSecond: s.workload?.writesPerSecond ?? DEFAULTS.writesPerSecond,
      arrival: s.workload?.arrival ?? DEFAULTS.arrival,
      clientLatency: dist(s.workload?.clientLatency, ['workload', 'clientLatency'], DEFAULTS.clientLatency),
      clientTimeoutUs: s.workload?.clientTimeout ?? DEFAULTS.clientTimeoutUs,
      retryBackoffUs: s.workload?.retryBackoff ?? DEFAULTS.retryBackoffUs,
      retryBackoffMaxUs: s.workload?.retryBackoffMax ?? Math.max(DEFAULTS.retryBackoffMaxUs, s.workload?.retryBackoff ?? DEFAULTS.retryBackoffUs),
      retryJitter: s.workload?.retryJitter ?? DEFAULTS.retryJitter,
    },
    faults: resolveFaults(s.faults ?? [], ctx),
    trials: s.trials ?? DEFAULTS.trials,
    seed: s.seed === undefined ? DEFAULTS.seed : String(s.seed),
    horizonUs: s.horizon ?? DEFAULTS.horizonUs,
    measure: {
      stableUs: s.measure?.stableFor ?? largestElectionTimeoutUs(raft.nodes),
      alertThresholdsUs,
      warmupUs: s.measure?.warmup ?? DEFAULTS.warmupUs,
      until: s.measure?.until ?? 'horizon',
      graceUs: s.measure?.grace ?? s.measure?.stableFor ?? largestElectionTimeoutUs(raft.nodes),
      observeUs: s.measure?.observe ?? s.horizon ?? DEFAULTS.horizonUs,
    },
    sweep: Object.entries(s.sweep ?? {}).map(([key, values]) => ({ key, values })),
    expect: Object.entries(s.expect ?? {}).flatMap(([metric, text]) => {
      const e = parseExpectation(metric, text, alertThresholdsUs);
      return e.ok ? [e.expectation] : []; // the schema's checks already rejected bad entries
    }),
    source: cloneData(source),
  };
}

/** cluster.initial, when given (absent otherwise, so other scenarios' resolved config is unchanged). */
function initialOf(s: ScenarioInput, n: number, ctx: ResolveContext): { initial?: ResolvedInitial } {
  const i = s.cluster?.initial;
  if (i === undefined) return {};
  const initial = resolveInitial(i, n, (issue) => {
    throw ctx.origins.error({ path: issue.path, message: issue.message }); // unreachable: checked by the schema
  });
  return initial === null ? {} : { initial };
}

function resolveRaft(s: ScenarioInput, n: number, ctx: ResolveContext): ScenarioRaft {
  const r = resolveRaftConfigs(s.raft, n);
  if (!r.ok) throw ctx.origins.error({ path: r.path, message: r.message }); // unreachable: checked by the schema
  const impl = s.raft?.implementation ?? 'reference';
  if (typeof impl === 'string') return { profile: s.raft?.profile ?? DEFAULTS.profile, implementation: impl as ScenarioRaft['implementation'], nodes: r.configs };
  const module = resolvePath(ctx.baseDir, impl.module);
  if (!existsSync(module)) throw ctx.origins.error({ path: ['raft', 'implementation', 'module'], message: `no such module file: ${module}` });
  return { profile: s.raft?.profile ?? DEFAULTS.profile, implementation: { module }, nodes: r.configs };
}

function placementOf(s: ScenarioInput, n: number): ResolvedScenario['placement'] {
  const zones = s.cluster?.zones;
  if (zones === undefined) return { zoneOf: [], zones: [] };
  const zoneOf = new Array<string>(n).fill('');
  for (const [name, ids] of Object.entries(zones)) for (const id of ids) zoneOf[id] = name;
  return { zoneOf, zones: Object.keys(zones) };
}

/** Zone pairs: explicit "a->b", else the reverse "b->a", else the in-zone latency. */
function networkOf(s: ScenarioInput, ctx: ResolveContext): ResolvedScenario['network'] {
  const net = s.network;
  const latency = net?.latency === undefined ? DEFAULTS.latency : toDistSpec(net.latency, ['network', 'latency'], ctx);
  const zones = Object.keys(s.cluster?.zones ?? {});
  const pair = (a: string, b: string): DistSpec | undefined => {
    const d = net?.zoneLatency?.[`${a}->${b}`];
    return d === undefined ? undefined : toDistSpec(d, ['network', 'zoneLatency', `${a}->${b}`], ctx);
  };
  return {
    latency,
    zoneLatency: zones.length === 0 ? null : zones.map((a) => zones.map((b) => pair(a, b) ?? pair(b, a) ?? latency)),
    lossProbability: net?.loss ?? DEFAULTS.loss,
    duplicateProbability: net?.duplicate ?? DEFAULTS.duplicate,
    inFlightOnCut: net?.inFlightOnCut ?? DEFAULTS.inFlightOnCut,
    ordering: net?.ordering ?? DEFAULTS.ordering,
  };
}
