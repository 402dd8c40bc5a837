// Caps on everything a scenario file can make large, so no file — typo, fuzzer
// output or malice — can hang the loader or the runner. Each cap is stated in
// the schema description of the field it limits.

const DAY_US = 86_400_000_000;

export const LIMITS = Object.freeze({
  /** Bytes of one scenario file (and of each file it extends). */
  fileBytes: 1 << 20,
  /** Nesting of objects and arrays in a file. */
  nesting: 32,
  /** Length of an `extends` chain. */
  extendsDepth: 16,
  /** Cluster size: 1..101. */
  nodes: 101,
  /** Any duration, and the horizon: 30 days. */
  durationUs: 30 * DAY_US,
  trials: 100_000,
  /** trials × sweep points. */
  totalTrials: 1_000_000,
  sweepPoints: 1_000,
  sweepValues: 100,
  faults: 1_000,
  /** Occurrences of one recurring fault per trial. */
  occurrences: 1_000_000,
  /** Shortest period of a recurring fault. */
  periodUsMin: 1_000,
  /** Highest Poisson rate of a recurring fault, per second. */
  ratePerSecond: 1_000,
  alerts: 16,
  expectations: 200,
  empiricalSamples: 100_000,
  empiricalFileBytes: 10 << 20,
  /** Bytes of a saved result (`raftsim report`) or a baseline (`check --baseline`). */
  resultFileBytes: 512 << 20,
  writesPerSecond: 100_000,
  /**
   * Estimated memory one trial's writes hold (TRIAL_BYTES_PER_WRITE): the simulated
   * nodes never compact their logs, so every write stays in each node's log, on its
   * disk image and in the safety checker's shadow of it until the trial ends.
   */
  trialWriteBytes: 1 << 30,
  /** Estimated heartbeat messages per trial: (horizon / heartbeat) × (nodes − 1). */
  heartbeatsPerTrial: 1_000_000_000,
  /** Raft counters (ticks, in-flight messages, entries per message). */
  counter: 100_000,
  sigma: 5,
  paretoShape: 100,
  scale: 1_000_000,
  /** |drift| in ppm must stay below this (1e6 ppm would stop or double the clock). */
  driftPpm: 1_000_000,
  nameChars: 200,
  descriptionChars: 10_000,
  zoneNameChars: 64,
  pathChars: 4_096,
  overrides: 100,
  /** Events in one fault's `after` chain. */
  triggerChain: 8,
  /** A commit index a fault may wait for (`after: { committed: N }`). */
  commitIndex: 1_000_000_000,
  /** cluster.initial: entries in one node's log, and in all nodes' logs together. */
  initialEntries: 100_000,
  initialEntriesTotal: 1_000_000,
  /** cluster.initial: the leader's term. */
  initialTerm: 1_000_000,
});

/**
 * Bytes a trial holds per client write, measured (node 20, 5 nodes, etcd profile,
 * heap after GC): per node ≈ 65 (the node's log, its disk image, the safety
 * checker's shadow of both), plus ≈ 165 once (the log-matching map, committed
 * entries, the write's submission/ack times and the acknowledged-write record).
 * Rounded up.
 */
export const TRIAL_BYTES_PER_WRITE = Object.freeze({ perNode: 70, fixed: 170 });

/** Estimated bytes one trial's writes hold (see TRIAL_BYTES_PER_WRITE). */
export function trialWriteBytes(writes: number, nodes: number): number {
  return writes * (TRIAL_BYTES_PER_WRITE.fixed + TRIAL_BYTES_PER_WRITE.perNode * nodes);
}
