// What a fault kind is: everything about one kind in one module (src/faults/kinds/),
// listed once in src/faults/registry.ts. Every piece is required, so a kind
// missing its schema, checks, apply/undo, description or fuzz arbitrary does not
// compile. The scenario layer (src/scenario/schema-faults.ts, resolve-faults.ts,
// checks-faults.ts), the injector, describeFault and the fuzzer only dispatch
// over the table.
//
// Imports: sim/, raft/ types, cluster/ (the host the fault acts on), format/
// (the scenario value grammar), zod and fast-check. Never scenario/ or above.
import type * as z from 'zod';
import type fc from 'fast-check';
import type { ClusterHost } from '../cluster/host.js';
import type { NodeId } from '../raft/types.js';
import type { Rng } from '../sim/rng.js';
import type { KeyPath, Report } from '../format/issue.js';
import { cloneData } from '../format/values.js';
import type { Target } from './target.js';

/** A fault action: plain data whose `kind` names its module. */
export interface ActionBase {
  readonly kind: string;
}

/** The parsed scenario-file keys of a kind (durations already µs), as its `shape` declares them. */
export type KindInput<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

/** Where a kind's checks report, and what they may know about the file. */
export interface CheckContext {
  /** The fault entry's key path, e.g. ["faults", 2]. */
  readonly path: KeyPath;
  readonly report: Report;
  /** Cluster size. */
  readonly n: number;
  /** The longest one occurrence can last (its constant duration, until `heal`, or until the horizon). */
  readonly spanUs: number;
}

/** What a kind's apply may do to the cluster; the injector implements it. */
export interface FaultContext {
  readonly n: number;
  readonly host: ClusterHost;
  /** The `faults` stream: for symbolic targets and for a kind's own random choices (never Math.random). */
  readonly rng: Rng;
  resolve(target: Target): NodeId[];
  /** One-way link verbs, reference-counted across overlapping faults: a link cut twice is healed by the second heal. */
  cut(from: NodeId, to: NodeId): void;
  heal(from: NodeId, to: NodeId): void;
  hold(from: NodeId, to: NodeId): void;
  release(from: NodeId, to: NodeId): void;
  /** Node verbs, reference-counted likewise. */
  crash(node: NodeId, wipe: boolean): void;
  restart(node: NodeId): void;
  pause(node: NodeId): void;
  resume(node: NodeId): void;
  stall(node: NodeId): void;
  unstall(node: NodeId): void;
  /** Runs `fn` after `delayUs` of simulated time (a fault that changes while active); returns a canceller. */
  after(delayUs: number, fn: () => void): () => void;
}

/** What a started fault did: the nodes it resolved to (for reports) and how to undo exactly that. */
export interface AppliedFault {
  readonly nodes: readonly NodeId[];
  undo(): void;
}

/**
 * Targets for fuzz arbitraries, shared by every kind so schedules stay comparable, and fast-check
 * itself: kinds take it from here so loading a scenario never loads the property-testing library
 * (only the fuzzer and the tests build arbitraries).
 */
export interface ArbitraryTargets {
  readonly fc: typeof fc;
  readonly n: number;
  /** 0 .. n−1. */
  readonly ids: readonly NodeId[];
  /** One node: symbolic ('leader', 'follower', 'random') or an id. */
  readonly one: fc.Arbitrary<Target>;
  /** One node or a proper subset. */
  readonly group: fc.Arbitrary<Target>;
}

/** How timelines and reports group faults (one colour and legend entry per family). */
export type FaultFamily = 'network' | 'clock' | 'crash' | 'cpu' | 'disk' | 'other';

export interface FaultKindModule<A extends ActionBase, S extends z.ZodRawShape = z.ZodRawShape> {
  readonly kind: A['kind'];
  /** Its family in timelines and reports. */
  readonly family: FaultFamily;
  /** One sentence: the scenario schema's description of the kind (and the docs'). */
  readonly summary: string;
  /** Its keys in a scenario file besides `kind` and the timing keys (at, after, duration, …). */
  readonly shape: S;
  /** Cross-key checks (node ids that exist, …) after the schema passed; report "what is wrong; how to fix it". */
  check(input: KindInput<S>, at: CheckContext): void;
  /** The file's keys → the action record. */
  resolve(input: KindInput<S>): A;
  /** Applies it to the cluster now. */
  apply(action: A, ctx: FaultContext): AppliedFault;
  /** One line for traces, timelines and reports; `resolved` is what its targets resolved to (empty: not started). */
  describe(action: A, resolved: readonly NodeId[]): string;
  /** The action back in scenario-file keys (the inverse of resolve, without timing keys): how `raftsim fuzz` writes a case out. */
  fileKeys(action: NoInfer<A>): Record<string, unknown>;
  /** Random actions of this kind, for property tests and `raftsim fuzz`. */
  arbitrary(t: ArbitraryTargets): fc.Arbitrary<A>;
  /** null: it lasts until healed. Otherwise it is instantaneous (no duration or heal), and this names it in messages, e.g. "a clock step". */
  readonly instantaneous: string | null;
  /** It may lose acknowledged writes (a wipe): `raftsim fuzz` never generates it. */
  readonly losesAckedWrites: boolean;
}

/** fileKeys for a kind whose action keys are its file keys (no durations to write back). */
export function sameKeys<A extends ActionBase>(a: A): Record<string, unknown> {
  return cloneData(a) as unknown as Record<string, unknown>;
}

/** Declares a kind; the type parameters are inferred, and every piece is required. */
export function defineFaultKind<A extends ActionBase, S extends z.ZodRawShape>(m: FaultKindModule<A, S>): FaultKindModule<A, S> {
  return m;
}

/** The action type of a module. */
export type ActionOf<M> = M extends FaultKindModule<infer A, z.ZodRawShape> ? A : never;
