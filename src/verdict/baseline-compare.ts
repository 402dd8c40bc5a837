// Compares checked configurations with a saved baseline (rules in baseline.ts).
import { baselineKey, entryOf, type Baseline, type BaselineEntry, type Tolerances } from './baseline.js';
import { configName, type CheckedConfig } from './check.js';

export type BaselineMetric = 'timeToLeaderMs.p99' | 'spuriousElectionsPerHour' | 'writeAvailability';

export interface ComparisonRow {
  readonly name: string;
  readonly metric: BaselineMetric;
  readonly before: number | null;
  readonly after: number | null;
  /** People-readable: "+12.0 ms (+4.1%)", "−0.50 pts", "now beyond the horizon". */
  readonly change: string;
  /** The worst value that still passes: "≤ 330.0", "≥ 98.00%". */
  readonly allowed: string;
  readonly regressed: boolean;
}

export interface Comparison {
  readonly rows: readonly ComparisonRow[];
  /** Baseline entries no checked configuration matched (renamed, removed or not selected). */
  readonly missing: readonly string[];
  /** Checked configurations the baseline does not have (nothing to compare). */
  readonly added: readonly string[];
  /** Compared although their seed or trial count differs from the baseline's. */
  readonly differentRuns: readonly string[];
  readonly regressions: number;
}

export function compareBaseline(b: Baseline, configs: readonly CheckedConfig[], tol: Tolerances): Comparison {
  const rows: ComparisonRow[] = [];
  const added: string[] = [];
  const differentRuns: string[] = [];
  const seen = new Set<string>();
  for (const c of configs) {
    const key = baselineKey(c);
    const before = b.entries[key];
    if (before === undefined) {
      added.push(configName(c));
      continue;
    }
    seen.add(key);
    const after = entryOf(c);
    if (before.seed !== after.seed || before.trials !== after.trials) {
      differentRuns.push(`${configName(c)}: seed ${before.seed} → ${after.seed}, trials ${before.trials} → ${after.trials}`);
    }
    rows.push(...compareEntry(configName(c), before, after, tol));
  }
  const missing = Object.entries(b.entries).filter(([k]) => !seen.has(k)).map(([, e]) => e.scenario);
  return { rows, missing, added, differentRuns, regressions: rows.filter((r) => r.regressed).length };
}

/** Compared at the precision metrics are reported in, so float noise in a limit (330.00000000000006) never decides. */
const above = (x: number, limit: number) => Math.round(x * 1e6) > Math.round(limit * 1e6);
const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
const abs = (x: number, digits: number) => Math.abs(x).toFixed(digits);

function compareEntry(name: string, b: BaselineEntry, a: BaselineEntry, tol: Tolerances): ComparisonRow[] {
  return [p99Row(name, b.timeToLeaderP99Ms, a.timeToLeaderP99Ms, tol), spuriousRow(name, b.spuriousElectionsPerHour, a.spuriousElectionsPerHour, tol), availabilityRow(name, b.writeAvailability, a.writeAvailability, tol)];
}

function p99Row(name: string, before: number | null, after: number | null, tol: Tolerances): ComparisonRow {
  const limit = before === null ? null : before * (1 + tol.p99SlowerPct / 100);
  const allowed = limit === null ? 'any' : `≤ ${limit.toFixed(1)}`;
  const row = { name, metric: 'timeToLeaderMs.p99' as const, before, after, allowed };
  if (before === null && after === null) return { ...row, change: 'both beyond the horizon', regressed: false };
  if (after === null) return { ...row, change: 'now beyond the horizon', regressed: true };
  if (before === null) return { ...row, change: 'now within the horizon', regressed: false };
  const d = after - before;
  const pct = before > 0 ? ` (${sign(d)}${abs((d / before) * 100, 1)}%)` : '';
  return { ...row, change: `${sign(d)}${abs(d, 1)} ms${pct}`, regressed: above(after, limit!) };
}

function spuriousRow(name: string, before: number, after: number, tol: Tolerances): ComparisonRow {
  const limit = before * (1 + tol.spuriousUpPct / 100) + tol.spuriousUpAbs;
  const d = after - before;
  return { name, metric: 'spuriousElectionsPerHour', before, after, allowed: `≤ ${limit.toFixed(2)}`, change: `${sign(d)}${abs(d, 2)}/h`, regressed: above(after, limit) };
}

function availabilityRow(name: string, before: number | null, after: number | null, tol: Tolerances): ComparisonRow {
  const limit = before === null ? null : before - tol.availabilityDownPts / 100;
  const row = { name, metric: 'writeAvailability' as const, before, after, allowed: limit === null ? 'any' : `≥ ${(limit * 100).toFixed(2)}%` };
  if (before === null || after === null) return { ...row, change: before === after ? 'no workload' : 'not comparable (workload added or removed)', regressed: false };
  const d = (after - before) * 100;
  return { ...row, change: `${sign(d)}${abs(d, 2)} pts`, regressed: above(limit!, after) };
}
