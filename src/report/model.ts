// What a report shows, independent of whether it came from `run` or `sweep`:
// a list of configurations (one for a run), the swept keys, and the one
// configuration the histogram and timelines focus on (the run's, or the
// sweep's recommended one).
import type { ConfigResult, ResultHeader, RunResult, SweepResult } from '../verdict/result.js';
import type { DurationSummary } from '../metrics/summary.js';
import { recommend, type Recommendation } from './recommend.js';
import { pointLabel } from './format.js';
import { gridStyle, seriesStyle, type SeriesStyle } from './colors.js';

export interface ReportConfig {
  readonly index: number;
  readonly label: string;
  readonly color: string;
  /** The curve's stroke-dasharray ('none': solid), repeated in the legend. */
  readonly dash: string;
  readonly result: ConfigResult;
}

export interface ReportModel {
  readonly kind: 'run' | 'sweep';
  readonly header: ResultHeader;
  readonly configs: readonly ReportConfig[];
  /** Swept keys, in the sweep's order (empty for a run). */
  readonly keys: readonly string[];
  readonly focus: ReportConfig | null;
  readonly recommendation: Recommendation | null;
  readonly interrupted: boolean;
  /** When the report was made (ISO 8601): the only thing in it that is not deterministic. */
  readonly generatedAt: string;
  /** The raftsim that made the report (may differ from the one that made the results). */
  readonly reporterVersion: string;
}

export function isSweep(r: RunResult | SweepResult): r is SweepResult {
  return Array.isArray((r as SweepResult).results);
}

export function buildModel(r: RunResult | SweepResult, generatedAt: string, reporterVersion: string): ReportModel {
  const results: readonly ConfigResult[] = isSweep(r) ? r.results : [r];
  const keys = Object.keys(results[0]?.point ?? {});
  const style = stylesFor(results, keys);
  const configs = results.map((result, index) => ({ index, label: pointLabel(result.point), ...style(result, index), result }));
  const recommendation = isSweep(r) ? recommend(results) : null;
  const focus = isSweep(r) ? (recommendation ? configs[recommendation.index] : null) : configs[0];
  return {
    kind: isSweep(r) ? 'sweep' : 'run',
    header: r,
    configs,
    keys,
    focus,
    recommendation,
    interrupted: isSweep(r) && r.interrupted === true,
    generatedAt,
    reporterVersion,
  };
}

/** The values a swept key took, in the order the sweep lists them. */
export function distinctValues(results: readonly ConfigResult[], key: string): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const r of results) {
    const k = JSON.stringify(r.point[key]);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r.point[key]);
  }
  return out;
}

/** Two swept keys: styles grouped like the heatmap (hue per row, dash and shade per column). Otherwise a colour and dash each. */
function stylesFor(results: readonly ConfigResult[], keys: readonly string[]): (r: ConfigResult, index: number) => SeriesStyle {
  if (keys.length !== 2) return (_, index) => seriesStyle(index);
  const rows = distinctValues(results, keys[0]).map((v) => JSON.stringify(v));
  const cols = distinctValues(results, keys[1]).map((v) => JSON.stringify(v));
  return (r) => gridStyle(rows.indexOf(JSON.stringify(r.point[keys[0]])), cols.indexOf(JSON.stringify(r.point[keys[1]])), cols.length);
}

/** What the charts plot: time to leader per fault occurrence, or leaderless time per trial when there were no faults. */
export interface PrimaryMetric {
  readonly key: 'timeToLeaderMs' | 'timeToStableLeaderMs' | 'leaderlessMs';
  readonly title: string;
  readonly unitOf: string;
  readonly summary: DurationSummary;
  /** ms; null = censored (no leader by the horizon). */
  readonly values: readonly (number | null)[];
  readonly trials: readonly number[];
}

export function primaryMetric(c: ConfigResult): PrimaryMetric {
  const s = c.samples ?? { trial: [], timeToLeaderMs: [], leaderlessMs: [] };
  if (c.metrics.timeToLeaderMs.n > 0 || c.metrics.leaderlessMs.n === 0) {
    return { key: 'timeToLeaderMs', title: 'time to leader', unitOf: 'fault occurrences', summary: c.metrics.timeToLeaderMs, values: s.timeToLeaderMs, trials: s.trial };
  }
  return { key: 'leaderlessMs', title: 'leaderless time per trial', unitOf: 'trials', summary: c.metrics.leaderlessMs, values: s.leaderlessMs, trials: s.leaderlessMs.map((_, i) => i) };
}

/**
 * Time to a stable leader per fault occurrence (one that then led for measure.stableFor), when
 * the charts plot time to leader and the result has its samples (results of older raftsim do not).
 */
export function stableMetric(c: ConfigResult): PrimaryMetric | null {
  const values = c.samples?.timeToStableLeaderMs;
  if (values === undefined || primaryMetric(c).key !== 'timeToLeaderMs') return null;
  return { key: 'timeToStableLeaderMs', title: 'time to a stable leader', unitOf: 'fault occurrences', summary: c.metrics.timeToStableLeaderMs, values, trials: c.samples.trial };
}

/** Fault occurrences whose first new leader did not last: time to a stable leader differs from time to leader. */
export function deposedFirstLeaders(c: ConfigResult): { deposed: number; n: number } {
  const first = c.samples?.timeToLeaderMs ?? [];
  const stable = c.samples?.timeToStableLeaderMs;
  if (stable === undefined) return { deposed: 0, n: first.length };
  return { deposed: first.filter((v, i) => v !== stable[i]).length, n: first.length };
}
