// Derives a trial's metrics from its recorded history. Definitions:
//
// warm-up           nothing before max(measure.warmup, the moment the first
//                   effective leader has led for the stability window) counts
//                   towards leaderless time, elections or rates. A cluster that
//                   starts established (cluster.initial) is warm once its leader
//                   is effective, at t = 0 when every node boots at once.
// time to leader    after a fault starts at t0: until a node first becomes leader
//                   in a term greater than any term that had a leader before t0,
//                   counted from t0 or, when the effective leader survived the
//                   fault's start, from the moment the cluster lost it (so a leader
//                   deposed when a partition heals counts the gap that followed,
//                   not the partition's length). If the effective leader at t0
//                   stays effective, uninterrupted, until the fault heals plus the
//                   stability window (or the end, for a fault that never heals),
//                   the value is 0: the leader was kept. A leader that lost its
//                   quorum and regains it (crashed followers restart) ends the
//                   wait too: the cluster has a leader again.
//   …heard          until that new leader is known by a majority (leader included);
//   …stable         until the first such leader that then leads for the stability window;
//   …leader commit  until an entry of a term newer than baseTerm (the new leader's
//                   no-op, normally) is reported committed by some node; when the lost
//                   leader instead regains its quorum, until it is effective again,
//                   or later if its term had no committed entry yet. Needs no clients.
//   …write          until the first client write submitted at or after t0 is acknowledged.
//                   Values not reached by the end are censored (null).
// set-up faults     (setup: true) take no per-fault sample and no part in recovery;
//                   per-trial totals (leaderless time, elections, …) still see their effects.
// leaderless        total time with no effective leader; alerts count leaderless
//                   stretches that reached each threshold (one per stretch).
// elections         terms started by a candidate; split votes: of those, terms nobody won.
// spurious          terms started by a candidate connected both ways to an effective
//                   leader that was up, unpaused and connected to a majority: needless.
// deposed leader    how long a leader went on leading after a newer-term leader
//                   was elected (until it stepped down or crashed).
// term inflation    how far the largest term advanced after warm-up.
// recovery          after the last fault heals: until one leader, the effective one,
//                   and (with a workload) a write submitted since acknowledged (recovery.ts).
import type { Stint, TrialHistory } from './history.js';
import type { Micros } from '../sim/time.js';
import type { NodeId } from '../raft/types.js';
import { recoveryOf, type Recovery } from './recovery.js';
import { asWriteSamples, type WriteSample, type WriteSamples } from '../cluster/write-log.js';

export interface FaultResult {
  readonly description: string;
  readonly startUs: Micros;
  readonly leaderUs: Micros | null;
  readonly heardUs: Micros | null;
  readonly stableUs: Micros | null;
  /** Until an entry of the new leader's term committed (timeToLeaderCommitMs); null: censored. */
  readonly leaderCommitUs: Micros | null;
  readonly writeUs: Micros | null;
  readonly kept: boolean;
}

export type { WriteSample, WriteSamples };

export interface TrialMetrics {
  readonly faults: readonly FaultResult[];
  readonly measuredUs: Micros;
  readonly leaderlessUs: Micros;
  readonly elections: number;
  readonly splitVotes: number;
  readonly spuriousElections: number;
  readonly leaderChanges: number;
  readonly termInflation: number;
  readonly deposedLeaderUs: readonly Micros[];
  /**
   * Per write counted (writesCounted): submission to acknowledgment; null when it was
   * still unacknowledged at the trial's end: censored (longer than end − submission) and
   * counted, ranked above every observed latency like every censored value, which errs
   * high; the writes stuck through an outage are the tail, and dropping them biased it low.
   */
  readonly commitLatencyUs: readonly (Micros | null)[];
  readonly writesCounted: number;
  readonly writesAckedInTime: number;
  /** Per alert threshold, in the order given. */
  readonly alertsFired: readonly number[];
  /** After the last fault healed; null when some fault never healed (or there was none). */
  readonly recovery: Recovery | null;
}

export interface DeriveOptions {
  readonly stableUs: Micros;
  readonly warmupUs: Micros;
  readonly alertThresholdsUs: readonly Micros[];
  readonly clientTimeoutUs: Micros;
  /** cluster.initial's leader: in office since before the trial, so stable (warm-up over) as soon as it is effective. */
  readonly established?: { readonly node: NodeId; readonly term: number };
}

