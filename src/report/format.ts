// Number and value formatting for reports (plain strings; html.ts escapes them).
import { formatPointValue } from '../scenario/describe.js';
import { groupedNumber } from '../stats/format.js';

/** Milliseconds for people: 0.123 ms, 12.3 ms, 187 ms, 1,234 ms. */
export function fmtMs(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${fmtNum(x)} ms`;
}

/** A number with 3 significant digits below 100 and whole numbers above. */
export function fmtNum(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return groupedNumber(x, digits);
}

export function fmtPct(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${(x * 100).toFixed(digits)}%`;
}

/** A quantile that may lie beyond the horizon (null with censored observations). */
export function fmtQuantile(x: number | null, censored: number, n: number): string {
  if (x === null) return censored > 0 && n > 0 ? '> horizon' : '—';
  return fmtMs(x);
}

/** Time axis ticks in ms: shown in s once the axis spans seconds. */
export function fmtAxisMs(x: number, spanMs: number): string {
  if (spanMs >= 5000) return `${fmtNum(x / 1000, 4)} s`;
  return `${fmtNum(x, 4)} ms`;
}

/** A swept value as the terminal's sweep table prints it: "150ms", true, "300ms–600ms" for a {min, max} range. */
export function fmtValue(v: unknown): string {
  return formatPointValue(v);
}

/** The last segment of a dotted key, for compact labels: raft.electionTimeout.min → electionTimeout.min. */
export function shortKey(key: string): string {
  const parts = key.split('.');
  return parts.length > 2 ? parts.slice(-2).join('.') : key;
}

/** A configuration's point as one line: "electionTimeout.min=20ms · electionTimeout.max=150ms". */
export function pointLabel(point: Readonly<Record<string, unknown>>): string {
  const e = Object.entries(point);
  if (e.length === 0) return 'base configuration';
  return e.map(([k, v]) => `${shortKey(k)}=${fmtValue(v)}`).join(' · ');
}
