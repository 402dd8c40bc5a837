// Safety checkers, always on. They observe what nodes do (never drive them)
// and stop the trial at the first violation of:
//
// - election safety       at most one leader per term (Raft §5.2);
// - log matching          two logs holding an entry with the same index and term
//                         are identical up to it (§5.3). Each node's log is
//                         shadowed as a chain of prefix hashes, so the check is
//                         one map lookup per appended entry, not a pairwise scan;
// - leader completeness   a leader of term T holds every entry committed in an
//                         earlier term (§5.4);
// - state-machine safety  no two nodes commit (and so apply) different entries
//                         at one index (§5.4.3);
// - durability            every write acknowledged to a client is still held by
//                         some node (in memory or on disk) at the end of the trial.
//
// A cluster that starts from a given state (scenario cluster.initial) reports each
// node's initial log through onInitialLog: checked and recorded as if written.
import type { ClusterObserver } from '../cluster/observer.js';
import type { CommittedEntry, Entry, NodeId, PersistOp, Role } from '../raft/types.js';
import type { Micros } from '../sim/time.js';
import { Column } from '../sim/column.js';

export type Invariant = 'election-safety' | 'log-matching' | 'leader-completeness' | 'state-machine-safety' | 'durability';

export interface SafetyViolation {
  readonly invariant: Invariant;
  readonly nodes: readonly NodeId[];
  readonly term: number;
  readonly index: number;
  /** Global virtual time, µs. */
  readonly timeUs: Micros;
  readonly detail: string;
}

const TERM_SPACE = 2 ** 24; // map key = index * TERM_SPACE + term

export class SafetyChecker implements ClusterObserver {
  violation: SafetyViolation | null = null;
  private readonly leaderOfTerm = new Map<number, NodeId>();
  /** Per node: shadow log terms and prefix hashes (array position = index - 1). */
  private readonly terms: number[][];
  private readonly data: number[][];
  private readonly prefix: number[][];
  /** (index, term) → prefix hash, from whichever node held it first. */
  private readonly canonical = new Map<number, number>();
  /** Committed entries by index (position = index - 1). */
  private readonly committedTerm: number[] = [];
  private readonly committedData: number[] = [];
  private readonly committedPrefix: number[] = [];
  /** The term of the node that first reported each index committed. */
  private readonly commitReportTerm: number[] = [];
  private readonly nodeTerm: number[];
  /** The highest index each node has reported committed. */
  private readonly nodeCommitted: number[];
  /** Acknowledged writes in ack order: data (write id) and index, 16 bytes each. */
  private readonly ackedData = new Column();
  private readonly ackedIndex = new Column();

  constructor(
    n: number,
    private readonly onViolation: (v: SafetyViolation) => void = () => {},
  ) {
    this.terms = Array.from({ length: n }, () => []);
    this.data = Array.from({ length: n }, () => []);
    this.prefix = Array.from({ length: n }, () => []);
    this.nodeTerm = new Array(n).fill(0);
    this.nodeCommitted = new Array(n).fill(0);
  }

  get ok(): boolean {
    return this.violation === null;
  }

  onRole(node: NodeId, role: Role, term: number, _leader: NodeId | null, now: Micros): void {
    this.nodeTerm[node] = term;
    if (role !== 'leader') return;
    const other = this.leaderOfTerm.get(term);
    if (other !== undefined && other !== node) {
      this.fail('election-safety', [other, node], term, 0, now, `nodes ${other} and ${node} were both leader in term ${term}`);
      return;
    }
    this.leaderOfTerm.set(term, node);
    this.checkLeaderCompleteness(node, term, now);
  }

  onLogWrite(node: NodeId, op: PersistOp, now: Micros): void {
    const terms = this.terms[node];
    const data = this.data[node];
    const prefix = this.prefix[node];
    if (op.truncateFrom !== null && terms.length >= op.truncateFrom) {
      // A correct node never deletes an entry it has itself reported committed.
      if (op.truncateFrom <= this.nodeCommitted[node]) {
        this.fail('state-machine-safety', [node], terms[op.truncateFrom - 1], op.truncateFrom, now, `node ${node} deleted entries from index ${op.truncateFrom}, which it had reported committed (up to ${this.nodeCommitted[node]})`);
        return;
      }
      terms.length = data.length = prefix.length = op.truncateFrom - 1;
    }
    const entries = op.entries;
    if (entries.length === 0) return;
    if (op.appendFrom - 1 > terms.length) {
      this.fail('log-matching', [node], entries[0].term, op.appendFrom, now, `node ${node} appended at ${op.appendFrom} past its log end ${terms.length}`);
      return;
    }
    for (let k = 0; k < entries.length; k++) {
      terms[op.appendFrom - 1 + k] = entries[k].term;
      data[op.appendFrom - 1 + k] = entries[k].data;
    }
    // Re-chain to the end: an overwrite without truncation leaves a suffix whose prefix changed.
    for (let i = op.appendFrom - 1; i < terms.length; i++) {
      prefix[i] = chain(i === 0 ? 0 : prefix[i - 1], terms[i], data[i]);
      if (!this.checkMatching(node, i + 1, now)) return;
    }
  }

