// Human-readable output of `raftsim fuzz`.
import { describeFault, isInstantaneous } from '../faults/describe.js';
import type { Fault, FaultKind } from '../faults/types.js';
import { SAFE_FAULT_KINDS, type ScheduleOptions } from '../faults/arbitrary.js';
import type { FuzzFailure, FuzzOutcome, FuzzReport } from '../fuzz/fuzz.js';
import { formatUs } from '../sim/time.js';

export function formatSchedule(faults: readonly Fault[]): string[] {
  return faults.map((f) => `  at ${formatUs(f.atUs)}${isInstantaneous(f.action) || f.durationUs === null ? '' : ` for ${formatUs(f.durationUs)}`}: ${describeFault(f.action)}`);
}

export function outcomeLine(o: Exclude<FuzzOutcome, { kind: 'ok' }>): string {
  switch (o.kind) {
    case 'safety': {
      const v = o.violation;
      return `${v.invariant} at ${formatUs(v.timeUs)} (term ${v.term}, index ${v.index}, nodes ${v.nodes.join(',')}): ${v.detail}`;
    }
    case 'liveness': return o.detail;
    case 'crash': return `the node implementation threw: ${o.detail}`;
  }
}

const HEADINGS = { safety: 'SAFETY VIOLATION', liveness: 'LIVENESS FAILURE', crash: 'NODE CRASHED' } as const;

export function formatSetup(label: string, schedule: Omit<ScheduleOptions, 'nodes'>, churn: number, boundUs: number): string {
  const kinds: readonly FaultKind[] = schedule.kinds ?? SAFE_FAULT_KINDS;
  const kindText = kinds.length === SAFE_FAULT_KINDS.length ? `${kinds.length} kinds` : kinds.join(', ');
  return (
    `${label}\n` +
    `schedules: up to ${schedule.maxFaults} fault(s) (${kindText}) starting within ${formatUs(schedule.windowUs)}, ` +
    `${formatUs(schedule.minDurationUs)}–${formatUs(schedule.maxDurationUs)} each; ${Math.round(churn * 100)}% leader churn. ` +
    `Liveness: whole again within ${formatUs(boundUs)} of the last heal`
  );
}

export function formatFailure(f: FuzzFailure, r: FuzzReport): string[] {
  const n = f.case.faults.length;
  return [
    '',
    `${HEADINGS[f.outcome.kind]} after ${f.runsToFailure} run(s), shrunk ${f.shrinks} time(s) to ${n} fault${n === 1 ? '' : 's'} (${(r.elapsedMs / 1000).toFixed(1)} s):`,
    ...formatSchedule(f.case.faults),
    `  → ${outcomeLine(f.outcome)}`,
  ];
}

export function formatPass(r: FuzzReport): string {
  const why = r.interrupted ? ' (the time budget ran out)' : '';
  return `\npassed: ${r.runs} run(s), no safety or liveness failure${why} (${(r.elapsedMs / 1000).toFixed(1)} s)`;
}
