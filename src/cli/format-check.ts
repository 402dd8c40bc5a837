// Human-readable output of `raftsim check`: the pass/fail table with measured
// values beside bounds, each failure's replay command, and the baseline comparison.
import { formatUs } from '../sim/time.js';
import { configName, failedExpectations, type CheckedConfig } from '../verdict/check.js';
import type { Comparison, ComparisonRow } from '../verdict/baseline-compare.js';
import type { Tolerances } from '../verdict/baseline.js';
import { measured } from '../verdict/junit.js';
import { fitTable } from './table.js';
import { joinWrapped, terminalColumns, wrapWords } from './width.js';

export function checkTable(configs: readonly CheckedConfig[], width = terminalColumns()): string {
  const rows: string[][] = [];
  for (const c of configs) {
    const name = configName(c);
    for (const e of c.expectations) rows.push([name, e.metric, `${e.op} ${e.bound}`, measured(e), e.pass ? 'pass' : 'FAIL']);
    const v = c.result.violations.length;
    rows.push([name, 'safety', 'ok', v === 0 ? 'ok' : `violated in ${v}/${c.trials}`, v === 0 ? 'pass' : 'VIOLATED']);
  }
  // Too wide: the configuration name is clipped (its full name is in the failure lines and --json).
  return fitTable(['configuration', 'check', 'bound', 'measured', 'result'], rows, (col) => col === 2 || col === 3, { width, clip: 0 }).text;
}

export function failureLines(configs: readonly CheckedConfig[], width = terminalColumns()): string[] {
  const out: string[] = [];
  // Messages wrap; a replay command stays whole on its own line.
  for (const c of configs) {
    for (const e of failedExpectations(c)) {
      out.push(wrapWords(`FAIL ${configName(c)}: ${e.metric} = ${measured(e)}, expected ${e.op} ${e.bound}${e.trial === null ? '' : ` (worst: trial ${e.trial})`}`, width, '  '));
      if (e.replay) out.push(`  ${e.replay}`);
    }
    for (const v of c.result.violations.slice(0, 5)) {
      out.push(wrapWords(`SAFETY ${configName(c)}: trial ${v.trial}: ${v.invariant} at ${formatUs(v.timeUs)} (term ${v.term}, index ${v.index}): ${v.detail}`, width, '  '));
      out.push(`  ${v.replay}`);
    }
    if (c.result.violations.length > 5) out.push(`  … and ${c.result.violations.length - 5} more violations`);
  }
  return out;
}

function value(r: ComparisonRow, x: number | null): string {
  if (x === null) return r.metric === 'writeAvailability' ? '—' : '> horizon';
  return r.metric === 'writeAvailability' ? `${(x * 100).toFixed(2)}%` : r.metric === 'timeToLeaderMs.p99' ? x.toFixed(1) : x.toFixed(2);
}

export function comparisonText(file: string, c: Comparison, tol: Tolerances, width = terminalColumns()): string[] {
  const head = `baseline ${file} — regression when time to leader p99 is ${tol.p99SlowerPct}% slower, spurious elections/hour up ${tol.spuriousUpPct}% + ${tol.spuriousUpAbs}, write availability down ${tol.availabilityDownPts} pt(s):`;
  const rows = c.rows.map((r) => [r.name, r.metric, value(r, r.before), value(r, r.after), r.change, r.allowed, r.regressed ? 'REGRESSED' : 'ok']);
  const fit = fitTable(['configuration', 'metric', 'before', 'after', 'change', 'allowed', 'verdict'], rows, (col) => col >= 2 && col <= 5, { width, dropFirst: [5], clip: 0 });
  const out = ['', wrapWords(head, width, '  '), fit.text];
  if (c.added.length > 0) out.push(`not in the baseline (nothing to compare): ${few(c.added)}`);
  if (c.missing.length > 0) out.push(`in the baseline but not checked: ${few(c.missing)}`);
  for (const d of c.differentRuns) out.push(`note: ${d} — compared anyway, expect noise`);
  return out;
}

/** "a; b; c … and 12 more". */
function few(names: readonly string[], max = 4): string {
  return names.length <= max ? names.join('; ') : `${names.slice(0, max).join('; ')} … and ${names.length - max} more`;
}

export function summaryLine(configs: readonly CheckedConfig[], regressions: number | null, width = terminalColumns()): string {
  const checks = configs.reduce((a, c) => a + c.expectations.length + 1, 0);
  const failed = configs.reduce((a, c) => a + failedExpectations(c).length, 0);
  const unsafe = configs.filter((c) => c.result.violations.length > 0).length;
  const parts = [`${checks} checks in ${configs.length} configuration(s)`, `${failed} expectation(s) failed`, `${unsafe} with safety violations`];
  if (regressions !== null) parts.push(`${regressions} baseline regression(s)`);
  return joinWrapped(parts, ', ', width, '  ');
}