export function deriveMetrics(h: TrialHistory, samples: WriteSamples | readonly WriteSample[], o: DeriveOptions): TrialMetrics {
  const writes = asWriteSamples(samples);
  const end = h.endUs;
  const warm = warmStart(h, o);
  const after = (t: Micros) => t >= warm;
  const leaderless = leaderlessStretches(h.effective, warm, end);
  const candidateTerms = h.termStarts.filter((s) => after(s.atUs));
  const leaderTerms = new Set(h.stints.map((s) => s.term));
  const commitLatencyUs: (Micros | null)[] = [];
  let counted = 0;
  let ackedInTime = 0;
  for (let i = 0; i < writes.length; i++) {
    const sub = writes.submittedAt(i);
    if (!(after(sub) && sub + o.clientTimeoutUs <= end)) continue;
    counted++;
    const ack = writes.ackedAt(i);
    if (ack === null) {
      commitLatencyUs.push(null);
      continue;
    }
    commitLatencyUs.push(ack - sub);
    if (ack - sub <= o.clientTimeoutUs) ackedInTime++;
  }
  const measured = h.faults.filter((f) => f.setup !== true);
  return {
    faults: measured.map((f) => faultResult(h, f, writes, o.stableUs)),
    measuredUs: Math.max(0, end - warm),
    leaderlessUs: leaderless.reduce((a, s) => a + s, 0),
    elections: candidateTerms.length,
    splitVotes: candidateTerms.filter((s) => !leaderTerms.has(s.term)).length,
    spuriousElections: candidateTerms.filter((s) => s.healthyLeader).length,
    leaderChanges: leaderChanges(h.effective, warm),
    termInflation: h.maxTerm - maxTermBefore(h, warm),
    deposedLeaderUs: deposed(h.stints, end).filter((d) => after(d.at)).map((d) => d.us),
    commitLatencyUs,
    writesCounted: counted,
    writesAckedInTime: ackedInTime,
    alertsFired: o.alertThresholdsUs.map((t) => leaderless.filter((s) => s >= t).length),
    recovery: recoveryOf(measured.length === h.faults.length ? h : { ...h, faults: measured }, writes),
  };
}

/** When measuring starts. A trial that never had a stable leader is measured from the configured warm-up: all of it was leaderless. */
export function warmStart(h: TrialHistory, o: DeriveOptions): Micros {
  const x = o.established;
  const e0 = h.effective[0];
  if (x !== undefined && e0 !== undefined && e0.node === x.node && e0.term === x.term) return Math.min(h.endUs, Math.max(o.warmupUs, e0.startUs));
  const first = h.effective.find((e) => (e.endUs ?? h.endUs) - e.startUs >= o.stableUs);
  if (!first) return Math.min(h.endUs, o.warmupUs);
  return Math.min(h.endUs, Math.max(o.warmupUs, first.startUs + o.stableUs));
}

/** Lengths of leaderless stretches after `from` (a stretch open at `from` counts from there). */
function leaderlessStretches(effective: readonly Stint[], from: Micros, end: Micros): Micros[] {
  const out: Micros[] = [];
  let lastEnd: Micros = 0;
  for (const e of effective) {
    if (e.startUs > lastEnd) pushClipped(out, lastEnd, e.startUs, from);
    lastEnd = Math.max(lastEnd, e.endUs ?? end);
  }
  if (end > lastEnd) pushClipped(out, lastEnd, end, from);
  return out;
}

function pushClipped(out: Micros[], a: Micros, b: Micros, from: Micros): void {
  const s = Math.max(a, from);
  if (b > s) out.push(b - s);
}

function effectiveAt(effective: readonly Stint[], t: Micros): Stint | undefined {
  return effective.find((e) => e.startUs <= t && (e.endUs === null || e.endUs > t));
}

/**
 * Changes of the effective leader's identity (node, term) after `from`; a leader returning after a gap is
 * no change. The leader before `from` is the last one effective at or before it (it may have been lost
 * the instant measuring began, as a cluster.initial leader crashed at t = 0 is).
 */
