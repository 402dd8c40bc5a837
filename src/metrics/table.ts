// The metrics: one entry each, in the order of the --json `metrics` object
// (docs/json.md). Every consumer reads this table: the aggregation (aggregate.ts),
// the names `expect` accepts and the JSON Schema's list of them (metric-names.ts,
// scenario/schema.ts), check's worst-trial search (verdict/worst-trial.ts), the
// comparison (verdict/compare.ts), the terminal (cli/format-run.ts) and the
// report's check of a saved result (report/result-shape.ts).
//
// How to add a metric (2 files, plus tests and docs):
//   1. derive.ts: compute the per-trial quantity into TrialMetrics (the trial's
//      history is only there).
//   2. here: one entry. Its `kind` says how trials aggregate (duration: quantiles
//      with intervals, censored values counted; perTrial: mean count; perHour: a
//      rate over the measured exposure with its Poisson evidence; fraction: part
//      over whole). Every field of the kind's interface is required, so a missing
//      piece is a compile error; `Metrics`, the --json key, the expectation keys
//      and the terminal's row or line follow from the entry.
//   Then add its row to docs/json.md (test/metrics/table.test.ts checks it is there).
import type { TrialMetrics } from './derive.js';

interface Common {
  /** As docs/json.md's table writes it. */
  readonly unit: 'ms' | '0–1' | 'count' | 'terms' | 'per hour';
  /** One line: what the number means (docs/json.md says it at length). */
  readonly meaning: string;
  /** Whether a scenario's `expect` may test it (and the JSON Schema lists it). */
  readonly expectable: boolean;
  /** Present in every saved result the report reads; false for a metric added later (older results lack it). */
  readonly inOldResults: boolean;
}

export interface DurationMetric extends Common {
  readonly kind: 'duration';
  readonly unit: 'ms';
  /** Per trial, the values it summarises (µs; null = censored: counted, never dropped). */
  readonly samples: (m: TrialMetrics) => readonly (number | null)[];
  /** Over all trials: whether it was measured at all (else an empty summary, n = 0, not all-censored); null: always. */
  readonly measuredIf: ((trials: readonly TrialMetrics[]) => boolean) | null;
  /** The run table's row: its label ("  … " marks a later stage of the row above) and position. */
  readonly terminal: { readonly label: string; readonly row: number };
  /** `raftsim compare`'s row, or null: log-rank needs the raw values a result keeps in `samples`. */
  readonly compare: { readonly label: string; readonly test: 'log-rank' | 'quantile intervals' } | null;
}

export interface PerTrialMetric extends Common {
  readonly kind: 'perTrial';
  readonly unit: 'count' | 'terms';
  /** The trial's count; the metric is its mean over trials. */
  readonly count: (m: TrialMetrics) => number;
  readonly terminal: { readonly label: string; readonly digits: number };
  readonly compare: { readonly label: string } | null;
}

export interface PerHourMetric extends Common {
  readonly kind: 'perHour';
  readonly unit: 'per hour';
  /** The trial's events, over its measured time (measuredUs). */
  readonly events: (m: TrialMetrics) => number;
  /** The --json key of its evidence (events, hours, exact Poisson interval), right after it. */
  readonly evidence: string;
  readonly terminal: { readonly label: string };
  readonly compare: { readonly label: string } | null;
}

export interface FractionMetric extends Common {
  readonly kind: 'fraction';
  readonly unit: '0–1';
  /** Sum of parts over sum of wholes, all trials together; null when there is no whole. */
  readonly part: (m: TrialMetrics) => number;
  readonly whole: (m: TrialMetrics) => number;
  /** Printed as a percentage with this many decimals. */
  readonly terminal: { readonly label: string; readonly digits: number };
  readonly compare: null;
}

export type MetricEntry = DurationMetric | PerTrialMetric | PerHourMetric | FractionMetric;

const fault = (pick: (f: TrialMetrics['faults'][number]) => number | null) => (m: TrialMetrics) => m.faults.map(pick);

