// Loading a tune file: JSON5 like a scenario (it may `extends` one), whose
// `tune` block says what to vary, guard against and achieve, and whose other
// keys are an ordinary scenario validated by the scenario loader. Every problem
// is a ScenarioError at file:line:column with the key (exit 2).
import { basename, dirname, extname, resolve } from 'node:path';
import { Origins } from '../scenario/origins.js';
import { loadChain } from '../scenario/source.js';
import { resolveSource, type ResolveContext } from '../scenario/resolve.js';
import { errorMap, problemsOf } from '../scenario/issues.js';
import { ScenarioError } from '../scenario/errors.js';
import { formatDuration } from '../format/duration.js';
import { cloneData, isPlainObject, type PlainObject } from '../format/values.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { profileOf, type ProfileName } from '../raft/profiles.js';
import { displayPath } from '../verdict/result.js';
import { hoursToBound, HOURS_PER_DAY, HOURS_PER_MONTH } from '../stats/poisson.js';
import { tuneShape, type TuneInput } from './schema.js';
import { LIMITS } from '../format/limits.js';
import { fullGrid, type Axes } from './grid.js';
import { profileDefaults } from './knobs.js';
import { backgroundFaults, scenarioSource, type ScenarioPlan } from './scenarios.js';
import type { Candidate, Family, Goals } from './types.js';

export interface TuneSpec {
  /** As shown to the user (relative to the working directory). */
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly seed: string;
  readonly profile: ProfileName;
  /** The tune file's scenario keys (without `tune`). */
  readonly base: PlainObject;
  readonly baseScenario: ResolvedScenario;
  readonly tune: TuneInput;
  readonly axes: Axes;
  readonly grid: readonly Candidate[];
  readonly families: readonly Family[];
  readonly goals: Goals;
  readonly plan: ScenarioPlan;
  readonly budgetTrials: number;
  readonly search: { readonly failoverStart: number; readonly failoverMax: number; readonly quietStart: number; readonly quietMax: number; readonly quietTrialHours: number };
  /** The scenario a candidate's trials of one kind run (resolved once, then cached). */
  scenario(candidate: number, kind: Family | 'quiet'): ResolvedScenario;
  /** Its source, for the ready-to-run scenario snippet. */
  source(candidate: number, kind: Family | 'quiet'): PlainObject;
}

/** Keys tune writes itself: a tune file may not set them. */
const OWN_KEYS = ['faults', 'sweep', 'expect', 'trials', 'horizon'] as const;

export const TUNE_DEFAULTS = { budgetTrials: 20_000, failoverStart: 60, failoverMax: 1920, quietStart: 4, quietHours: 2, crashAfterUs: 5_000_000, partialPartitionUs: 10_000_000, confidence: 0.95 } as const;

export function loadTuneFile(path: string, overrides: { seed?: string; budgetTrials?: number } = {}): TuneSpec {
  const abs = resolve(path);
  const chain = loadChain(abs);
  const origins = new Origins(chain.docs);
  const data = chain.merged;
  const raw = data.tune;
  delete data.tune;
  if (raw === undefined) throw origins.error({ path: [], message: 'no `tune` block', hint: 'add tune: { vary: { electionTimeout: [...] }, goals: { failover: { within: "1s" }, spuriousElections: { atMost: 1, per: "month" } } } (docs/tune.md)' });
  const parsed = tuneShape.safeParse(raw, { error: errorMap });
  if (!parsed.success) {
    const problems = problemsOf(parsed.error.issues, raw, tuneShape).map((p) => ({ ...p, path: ['tune', ...p.path] }));
    throw origins.error(problems[0], problems.length - 1);
  }
  const tune = parsed.data;
  for (const k of OWN_KEYS) if (data[k] !== undefined) throw origins.error({ path: [k], at: 'key', message: `tune builds its own ${k}`, hint: k === 'faults' ? 'list the faults to guard against under tune.guard' : 'remove it' });
  if (overrides.seed !== undefined) data.seed = overrides.seed;
  const ctx: ResolveContext = { file: abs, defaultName: basename(abs, extname(abs)), baseDir: dirname(abs), origins, fileCache: new Map() };
  const baseScenario = resolveSource(cloneData(data), ctx);
  const profile = baseScenario.raft.profile;
  const axes = axesOf(tune, profile, origins);
  const size = axes.electionTimeoutUs.length * axes.heartbeatUs.length * axes.preVote.length * axes.checkQuorum.length;
  if (size > LIMITS.sweepPoints) throw origins.error({ path: ['tune', 'vary'], message: `${size} configurations, over the cap of ${LIMITS.sweepPoints}; list fewer values` });
  const grid = fullGrid(axes);
  const families: Family[] = tune.guard?.partialPartition ? ['crash', 'partial-partition'] : ['crash'];
  const goals = goalsOf(tune);
  const plan: ScenarioPlan = {
    crashAfterUs: tune.search?.crashAfter ?? TUNE_DEFAULTS.crashAfterUs,
    partialPartitionUs: tune.guard?.partialPartition?.duration ?? TUNE_DEFAULTS.partialPartitionUs,
    quietHoursUs: tune.search?.quietHours ?? TUNE_DEFAULTS.quietHours * 3.6e9,
  };
  const quietHours = plan.quietHoursUs / 3.6e9;
  const rawGuard = isPlainObject(raw) && isPlainObject(raw.guard) ? raw.guard : {};
  const background = backgroundFaults(tune.guard, isPlainObject(rawGuard.gcPauses) ? rawGuard.gcPauses.duration : undefined);
  const search = {
    failoverStart: tune.search?.failoverStart ?? TUNE_DEFAULTS.failoverStart,
    failoverMax: tune.search?.failoverMax ?? TUNE_DEFAULTS.failoverMax,
    quietStart: tune.search?.quietStart ?? TUNE_DEFAULTS.quietStart,
    // Enough quiet trials to show the goal with no event at all, twice over.
    quietMax: tune.search?.quietMax ?? Math.max(1, Math.ceil((2 * hoursToBound(goals.spuriousPerHour, goals.confidence)) / quietHours)),
    quietTrialHours: quietHours,
  };
  const base = data;
  const sources = new Map<string, PlainObject>();
  const resolved = new Map<string, ResolvedScenario>();
  const source = (id: number, kind: Family | 'quiet'): PlainObject => {
    const key = `${id}:${kind}`;
    let s = sources.get(key);
    if (s === undefined) {
      s = scenarioSource(base, profile, grid[id].knobs, kind, background, plan, grid[id].label);
      sources.set(key, s);
    }
    return s;
  };
  const scenario = (id: number, kind: Family | 'quiet'): ResolvedScenario => {
    const key = `${id}:${kind}`;
    let s = resolved.get(key);
    if (s === undefined) {
      try {
        s = resolveSource(cloneData(source(id, kind)), { ...ctx, file: `${abs}#${key}` });
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        throw origins.error({ path: ['tune', 'vary'], message: `${grid[id].label} does not make a valid scenario: ${e.keyPath ? `${e.keyPath}: ` : ''}${e.message}` });
      }
      resolved.set(key, s);
    }
    return s;
  };
  // Every configuration is checked now, so a bad grid fails before any trial runs.
  for (const c of grid) for (const kind of [...families, 'quiet'] as const) scenario(c.id, kind);
  return {
    file: displayPath(abs),
    name: baseScenario.name,
    description: baseScenario.description,
    seed: baseScenario.seed,
    profile,
    base,
    baseScenario,
    tune,
    axes,
    grid,
    families,
    goals,
    plan,
    budgetTrials: overrides.budgetTrials ?? tune.budget?.trials ?? TUNE_DEFAULTS.budgetTrials,
    search,
    scenario,
    source,
  };
}