  onRestart(node: NodeId, log: readonly Entry[]): void {
    // What it committed and kept on disk stays committed; a wipe forgets it.
    this.nodeCommitted[node] = Math.min(this.nodeCommitted[node], log.length);
    const terms: number[] = (this.terms[node] = []);
    const data: number[] = (this.data[node] = []);
    const prefix: number[] = (this.prefix[node] = []);
    for (let i = 0; i < log.length; i++) {
      terms.push(log[i].term);
      data.push(log[i].data);
      prefix.push(chain(i === 0 ? 0 : prefix[i - 1], log[i].term, log[i].data));
    }
  }

  /**
   * cluster.initial: the node boots holding `log`, written before the trial began. It
   * is recorded as if the node had appended it, so log matching covers it (and the
   * (index, term) prefixes it establishes); what the nodes then report committed at
   * boot feeds leader completeness and state-machine safety as usual.
   */
  onInitialLog(node: NodeId, log: readonly Entry[], now: Micros): void {
    this.onRestart(node, log);
    for (let i = 1; i <= log.length; i++) if (!this.checkMatching(node, i, now)) return;
  }

  onCommit(node: NodeId, entries: readonly CommittedEntry[], now: Micros): void {
    for (const e of entries) {
      if (e.index > this.nodeCommitted[node]) this.nodeCommitted[node] = e.index;
      const i = e.index - 1;
      if (i < this.committedTerm.length && this.committedTerm[i] !== undefined) {
        if (this.committedTerm[i] !== e.term || this.committedData[i] !== e.data) {
          this.fail(
            'state-machine-safety', [node], e.term, e.index, now,
            `node ${node} committed (term ${e.term}, data ${e.data}) at index ${e.index}, where (term ${this.committedTerm[i]}, data ${this.committedData[i]}) was committed before`,
          );
          return;
        }
        continue;
      }
      this.committedTerm[i] = e.term;
      this.committedData[i] = e.data;
      this.commitReportTerm[i] = this.nodeTerm[node];
      this.committedPrefix[i] = this.prefix[node][i] ?? NaN;
    }
  }

  /** The workload calls this when a client is told its write committed. */
  noteAcknowledged(data: number, index: number): void {
    this.ackedData.push(data);
    this.ackedIndex.push(index);
  }

  /** Acknowledged writes recorded, and the bytes they take. */
  get acknowledged(): { readonly count: number; readonly byteLength: number } {
    return { count: this.ackedData.length, byteLength: this.ackedData.byteLength + this.ackedIndex.byteLength };
  }

  /** End of trial: every acknowledged write must still exist on some node (memory or disk). */
  checkDurability(holds: (node: NodeId, index: number, data: number) => boolean, n: number, now: Micros): void {
    if (this.violation) return;
    for (let k = 0; k < this.ackedData.length; k++) {
      const data = this.ackedData.at(k);
      const index = this.ackedIndex.at(k);
      let found = false;
      for (let node = 0; node < n && !found; node++) found = holds(node, index, data);
      if (!found) {
        this.fail('durability', [], 0, index, now, `acknowledged write ${data} (index ${index}) is held by no node`);
        return;
      }
    }
  }

  private checkMatching(node: NodeId, index: number, now: Micros): boolean {
    const term = this.terms[node][index - 1];
    const hash = this.prefix[node][index - 1];
    const key = index * TERM_SPACE + term;
    const seen = this.canonical.get(key);
    if (seen === undefined) this.canonical.set(key, hash);
    else if (seen !== hash) {
      this.fail('log-matching', [node], term, index, now, `node ${node}'s log holds (index ${index}, term ${term}) but differs from another log before it`);
      return false;
    }
    return true;
  }

  private checkLeaderCompleteness(node: NodeId, term: number, now: Micros): void {
    // The newest entry committed in an earlier term; log matching covers everything before it.
    let c = this.committedTerm.length - 1;
    while (c >= 0 && !(this.commitReportTerm[c] < term)) c--;
    if (c < 0) return;
    const mine = this.prefix[node][c];
    if (mine === undefined || this.terms[node][c] !== this.committedTerm[c] || (Number.isFinite(this.committedPrefix[c]) && mine !== this.committedPrefix[c])) {
      this.fail('leader-completeness', [node], term, c + 1, now, `node ${node} became leader of term ${term} without committed entry ${c + 1} (term ${this.committedTerm[c]})`);
    }
  }

  private fail(invariant: Invariant, nodes: NodeId[], term: number, index: number, timeUs: Micros, detail: string): void {
    if (this.violation) return;
    this.violation = { invariant, nodes, term, index, timeUs, detail };
    this.onViolation(this.violation);
  }
}

/** Extends a prefix hash by one entry: two 26-bit lanes packed in a double, exact in float64. */
function chain(prev: number, term: number, data: number): number {
  let a = (prev % 67108864) | 0;
  let b = Math.floor(prev / 67108864) | 0;
  a = Math.imul(a ^ term, 0x01000193) ^ Math.imul(data + 1, 0x85ebca6b);
  b = Math.imul(b ^ data, 0x5bd1e995) ^ Math.imul(term + 7, 0xc2b2ae35);
  a ^= a >>> 13;
  b ^= b >>> 15;
  return (b & 0x3ffffff) * 67108864 + (a & 0x3ffffff);
}