export const METRICS = {
  timeToLeaderMs: {
    kind: 'duration', unit: 'ms', expectable: true, inOldResults: true,
    meaning: 'after each fault: until a leader in a newer term, or the lost leader effective again (0: kept)',
    samples: fault((f) => f.leaderUs), measuredIf: null,
    terminal: { label: 'time to leader', row: 1 }, compare: { label: 'time to leader', test: 'log-rank' },
  },
  timeToLeaderHeardMs: {
    kind: 'duration', unit: 'ms', expectable: true, inOldResults: true,
    meaning: 'until that leader is known by a majority (leader included)',
    samples: fault((f) => f.heardUs), measuredIf: null,
    terminal: { label: '  … heard by a majority', row: 2 }, compare: { label: '… heard by a majority', test: 'log-rank' },
  },
  timeToStableLeaderMs: {
    kind: 'duration', unit: 'ms', expectable: true, inOldResults: false,
    meaning: 'until the first such leader that then leads for measure.stableFor',
    samples: fault((f) => f.stableUs), measuredIf: null,
    terminal: { label: '  … stable leader', row: 3 }, compare: { label: '… stable leader', test: 'quantile intervals' },
  },
  timeToLeaderCommitMs: {
    kind: 'duration', unit: 'ms', expectable: true, inOldResults: false,
    meaning: "until an entry of the new leader's term is committed (its no-op); needs no clients",
    samples: fault((f) => f.leaderCommitUs), measuredIf: null,
    terminal: { label: '  … its no-op committed', row: 4 }, compare: { label: '… its no-op committed', test: 'quantile intervals' },
  },
  timeToWriteMs: {
    kind: 'duration', unit: 'ms', expectable: true, inOldResults: true,
    meaning: 'until the first client write submitted after the fault is acknowledged',
    samples: fault((f) => f.writeUs),
    // Without a workload no write could be acknowledged: nothing measured, rather than every fault censored.
    measuredIf: (ms) => ms.some((m) => m.writesCounted > 0) || ms.some((m) => m.faults.some((f) => f.writeUs !== null)),
    terminal: { label: 'time to first write commit', row: 5 }, compare: { label: '… first write committed', test: 'log-rank' },
  },
  leaderKeptFraction: {
    kind: 'fraction', unit: '0–1', expectable: false, inOldResults: true,
    meaning: 'share of fault occurrences after which the leader was kept (no new term needed)',
    part: (m) => m.faults.filter((f) => f.kept).length, whole: (m) => m.faults.length,
    terminal: { label: 'leader kept through the fault', digits: 1 }, compare: null,
  },
  leaderlessMs: {
    kind: 'duration', unit: 'ms', expectable: true, inOldResults: true,
    meaning: 'per trial: total time with no effective leader after warm-up',
    samples: (m) => [m.leaderlessUs], measuredIf: null,
    terminal: { label: 'leaderless time per trial', row: 6 }, compare: { label: 'leaderless time per trial', test: 'log-rank' },
  },
  commitLatencyMs: {
    kind: 'duration', unit: 'ms', expectable: true, inOldResults: true,
    meaning: 'per write counted: submission to acknowledgment (censored when still unacknowledged at the end)',
    samples: (m) => m.commitLatencyUs, measuredIf: null,
    terminal: { label: 'write commit latency', row: 9 }, compare: { label: 'write commit latency', test: 'quantile intervals' },
  },
  deposedLeaderMs: {
    kind: 'duration', unit: 'ms', expectable: true, inOldResults: true,
    meaning: 'per occurrence: how long a leader went on leading after a newer-term leader was elected',
    samples: (m) => m.deposedLeaderUs, measuredIf: null,
    terminal: { label: 'deposed leader still leading', row: 7 }, compare: null,
  },
  recoveryMs: {
    kind: 'duration', unit: 'ms', expectable: true, inOldResults: false,
    meaning: 'per trial whose faults all healed: from the last heal until one effective leader and a write committed',
    samples: (m) => (m.recovery ? [m.recovery.afterUs] : []), measuredIf: null,
    terminal: { label: 'recovery after the last heal', row: 8 }, compare: { label: 'recovery after the last heal', test: 'quantile intervals' },
  },
  electionsPerTrial: {
    kind: 'perTrial', unit: 'count', expectable: true, inOldResults: true,
    meaning: 'terms started by a candidate, after warm-up',
    count: (m) => m.elections,
    terminal: { label: 'elections per trial', digits: 2 }, compare: { label: 'elections' },
  },
  splitVotesPerTrial: {
    kind: 'perTrial', unit: 'count', expectable: true, inOldResults: true,
    meaning: 'of those, terms nobody won',
    count: (m) => m.splitVotes,
    terminal: { label: 'split votes per trial', digits: 2 }, compare: { label: 'split votes' },
  },
  leaderChangesPerTrial: {
    kind: 'perTrial', unit: 'count', expectable: true, inOldResults: true,
    meaning: 'changes of the effective leader',
    count: (m) => m.leaderChanges,
    terminal: { label: 'leader changes per trial', digits: 2 }, compare: { label: 'leader changes' },
  },
  termInflationPerTrial: {
    kind: 'perTrial', unit: 'terms', expectable: true, inOldResults: true,
    meaning: 'how far the largest term advanced after warm-up',
    count: (m) => m.termInflation,
    terminal: { label: 'term inflation per trial', digits: 2 }, compare: null,
  },
  spuriousElectionsPerHour: {
    kind: 'perHour', unit: 'per hour', expectable: true, inOldResults: true,
    meaning: 'needless elections: started by a candidate connected both ways to a healthy effective leader',
    events: (m) => m.spuriousElections, evidence: 'spuriousElections',
    terminal: { label: 'spurious elections per hour' }, compare: { label: 'spurious elections' },
  },
  writeAvailability: {
    kind: 'fraction', unit: '0–1', expectable: true, inOldResults: true,
    meaning: 'writes acknowledged within the client timeout ÷ writes submitted (null without a workload)',
    part: (m) => m.writesAckedInTime, whole: (m) => m.writesCounted,
    terminal: { label: 'write availability', digits: 2 }, compare: null,
  },
} as const satisfies Readonly<Record<string, MetricEntry>>;

