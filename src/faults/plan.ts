// Faults as a scenario plans them, before they happen: when each starts (at a
// time, or after a chain of events), how it repeats, how long it lasts. The
// scenario layer resolves a file's fault entries into these
// (src/scenario/resolve-faults.ts); the scheduler (scheduler.ts) turns them into
// occurrences at run time. Here, below scenario/, so the scheduler needs nothing above it.
import type { DistSpec } from '../sim/distributions.js';
import type { FaultAction } from './types.js';

/**
 * An event a fault can wait for (src/faults/scheduler.ts):
 * - 'stable-leader': an effective leader has led for the stability window (at once if one already has);
 * - 'heartbeat': the effective leader sends an empty AppendEntries (the next one after the wait began);
 * - 'committed': the cluster commit index — the highest index any node has reported committed — reaches `index` (at once if it already has).
 */
export type TriggerEvent =
  | { readonly kind: 'stable-leader' }
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'committed'; readonly index: number };

/** When a fault starts. */
export type FaultStart =
  /** At an absolute time from the start of the trial. */
  | { readonly kind: 'at'; readonly atUs: number }
  /**
   * After a chain of events, each awaited once the previous one happened (one event is
   * a chain of one); then after `delayUs`, plus a uniform random extra in [0, windowUs).
   */
  | { readonly kind: 'after'; readonly events: readonly TriggerEvent[]; readonly delayUs: number; readonly windowUs: number };

/** How a fault repeats (recurring faults such as GC pauses or flapping). */
export type FaultRepeat =
  | { readonly kind: 'once' }
  /** Every periodUs after the first start, at most `count` times in all (null: until the horizon). */
  | { readonly kind: 'every'; readonly periodUs: number; readonly count: number | null }
  /** As a Poisson process with this mean rate per second, at most `count` times. */
  | { readonly kind: 'rate'; readonly perSecond: number; readonly count: number | null };

export interface ScenarioFault {
  readonly start: FaultStart;
  readonly repeat: FaultRepeat;
  /** How long each occurrence lasts; null = until `healAtUs` or forever. A distribution allows e.g. GC pause lengths. */
  readonly duration: DistSpec | null;
  /** Heal at an absolute time instead of after a duration. */
  readonly healAtUs: number | null;
  readonly action: FaultAction;
  /** A set-up fault: it happens, but takes no per-fault sample (time to leader, …) and no part in recovery. */
  readonly setup: boolean;
  /** Where it came from in the file, for messages: e.g. "faults[2]". */
  readonly path: string;
}
