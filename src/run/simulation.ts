// One trial: a cluster host with its safety checker, fault injector and client
// workload wired together. The scenario runner, the property tests and the
// fuzzer all build on this; metrics subscribe as further observers.
import { ClusterHost, type HostSpec } from '../cluster/host.js';
import { Workload, type WorkloadSpec } from '../cluster/workload.js';
import { SafetyChecker, type SafetyViolation } from '../invariants/safety.js';
import { FaultInjector } from '../faults/injector.js';
import type { Fault } from '../faults/types.js';
import type { Micros } from '../sim/time.js';
import type { NodeId } from '../raft/types.js';

export interface SimulationSpec {
  readonly host: HostSpec;
  readonly workload: WorkloadSpec | null;
  readonly faults: readonly Fault[];
}

export class Simulation {
  readonly host: ClusterHost;
  readonly safety: SafetyChecker;
  readonly injector: FaultInjector;
  readonly workload: Workload | null;
  private started = false;

  constructor(readonly spec: SimulationSpec) {
    const host = (this.host = new ClusterHost(spec.host));
    // A violation stops the trial at once; the checker keeps the details.
    this.safety = new SafetyChecker(host.n, () => host.kernel.stop());
    host.addObserver(this.safety);
    this.injector = new FaultInjector(host, host.streams.get('faults'));
    this.workload = spec.workload === null ? null : new Workload(host, host.streams.get('workload'), spec.workload, (w) => this.safety.noteAcknowledged(w.id, w.committedIndex));
  }

  get violation(): SafetyViolation | null {
    return this.safety.violation;
  }

  get now(): Micros {
    return this.host.now;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.host.start();
    this.workload?.start();
    this.injector.schedule(this.spec.faults);
  }

  /** Runs until `untilUs` or a safety violation; returns false on a violation. */
  run(untilUs: Micros): boolean {
    this.start();
    if (this.violation) return false;
    this.host.run(untilUs);
    return this.violation === null;
  }

  /** End-of-trial checks: every acknowledged write must survive somewhere. */
  finish(): SafetyViolation | null {
    this.safety.checkDurability((node, index, data) => this.holds(node, index, data), this.host.n, this.host.now);
    return this.violation;
  }

  private holds(node: NodeId, index: number, data: number): boolean {
    const raft = this.host.nodes[node];
    if (raft !== null && raft.entryAt(index)?.data === data) return true;
    return this.host.durableImage(node).log[index - 1]?.data === data;
  }
}
