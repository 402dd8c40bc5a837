// `raftsim tune` in the terminal: the recommendation (or why there is none)
// with its snippet, the runner-up and the faster options rejected, the evidence
// table, the rules of thumb, and what the search cost.
import type { ConfigEvidence, TuneResult } from '../tune/result.js';
import { fmt } from '../tune/result.js';
import { table } from './table.js';
import { csvTable } from './csv.js';
import { boundsNote, CAVEAT, costText, evidenceRows, goalsText, runnerUpName, stopText } from '../tune/text.js';

export function formatTune(r: TuneResult, elapsedMs: number | null): string {
  const out: string[] = [];
  out.push(`raftsim tune — ${r.name}: ${r.cluster}, seed ${r.seed}`);
  out.push(`goals: ${goalsText(r)}`, '');
  if (r.recommendation) {
    out.push(`RECOMMENDED: ${r.recommendation.label}`, `  ${r.recommendation.summary}`, '');
    out.push(...r.recommendation.snippets.implementation.text.trimEnd().split('\n').map((l) => `  ${l}`), '');
  } else {
    out.push(r.status === 'no-configuration-meets-the-goals' ? 'NO RECOMMENDATION: no configuration meets the goals.' : 'NO RECOMMENDATION: the decision is not separated.', '');
  }
  out.push(stopText(r));
  if (r.runnerUp) out.push(`${runnerUpName(r)}: ${r.runnerUp.label} — ${r.runnerUp.why}`);
  for (const f of r.fasterRejected.filter((x) => x.id !== r.runnerUp?.id).slice(0, 5)) out.push(`faster but rejected: ${f.label} — ${f.why}`);
  const moreFaster = r.fasterRejected.filter((x) => x.id !== r.runnerUp?.id).length - 5;
  if (moreFaster > 0) out.push(`… and ${moreFaster} more faster configurations rejected (see --json)`);
  const e = evidenceRows(r);
  out.push('', `evidence (${boundsNote(r)}):`, table(e.header, e.rows, (c) => c >= 2 && c < e.header.length - 1));
  const t = r.rulesOfThumb;
  out.push('', `rules of thumb (etcd tuning guide): RTT between ${t.rtt.between}: mean ${fmt(t.rtt.meanMs)} ms, p99 ${fmt(t.rtt.p99Ms)} ms → heartbeat ≈ ${fmt(t.heartbeatMs[0])}–${fmt(t.heartbeatMs[1])} ms, election timeout ≥ ${fmt(t.electionTimeoutMinMs)} ms`);
  for (const n of t.notes) out.push(`  ${n}`);
  out.push('', `cost: ${costText(r)}` + (elapsedMs === null ? '' : `; took ${(elapsedMs / 1000).toFixed(1)} s`));
  if (!r.deterministic) out.push('note: a wall-time limit stopped this search: another run may stop at a different round (a trial budget alone is deterministic).');
  out.push('', CAVEAT);
  return out.join('\n');
}

export function csvOf(r: TuneResult): string {
  const e = evidenceRows(r);
  const header = ['id', 'electionTimeoutMs', 'heartbeatMs', 'preVote', 'checkQuorum', ...e.header];
  const rows = r.configurations.map((c: ConfigEvidence, i) => [String(c.id), String(c.knobs.electionTimeoutUs / 1000), c.knobs.heartbeatUs === null ? '' : String(c.knobs.heartbeatUs / 1000), String(c.knobs.preVote), String(c.knobs.checkQuorum), ...e.rows[i]]);
  return csvTable({ header, rows });
}
