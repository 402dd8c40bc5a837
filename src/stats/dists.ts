// The distribution functions src/stats needs, from @stdlib (well-kept, exact),
// loaded on first use: the @stdlib tree is a few hundred small modules, and a
// command that stops at bad input, or never summarises, should not pay for
// loading them (CommonJS packages, so a synchronous require works from here).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Cdf3 = (x: number, a: number, b: number) => number;
type Cdf2 = (x: number, k: number) => number;

let binomial: Cdf3 | null = null;
let chisquare: Cdf2 | null = null;
let gammaQ: Cdf3 | null = null;

/** P(X ≤ x) for X ~ Binomial(n, p). */
export function binomialCdf(x: number, n: number, p: number): number {
  return (binomial ??= require('@stdlib/stats-base-dists-binomial-cdf') as Cdf3)(x, n, p);
}

/** P(X ≤ x) for X ~ χ²(k). */
export function chisquareCdf(x: number, k: number): number {
  return (chisquare ??= require('@stdlib/stats-base-dists-chisquare-cdf') as Cdf2)(x, k);
}

/** The p-quantile of Gamma(shape α, rate β). */
export function gammaQuantile(p: number, alpha: number, beta: number): number {
  return (gammaQ ??= require('@stdlib/stats-base-dists-gamma-quantile') as Cdf3)(p, alpha, beta);
}
