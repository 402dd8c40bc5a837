// The virtual network between nodes.
//
// Each directed link (from → to) has a one-way latency distribution (directly,
// or through zones: nodes placed in zones and a latency matrix between zones),
// a loss probability, a duplication probability and extra latency (spikes).
// Every copy of a message draws its own delay, so reordering falls out of
// independent delays. Links are directed: a link is healthy, cut (in one
// direction only, if wanted) or held (buffered until released).
//
// Messages already in flight when a link is cut: by default they are dropped
// when they arrive (`inFlightOnCut: 'drop'`), as with a firewall rule on the
// receiver, the way Jepsen cuts links with iptables; with 'deliver' they arrive,
// as if the cut only stopped new packets from leaving. Messages sent over a held
// link wait in order; release() sends them on with fresh delays from that moment.
//
// Ordering per directed link: 'fifo' (the default) keeps send order, as the TCP
// streams every real implementation replicates over do (etcd's rafthttp streams,
// hashicorp/raft's NetworkTransport connections, LogCabin's RPC sessions): a
// message arrives at its drawn time or just after the message sent before it on the
// same link, whichever is later. 'independent' lets every copy keep its own drawn
// delay, so later messages overtake earlier ones (UDP-like; a harsher test).
//
// Bandwidth and queueing are not modelled yet: every message is independent.
// The place to add them is deliveryDelay(), with a per-link "busy until" time.
import type { Kernel } from './kernel.js';
import { compileDist, draw, type CompiledDist, type DistSpec } from './distributions.js';
import type { Rng } from './rng.js';
import type { Micros } from './time.js';

export interface NetworkSpec {
  readonly nodes: number;
  /** Latency of every link unless zones say otherwise (µs). */
  readonly latency: DistSpec;
  /** Optional zones: zoneOf[node] indexes zoneLatency[fromZone][toZone]. */
  readonly zoneOf?: readonly number[];
  readonly zoneLatency?: readonly (readonly DistSpec[])[];
  readonly lossProbability: number;
  readonly duplicateProbability: number;
  readonly inFlightOnCut: 'drop' | 'deliver';
  /** Per-link delivery order (see the header); default 'fifo'. */
  readonly ordering?: 'fifo' | 'independent';
}

/** Counters for what happened to messages (all directed links together). */
export interface NetworkStats {
  sent: number;
  delivered: number;
  droppedCut: number;
  droppedLoss: number;
  droppedDown: number;
  duplicated: number;
  held: number;
}

/** Where the network hands an arriving message; returns false if the receiver could not take it (down). */
export type DeliverFn = (to: number, from: number, msg: unknown) => boolean;

export class Network {
  readonly n: number;
  private readonly latency: CompiledDist[];
  private readonly loss: Float64Array;
  private readonly dup: Float64Array;
  private readonly extraUs: Float64Array;
  private readonly reachable: Uint8Array;
  private readonly heldLinks: Uint8Array;
  /** Per held link, its waiting messages (made on first hold: most trials hold nothing). */
  private readonly heldQueues: (unknown[] | undefined)[];
  private readonly deliverKind: number;
  /** fifo: the latest arrival time scheduled on each link; null when delays are independent. */
  private readonly lastArrival: Float64Array | null;
  readonly stats: NetworkStats = { sent: 0, delivered: 0, droppedCut: 0, droppedLoss: 0, droppedDown: 0, duplicated: 0, held: 0 };

  constructor(
    private readonly kernel: Kernel,
    private readonly rng: Rng,
    private readonly spec: NetworkSpec,
    private readonly deliver: DeliverFn,
  ) {
    const n = (this.n = spec.nodes);
    this.latency = new Array(n * n);
    const cache = new Map<DistSpec, CompiledDist>();
    const compiled = (d: DistSpec) => {
      let c = cache.get(d);
      if (!c) cache.set(d, (c = compileDist(d)));
      return c;
    };
    for (let f = 0; f < n; f++) {
      for (let t = 0; t < n; t++) {
        const zones = spec.zoneOf && spec.zoneLatency;
        const d = zones ? spec.zoneLatency![spec.zoneOf![f]][spec.zoneOf![t]] : spec.latency;
        this.latency[f * n + t] = compiled(d);
      }
    }
    // One store for the per-link doubles (a typed array over 64 bytes gets its own off-heap store; a trial builds a network).
    const links = n * n;
    const buf = new ArrayBuffer(4 * 8 * links);
    this.loss = new Float64Array(buf, 0, links).fill(spec.lossProbability);
    this.dup = new Float64Array(buf, 8 * links, links).fill(spec.duplicateProbability);
    this.extraUs = new Float64Array(buf, 16 * links, links);
    this.reachable = new Uint8Array(n * n).fill(1);
    this.heldLinks = new Uint8Array(n * n);
    this.heldQueues = new Array(n * n);
    this.lastArrival = (spec.ordering ?? 'fifo') === 'fifo' ? new Float64Array(buf, 24 * links, links) : null;
    // The event's target is the link index (from * n + to), so no record is allocated per message.
    this.deliverKind = kernel.defineKind('deliver', (link, msg) => this.arrive(link, msg));
  }

