// Recovery after the last fault heals (the `recoveryMs` metric): VOPR-style
// liveness as a measurement. From the moment every fault of the trial has
// healed until the cluster is whole again:
//   - exactly one node is in the leader role, and it is the effective leader
//     (a deposed leader that still believes it leads does not count as whole);
//   - with a client workload, a write submitted at or after the heal has been
//     acknowledged.
// One value per trial whose faults all healed before the end (a clock step is
// instantaneous: it "heals" when it happens); null (censored) when the cluster
// was not whole again by the end. `raftsim fuzz` holds nodes to a bound on it.
import type { Stint, TrialHistory } from './history.js';
import { asWriteSamples, type WriteSample, type WriteSamples } from '../cluster/write-log.js';
import type { Micros } from '../sim/time.js';

export interface Recovery {
  /** When the last fault healed. */
  readonly healedUs: Micros;
  /** From then until the cluster was whole again; null when it was not by the end. */
  readonly afterUs: Micros | null;
}


/** When every fault had healed, or null when some fault never healed (or there were none). */
export function lastHealUs(h: TrialHistory): Micros | null {
  if (h.faults.length === 0) return null;
  let last = 0;
  for (const f of h.faults) {
    const healed = f.healUs ?? (f.instantaneous === true ? f.startUs : null);
    if (healed === null) return null;
    last = Math.max(last, healed);
  }
  return last;
}

export function recoveryOf(h: TrialHistory, samples: WriteSamples | readonly WriteSample[]): Recovery | null {
  const writes = asWriteSamples(samples);
  const healedUs = lastHealUs(h);
  if (healedUs === null || healedUs > h.endUs) return null;
  let from = healedUs;
  if (writes.length > 0) {
    // The earliest ack among writes submitted since the heal (a loop: no spread of a million arguments).
    let earliest = Infinity;
    for (let i = 0; i < writes.length; i++) {
      const ack = writes.ackedAt(i);
      if (ack !== null && ack < earliest && writes.submittedAt(i) >= healedUs) earliest = ack;
    }
    if (earliest === Infinity) return { healedUs, afterUs: null };
    from = earliest;
  }
  const whole = firstWholeAt(h, from);
  return { healedUs, afterUs: whole === null ? null : whole - healedUs };
}

const covers = (s: Stint, t: Micros) => s.startUs <= t && (s.endUs === null || s.endUs > t);

/** The first time ≥ from at which exactly one node leads and it is the effective leader. */
function firstWholeAt(h: TrialHistory, from: Micros): Micros | null {
  const live = (s: Stint) => s.endUs === null || s.endUs > from;
  const stints = h.stints.filter(live);
  const effective = h.effective.filter(live);
  const times = new Set<Micros>([from]);
  for (const s of [...stints, ...effective]) {
    if (s.startUs > from && s.startUs <= h.endUs) times.add(s.startUs);
    if (s.endUs !== null && s.endUs > from && s.endUs <= h.endUs) times.add(s.endUs);
  }
  for (const t of [...times].sort((a, b) => a - b)) {
    const e = effective.find((s) => covers(s, t));
    if (e === undefined) continue;
    const leaders = stints.filter((s) => covers(s, t));
    if (leaders.length === 1 && leaders[0].node === e.node && leaders[0].term === e.term) return t;
  }
  return null;
}
