// Builds resolved scenarios in code for tests (the file loader has its own tests).
import { resolveRaftConfig } from '../../src/raft/profiles.js';
import type { RaftConfig } from '../../src/raft/types.js';
import type { ResolvedScenario, ScenarioFault } from '../../src/scenario/types.js';
import type { FaultAction } from '../../src/faults/types.js';
import type { DistSpec } from '../../src/sim/distributions.js';

export interface TestScenarioOptions {
  nodes?: number;
  raft?: Partial<RaftConfig>;
  profile?: 'paper' | 'etcd' | 'hashicorp';
  latency?: DistSpec;
  fsync?: DistSpec;
  faults?: ScenarioFault[];
  writesPerSecond?: number;
  horizonUs?: number;
  seed?: string;
  loss?: number;
  duplicate?: number;
  ordering?: 'fifo' | 'independent';
  clientTimeoutUs?: number;
}

export function testScenario(o: TestScenarioOptions = {}): ResolvedScenario {
  const n = o.nodes ?? 5;
  const config = resolveRaftConfig(o.profile ?? 'paper', o.raft ?? {});
  const stableUs = config.electionTimeoutMaxUs;
  return {
    file: 'test:inline',
    name: 'test',
    description: 'built in a test',
    nodes: n,
    placement: { zoneOf: [], zones: [] },
    bootSpreadUs: config.timerMode === 'ticks' ? config.tickUs : 0,
    raft: { profile: o.profile ?? 'paper', implementation: 'reference', nodes: Array.from({ length: n }, () => config) },
    network: {
      latency: o.latency ?? { kind: 'uniform', min: 200, max: 800 },
      zoneLatency: null,
      lossProbability: o.loss ?? 0,
      duplicateProbability: o.duplicate ?? 0,
      inFlightOnCut: 'drop',
      ordering: o.ordering ?? 'fifo',
    },
    clocks: Array.from({ length: n }, () => ({ skewUs: 0, driftPpm: 0 })),
    cpu: Array.from({ length: n }, () => ({ serviceTime: { kind: 'constant', value: 20 } as DistSpec })),
    disk: Array.from({ length: n }, () => ({ fsyncLatency: o.fsync ?? ({ kind: 'uniform', min: 500, max: 2000 } as DistSpec) })),
    workload: { writesPerSecond: o.writesPerSecond ?? 0, arrival: 'poisson', clientLatency: { kind: 'constant', value: 500 }, clientTimeoutUs: o.clientTimeoutUs ?? 2_000_000, retryBackoffUs: 25_000, retryBackoffMaxUs: 1_000_000, retryJitter: 0.1 },
    faults: o.faults ?? [],
    trials: 1,
    seed: o.seed ?? '1',
    horizonUs: o.horizonUs ?? 20_000_000,
    measure: { stableUs, alertThresholdsUs: [30_000_000, 60_000_000], warmupUs: 0 },
    sweep: [],
    expect: [],
    source: {},
  };
}

export function faultAt(atUs: number, action: FaultAction, durationUs: number | null = null): ScenarioFault {
  return {
    start: { kind: 'at', atUs },
    repeat: { kind: 'once' },
    duration: durationUs === null ? null : { kind: 'constant', value: durationUs },
    healAtUs: null,
    action,
    path: 'faults[0]',
  };
}
