// Seeded randomness. Every random draw in a trial comes from a named stream
// derived from (scenario seed, trial index, stream name), so streams are
// independent: adding a fault never shifts the network's draws, and any single
// trial can be replayed alone. Alea (shipped with seedrandom) is used for speed;
// it is portable and gives the same sequence on every machine.
import seedrandom from 'seedrandom';

/** A source of uniform doubles in [0, 1). */
export interface Rng {
  next(): number;
}

/** Stream names used across raftsim; per-node streams append `:<node id>`. */
export type StreamName = 'network' | 'faults' | 'workload' | 'timers' | 'cpu' | 'disk' | 'boot' | 'fuzz';

export function streamSeed(seed: string | number, trial: number, name: string): string {
  return `raftsim/${seed}/${trial}/${name}`;
}

export function makeRng(seed: string): Rng {
  // alea's generator closes over its state and ignores `this`, so it can be
  // stored as a method without a wrapper call per draw.
  return { next: seedrandom.alea(seed) };
}

/** The named streams of one trial. Streams are created on first use and cached. */
export class RngStreams {
  private readonly cache = new Map<string, Rng>();

  constructor(
    readonly seed: string | number,
    readonly trial: number,
  ) {}

  get(name: StreamName, node?: number): Rng {
    const key = node === undefined ? name : `${name}:${node}`;
    let rng = this.cache.get(key);
    if (rng === undefined) {
      rng = makeRng(streamSeed(this.seed, this.trial, key));
      this.cache.set(key, rng);
    }
    return rng;
  }
}

/** Uniform integer in [min, max] (inclusive). */
export function uniformInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng.next() * (max - min + 1));
}
