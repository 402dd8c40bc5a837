// Durations in scenario files: a decimal number and a unit ("150ms", "1.5s",
// "-200ms"), resolved to a whole number of microseconds, the simulator's unit.
// Parsing is exact (BigInt on the digits), so "0.1s" is 100000 µs, never
// 100000.00000000001; a value finer than 1 µs is an error, not a silent rounding.

export const US_PER_UNIT: Readonly<Record<string, number>> = Object.freeze({
  us: 1,
  'µs': 1, // micro sign U+00B5
  'μs': 1, // Greek mu U+03BC
  ms: 1_000,
  s: 1_000_000,
  min: 60_000_000,
  h: 3_600_000_000,
  d: 86_400_000_000,
});

/** For editors (JSON Schema `pattern`); the parser below gives the precise errors. */
export const DURATION_PATTERN = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(us|µs|μs|ms|s|min|h|d)$';

export type DurationResult = { readonly ok: true; readonly us: number } | { readonly ok: false; readonly message: string; readonly hint?: string };

const SHAPE = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*([^\s0-9.+-]*)$/;

/** Units people write by habit, and what to write instead. */
const UNIT_HINTS: Readonly<Record<string, string>> = Object.freeze({
  sec: 's', secs: 's', second: 's', seconds: 's',
  msec: 'ms', msecs: 'ms', millis: 'ms', millisecond: 'ms', milliseconds: 'ms',
  usec: 'us', micros: 'us', microsecond: 'us', microseconds: 'us',
  mins: 'min', minute: 'min', minutes: 'min',
  hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  day: 'd', days: 'd',
});

/**
 * Parses "150ms" → 150000. Signs are accepted here; callers decide whether negatives make sense.
 * Exactly DURATION_PATTERN's language (so the JSON Schema and the loader agree): no spaces
 * anywhere; "5 ms" is an error whose hint is "5ms".
 */
export function parseDuration(text: string): DurationResult {
  if (text.length > 64) return { ok: false, message: 'a duration is at most 64 characters' };
  const m = SHAPE.exec(text.trim());
  if (m === null) return { ok: false, message: `"${text}" is not a duration`, hint: 'write a number and a unit, e.g. "150ms", "1.5s", "2min"' };
  const [, sign, digits, unit] = m;
  if (unit === '') return { ok: false, message: `"${text}" has no unit`, hint: `write "${text.trim()}ms"` };
  const per = US_PER_UNIT[unit] ?? US_PER_UNIT[unit.toLowerCase()];
  if (per === undefined) return unknownUnit(text, sign + digits, unit);
  if (!(unit in US_PER_UNIT)) return { ok: false, message: `unit "${unit}" must be lower case`, hint: `write "${sign}${digits}${unit.toLowerCase()}"` };
  if (/\s/.test(text)) return { ok: false, message: `"${text}" has a space in it`, hint: `write "${text.replace(/\s+/g, '')}"` };
  const [whole, frac = ''] = digits.split('.');
  const scaled = BigInt((whole || '0') + frac) * BigInt(per);
  const denom = 10n ** BigInt(frac.length);
  if (scaled % denom !== 0n) return { ok: false, message: `"${text}" is not a whole number of microseconds`, hint: 'raftsim time is counted in whole µs' };
  const us = Number(scaled / denom);
  if (!Number.isSafeInteger(us)) return { ok: false, message: `"${text}" is too large` };
  return { ok: true, us: sign === '-' && us !== 0 ? -us : us };
}

function unknownUnit(text: string, number: string, unit: string): DurationResult {
  const lower = unit.toLowerCase();
  if (lower === 'ns') return { ok: false, message: `"${text}" is finer than a microsecond`, hint: 'raftsim time is counted in whole µs; use us or larger units' };
  const better = UNIT_HINTS[lower];
  const hint =
    lower === 'm' ? `write "${number}min" (minutes) or "${number}ms" (milliseconds)`
    : better !== undefined ? `write "${number}${better}"`
    : 'units: us (or µs), ms, s, min, h, d';
  return { ok: false, message: `"${text}": unknown unit "${unit}"`, hint };
}

const FORMAT_UNITS: readonly (readonly [string, number])[] = [
  ['d', US_PER_UNIT.d], ['h', US_PER_UNIT.h], ['min', US_PER_UNIT.min], ['s', US_PER_UNIT.s], ['ms', US_PER_UNIT.ms],
];

/**
 * Formats whole µs in the largest unit that divides it exactly: 60000000 → "1min",
 * 90000000 → "90s", 1500 → "1500us". Exact, so parseDuration(formatDuration(x)) === x.
 */
export function formatDuration(us: number): string {
  const v = Math.round(us);
  if (v === 0) return '0s';
  if (v < 0) return `-${formatDuration(-v)}`;
  for (const [unit, per] of FORMAT_UNITS) if (v % per === 0) return `${v / per}${unit}`;
  return `${v}us`;
}

/** Whole µs as an exact, readable duration: 158627 → "158.627ms", 6449441 → "6.449441s". */
export function exactDuration(us: number): string {
  const abs = Math.abs(Math.round(us));
  if (abs === 0) return '0s';
  const [per, unit] = abs >= 1_000_000 ? [1_000_000, 's'] : abs >= 1_000 ? [1_000, 'ms'] : [1, 'us'];
  const frac = abs % per;
  const decimals = frac === 0 ? '' : `.${String(frac).padStart(String(per).length - 1, '0').replace(/0+$/, '')}`;
  return `${us < 0 ? '-' : ''}${Math.floor(abs / per)}${decimals}${unit}`;
}
