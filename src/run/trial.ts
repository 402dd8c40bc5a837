// Runs one trial of a resolved scenario: builds the simulation from the
// scenario and (seed, trial), runs it to the horizon or the first safety
// violation, and derives the trial's metrics from what was observed.
import { Simulation, type SimulationSpec } from './simulation.js';
import type { NodeFactory } from '../cluster/host.js';
import type { TraceSink } from '../sim/trace.js';
import type { ClusterObserver } from '../cluster/observer.js';
import type { SafetyViolation } from '../invariants/safety.js';
import { HistoryRecorder, type TrialHistory } from '../metrics/history.js';
import { deriveMetrics, type DeriveOptions, type TrialMetrics } from '../metrics/derive.js';
import { FaultScheduler } from '../faults/scheduler.js';
import type { ResolvedInitial, ResolvedScenario } from '../scenario/types.js';
import { nodeFactoryFor } from './implementation.js';
import { initialLogs } from '../scenario/resolve-initial.js';
import { ResolutionWatch } from './stop-rule.js';

export interface TrialOutcome {
  readonly trial: number;
  readonly metrics: TrialMetrics;
  readonly violation: SafetyViolation | null;
  readonly events: number;
  /** Rolling hash of the whole event stream: equal hashes, equal runs. */
  readonly hash: string;
  /** Present when asked for (timelines for replay and reports). */
  readonly history?: TrialHistory;
  readonly faultLog: readonly { readonly atUs: number; readonly healUs: number | null; readonly description: string; readonly setup: boolean }[];
}

export interface TrialOptions {
  readonly trace?: TraceSink;
  readonly keepHistory?: boolean;
  /** Overrides the scenario's node implementation (tests, the fuzzer). */
  readonly nodeFactory?: NodeFactory;
  /** Further observers of the cluster, added before it starts (tests). */
  readonly observers?: readonly ClusterObserver[];
  /** Called with the simulation once it is built, before it starts (benches that read node state). */
  readonly onSimulation?: (sim: Simulation) => void;
}

export function simulationSpec(s: ResolvedScenario, trial: number, nodeFactory: NodeFactory, trace?: TraceSink): SimulationSpec {
  const zones = s.placement.zones;
  return {
    host: {
      nodes: s.nodes,
      raft: s.raft.nodes,
      network: {
        nodes: s.nodes,
        latency: s.network.latency,
        zoneOf: zones.length > 0 ? s.placement.zoneOf.map((z) => zones.indexOf(z)) : undefined,
        zoneLatency: s.network.zoneLatency ?? undefined,
        lossProbability: s.network.lossProbability,
        duplicateProbability: s.network.duplicateProbability,
        inFlightOnCut: s.network.inFlightOnCut,
        ordering: s.network.ordering,
      },
      clocks: s.clocks,
      cpu: s.cpu,
      disk: s.disk,
      seed: s.seed,
      trial,
      nodeFactory,
      trace,
      bootSpreadUs: s.bootSpreadUs,
      initial: s.initial === undefined ? undefined : { leader: s.initial.leader, term: s.initial.term, commitIndex: s.initial.commit, logs: initialLogs(s.initial) },
    },
    workload: s.workload.writesPerSecond > 0 ? s.workload : null,
    faults: [],
  };
}

export async function runTrial(s: ResolvedScenario, trial: number, opts: TrialOptions = {}): Promise<TrialOutcome> {
  const factory = opts.nodeFactory ?? (await nodeFactoryFor(s.raft.implementation));
  return runTrialWith(s, trial, factory, opts);
}

/** The synchronous core, once the node implementation is loaded. */
export function runTrialWith(s: ResolvedScenario, trial: number, factory: NodeFactory, opts: TrialOptions = {}): TrialOutcome {
  const sim = new Simulation(simulationSpec(s, trial, factory, opts.trace));
  const recorder = new HistoryRecorder(sim.host);
  sim.host.addObserver(recorder);
  sim.injector.addListener(recorder);
  for (const o of opts.observers ?? []) sim.host.addObserver(o);
  opts.onSimulation?.(sim);
  if (s.initial !== undefined) noteInitialCommits(sim, s.initial);
  const deriveOptions = deriveOptionsOf(s);
  const scheduler = new FaultScheduler(sim.host, sim.injector, recorder, sim.host.streams.get('faults'), s.faults, s.measure.stableUs, s.horizonUs, deriveOptions.established ?? null);
  sim.start();
  scheduler.start();
  const watch = s.measure.until === 'resolved' ? new ResolutionWatch(sim, recorder, scheduler, deriveOptions, s.measure.graceUs) : null;
  watch?.start();
  sim.run(s.horizonUs);
  if (watch !== null && !watch.stopped && sim.violation === null) {
    // Censoring relative to each fault: observe every occurrence at least observeUs after its start.
    const lastStart = sim.injector.log.reduce((t, r) => (r.setup ? t : Math.max(t, r.atUs)), -Infinity);
    if (lastStart + s.measure.observeUs > s.horizonUs) sim.run(lastStart + s.measure.observeUs);
  }
  sim.finish();
  const history = recorder.finish(sim.now);
  const writes = sim.workload?.log ?? [];
  const derived = deriveMetrics(history, writes, deriveOptions);
  // A fault whose trigger never came (no stable leader ever) is a censored observation, not a missing one.
  const unstarted = scheduler
    .neverStarted()
    .filter((u) => !u.setup)
    .map(({ description }) => ({ description, startUs: s.horizonUs, leaderUs: null, heardUs: null, stableUs: null, leaderCommitUs: null, writeUs: null, kept: false }));
  const metrics = unstarted.length === 0 ? derived : { ...derived, faults: [...derived.faults, ...unstarted] };
  return {
    trial,
    metrics,
    violation: sim.violation,
    events: sim.host.kernel.eventCount,
    hash: sim.host.kernel.hash.hex(),
    history: opts.keepHistory ? history : undefined,
    faultLog: sim.injector.log.map(({ atUs, healUs, description, setup }) => ({ atUs, healUs, description, setup })),
  };
}

/** How derive.ts is told about a scenario: what is stable, the warm-up, the alerts, the client timeout, the established leader. */
export function deriveOptionsOf(s: ResolvedScenario): DeriveOptions {
  return {
    stableUs: s.measure.stableUs,
    warmupUs: s.measure.warmupUs,
    alertThresholdsUs: s.measure.alertThresholdsUs,
    clientTimeoutUs: s.workload.clientTimeoutUs,
    established: s.initial === undefined ? undefined : { node: s.initial.leader, term: s.initial.term },
  };
}

/**
 * The initially committed entries were acknowledged to clients before the trial
 * began: the durability check holds them to it like any acknowledged write (the
 * leader's no-op, data 0, is no client's).
 */
function noteInitialCommits(sim: Simulation, initial: ResolvedInitial): void {
  const log = sim.host.durableImage(initial.leader).log; // the initial log, already built for the host
  for (let index = 1; index <= initial.commit; index++) if (log[index - 1].data !== 0) sim.safety.noteAcknowledged(log[index - 1].data, index);
}
