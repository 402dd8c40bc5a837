// How far a baseline metric may move before `raftsim check --baseline` calls it a
// regression (baseline.ts applies them). A module of its own so that the CLI's
// help can show the defaults without loading the checker.

export interface Tolerances {
  readonly p99SlowerPct: number;
  readonly spuriousUpPct: number;
  readonly spuriousUpAbs: number;
  readonly availabilityDownPts: number;
}

export const DEFAULT_TOLERANCES: Tolerances = { p99SlowerPct: 10, spuriousUpPct: 10, spuriousUpAbs: 0.5, availabilityDownPts: 1 };
