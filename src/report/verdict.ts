// What a configuration of a sweep misses, every item of it: a safety violation,
// a failed expectation, needless elections while the leader was healthy (the
// recommendation rule's condition, src/report/recommend.ts), and fault
// occurrences with no leader by the horizon. The terminal's sweep table and the
// HTML report show the same list; "ok" when it is empty.
import type { ConfigResult } from '../verdict/result.js';

/** One missed goal: its full wording and a one-word badge for narrow places (the report's table). */
export interface VerdictFlag {
  readonly text: string;
  readonly short: string;
}

export function verdictItems(r: ConfigResult): VerdictFlag[] {
  const flags: VerdictFlag[] = [];
  if (r.violations.length > 0 || r.metrics.safety === 'violated') flags.push({ text: 'safety VIOLATED', short: 'UNSAFE' });
  const failed = r.expectations.filter((e) => !e.pass);
  if (failed.length > 0) flags.push({ text: `expect FAIL ×${failed.length}`, short: `expect ×${failed.length}` });
  if (r.metrics.spuriousElectionsPerHour > 0) flags.push({ text: `spurious elections ${r.metrics.spuriousElectionsPerHour.toFixed(1)}/h`, short: 'spurious' });
  const t = r.metrics.timeToLeaderMs;
  if (t.censored > 0) flags.push({ text: `no leader in ${t.censored} of ${t.n}`, short: 'censored' });
  return flags;
}

export function verdictFlags(r: ConfigResult): string[] {
  return verdictItems(r).map((f) => f.text);
}

export function verdictText(r: ConfigResult): string {
  const f = verdictFlags(r);
  return f.length === 0 ? 'ok' : f.join('; ');
}
