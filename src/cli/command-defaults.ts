// Flag defaults the command definitions show in --help. Kept apart from the
// commands themselves so that `raftsim --help` loads no simulation code.
export { DEFAULT_TOLERANCES } from '../verdict/tolerances.js';

export const FUZZ_DEFAULTS = { budget: '200', maxFaults: 6, window: '5s', minDuration: '10ms', maxDuration: '3s', churn: 0.25 } as const;