function leaderChanges(effective: readonly Stint[], from: Micros): number {
  let prev: Stint | null = null;
  for (const e of effective) if (e.startUs <= from) prev = e;
  let changes = 0;
  for (const e of effective) {
    if (e.startUs <= from) continue;
    if (prev !== null && (prev.node !== e.node || prev.term !== e.term)) changes++;
    prev = e;
  }
  return changes;
}

function maxTermBefore(h: TrialHistory, t: Micros): number {
  let m = 0;
  for (const e of h.events) if (e.atUs <= t && e.term > m) m = e.term;
  return m;
}

/** The ack time of the first write submitted at or after t0 that was acknowledged; null if none. */
export function firstAckFrom(writes: WriteSamples, t0: Micros): Micros | null {
  for (let i = 0; i < writes.length; i++) {
    if (writes.submittedAt(i) < t0) continue;
    const ack = writes.ackedAt(i);
    if (ack !== null) return ack;
  }
  return null;
}

function faultResult(h: TrialHistory, f: TrialHistory['faults'][number], writes: WriteSamples, stableUs: Micros): FaultResult {
  const t0 = f.startUs;
  const firstAck = firstAckFrom(writes, t0);
  const writeUs = firstAck !== null ? firstAck - t0 : null;
  const before = effectiveAt(h.effective, t0);
  const keepUntil = (f.healUs ?? h.endUs) + (f.healUs === null ? 0 : stableUs);
  if (before && (before.endUs === null || before.endUs >= keepUntil)) {
    return { description: f.description, startUs: t0, leaderUs: 0, heardUs: 0, stableUs: 0, leaderCommitUs: 0, writeUs, kept: true };
  }
  // The leader that survived the fault's start was lost at the end of its effective interval.
  const from = before && before.endUs !== null ? Math.max(t0, before.endUs) : t0;
  const lasts = (s: Stint) => (s.endUs ?? h.endUs) - s.startUs >= stableUs;
  // A leader again: a newer-term leader, or any effective leader after the loss (the lost
  // leader may simply regain its quorum, e.g. when crashed followers restart).
  const newer = h.stints.filter((s) => s.term > f.baseTerm && s.startUs >= t0);
  // (An interval that ended the instant it began — a leader crashed at the moment it was booted — is no leader.)
  const regained = h.effective.filter((e) => e.startUs >= from && e !== before && e.endUs !== e.startUs);
  const earliest = (...xs: (Stint | undefined)[]) => {
    const times = xs.filter((x): x is Stint => x !== undefined).map((x) => Math.max(0, x.startUs - from));
    return times.length === 0 ? null : Math.min(...times);
  };
  return {
    description: f.description,
    startUs: t0,
    leaderUs: earliest(newer[0], regained[0]),
    heardUs: earliest(regained[0]),
    stableUs: earliest(newer.find(lasts), regained.find(lasts)),
    leaderCommitUs: leaderCommit(h, f, from, regained[0]),
    writeUs,
    kept: false,
  };
}

/**
 * After a fault that lost the leader: until an entry of a term newer than any
 * term led before the fault is committed (a new leader's no-op), or until the
 * lost leader's term, regained, is both effective and has a committed entry.
 */
function leaderCommit(h: TrialHistory, f: TrialHistory['faults'][number], from: Micros, regained: Stint | undefined): Micros | null {
  const commits = h.termCommits ?? [];
  let best: Micros | null = null;
  const consider = (t: Micros) => {
    const d = Math.max(0, t - from);
    if (best === null || d < best) best = d;
  };
  const newer = commits.find((c) => c.term > f.baseTerm && c.atUs >= f.startUs);
  if (newer !== undefined) consider(newer.atUs);
  if (regained !== undefined && regained.term <= f.baseTerm) {
    const own = commits.find((c) => c.term === regained.term);
    if (own !== undefined) consider(Math.max(regained.startUs, own.atUs));
  }
  return best;
}

/** For each leader stint overtaken by a newer-term leader: how long it went on leading. */
function deposed(stints: readonly Stint[], end: Micros): { at: Micros; us: Micros }[] {
  const out: { at: Micros; us: Micros }[] = [];
  for (const s of stints) {
    const sEnd = s.endUs ?? end;
    const newer = stints.find((o) => o.term > s.term && o.startUs >= s.startUs && o.startUs < sEnd);
    if (newer) out.push({ at: newer.startUs, us: sEnd - newer.startUs });
  }
  return out;
}
