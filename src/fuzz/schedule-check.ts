// Checks one fault schedule against a node implementation, VOPR-style: safety
// first (every invariant, all the time), then liveness (after every fault has
// healed, a single leader is elected and a write commits within a bound).
// Used by the property tests and by `raftsim fuzz`.
import { Simulation } from '../run/simulation.js';
import type { NodeFactory } from '../cluster/host.js';
import type { Fault } from '../faults/types.js';
import type { SafetyViolation } from '../invariants/safety.js';
import { recoveryBoundUs } from '../invariants/liveness.js';
import { HistoryRecorder } from '../metrics/history.js';
import { simulationSpec } from '../run/trial.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { DistSpec } from '../sim/distributions.js';

export interface Schedule {
  /** Trial index: picks the network, timer and workload draws. */
  readonly trial: number;
  readonly faults: readonly Fault[];
}

export type CheckOutcome =
  | { readonly kind: 'ok'; readonly recoveredAfterUs: number }
  | { readonly kind: 'safety'; readonly violation: SafetyViolation }
  | { readonly kind: 'liveness'; readonly detail: string; readonly boundUs: number };

export interface CheckOptions {
  /** Every fault is healed at this time (µs), whatever its duration. */
  readonly healAtUs: number;
  /** Liveness bound after the heal; default: recoveryBoundUs() for the scenario. */
  readonly boundUs?: number;
}

/** A generous upper value of a distribution, for bounds: its max, or a high quantile estimate. */
export function upperUs(d: DistSpec): number {
  switch (d.kind) {
    case 'constant': return d.value;
    case 'uniform': return d.max;
    case 'normal': return d.mean + 6 * d.stddev;
    case 'lognormal': return d.median * Math.exp(5 * d.sigma);
    case 'exponential': return d.mean * 12;
    case 'pareto': return d.max ?? d.scale * Math.pow(1e5, 1 / d.shape);
    case 'empirical': return Math.max(...d.samples);
  }
}

export function scenarioRecoveryBoundUs(s: ResolvedScenario): number {
  const latencies = [s.network.latency, ...(s.network.zoneLatency ?? []).flat()];
  return recoveryBoundUs({
    configs: s.raft.nodes,
    maxLatencyUs: Math.max(...latencies.map(upperUs)),
    maxFsyncUs: Math.max(...s.disk.map((d) => upperUs(d.fsyncLatency))),
    maxClientLatencyUs: upperUs(s.workload.clientLatency),
    clientTimeoutUs: s.workload.clientTimeoutUs,
  });
}

export function checkSchedule(s: ResolvedScenario, schedule: Schedule, factory: NodeFactory, o: CheckOptions): CheckOutcome {
  const spec = simulationSpec(s, schedule.trial, factory);
  const sim = new Simulation({ ...spec, faults: schedule.faults, workload: { ...s.workload, writesPerSecond: Math.max(1, s.workload.writesPerSecond) } });
  const recorder = new HistoryRecorder(sim.host);
  sim.host.addObserver(recorder);
  if (!sim.run(o.healAtUs)) return { kind: 'safety', violation: sim.violation! };
  sim.workload!.stop();
  sim.injector.healAll();
  const healedAt = sim.now;
  const bound = o.boundUs ?? scenarioRecoveryBoundUs(s);
  const probe = sim.workload!.submitOne();
  if (!sim.run(healedAt + bound)) return { kind: 'safety', violation: sim.violation! };
  const v = sim.finish();
  if (v) return { kind: 'safety', violation: v };
  const leaders = sim.host.nodes.map((n, i) => (n !== null && n.role === 'leader' ? i : -1)).filter((i) => i >= 0);
  const effective = recorder.currentEffective();
  if (probe.ackedUs === null) return { kind: 'liveness', detail: `a write submitted at the heal did not commit within ${bound / 1000} ms`, boundUs: bound };
  if (leaders.length !== 1 || effective === null || effective.node !== leaders[0]) {
    return { kind: 'liveness', detail: `${bound / 1000} ms after the heal, nodes [${leaders.join(',')}] believe they lead (effective leader: ${effective?.node ?? 'none'})`, boundUs: bound };
  }
  return { kind: 'ok', recoveredAfterUs: probe.ackedUs - healedAt };
}
