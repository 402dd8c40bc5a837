// A message-heavy workload on the real kernel: nodes pass tokens to each other
// through the network (random latency), each delivery costs CPU service time,
// and every node keeps a heartbeat-like timer armed through its drifting clock.
// Also used by the determinism tests: the hash must depend only on the seed.
import { Kernel } from '../sim/kernel.js';
import { Network } from '../sim/network.js';
import { Cpu } from '../sim/cpu.js';
import { NodeClock } from '../sim/clock.js';
import { RngStreams } from '../sim/rng.js';

export interface WorkloadResult {
  readonly events: number;
  readonly hash: string;
  readonly delivered: number;
}

export interface WorkloadOptions {
  readonly nodes: number;
  readonly tokens: number;
  readonly untilUs: number;
  readonly lossProbability?: number;
  readonly duplicateProbability?: number;
}

interface Token {
  hops: number;
}

export function runKernelWorkload(seed: string | number, opts: WorkloadOptions): WorkloadResult {
  const { nodes } = opts;
  const kernel = new Kernel();
  const streams = new RngStreams(seed, 0);
  const pick = streams.get('workload');
  const clocks = Array.from({ length: nodes }, (_, i) => new NodeClock({ skewUs: i * 1000, driftPpm: (i - 2) * 50 }));
  let network: Network;
  const cpuDone = kernel.defineKind('cpu-done', (node) => cpus[node].onServiceDone());
  const work = (node: number, _tag: number, payload: unknown) => {
    const token = payload as Token;
    token.hops++;
    // Forward to a random other node.
    let to = Math.floor(pick.next() * (nodes - 1));
    if (to >= node) to++;
    network.send(node, to, token);
  };
  const cpus = Array.from(
    { length: nodes },
    (_, i) => new Cpu(kernel, cpuDone, i, streams.get('cpu', i), { serviceTime: { kind: 'uniform', min: 2, max: 8 } }, work),
  );
  network = new Network(
    kernel,
    streams.get('network'),
    {
      nodes,
      latency: { kind: 'lognormal', median: 250, sigma: 0.3 },
      lossProbability: opts.lossProbability ?? 0,
      duplicateProbability: opts.duplicateProbability ?? 0,
      inFlightOnCut: 'drop',
    },
    (to, _from, msg) => {
      cpus[to].submit(0, msg);
      return true;
    },
  );
  // A periodic timer per node, armed in the node's own (drifting) monotonic time.
  const heartbeatUs = 1000;
  const timerKind = kernel.defineKind('timer', (node) => armTimer(node));
  const armTimer = (node: number) => {
    const clock = clocks[node];
    kernel.at(clock.globalForMonotonic(clock.monotonic(kernel.now) + heartbeatUs, kernel.now), timerKind, node);
  };
  for (let i = 0; i < nodes; i++) armTimer(i);
  for (let t = 0; t < opts.tokens; t++) cpus[t % nodes].submit(0, { hops: 0 });
  kernel.run(opts.untilUs);
  return { events: kernel.eventCount, hash: kernel.hash.hex(), delivered: network.stats.delivered };
}
