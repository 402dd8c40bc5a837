// Cross-field checks on faults: one start, heal after start, a bounded number
// of occurrences; then each kind's own checks (node ids that exist, …) from its
// module (src/faults/kinds/).
import type { Report } from './checks.js';
import { faultKindModule } from '../faults/registry.js';
import { formatDuration } from '../format/duration.js';
import type { KeyPath } from './errors.js';
import { LIMITS } from '../format/limits.js';
import type { FaultInput } from './schema-faults.js';

export function checkFaults(faults: readonly FaultInput[], n: number, horizonUs: number, report: Report): void {
  faults.forEach((f, i) => {
    const path = ['faults', i];
    checkTiming(f, path, horizonUs, report);
    checkRecurrence(f, path, horizonUs, report);
    checkKind(f, path, n, horizonUs, report);
  });
}

function checkTiming(f: FaultInput, path: KeyPath, horizonUs: number, report: Report): void {
  const at = (key: string, message: string) => report({ path: [...path, key], at: 'key', message });
  if (f.at === undefined && f.after === undefined) report({ path, message: 'a fault needs a start; add at: "10s" or after: "stable-leader"' });
  if (f.at !== undefined && f.after !== undefined) at('after', 'give either `at` or `after`, not both');
  const chain = f.after === undefined ? [] : Array.isArray(f.after) ? f.after : [f.after];
  chain.forEach((e, k) => {
    if (typeof e !== 'string' && e.committed === undefined) {
      report({ path: Array.isArray(f.after) ? [...path, 'after', k] : [...path, 'after'], message: 'missing `committed`; write { committed: 10 } to wait until the commit index reaches 10' });
    }
  });
  if (f.after === undefined) {
    if (f.delay !== undefined) at('delay', '`delay` only applies with `after`');
    if (f.window !== undefined) at('window', '`window` only applies with `after`');
  }
  if (f.at !== undefined && f.at >= horizonUs) {
    report({ path: [...path, 'at'], message: `starts at ${formatDuration(f.at)}, not before the horizon ${formatDuration(horizonUs)}, so it would never happen` });
  }
  if (f.duration !== undefined && f.heal !== undefined) at('heal', 'give either `duration` or `heal`, not both');
  if (f.heal !== undefined) {
    if (f.at === undefined) at('heal', '`heal` is an absolute time, so it needs `at`; use `duration` with `after`');
    else if (f.heal <= f.at) report({ path: [...path, 'heal'], message: `heal ${formatDuration(f.heal)} must be after at ${formatDuration(f.at)}` });
    if (f.every !== undefined || f.rate !== undefined) at('heal', 'a recurring fault heals after its `duration`, not at one `heal` time');
  }
  const instantaneous = faultKindModule(f.kind).instantaneous;
  if (instantaneous !== null && (f.duration !== undefined || f.heal !== undefined)) {
    at(f.duration !== undefined ? 'duration' : 'heal', `${instantaneous} is instantaneous: it has no duration or heal`);
  }
}

/** Recurring faults: one way to repeat, a sane period, and a bounded count per trial. */
function checkRecurrence(f: FaultInput, path: KeyPath, horizonUs: number, report: Report): void {
  if (f.every !== undefined && f.rate !== undefined) report({ path: [...path, 'rate'], at: 'key', message: 'give either `every` or `rate`, not both' });
  if (f.count !== undefined && f.every === undefined && f.rate === undefined) {
    report({ path: [...path, 'count'], at: 'key', message: '`count` needs `every` or `rate`' });
  }
  const span = Math.max(0, horizonUs - (f.at ?? 0));
  if (f.every !== undefined) {
    if (f.every < LIMITS.periodUsMin) report({ path: [...path, 'every'], message: `period ${formatDuration(f.every)} is shorter than the 1ms minimum` });
    else if (f.count === undefined && span / f.every > LIMITS.occurrences) tooMany(span / f.every, [...path, 'every'], report);
  }
  if (f.rate !== undefined && f.count === undefined && (f.rate * span) / 1e6 > LIMITS.occurrences) tooMany((f.rate * span) / 1e6, [...path, 'rate'], report);
}

function tooMany(expected: number, path: KeyPath, report: Report): void {
  report({ path, message: `about ${Math.round(expected)} occurrences per trial, over the cap of ${LIMITS.occurrences}; set \`count\` or a longer period` });
}

/** The kind's own checks (src/faults/kinds/), told the longest one occurrence can last. */
function checkKind(f: FaultInput, path: KeyPath, n: number, horizonUs: number, report: Report): void {
  const spanUs =
    typeof f.duration === 'number' ? f.duration
    : f.heal !== undefined && f.at !== undefined ? f.heal - f.at
    : Math.max(0, horizonUs - (f.at ?? 0));
  faultKindModule(f.kind).check(f, { path, report, n, spanUs });
}
