// `raftsim check --html [DIR]`: one HTML report per scenario checked, as
// `run --html` (a scenario without a sweep) or `sweep --html` (with one) would
// write it, into DIR (default reports/). Paths are checked before any work.
import { join } from 'node:path';
import type { CheckedConfig } from '../verdict/check.js';
import { resultHeader, type ConfigResult, type RunResult, type SweepResult } from '../verdict/result.js';
import { collectTimelines } from '../run/timelines.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { recommend } from '../report/recommend.js';
import { checkOutputPath } from './files.js';
import { defaultReportPath, REPORTS_DIR } from './report-path.js';

/** `--html` bare ('') → reports/; else the directory given. */
export function checkHtmlDir(flag: string | undefined): string | null {
  if (flag === undefined) return null;
  return flag === '' ? REPORTS_DIR : flag;
}

/** The report file of each scenario (two scenarios of the same name get -2, -3, …). */
export function checkHtmlPaths(scenarios: readonly ResolvedScenario[], dir: string): string[] {
  const seen = new Map<string, number>();
  return scenarios.map((s) => {
    const base = defaultReportPath(s.name).slice(REPORTS_DIR.length + 1, -'.html'.length);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const path = join(dir, `${base}${n === 1 ? '' : `-${n}`}.html`);
    checkOutputPath(path, '--html');
    return path;
  });
}

/** Writes scenario i's report to paths[i], with the timelines `run`/`sweep --html` would include. */
export async function writeCheckReports(scenarios: readonly ResolvedScenario[], configs: readonly CheckedConfig[], paths: readonly string[], sets: readonly string[]): Promise<void> {
  // The renderer is loaded only when reports are written: `check` starts without it.
  const { writeHtmlReport } = await import('./report.js');
  for (const [i, s] of scenarios.entries()) {
    const mine = configs.filter((c) => c.scenarioIndex === i);
    if (mine.length === 0) continue;
    if (s.sweep.length === 0) {
      const c = mine[0];
      const r: RunResult = { ...resultHeader(s, c.trials, sets), ...c.result, timelines: await collectTimelines(c.resolved, c.trialSummaries) };
      writeHtmlReport(r, paths[i]);
      continue;
    }
    const results: ConfigResult[] = mine.map((c) => c.result);
    const rec = recommend(results);
    if (rec !== null) {
      const c = mine[rec.index];
      results[rec.index] = { ...results[rec.index], timelines: await collectTimelines(c.resolved, c.trialSummaries) };
    }
    const r: SweepResult = { ...resultHeader(s, s.trials, sets), results };
    writeHtmlReport(r, paths[i]);
  }
}
