// cluster.initial → ResolvedInitial (defaults filled in, every rule checked) →
// the per-node logs the host writes to disk before the first boot.
//
// The history it describes: term 1 wrote entries 1 .. termStart−1; the leader
// of `term` was then elected holding them, appended its no-op at termStart and
// entries up to `entries`. A node `behind` by k holds the leader's first
// entries − k. A `diverged` node holds entries 1 .. termStart−1 and then entries
// of its own older term `lastTerm` (written by a leader of that term that never
// got them committed) up to its length; the leader will overwrite them.
//
// Entry data: 0 for the leader's no-op, −(term · 10⁶ + index) otherwise — never
// positive, so never a client write id (the workload counts writes from 1 and
// ignores data ≤ 0), and one value per (index, term), as log matching requires.
import type { Entry } from '../raft/types.js';
import type { Issue, Report } from './checks.js';
import type { KeyPath } from './errors.js';
import { LIMITS } from '../format/limits.js';
import type { InitialInput } from './schema-cluster.js';
import type { ResolvedInitial } from './types.js';

export const INITIAL_DEFAULTS = Object.freeze({ leader: 0, term: 2, entries: 100 });

const NODE_KEY = /^(0|[1-9][0-9]*)$/;
const BASE: KeyPath = ['cluster', 'initial'];

/** Data of the initial entry at (index, term); 0 for the leader's no-op. */
export function initialEntryData(index: number, term: number, noOp: boolean): number {
  return noOp ? 0 : -(term * 1_000_000 + index);
}

/**
 * Fills in the defaults and checks every rule, reporting each problem at its key;
 * null when there were problems.
 */
