// Sharding: which trials a shard runs. Trials of all configurations are
// numbered in (configuration, trial) order and dealt round-robin, so every
// shard gets a share of every configuration (slow and fast ones alike) and
// the union of the N shards is every trial exactly once. A trial's result
// depends only on (scenario, seed, trial), never on the shard that ran it.

export interface Shard {
  /** 0-based. */
  readonly index: number;
  readonly count: number;
}

const MAX_SHARDS = 10_000;

/** Parses "I/N" (0 <= I < N); returns an error message for anything else. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) return `--shard must be I/N, e.g. 0/4 (shard I of N, counted from 0), got ${JSON.stringify(text)}`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!(count >= 1 && count <= MAX_SHARDS)) return `--shard ${text}: N must be 1..${MAX_SHARDS}`;
  if (!(index < count)) return `--shard ${text}: I must be 0..${count - 1} (shards are counted from 0)`;
  return { index, count };
}

/** The trial indexes of each configuration this shard runs (all of them without a shard). */
export function ownedTrials(trialsPerConfig: readonly number[], shard: Shard | null): number[][] {
  let offset = 0;
  return trialsPerConfig.map((n) => {
    const owned: number[] = [];
    for (let t = 0; t < n; t++) if (shard === null || (offset + t) % shard.count === shard.index) owned.push(t);
    offset += n;
    return owned;
  });
}
