// Filled in by the Raft node issue: leader-crash trials per second on a 5-node cluster.
export interface BenchRow {
  readonly label: string;
  readonly value: string;
  readonly eventsPerSecond?: number;
}

export function benchRaftTrials(_clock: () => number): BenchRow[] {
  return [];
}
