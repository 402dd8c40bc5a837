// Two-sample comparisons suited to censored samples. Durations: the log-rank
// test (Mantel–Haenszel), where a censored observation (no event by the
// horizon) stays at risk past every observed time — the same convention as the
// summaries, which sort censored values last. Rates: the exact conditional test
// (given k1 + k2 events, k1 ~ Binomial(k1 + k2, T1/(T1 + T2)) when the rates are equal).
import { binomialCdf, chisquareCdf } from './dists.js';

export interface LogRankResult {
  /** The chi-squared statistic (1 degree of freedom). */
  readonly chi2: number;
  /** Two-sided p-value; 1 when there is nothing to compare (no events). */
  readonly p: number;
  /** Observed minus expected events in sample A: negative when A's events come later (A is slower). */
  readonly observedMinusExpectedA: number;
}

/** Values with null = censored (beyond the horizon). */
export function logRank(a: readonly (number | null)[], b: readonly (number | null)[]): LogRankResult {
  const events = new Map<number, [number, number]>();
  for (const [k, s] of [a, b].entries()) {
    for (const v of s) {
      if (v === null) continue;
      const e = events.get(v) ?? [0, 0];
      e[k]++;
      events.set(v, e);
    }
  }
  const times = [...events.keys()].sort((x, y) => x - y);
  let atRiskA = a.length;
  let atRiskB = b.length;
  let oMinusE = 0;
  let variance = 0;
  for (const t of times) {
    const [dA, dB] = events.get(t)!;
    const d = dA + dB;
    const n = atRiskA + atRiskB;
    if (n > 0) {
      oMinusE += dA - (d * atRiskA) / n;
      if (n > 1) variance += (d * (atRiskA / n) * (atRiskB / n) * (n - d)) / (n - 1);
    }
    atRiskA -= dA;
    atRiskB -= dB;
  }
  if (!(variance > 0)) return { chi2: 0, p: 1, observedMinusExpectedA: oMinusE };
  const chi2 = (oMinusE * oMinusE) / variance;
  return { chi2, p: 1 - chisquareCdf(chi2, 1), observedMinusExpectedA: oMinusE };
}

/** Two-sided exact p-value that two Poisson rates are equal, given events and exposures. */
export function rateTest(eventsA: number, hoursA: number, eventsB: number, hoursB: number): number {
  const k = eventsA + eventsB;
  if (k === 0 || !(hoursA > 0) || !(hoursB > 0)) return 1;
  const p = hoursA / (hoursA + hoursB);
  const lower = binomialCdf(eventsA, k, p);
  const upper = eventsA === 0 ? 1 : 1 - binomialCdf(eventsA - 1, k, p);
  return Math.min(1, 2 * Math.min(lower, upper));
}