export function resolveInitial(i: InitialInput, n: number, report: Report): ResolvedInitial | null {
  const issues: Issue[] = [];
  const fail = (path: KeyPath, message: string, at?: 'key') => issues.push({ path: [...BASE, ...path], message, at });
  const leader = i.leader ?? INITIAL_DEFAULTS.leader;
  const term = i.term ?? INITIAL_DEFAULTS.term;
  const entries = i.entries ?? INITIAL_DEFAULTS.entries;
  if (leader >= n) fail(['leader'], `node ${leader} does not exist: the cluster has ${n} node${n === 1 ? '' : 's'} (${range(n)})`);

  const lengths: number[] = new Array(n).fill(entries);
  const lastTerms: (number | null)[] = new Array(n).fill(null);
  const nodeKey = (group: string, key: string): number | null => {
    if (!NODE_KEY.test(key)) {
      fail([group, key], `"${key}" is not a node id`, 'key');
      return null;
    }
    const id = Number(key);
    if (id >= n) fail([group, key], `node ${key} does not exist: the cluster has ${n} node${n === 1 ? '' : 's'} (${range(n)})`, 'key');
    else if (id === leader) fail([group, key], `node ${key} is the leader: it holds all ${entries} entries; choose another node or another \`leader\``, 'key');
    else return id;
    return null;
  };
  for (const [key, by] of Object.entries(i.behind ?? {})) {
    const id = nodeKey('behind', key);
    if (id === null) continue;
    if (by > entries) fail(['behind', key], `node ${key} is ${by} entries behind, but the leader holds only ${entries}`);
    else lengths[id] = entries - by;
  }
  for (const [key, d] of Object.entries(i.diverged ?? {})) {
    const id = nodeKey('diverged', key);
    if (id === null) continue;
    if (i.behind?.[key] !== undefined) {
      fail(['diverged', key], `node ${key} is also listed in \`behind\`; give it in one of them`, 'key');
      continue;
    }
    const lastTerm = d.lastTerm ?? term - 1;
    if (term === 1) fail(['diverged', key], 'a diverged tail comes from a term older than the leader\'s, and the leader\'s term is 1; raise `term`', 'key');
    else if (lastTerm >= term) fail(['diverged', key, 'lastTerm'], `lastTerm ${lastTerm} must be below the leader's term ${term}: a diverged tail comes from an older leader`);
    lengths[id] = d.entries;
    lastTerms[id] = lastTerm;
  }
  if (issues.length > 0) {
    issues.forEach(report);
    return null;
  }

  const diverged = lastTerms.map((t, id) => (t === null ? -1 : id)).filter((id) => id >= 0);
  const lacked = lengths.map((len, id) => (lastTerms[id] === null ? len + 1 : len));
  const termStart = i.termStart ?? Math.min(entries, ...lacked);
  if (termStart > entries) fail(['termStart'], `termStart ${termStart} is past the leader's last entry ${entries}`);
  for (const id of diverged) {
    if (lengths[id] < termStart) {
      fail(['diverged', String(id), 'entries'], `node ${id} holds ${lengths[id]} entries, all before termStart ${termStart}, so it has none of its own term; give at least ${termStart} entries, or list it in \`behind\``);
    }
  }
  const total = lengths.reduce((a, b) => a + b, 0);
  if (total > LIMITS.initialEntriesTotal) {
    fail(['entries'], `the initial logs hold ${total} entries in all, over the cap of ${LIMITS.initialEntriesTotal.toExponential(0)}; fewer entries or fewer nodes`);
  }
  if (issues.length > 0) {
    issues.forEach(report);
    return null;
  }

  // What each node shares with the leader; a majority of those bounds the commit index.
  const shared = lengths.map((len, id) => (lastTerms[id] === null ? len : termStart - 1));
  const majority = Math.floor(n / 2) + 1;
  const onMajority = [...shared].sort((a, b) => b - a)[majority - 1];
  const maxCommit = diverged.length > 0 ? Math.min(onMajority, termStart - 1) : onMajority;
  const commit = i.commit ?? maxCommit;
  if (commit > lengths[leader]) {
    fail(['commit'], `commit ${commit} is past the end of the leader's log (${lengths[leader]} entries); give at most ${onMajority}, the highest index a majority holds`);
  } else if (commit > onMajority) {
    const holders = shared.filter((s) => s >= commit).length;
    fail(['commit'], `commit ${commit} is held by only ${holders} of ${n} nodes; give at most ${onMajority}, the highest index a majority holds`);
  } else if (commit > maxCommit) {
    fail(
      ['commit'],
      `commit ${commit} is past index ${termStart - 1}, where node ${diverged[0]}'s log departs from the leader's (a node learns a commit index only for entries it shares with the leader); give at most ${maxCommit}`,
    );
  }
  if (issues.length > 0) {
    issues.forEach(report);
    return null;
  }
  return { leader, term, entries, termStart, commit, nodes: lengths.map((len, id) => ({ entries: len, lastTerm: lastTerms[id] })) };
}

function range(n: number): string {
  return n === 1 ? 'node 0 only' : `nodes 0–${n - 1}`;
}

const built = new WeakMap<ResolvedInitial, readonly (readonly Entry[])[]>();

/** Each node's initial log (built once per resolved scenario; the host copies what it keeps). */
export function initialLogs(r: ResolvedInitial): readonly (readonly Entry[])[] {
  const cached = built.get(r);
  if (cached !== undefined) return cached;
  const termAt = (index: number) => (index < r.termStart ? 1 : r.term);
  const leaderLog: Entry[] = [];
  for (let k = 1; k <= r.entries; k++) leaderLog.push({ term: termAt(k), data: initialEntryData(k, termAt(k), k === r.termStart) });
  const logs = r.nodes.map(({ entries, lastTerm }) => {
    if (lastTerm === null) return entries === r.entries ? leaderLog : leaderLog.slice(0, entries);
    const log = leaderLog.slice(0, r.termStart - 1);
    for (let k = r.termStart; k <= entries; k++) log.push({ term: lastTerm, data: initialEntryData(k, lastTerm, false) });
    return log;
  });
  built.set(r, logs);
  return logs;
}
