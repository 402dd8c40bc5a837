// Virtual time is an integer number of microseconds (µs) since the trial began.
// Plain numbers are exact for integers up to 2^53 µs (about 285 years).

export type Micros = number;

export const US_PER_MS = 1_000;
export const US_PER_S = 1_000_000;

export const ms = (n: number): Micros => Math.round(n * US_PER_MS);
export const seconds = (n: number): Micros => Math.round(n * US_PER_S);
export const usToMs = (us: Micros): number => us / US_PER_MS;

/** Formats µs for people: 1500 → "1.5ms", 2_000_000 → "2s". */
export function formatUs(us: Micros): string {
  const abs = Math.abs(us);
  if (abs >= 3_600 * US_PER_S) return `${trim(us / (3_600 * US_PER_S))}h`;
  if (abs >= 60 * US_PER_S) return `${trim(us / (60 * US_PER_S))}min`;
  if (abs >= US_PER_S) return `${trim(us / US_PER_S)}s`;
  if (abs >= US_PER_MS) return `${trim(us / US_PER_MS)}ms`;
  return `${us}µs`;
}

function trim(x: number): string {
  return Number(x.toFixed(3)).toString();
}