function axesOf(t: TuneInput, profile: ProfileName, origins: Origins): Axes {
  const dflt = profileDefaults(profile);
  const ascending = (list: readonly number[], key: string) => {
    for (let i = 1; i < list.length; i++) {
      if (list[i] <= list[i - 1]) throw origins.error({ path: ['tune', 'vary', key, i], message: `${formatDuration(list[i])} is not larger than ${formatDuration(list[i - 1])}; list values in ascending order, each once` });
    }
  };
  ascending(t.vary.electionTimeout, 'electionTimeout');
  if (t.vary.heartbeat !== undefined) {
    const follows = profileOf(profile).tune.heartbeatFollowsElection;
    if (follows !== undefined) throw origins.error({ path: ['tune', 'vary', 'heartbeat'], at: 'key', message: `the ${profile} profile ${follows}: vary electionTimeout instead` });
    ascending(t.vary.heartbeat, 'heartbeat');
  }
  const heartbeatUs = t.vary.heartbeat ?? [dflt.heartbeatUs];
  for (const [i, et] of t.vary.electionTimeout.entries()) {
    for (const [j, hb] of heartbeatUs.entries()) {
      if (hb === null) continue;
      const where = t.vary.heartbeat ? ['tune', 'vary', 'heartbeat', j] : ['tune', 'vary', 'electionTimeout', i];
      if (hb >= et) throw origins.error({ path: where, message: `heartbeat ${formatDuration(hb)} is not shorter than the election timeout ${formatDuration(et)}; every combination must be valid` });
      const whole = profileOf(profile).tune.electionInHeartbeats;
      if (whole !== undefined && et % hb !== 0) {
        throw origins.error({ path: ['tune', 'vary', 'electionTimeout', i], message: `${formatDuration(et)} is not a whole number of heartbeats (${formatDuration(hb)}); ${whole}` });
      }
    }
  }
  const distinct = (key: 'preVote' | 'checkQuorum', list: readonly boolean[]) => {
    if (new Set(list).size !== list.length) throw origins.error({ path: ['tune', 'vary', key], message: 'a value is listed twice' });
    return list;
  };
  return {
    electionTimeoutUs: t.vary.electionTimeout,
    heartbeatUs,
    preVote: distinct('preVote', t.vary.preVote ?? [dflt.preVote]),
    checkQuorum: distinct('checkQuorum', t.vary.checkQuorum ?? [dflt.checkQuorum]),
  };
}

function goalsOf(t: TuneInput): Goals {
  const g = t.goals;
  const failoverMs = g.failover.within / 1000;
  return {
    quantile: g.failover.quantile ?? 0.99,
    failoverMs,
    spuriousPerHour: g.spuriousElections.atMost / (g.spuriousElections.per === 'day' ? HOURS_PER_DAY : HOURS_PER_MONTH),
    spurious: { atMost: g.spuriousElections.atMost, per: g.spuriousElections.per },
    confidence: g.confidence ?? TUNE_DEFAULTS.confidence,
    indifferenceMs: g.indifference !== undefined ? g.indifference / 1000 : failoverMs * 0.05,
  };
}
