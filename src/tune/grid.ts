// The full grid of configurations, its coarse subset, and grid neighbours (for
// refining around the frontier). Numeric axes (election timeout, heartbeat) are
// ordered; the coarse grid keeps every other value of each, both ends included.
import type { Candidate, Knobs } from './types.js';
import { formatDuration } from '../format/duration.js';

export interface Axes {
  readonly electionTimeoutUs: readonly number[];
  /** [null] where the profile derives the heartbeat. */
  readonly heartbeatUs: readonly (number | null)[];
  readonly preVote: readonly boolean[];
  readonly checkQuorum: readonly boolean[];
}

/** Numeric axes: refinement moves along these. */
const NUMERIC = [0, 1];

export function fullGrid(axes: Axes): Candidate[] {
  const sizes = [axes.electionTimeoutUs.length, axes.heartbeatUs.length, axes.preVote.length, axes.checkQuorum.length];
  const out: Candidate[] = [];
  const total = sizes.reduce((a, b) => a * b, 1);
  for (let id = 0; id < total; id++) {
    const coords: number[] = [];
    let rest = id;
    for (let k = sizes.length - 1; k >= 0; k--) {
      coords[k] = rest % sizes[k];
      rest = Math.floor(rest / sizes[k]);
    }
    const knobs: Knobs = {
      electionTimeoutUs: axes.electionTimeoutUs[coords[0]],
      heartbeatUs: axes.heartbeatUs[coords[1]],
      preVote: axes.preVote[coords[2]],
      checkQuorum: axes.checkQuorum[coords[3]],
    };
    out.push({ id, coords, knobs, label: knobsLabel(knobs) });
  }
  return out;
}

export function knobsLabel(k: Knobs): string {
  const hb = k.heartbeatUs === null ? '' : ` HT=${formatDuration(k.heartbeatUs)}`;
  return `ET=${formatDuration(k.electionTimeoutUs)}${hb}${k.preVote ? ' PreVote' : ' no-PreVote'}${k.checkQuorum ? ' CheckQuorum' : ' no-CheckQuorum'}`;
}

/** Every other value of an axis of `size` values, both ends included. */
export function coarseIndexes(size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < size; i += 2) out.push(i);
  if (out[out.length - 1] !== size - 1) out.push(size - 1);
  return out;
}

export function coarseGrid(grid: readonly Candidate[], axes: Axes): Candidate[] {
  const keep = [coarseIndexes(axes.electionTimeoutUs.length), coarseIndexes(axes.heartbeatUs.length)];
  return grid.filter((c) => NUMERIC.every((k) => keep[k].includes(c.coords[k])));
}

/** Candidates one step away on one numeric axis, with the same booleans. */
export function neighbours(grid: readonly Candidate[], c: Candidate): Candidate[] {
  return grid.filter((o) => {
    if (o.id === c.id) return false;
    let steps = 0;
    for (let k = 0; k < c.coords.length; k++) {
      const d = Math.abs(o.coords[k] - c.coords[k]);
      if (NUMERIC.includes(k)) steps += d;
      else if (d !== 0) return false;
    }
    return steps === 1;
  });
}