  /** Sends one message; its copies (0 if lost or cut, 2 if duplicated) arrive later. */
  send(from: number, to: number, msg: unknown): void {
    const link = from * this.n + to;
    this.stats.sent++;
    if (this.reachable[link] === 0) {
      this.stats.droppedCut++;
      return;
    }
    if (this.heldLinks[link] === 1) {
      this.stats.held++;
      (this.heldQueues[link] ??= []).push(msg);
      return;
    }
    this.transmit(link, msg);
  }

  private transmit(link: number, msg: unknown): void {
    const loss = this.loss[link];
    if (loss > 0 && this.rng.next() < loss) {
      this.stats.droppedLoss++;
      return;
    }
    this.schedule(link, msg);
    const dup = this.dup[link];
    if (dup > 0 && this.rng.next() < dup) {
      this.stats.duplicated++;
      this.schedule(link, msg);
    }
  }

  private schedule(link: number, msg: unknown): void {
    const last = this.lastArrival;
    if (last === null) {
      this.kernel.after(this.deliveryDelay(link), this.deliverKind, link, msg);
      return;
    }
    // Equal times keep send order: the kernel breaks ties by insertion sequence.
    const at = Math.max(this.kernel.now + this.deliveryDelay(link), last[link]);
    last[link] = at;
    this.kernel.at(at, this.deliverKind, link, msg);
  }

  private deliveryDelay(link: number): Micros {
    const base = draw(this.latency[link], this.rng);
    return base + this.extraUs[link];
  }

  private arrive(link: number, msg: unknown): void {
    if (this.spec.inFlightOnCut === 'drop' && this.reachable[link] === 0) {
      this.stats.droppedCut++;
      return;
    }
    const from = (link / this.n) | 0;
    if (this.deliver(link - from * this.n, from, msg)) this.stats.delivered++;
    else this.stats.droppedDown++;
  }

  // --- link state: paired verbs -------------------------------------------

  isReachable(from: number, to: number): boolean {
    return this.reachable[from * this.n + to] === 1;
  }

  /** Cuts from → to only (a one-way partition). */
  cut(from: number, to: number): void {
    if (from !== to) this.reachable[from * this.n + to] = 0;
  }

  heal(from: number, to: number): void {
    this.reachable[from * this.n + to] = 1;
  }

  /** Cuts both directions between a and b. */
  cutBoth(a: number, b: number): void {
    this.cut(a, b);
    this.cut(b, a);
  }

  healBoth(a: number, b: number): void {
    this.heal(a, b);
    this.heal(b, a);
  }

  healAll(): void {
    this.reachable.fill(1);
  }

  /** Buffers messages sent from → to until release(). */
  hold(from: number, to: number): void {
    this.heldLinks[from * this.n + to] = 1;
  }

  /** Sends what was held on from → to, in order, each with a fresh delay from now. */
  release(from: number, to: number): void {
    const link = from * this.n + to;
    this.heldLinks[link] = 0;
    const queue = this.heldQueues[link] ?? [];
    this.heldQueues[link] = undefined;
    for (const msg of queue) {
      this.stats.held--;
      if (this.reachable[link] === 0) this.stats.droppedCut++;
      else this.transmit(link, msg);
    }
  }

  setLoss(from: number, to: number, probability: number): void {
    this.loss[from * this.n + to] = probability;
  }

  resetLoss(from: number, to: number): void {
    this.loss[from * this.n + to] = this.spec.lossProbability;
  }

  setDuplicate(from: number, to: number, probability: number): void {
    this.dup[from * this.n + to] = probability;
  }

  /** Adds latency on from → to (a spike); 0 removes it. */
  setExtraLatency(from: number, to: number, extraUs: Micros): void {
    this.extraUs[from * this.n + to] = Math.max(0, Math.round(extraUs));
  }

  /** Mean one-way latency of a link, µs (for metrics and bounds). */
  meanLatency(from: number, to: number): number {
    return this.latency[from * this.n + to].mean + this.extraUs[from * this.n + to];
  }
}
