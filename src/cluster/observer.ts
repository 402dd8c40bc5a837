// Observations the host emits. Metrics and safety checkers subscribe to these;
// adding a metric never touches Raft code (design rule 6).
import type { CommittedEntry, Entry, Message, NodeId, PersistOp, Role } from '../raft/types.js';
import type { Micros } from '../sim/time.js';

export type NodeCondition = 'up' | 'paused' | 'down';

/**
 * A fault occurrence as data: what the fault layer reports (src/faults/types.ts
 * FaultRecord, whose `kind` is one of the registered kinds). Consumers read these
 * fields, never the description, which is for people.
 */
export interface FaultNote {
  /** Position in the injector's log (start order), so a heal names its start exactly. */
  readonly id: number;
  readonly kind: string;
  readonly description: string;
  /** The nodes its targets resolved to when it started. */
  readonly nodes: readonly NodeId[];
  readonly atUs: Micros;
  /** The planned heal (null: never, or an instantaneous fault). */
  readonly healUs: Micros | null;
  /** Instantaneous (a clock step): it takes effect when it starts and never heals. */
  readonly instantaneous: boolean;
  readonly setup: boolean;
}

export type FaultPhase = 'start' | 'heal';

export interface ClusterObserver {
  /** A node's role or term changed (also reported once at start and restart). */
  onRole?(node: NodeId, role: Role, term: number, leaderId: NodeId | null, now: Micros): void;
  /** A node heard of a leader (leaderId changed), e.g. on its first AppendEntries. */
  onLeaderKnown?(node: NodeId, leaderId: NodeId | null, term: number, now: Micros): void;
  /** The node's in-memory log changed as this write describes (before it is durable). */
  onLogWrite?(node: NodeId, op: PersistOp, now: Micros): void;
  /** Entries the node reports committed, in order. */
  onCommit?(node: NodeId, entries: readonly CommittedEntry[], now: Micros): void;
  onSend?(from: NodeId, msg: Message, now: Micros): void;
  /** Crash, restart, wipe, pause, resume. */
  onCondition?(node: NodeId, condition: NodeCondition, now: Micros, detail: string): void;
  /** A node restarted from this durable image (wiped: empty). */
  onRestart?(node: NodeId, log: readonly Entry[], now: Micros): void;
  /** A node booted for the first time holding this log (cluster.initial); not a restart. */
  onInitialLog?(node: NodeId, log: readonly Entry[], now: Micros): void;
  /** A fault started or healed (it has taken effect): its record. */
  onFault?(fault: FaultNote, phase: FaultPhase, now: Micros): void;
}
