// The result of `raftsim tune` (its --json): the recommendation or the reason
// there is none, the evidence for every configuration evaluated, the runner-up
// and why it lost, the faster configurations rejected, the rules of thumb and
// what the search cost against the full grid. Deterministic for a seed and a
// trial budget: nothing in it depends on the machine or the wall clock.
import type { Bound } from '../stats/quantile-ci.js';
import { RAFTSIM_VERSION } from '../version.js';
import { familyWords, perUnit, quantileName, type Verdict } from './assess.js';
import { fmt } from './format.js';
import { rulesOfThumb, type RulesOfThumb } from './rules-of-thumb.js';
import { snippets, type Snippets } from './snippet.js';
import type { SearchOutcome, StopReason, CandidateState, Evaluated } from './search.js';
import type { TuneSpec } from './load.js';
import type { Family, Knobs } from './types.js';

export const TUNE_FORMAT = 'raftsim-tune/1';

export interface FailoverEvidence {
  readonly family: Family;
  readonly trials: number;
  readonly censored: number;
  readonly estimateMs: number | null;
  /** Two-sided interval at the goal's confidence (order statistics; "> horizon" = on a censored trial; null = unbounded). */
  readonly ciMs: readonly [Bound, Bound];
  readonly verdict: Verdict;
}

export interface SpuriousEvidence {
  readonly events: number;
  readonly hours: number;
  /** Per the goal's period (cluster-day or cluster-month). */
  readonly rate: number;
  /** One-sided bounds at the goal's confidence, per the goal's period (upper null without exposure). */
  readonly lower: number;
  readonly upper: number | null;
  readonly verdict: Verdict;
}

export interface ConfigEvidence {
  readonly id: number;
  readonly label: string;
  readonly knobs: Knobs;
  readonly state: CandidateState;
  readonly verdict: Verdict;
  readonly failover: readonly FailoverEvidence[];
  readonly spurious: SpuriousEvidence;
  readonly violations: number;
  readonly trials: { readonly failover: number; readonly quiet: number };
  readonly missed: readonly string[];
  readonly addedInRound: number;
}

export interface TuneResult {
  readonly format: typeof TUNE_FORMAT;
  readonly raftsimVersion: string;
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly seed: string;
  readonly profile: string;
  readonly cluster: string;
  readonly goals: {
    readonly failover: { readonly quantile: number; readonly withinMs: number; readonly after: readonly Family[] };
    readonly spuriousElections: { readonly atMost: number; readonly per: 'day' | 'month' };
    readonly confidence: number;
    readonly indifferenceMs: number;
  };
  readonly status: 'recommended' | 'not-separated' | 'no-configuration-meets-the-goals';
  readonly stopReason: StopReason;
  /** True unless a wall-time limit stopped the search (then another run may stop elsewhere). */
  readonly deterministic: boolean;
  readonly recommendation: null | {
    readonly id: number;
    readonly label: string;
    readonly knobs: Knobs;
    readonly summary: string;
    readonly snippets: Snippets;
  };
  /** The best configuration so far when not separated (no recommendation). */
  readonly leading: null | { readonly id: number; readonly label: string };
  readonly runnerUp: null | { readonly id: number; readonly label: string; readonly why: string };
  readonly fasterRejected: readonly { readonly id: number; readonly label: string; readonly why: string }[];
  readonly rulesOfThumb: RulesOfThumb;
  readonly cost: {
    readonly trials: number;
    readonly budgetTrials: number;
    readonly rounds: number;
    /** Configurations that ran at least one trial. */
    readonly configurationsEvaluated: number;
    /** Configurations the search added (as neighbours to refine) but ran no trial for before it stopped. */
    readonly configurationsNotRun: number;
    readonly gridConfigurations: number;
    /** What the full grid would cost at the per-configuration caps this search used. */
    readonly fullGridTrials: number;
    readonly simulatedHours: number;
  };
  readonly configurations: readonly ConfigEvidence[];
}

