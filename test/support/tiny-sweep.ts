// Four configurations of a short leader crash on 3 nodes (timeout minimum 100/150 ms × PreVote
// off/on): small enough for tests that run a whole sweep several times.
export function tinySweep(trials: number): string {
  return `{
  name: "tiny-sweep",
  description: "Leader crash on 3 nodes, two timeout minima, PreVote off and on.",
  cluster: { nodes: 3 },
  raft: { profile: "paper", electionTimeout: { min: "150ms", max: "300ms" } },
  workload: { writesPerSecond: 10 },
  faults: [{ kind: "crash", target: "leader", after: "stable-leader", delay: "500ms", window: "20ms" }],
  trials: ${trials},
  horizon: "3s",
  sweep: { "raft.electionTimeout.min": ["100ms", "150ms"], "raft.preVote": [false, true] },
}
`;
}
