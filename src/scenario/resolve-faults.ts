// Fault entries of the file → ScenarioFault records for the runner.
import { faultKindModule } from '../faults/registry.js';
import { toDistSpec, type DistContext } from './resolve-dist.js';
import type { FaultInput } from './schema-faults.js';
import type { FaultRepeat, FaultStart, ScenarioFault, TriggerEvent } from './types.js';

export function resolveFaults(faults: readonly FaultInput[], ctx: DistContext): ScenarioFault[] {
  return faults.map((f, i) => ({
    start: startOf(f),
    repeat: repeatOf(f),
    duration: f.duration === undefined ? null : toDistSpec(f.duration, ['faults', i, 'duration'], ctx),
    healAtUs: f.heal ?? null,
    action: faultKindModule(f.kind).resolve(f),
    setup: f.setup === true,
    path: `faults[${i}]`,
  }));
}

function startOf(f: FaultInput): FaultStart {
  if (f.after !== undefined) {
    const chain = Array.isArray(f.after) ? f.after : [f.after];
    return { kind: 'after', events: chain.map(triggerEventOf), delayUs: f.delay ?? 0, windowUs: f.window ?? 0 };
  }
  return { kind: 'at', atUs: f.at ?? 0 };
}

type AfterInput = NonNullable<FaultInput['after']>;

function triggerEventOf(e: Exclude<AfterInput, readonly unknown[]>): TriggerEvent {
  return typeof e === 'string' ? { kind: e } : { kind: 'committed', index: e.committed! }; // required by checks-faults.ts
}

function repeatOf(f: FaultInput): FaultRepeat {
  if (f.every !== undefined) return { kind: 'every', periodUs: f.every, count: f.count ?? null };
  if (f.rate !== undefined) return { kind: 'rate', perSecond: f.rate, count: f.count ?? null };
  return { kind: 'once' };
}
