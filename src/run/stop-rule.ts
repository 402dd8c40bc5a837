// measure.until "resolved": a trial stops once everything it measures per fault
// is decided, instead of simulating to the horizon (TigerBeetle's VOPR and
// turmoil stop when the work is done). "Decided" means a later end could not
// change the value, so per-fault figures are identical to a full-horizon run
// (test/scenarios/stop-rule.test.ts checks this on the built-in scenarios):
//   - no fault occurrence is still to come, and every fault that heals has healed;
//   - every measured fault has its time to leader, heard, stable and no-op commit
//     (none of them can change once reached: they are first events);
//   - with clients, the first write submitted at or after each fault's start has
//     been acknowledged (time to first write takes the first acknowledged write in
//     submission order, so an earlier pending one could still take its place);
//   - a leader kept through a fault is decided once the fault healed plus the
//     stability window; through a fault that never heals, only at the horizon
//     ("kept" means kept until the end), so such trials run to it;
//   - past the horizon (measure.observe: each fault is observed at least that long
//     after its start, so a late fault is not censored by the horizon), no fault
//     starts, and the same rule stops the trial;
//   - recovery after the last heal, when there is one, is reached.
// Then the trial runs `graceUs` more and stops. Checks run every stableUs / 2 of
// simulated time, so a trial stops at most that much (plus the grace) after the
// moment its last figure was decided; per-trial totals and rates cover the
// shorter span, which measuredHours reports.
import type { Simulation } from './simulation.js';
import type { Micros } from '../sim/time.js';
import type { FaultScheduler } from '../faults/scheduler.js';
import type { HistoryRecorder } from '../metrics/history.js';
import { deriveMetrics, type DeriveOptions } from '../metrics/derive.js';
import type { WriteSamples } from '../cluster/write-log.js';

export class ResolutionWatch {
  private readonly checkKind: number;
  private readonly stopKind: number;
  private readonly everyUs: Micros;

  constructor(
    private readonly sim: Simulation,
    private readonly recorder: HistoryRecorder,
    private readonly scheduler: FaultScheduler,
    private readonly derive: DeriveOptions,
    private readonly graceUs: Micros,
  ) {
    const k = sim.host.kernel;
    this.everyUs = Math.max(1_000, Math.floor(derive.stableUs / 2));
    this.checkKind = k.defineKind('stop-rule-check', () => this.check());
    this.stopKind = k.defineKind('stop-rule-stop', () => {
      this.stopped = true;
      k.stop();
    });
  }

  /** The trial was stopped because everything was decided. */
  stopped = false;

  start(): void {
    this.sim.host.kernel.after(this.everyUs, this.checkKind, 0);
  }

  private check(): void {
    const k = this.sim.host.kernel;
    if (this.resolved()) k.after(this.graceUs, this.stopKind, 0);
    else k.after(this.everyUs, this.checkKind, 0);
  }

  private resolved(): boolean {
    const now = this.sim.host.now;
    if (!this.scheduler.exhausted()) return false;
    const records = this.sim.injector.log;
    if (records.some((r) => r.healUs !== null && r.healUs > now)) return false;
    const writes = this.sim.workload?.log ?? [];
    const m = deriveMetrics(this.recorder.finish(now), writes, this.derive);
    const measured = records.filter((r) => !r.setup);
    for (let i = 0; i < m.faults.length; i++) {
      const f = m.faults[i];
      if (f.leaderUs === null || f.heardUs === null || f.stableUs === null || f.leaderCommitUs === null) return false;
      const heal = measured[i]?.healUs ?? null;
      // "Kept" means effective until the heal plus the stability window (or the end, for a
      // fault that never heals): decided only once that moment has passed.
      if (f.kept && (heal === null || now < heal + this.derive.stableUs)) return false;
      if (this.sim.workload !== null && !firstSubmittedAcked(this.sim.workload.log, f.startUs)) return false;
    }
    return m.recovery === null || m.recovery.afterUs !== null;
  }
}

/** Whether the first write submitted at or after t0 has been acknowledged. */
function firstSubmittedAcked(writes: WriteSamples, t0: Micros): boolean {
  for (let i = 0; i < writes.length; i++) if (writes.submittedAt(i) >= t0) return writes.ackedAt(i) !== null;
  return false;
}
