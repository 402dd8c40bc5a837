// One line saying why a fuzz run failed its liveness check, from the trial's history.
import { formatUs } from '../sim/time.js';
import type { ExpectationResult } from '../verdict/expect.js';
import type { TrialOutcome } from '../run/trial.js';

export function livenessDetail(r: TrialOutcome, failed: readonly ExpectationResult[]): string {
  const h = r.history;
  const rec = r.metrics.recovery;
  const bound = failed.find((e) => e.metric.startsWith('recoveryMs'))?.bound;
  if (h === undefined || rec === null) return failed.map((e) => `${e.metric} ${e.op} ${e.bound}: measured ${e.actual ?? '—'}`).join('; ');
  const leaders = h.stints.filter((s) => s.endUs === null).map((s) => `n${s.node} (term ${s.term})`);
  const effective = h.effective.find((e) => e.endUs === null);
  const whole = leaders.length === 1 && effective !== undefined && h.stints.some((s) => s.endUs === null && s.node === effective.node);
  const state =
    leaders.length === 0 ? 'no node leads'
    : whole ? `n${effective!.node} leads, but no write submitted since the heal was acknowledged`
    : `${leaders.join(', ')} ${leaders.length === 1 ? 'believes it leads' : 'believe they lead'}` +
      (effective ? `; the effective leader is n${effective.node}` : '; none is known by a majority');
  return `the cluster was not whole again within ${bound ?? '?'} ms of the last heal at ${formatUs(rec.healedUs)}: at ${formatUs(h.endUs)} ${state}`;
}
