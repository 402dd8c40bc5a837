// One trial as Chrome trace-event JSON, which Perfetto UI (ui.perfetto.dev) and
// chrome://tracing open: the JSON Object Format of the Trace Event Format —
// { traceEvents: [...], displayTimeUnit, otherData } — with
//   - one thread track per node (pid 1, tid node + 1), named "n<id>" by "M" metadata events,
//     covered end to end by consecutive complete ("X") slices of its state: "leader t3",
//     "follower t3", "candidate t4", "pre-candidate t4", "… (paused)", "down";
//   - every delivered message as a flow: "s" at the send on the sender's track and "f" with
//     bp "e" at the delivery on the receiver's (both bound to the state slice there), id unique;
//   - faults on "faults" tracks (tid 1000 + lane, lanes so that no two overlap): an "X" slice
//     from start to heal, or a global instant ("i", s "g") for a fault that never heals.
// Timestamps are the simulation's µs (the format's unit). Sends are matched to deliveries per
// directed link, in send order, by message type and term; a send never delivered (dropped, or
// still in flight at the end) has no flow. Flows stop after MAX_FLOWS (otherData says so).
import type { TraceRecord, TraceSink } from '../sim/trace.js';
import type { TrialHistory } from '../metrics/history.js';

export const MAX_FLOWS = 200_000;
const MAX_PENDING_PER_LINK = 512;
const PID = 1;
const FAULT_TID = 1000;

export interface TraceEvent {
  readonly name: string;
  readonly ph: 'X' | 'i' | 's' | 'f' | 'M';
  readonly pid: number;
  readonly tid: number;
  readonly ts?: number;
  readonly dur?: number;
  readonly cat?: string;
  readonly id?: number;
  readonly bp?: 'e';
  readonly s?: 'g' | 'p' | 't';
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface TraceFile {
  readonly traceEvents: readonly TraceEvent[];
  readonly displayTimeUnit: 'ms';
  readonly otherData: Readonly<Record<string, unknown>>;
}

interface Pending {
  readonly ts: number;
  readonly type: string;
  readonly term: number;
}

/** Collects message flows from the trace stream while a trial runs (nothing else is kept). */
export class FlowCollector implements TraceSink {
  readonly flows: TraceEvent[] = [];
  private readonly pending = new Map<number, Pending[]>();
  private nextId = 1;
  truncated = false;

  constructor(private readonly next?: TraceSink) {}

  write(r: TraceRecord): void {
    this.next?.write(r);
    if (r.ev === 'send') this.onSend(r);
    else if (r.ev === 'deliver') this.onDeliver(r);
  }

  private onSend(r: TraceRecord): void {
    const key = (r.node as number) * 65536 + (r.to as number);
    let q = this.pending.get(key);
    if (q === undefined) this.pending.set(key, (q = []));
    q.push({ ts: r.t, type: String(r.type), term: Number(r.term) });
    if (q.length > MAX_PENDING_PER_LINK) q.shift(); // long-lost (dropped) messages
  }

  private onDeliver(r: TraceRecord): void {
    const from = r.from as number;
    const to = r.node as number;
    const q = this.pending.get(from * 65536 + to);
    if (q === undefined) return;
    const i = q.findIndex((p) => p.type === r.type && p.term === r.term);
    if (i < 0) return; // a duplicate delivery
    const p = q[i];
    q.splice(i, 1);
    if (this.flows.length / 2 >= MAX_FLOWS) {
      this.truncated = true;
      return;
    }
    const id = this.nextId++;
    const name = p.type;
    this.flows.push({ name, ph: 's', cat: 'message', id, pid: PID, tid: from + 1, ts: p.ts, args: { to: `n${to}`, term: p.term } });
    this.flows.push({ name, ph: 'f', bp: 'e', cat: 'message', id, pid: PID, tid: to + 1, ts: r.t });
  }
}

const ROLE_NAME: Record<string, string> = { leader: 'leader', follower: 'follower', candidate: 'candidate', precandidate: 'pre-candidate' };

/** Consecutive state slices of one node from 0 to the end. */
function nodeSlices(h: TrialHistory, node: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  let role = 'follower';
  let term = 0;
  let condition: 'up' | 'paused' | 'down' = 'up';
  let since = 0;
  const label = () => (condition === 'down' ? 'down' : `${ROLE_NAME[role] ?? role} t${term}${condition === 'paused' ? ' (paused)' : ''}`);
  const close = (at: number) => {
    if (at > since) out.push({ name: label(), ph: 'X', cat: 'state', pid: PID, tid: node + 1, ts: since, dur: at - since, args: { role: condition === 'down' ? null : role, term, condition } });
    since = at;
  };
  for (const e of h.events) {
    if (e.node !== node) continue;
    if (e.state === 'up' || e.state === 'paused' || e.state === 'down') {
      if (e.state === condition) continue;
      close(e.atUs);
      condition = e.state;
      if (condition === 'down') role = 'follower';
    } else {
      if (e.state === role && e.term === term) continue;
      close(e.atUs);
      role = e.state;
      term = e.term;
    }
  }
  close(h.endUs);
  return out;
}

function faultEvents(h: TrialHistory): TraceEvent[] {
  const out: TraceEvent[] = [];
  const laneEnds: number[] = [];
  for (const f of h.faults) {
    const end = f.healUs ?? Infinity;
    let lane = laneEnds.findIndex((e) => e <= f.startUs);
    if (lane < 0) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    const args = { description: f.description, setup: f.setup === true, nodes: f.nodes ?? null };
    if (f.healUs === null) out.push({ name: f.description, ph: 'i', s: 'g', cat: 'fault', pid: PID, tid: FAULT_TID + lane, ts: f.startUs, args });
    else out.push({ name: f.description, ph: 'X', cat: 'fault', pid: PID, tid: FAULT_TID + lane, ts: f.startUs, dur: f.healUs - f.startUs, args });
  }
  const meta = laneEnds.map((_, lane): TraceEvent => ({ name: 'thread_name', ph: 'M', pid: PID, tid: FAULT_TID + lane, args: { name: lane === 0 ? 'faults' : `faults (${lane + 1})` } }));
  return [...meta, ...out];
}

export interface TraceInfo {
  readonly scenario: string;
  readonly seed: string;
  readonly trial: number;
  readonly hash: string;
  readonly version: string;
}

export function traceFile(h: TrialHistory, flows: FlowCollector, info: TraceInfo): TraceFile {
  const meta: TraceEvent[] = [{ name: 'process_name', ph: 'M', pid: PID, tid: 0, args: { name: `${info.scenario} · trial ${info.trial} · seed ${info.seed}` } }];
  const slices: TraceEvent[] = [];
  for (let node = 0; node < h.n; node++) {
    meta.push({ name: 'thread_name', ph: 'M', pid: PID, tid: node + 1, args: { name: `n${node}` } });
    meta.push({ name: 'thread_sort_index', ph: 'M', pid: PID, tid: node + 1, args: { sort_index: node } });
    slices.push(...nodeSlices(h, node));
  }
  return {
    traceEvents: [...meta, ...faultEvents(h), ...slices, ...flows.flows],
    displayTimeUnit: 'ms',
    otherData: { generator: `raftsim ${info.version}`, scenario: info.scenario, seed: info.seed, trial: info.trial, traceHash: info.hash, endUs: h.endUs, flowsTruncated: flows.truncated },
  };
}
