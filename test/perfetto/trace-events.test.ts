// `raftsim replay --perfetto`: the trace-event JSON checked against the Trace
// Event Format's rules (JSON Object Format; phases M, X, i, s, f; ts and dur in
// µs; flow pairs sharing an id, the "f" with bp "e"; complete events on one
// thread properly nested) and its structure pinned for a known trial.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { runTrial } from '../../src/run/trial.js';
import { FlowCollector, traceFile, type TraceEvent, type TraceFile } from '../../src/perfetto/trace-events.js';

async function traceOf(name: string, trial: number, overrides: string[] = []): Promise<{ t: TraceFile; hash: string; plainHash: string }> {
  const s = loadScenario(name, { overrides });
  const flows = new FlowCollector();
  const r = await runTrial(s, trial, { trace: flows, keepHistory: true });
  const plain = await runTrial(s, trial);
  // Through JSON and back, as a viewer reads it.
  const t = JSON.parse(JSON.stringify(traceFile(r.history!, flows, { scenario: s.name, seed: s.seed, trial, hash: r.hash, version: 'test' }))) as TraceFile;
  return { t, hash: r.hash, plainHash: plain.hash };
}

/** The Trace Event Format's rules, as Perfetto's and catapult's JSON importers apply them. */
function formatProblems(t: TraceFile): string[] {
  const problems: string[] = [];
  if (!Array.isArray(t.traceEvents)) return ['traceEvents is not an array'];
  const byTid = new Map<string, TraceEvent[]>();
  const flowPhases = new Map<number, string[]>();
  for (const [i, e] of t.traceEvents.entries()) {
    const where = `traceEvents[${i}] (${e.ph} ${e.name})`;
    if (typeof e.name !== 'string' || e.name === '') problems.push(`${where}: no name`);
    if (!['M', 'X', 'i', 's', 'f'].includes(e.ph)) problems.push(`${where}: phase ${e.ph}`);
    if (!Number.isInteger(e.pid) || !Number.isInteger(e.tid)) problems.push(`${where}: pid/tid not integers`);
    if (e.ph === 'M') {
      if (!['process_name', 'thread_name', 'thread_sort_index'].includes(e.name) || typeof e.args !== 'object') problems.push(`${where}: bad metadata`);
      continue;
    }
    if (typeof e.ts !== 'number' || !(e.ts >= 0)) problems.push(`${where}: ts`);
    if (e.ph === 'X') {
      if (typeof e.dur !== 'number' || !(e.dur >= 0)) problems.push(`${where}: dur`);
      const k = `${e.pid}:${e.tid}`;
      byTid.set(k, [...(byTid.get(k) ?? []), e]);
    }
    if (e.ph === 'i' && !['g', 'p', 't'].includes(e.s ?? 't')) problems.push(`${where}: instant scope`);
    if (e.ph === 's' || e.ph === 'f') {
      if (!Number.isInteger(e.id)) problems.push(`${where}: flow without id`);
      if (e.ph === 'f' && e.bp !== 'e') problems.push(`${where}: flow end without bp "e"`);
      flowPhases.set(e.id!, [...(flowPhases.get(e.id!) ?? []), e.ph]);
    }
  }
  for (const [id, phases] of flowPhases) if (phases.join() !== 's,f') problems.push(`flow ${id}: phases ${phases.join()}`);
  // Complete events on one thread must nest: sorted by start, none may end inside the next one's span partially.
  for (const [k, xs] of byTid) {
    const sorted = [...xs].sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
    const open: number[] = [];
    for (const x of sorted) {
      while (open.length > 0 && open[open.length - 1] <= x.ts!) open.pop();
      if (open.length > 0 && x.ts! + x.dur! > open[open.length - 1]) problems.push(`thread ${k}: slice at ${x.ts} overlaps its parent's end`);
      open.push(x.ts! + x.dur!);
    }
  }
  return problems;
}

describe('Perfetto trace', () => {
  it('leader crash: valid trace-event JSON with node tracks, state slices, flows and the fault', async () => {
    const { t, hash, plainHash } = await traceOf('leader-crash', 3);
    expect(hash).toBe(plainHash); // collecting flows changes nothing in the run
    expect(formatProblems(t)).toEqual([]);
    expect(t.displayTimeUnit).toBe('ms');
    const ev = t.traceEvents;
    const threads = ev.filter((e) => e.name === 'thread_name').map((e) => [e.tid, (e.args as { name: string }).name]);
    expect(threads).toEqual([[1, 'n0'], [2, 'n1'], [3, 'n2'], [4, 'n3'], [5, 'n4'], [1000, 'faults']]);
    // Each node's track is covered end to end, from 0 to the trial's end, by consecutive slices.
    for (let node = 0; node < 5; node++) {
      const xs = ev.filter((e) => e.ph === 'X' && e.tid === node + 1);
      expect(xs[0].ts).toBe(0);
      for (let i = 1; i < xs.length; i++) expect(xs[i].ts).toBe(xs[i - 1].ts! + xs[i - 1].dur!);
      expect(xs[xs.length - 1].ts! + xs[xs.length - 1].dur!).toBe(t.otherData.endUs);
      expect(xs.every((x) => /^(leader|follower|candidate|pre-candidate) t\d+( \(paused\))?$|^down$/.test(x.name))).toBe(true);
    }
    // The crash: a global instant on the faults track; the crashed leader's track ends "down".
    const fault = ev.find((e) => e.cat === 'fault')!;
    expect(fault).toMatchObject({ ph: 'i', s: 'g', tid: 1000 });
    expect(fault.name).toMatch(/^crash n\d$/);
    const crashed = Number(fault.name.slice('crash n'.length));
    const last = ev.filter((e) => e.ph === 'X' && e.tid === crashed + 1).at(-1)!;
    expect(last.name).toBe('down');
    expect(last.ts).toBe(fault.ts);
    // Flows: every message a pair, from the sender's track to the receiver's, never backwards in time.
    const starts = ev.filter((e) => e.ph === 's');
    const ends = new Map(ev.filter((e) => e.ph === 'f').map((e) => [e.id, e]));
    expect(starts.length).toBeGreaterThan(1000);
    expect(new Set(starts.map((e) => e.name))).toEqual(new Set(['AppendEntries', 'AppendEntriesResponse', 'RequestVote', 'RequestVoteResponse']));
    for (const s of starts) {
      const f = ends.get(s.id)!;
      expect(f.name).toBe(s.name);
      expect(f.ts!).toBeGreaterThan(s.ts!);
      expect(f.tid).toBe(Number((s.args as { to: string }).to.slice(1)) + 1);
    }
  });

  it('healing faults are complete slices, overlapping ones on separate lanes; paused nodes say so', async () => {
    const { t } = await traceOf('gc-pause-leader', 0, ['horizon="30s"']);
    expect(formatProblems(t)).toEqual([]);
    const faults = t.traceEvents.filter((e) => e.cat === 'fault');
    expect(faults.length).toBeGreaterThan(2);
    expect(faults.every((f) => f.ph === 'X' && f.dur! > 0 && /^pause n\d/.test(f.name))).toBe(true);
    expect(t.traceEvents.some((e) => e.ph === 'X' && / \(paused\)$/.test(e.name))).toBe(true);
  });
});
