// Fault entries of the file → ScenarioFault records for the runner.
import type { FaultAction } from '../faults/types.js';
import { toDistSpec, type DistContext } from './resolve-dist.js';
import type { FaultInput } from './schema-faults.js';
import type { FaultRepeat, FaultStart, ScenarioFault, TriggerEvent } from './types.js';

export function resolveFaults(faults: readonly FaultInput[], ctx: DistContext): ScenarioFault[] {
  return faults.map((f, i) => ({
    start: startOf(f),
    repeat: repeatOf(f),
    duration: f.duration === undefined ? null : toDistSpec(f.duration, ['faults', i, 'duration'], ctx),
    healAtUs: f.heal ?? null,
    action: actionOf(f),
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

/** The action keys mirror FaultAction; only durations are renamed to their µs fields. */
function actionOf(f: FaultInput): FaultAction {
  switch (f.kind) {
    case 'isolate':
    case 'cut-leader-from':
    case 'crash':
    case 'wipe':
    case 'pause':
    case 'disk-stall':
      return { kind: f.kind, target: f.target };
    case 'partition':
      return { kind: 'partition', groups: f.groups };
    case 'cut':
    case 'hold':
      return { kind: f.kind, from: f.from, to: f.to };
    case 'bridge':
      return { kind: 'bridge', bridge: f.bridge, sides: f.sides };
    case 'ring':
      return { kind: 'ring' };
    case 'loss':
      return { kind: 'loss', from: f.from, to: f.to, probability: f.probability };
    case 'latency':
      return { kind: 'latency', from: f.from, to: f.to, extraUs: f.extra };
    case 'skew':
      return { kind: 'skew', target: f.target, offsetUs: f.offset };
    case 'drift':
      return { kind: 'drift', target: f.target, ppm: f.ppm };
    case 'step':
      return { kind: 'step', target: f.target, deltaUs: f.delta };
    case 'slow-cpu':
      return { kind: 'slow-cpu', target: f.target, share: f.share };
    case 'slow-disk':
      return { kind: 'slow-disk', target: f.target, factor: f.factor };
  }
}