export type MetricName = keyof typeof METRICS;
export type MetricOf<K extends MetricEntry['kind']> = { [N in MetricName]: (typeof METRICS)[N] extends { readonly kind: K } ? N : never }[MetricName];

/** The table's names in order (the --json order). */
export const METRIC_NAMES = Object.freeze(Object.keys(METRICS) as MetricName[]);

type EntryOf<N extends MetricName> = Extract<MetricEntry, { readonly kind: (typeof METRICS)[N]['kind'] }>;

/** One entry, typed as its kind's interface (the table's literal types widened). */
export function metric<N extends MetricName>(name: N): EntryOf<N> {
  return METRICS[name] as unknown as EntryOf<N>;
}

/** The names of one kind, in table order. */
export function metricsOfKind<K extends MetricEntry['kind']>(kind: K): MetricOf<K>[] {
  return METRIC_NAMES.filter((n) => METRICS[n].kind === kind) as MetricOf<K>[];
}

/** Per trial, the values behind a metric as check's worst-trial search ranks them (µs, counts, per hour or 0–1; null = censored). */
export function trialValues(e: MetricEntry, m: TrialMetrics): readonly (number | null)[] {
  switch (e.kind) {
    case 'duration':
      return e.samples(m);
    case 'perTrial':
      return [e.count(m)];
    case 'perHour':
      return m.measuredUs > 0 ? [e.events(m) / (m.measuredUs / 3.6e9)] : [];
    case 'fraction':
      return e.whole(m) > 0 ? [e.part(m) / e.whole(m)] : [];
  }
}
