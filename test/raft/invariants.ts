// Raft's safety properties (paper Figure 3), checked over a test Cluster after
// every action of a random schedule. Each returns a description of the first
// violation it finds, or null.

import type { Cluster } from './harness.js';

/** Election safety: at most one leader per term (over the whole history, fed by observe()). */
export class SafetyMonitor {
  private readonly leaderOfTerm = new Map<number, number>();
  /** For each committed index: the lowest term of a node that reported it committed. */
  private readonly commitTerm = new Map<number, number>();
  private seenApplied: number[];
  readonly violations: string[] = [];

  constructor(private readonly c: Cluster) {
    this.seenApplied = new Array<number>(c.n).fill(0);
  }

  /** Call after every action. */
  observe(): void {
    this.recordLeaders();
    this.recordCommits();
    const problems = [this.logMatching(), this.leaderCompleteness(), ...this.c.violations];
    for (const p of problems) if (p !== null && !this.violations.includes(p)) this.violations.push(p);
  }

  private recordLeaders(): void {
    this.c.nodes.forEach((node, id) => {
      if (this.c.down.has(id) || node.role !== 'leader') return;
      const prior = this.leaderOfTerm.get(node.term);
      if (prior === undefined) this.leaderOfTerm.set(node.term, id);
      else if (prior !== id) this.push(`election safety: nodes ${prior} and ${id} both led term ${node.term}`);
    });
  }

  private recordCommits(): void {
    this.c.nodes.forEach((node, id) => {
      const applied = this.c.applied[id];
      if (applied.length < this.seenApplied[id]) this.seenApplied[id] = 0; // restarted
      for (let k = this.seenApplied[id]; k < applied.length; k++) {
        const idx = applied[k].index;
        const t = this.commitTerm.get(idx);
        if (t === undefined || node.term < t) this.commitTerm.set(idx, node.term);
      }
      this.seenApplied[id] = applied.length;
    });
  }

  /** Log matching: if two logs hold an entry with the same index and term, they are identical up to it. */
  private logMatching(): string | null {
    const { nodes } = this.c;
    for (let a = 0; a < nodes.length; a++) {
      for (let b = a + 1; b < nodes.length; b++) {
        const x = nodes[a];
        const y = nodes[b];
        let i = Math.min(x.lastIndex, y.lastIndex);
        while (i > 0 && x.termAt(i) !== y.termAt(i)) i--;
        for (; i > 0; i--) {
          const ex = x.entryAt(i)!;
          const ey = y.entryAt(i)!;
          if (ex.term !== ey.term || ex.data !== ey.data) return `log matching: nodes ${a} and ${b} differ at ${i}`;
        }
      }
    }
    return null;
  }

  /** Leader completeness: a leader of a term after a commit holds the committed entry. */
  private leaderCompleteness(): string | null {
    for (const [idx, t] of this.commitTerm) {
      const e = this.c.committedAt.get(idx)!;
      for (const node of this.c.nodes) {
        if (node.role !== 'leader' || node.term <= t) continue;
        const mine = node.entryAt(idx);
        if (mine === undefined || mine.term !== e.term || mine.data !== e.data) {
          return `leader completeness: leader ${node.id} of term ${node.term} lacks committed index ${idx}`;
        }
      }
    }
    return null;
  }

  private push(v: string): void {
    if (!this.violations.includes(v)) this.violations.push(v);
  }
}