export function tuneResult(spec: TuneSpec, out: SearchOutcome, stoppedByWallTime: boolean): TuneResult {
  const g = spec.goals;
  const perPeriod = (h: number) => h * (g.spurious.per === 'day' ? 24 : 720);
  const configurations = out.evaluated.map((e): ConfigEvidence => {
    const a = e.assessment;
    return {
      id: e.candidate.id,
      label: e.candidate.label,
      knobs: e.candidate.knobs,
      state: e.state,
      verdict: a.verdict,
      failover: a.failover.map((f) => ({ family: f.family, trials: f.n, censored: f.censored, estimateMs: f.estimateMs, ciMs: f.ciMs, verdict: f.verdict })),
      spurious: {
        events: a.spurious.events,
        hours: round3(a.spurious.hours),
        rate: round3(perPeriod(a.spurious.perHour)),
        lower: round3(perPeriod(a.spurious.lowerPerHour)),
        upper: a.spurious.upperPerHour === null ? null : round3(perPeriod(a.spurious.upperPerHour)),
        verdict: a.spurious.verdict,
      },
      violations: a.violations,
      trials: { failover: Object.values(e.evidence.failoverTrials).reduce((x, y) => x + (y ?? 0), 0), quiet: e.evidence.quietTrials },
      missed: a.missed,
      addedInRound: e.addedInRound,
    };
  });
  const byId = new Map(out.evaluated.map((e) => [e.candidate.id, e]));
  const rec = out.recommended === null ? null : byId.get(out.recommended)!;
  const ref = rec ?? (out.leader === null ? null : byId.get(out.leader)!);
  const others = out.evaluated.filter((e) => e !== ref && ranTrials(e));
  const eligible = others.filter((e) => e.assessment.verdict === 'met').sort(byEstimate);
  const runner = eligible[0] ?? [...others].sort(byEstimate)[0] ?? null;
  const faster = ref === null ? [] : others.filter((e) => e.assessment.verdict === 'missed' && e.assessment.rank.estimate < ref.assessment.rank.estimate).sort(byEstimate);
  const status = out.recommended !== null ? 'recommended' : out.reason === 'none-meets-goals' ? 'no-configuration-meets-the-goals' : 'not-separated';
  const fullGridTrials = spec.grid.length * (spec.families.length * spec.search.failoverMax + spec.search.quietMax);
  return {
    format: TUNE_FORMAT,
    raftsimVersion: RAFTSIM_VERSION,
    name: spec.name,
    description: spec.description,
    file: spec.file,
    seed: spec.seed,
    profile: spec.profile,
    cluster: describeCluster(spec),
    goals: {
      failover: { quantile: g.quantile, withinMs: g.failoverMs, after: spec.families },
      spuriousElections: g.spurious,
      confidence: g.confidence,
      indifferenceMs: g.indifferenceMs,
    },
    status,
    stopReason: out.reason,
    deterministic: !stoppedByWallTime,
    recommendation: rec === null ? null : { id: rec.candidate.id, label: rec.candidate.label, knobs: rec.candidate.knobs, summary: summaryOf(rec, spec), snippets: snippets(spec.profile, rec.candidate.knobs, spec.source(rec.candidate.id, 'crash')) },
    leading: rec === null && ref !== null ? { id: ref.candidate.id, label: ref.candidate.label } : null,
    runnerUp: runner === null ? null : { id: runner.candidate.id, label: runner.candidate.label, why: whyLost(runner, ref, spec) },
    fasterRejected: faster.map((e) => ({ id: e.candidate.id, label: e.candidate.label, why: e.assessment.missed.join('; ') })),
    rulesOfThumb: rulesOfThumb(spec.baseScenario, ref?.candidate.knobs ?? null, ref !== null && others.some((e) => e.assessment.verdict === 'missed' && e.candidate.knobs.electionTimeoutUs < ref.candidate.knobs.electionTimeoutUs)),
    cost: {
      trials: out.trialsSpent,
      budgetTrials: spec.budgetTrials,
      rounds: out.rounds.length,
      configurationsEvaluated: out.evaluated.filter(ranTrials).length,
      configurationsNotRun: out.evaluated.filter((e) => !ranTrials(e)).length,
      gridConfigurations: spec.grid.length,
      fullGridTrials,
      simulatedHours: round3(out.evaluated.reduce((a, e) => a + e.evidence.hours, 0)),
    },
    configurations,
  };
}

/** Whether a configuration ran any trial (the search may add neighbours the budget then never reaches). */
function ranTrials(e: Evaluated): boolean {
  return e.evidence.quietTrials > 0 || Object.values(e.evidence.failoverTrials).some((n) => (n ?? 0) > 0);
}

const byEstimate = (a: Evaluated, b: Evaluated) => a.assessment.rank.estimate - b.assessment.rank.estimate || a.candidate.id - b.candidate.id;

function describeCluster(spec: TuneSpec): string {
  const s = spec.baseScenario;
  const zones = s.placement.zones.length > 0 ? ` in ${s.placement.zones.length} zones (${s.placement.zones.map((z) => `${z}: ${s.placement.zoneOf.filter((x) => x === z).length}`).join(', ')})` : '';
  return `${s.nodes} nodes${zones} · ${spec.profile} profile`;
}

/** "p99 412 ms [388, 447] after a leader crash; 0 spurious elections in 2,160 h (≤ 1.0 per cluster-month at 95%)". */
export function summaryOf(e: Evaluated, spec: TuneSpec): string {
  const g = spec.goals;
  const q = quantileName(g.quantile);
  const f = e.assessment.failover.map((x) => `${q} ${x.estimateMs === null ? '> horizon' : `${fmt(x.estimateMs)} ms`} ${interval(x.ciMs)} ${familyWords(x.family)} (${x.n.toLocaleString('en-US')} trials)`);
  const s = e.assessment.spurious;
  const upper = s.upperPerHour === null ? '—' : perUnit(s.upperPerHour, g);
  return `${f.join('; ')}; ${s.events} spurious election${s.events === 1 ? '' : 's'} in ${fmt(s.hours)} simulated hours (≤ ${upper} per cluster-${g.spurious.per} at ${pct(g.confidence)})`;
}

function whyLost(c: Evaluated, ref: Evaluated | null, spec: TuneSpec): string {
  if (c.assessment.missed.length > 0) return `misses a goal: ${c.assessment.missed.join('; ')}`;
  if (ref === null) return 'no configuration has met every goal yet';
  const q = quantileName(spec.goals.quantile);
  const cr = c.assessment.rank;
  const rr = ref.assessment.rank;
  if (c.state === 'slower') return `slower: its ${q} is at least ${fmt(cr.lower)} ms against at most ${fmt(rr.upper)} ms for the recommendation (indifference ${fmt(spec.goals.indifferenceMs)} ms)`;
  if (c.assessment.verdict === 'undecided') return `not decided within the budget: ${c.assessment.failover.some((f) => f.verdict === 'undecided') ? 'its failover goal' : 'its spurious-election goal'} is still open`;
  return `not separated from the leader: ${q} ${fmt(cr.estimate)} ms [≥ ${fmt(cr.lower)}] vs ${fmt(rr.estimate)} ms [≤ ${fmt(rr.upper)}]`;
}

function interval(ci: readonly [Bound, Bound]): string {
  const b = (x: Bound) => (x === null ? '—' : typeof x === 'string' ? x : fmt(x));
  return `[${b(ci[0])}, ${b(ci[1])}]`;
}

export { fmt } from './format.js';

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

