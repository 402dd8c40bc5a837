// What a configuration of a sweep misses, every item of it: a safety violation,
// a failed expectation, needless elections while the leader was healthy (the
// recommendation rule's condition, src/report/recommend.ts), and fault
// occurrences with no leader by the horizon. The terminal's sweep table and the
// HTML report show the same list; "ok" when it is empty.
import type { ConfigResult } from '../scenarios/result.js';

export function verdictFlags(r: ConfigResult): string[] {
  const flags: string[] = [];
  if (r.violations.length > 0 || r.metrics.safety === 'violated') flags.push('safety VIOLATED');
  const failed = r.expectations.filter((e) => !e.pass);
  if (failed.length > 0) flags.push(`expect FAIL ×${failed.length}`);
  if (r.metrics.spuriousElectionsPerHour > 0) flags.push(`spurious elections ${r.metrics.spuriousElectionsPerHour.toFixed(1)}/h`);
  const t = r.metrics.timeToLeaderMs;
  if (t.censored > 0) flags.push(`no leader in ${t.censored} of ${t.n}`);
  return flags;
}

export function verdictText(r: ConfigResult): string {
  const f = verdictFlags(r);
  return f.length === 0 ? 'ok' : f.join('; ');
}
