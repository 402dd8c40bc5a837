// The table of fault kinds: one module per kind (src/faults/kinds/), listed once
// here. FaultKind and FaultAction (types.ts) are derived from this table, so a
// kind exists exactly when it is listed, and its module must have every piece
// (FaultKindModule: schema keys, checks, resolution, apply/undo, description,
// fuzz arbitrary) or the build fails. The order is the scenario schema's order
// (error messages, the JSON Schema, the docs).
//
// Adding a fault kind: write src/faults/kinds/<kind>.ts and add one line below.
import type * as z from 'zod';
import type { ActionOf, FaultKindModule } from './kind.js';
import { bridge } from './kinds/bridge.js';
import { crash } from './kinds/crash.js';
import { cutLeaderFrom } from './kinds/cut-leader-from.js';
import { cut } from './kinds/cut.js';
import { diskStall } from './kinds/disk-stall.js';
import { drift } from './kinds/drift.js';
import { flappingLink } from './kinds/flapping-link.js';
import { hold } from './kinds/hold.js';
import { isolate } from './kinds/isolate.js';
import { latency } from './kinds/latency.js';
import { loss } from './kinds/loss.js';
import { partition } from './kinds/partition.js';
import { pause } from './kinds/pause.js';
import { ring } from './kinds/ring.js';
import { skew } from './kinds/skew.js';
import { slowCpu } from './kinds/slow-cpu.js';
import { slowDisk } from './kinds/slow-disk.js';
import { step } from './kinds/step.js';
import { wipe } from './kinds/wipe.js';

const MODULES = {
  // network
  isolate,
  partition,
  cut,
  'cut-leader-from': cutLeaderFrom,
  bridge,
  ring,
  hold,
  loss,
  latency,
  // clocks
  skew,
  drift,
  step,
  // nodes
  crash,
  wipe,
  // CPU
  pause,
  'slow-cpu': slowCpu,
  // disk
  'disk-stall': diskStall,
  'slow-disk': slowDisk,
  // network, changing while active
  'flapping-link': flappingLink,
};

/** Each entry must be a complete module of the kind it is filed under: a mapped type over the kind names. */
type FaultKindTable<T> = { readonly [K in keyof T]: FaultKindModule<ActionOf<T[K]> & { readonly kind: K }, z.ZodRawShape> };

/** The modules as written (their precise action and key types). */
export type FaultKindModules = typeof MODULES;

export const FAULT_KIND_TABLE: FaultKindTable<typeof MODULES> = MODULES;

/** Every kind, in table order. */
export const FAULT_KIND_NAMES = Object.keys(MODULES) as (keyof typeof MODULES)[];

type Kind = keyof typeof MODULES;
type AnyAction = ActionOf<(typeof MODULES)[Kind]>;

/**
 * The module of a kind, typed for any action. TypeScript cannot correlate a
 * union-typed action with its table entry, so this is the one cast the
 * dispatchers (injector, describeFault, the fuzzer, the scenario layer) need.
 */
export function faultKindModule<A extends AnyAction = AnyAction>(kind: A['kind']): FaultKindModule<A, z.ZodRawShape> {
  return FAULT_KIND_TABLE[kind] as unknown as FaultKindModule<A, z.ZodRawShape>;
}
