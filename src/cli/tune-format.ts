// `raftsim tune` in the terminal: the recommendation (or why there is none)
// with its snippet, the runner-up and the faster options rejected, the evidence
// table, the rules of thumb, and what the search cost.
import type { ConfigEvidence, TuneResult } from '../tune/result.js';
import { fmt } from '../tune/result.js';
import { fitTable } from './table.js';
import { proseColumns, terminalColumns, wrapWords } from './width.js';
import { csvTable } from './csv.js';
import { boundsNote, CAVEAT, costText, evidenceRows, goalsText, runnerUpName, stopText } from '../tune/text.js';

export function formatTune(r: TuneResult, elapsedMs: number | null, width = terminalColumns()): string {
  const prose = proseColumns(width);
  const out: string[] = [];
  // Prose is wrapped to the terminal, continuation lines indented under their first; the
  // configuration snippet is left as it is, to be copied whole.
  const say = (text: string, indent = '  ', first = '') => out.push(wrapWords(text, prose, indent, first));
  say(`raftsim tune — ${r.name}: ${r.cluster}, seed ${r.seed}`);
  say(`goals: ${goalsText(r)}`);
  out.push('');
  if (r.recommendation) {
    say(`RECOMMENDED: ${r.recommendation.label}`);
    say(r.recommendation.summary, '  ', '  ');
    out.push('');
    out.push(...r.recommendation.snippets.implementation.text.trimEnd().split('\n').map((l) => `  ${l}`), '');
  } else {
    out.push(r.status === 'no-configuration-meets-the-goals' ? 'NO RECOMMENDATION: no configuration meets the goals.' : 'NO RECOMMENDATION: the decision is not separated.', '');
  }
  say(stopText(r));
  if (r.runnerUp) say(`${runnerUpName(r)}: ${r.runnerUp.label} — ${r.runnerUp.why}`);
  for (const f of r.fasterRejected.filter((x) => x.id !== r.runnerUp?.id).slice(0, 5)) say(`faster but rejected: ${f.label} — ${f.why}`);
  const moreFaster = r.fasterRejected.filter((x) => x.id !== r.runnerUp?.id).length - 5;
  if (moreFaster > 0) say(`… and ${moreFaster} more faster configurations rejected (see --json)`);
  const e = evidenceRows(r);
  out.push('');
  say(`evidence (${boundsNote(r)}):`);
  // The reasons a configuration missed go under the table; too wide for the terminal, the table
  // leaves out the exposure columns, and failing that becomes one block per configuration.
  const numbers = e.header.length - 1;
  const header = e.header.slice(0, numbers);
  const fitted = fitTable(
    header,
    e.rows.map((row) => row.slice(0, numbers)),
    (c) => c >= 2,
    { width, dropFirst: [header.lastIndexOf('sim. hours'), ...header.flatMap((h, i) => (h === 'trials' ? [i] : []))], records: 2 },
  );
  out.push(fitted.text);
  if (fitted.dropped.length > 0) say(`(${fitted.dropped.join(', ')}: left out to fit ${width} columns; all in --json and --csv)`);
  for (const row of e.rows) {
    const missed = row[numbers];
    if (missed !== '—') say(missed === 'undecided' ? `goals undecided: ${row[0]}` : `missed: ${row[0]} — ${missed}`, '    ', '  ');
  }
  const t = r.rulesOfThumb;
  out.push('');
  say(`rules of thumb (etcd tuning guide): RTT between ${t.rtt.between}: mean ${fmt(t.rtt.meanMs)} ms, p99 ${fmt(t.rtt.p99Ms)} ms → heartbeat ≈ ${fmt(t.heartbeatMs[0])}–${fmt(t.heartbeatMs[1])} ms, election timeout ≥ ${fmt(t.electionTimeoutMinMs)} ms`);
  for (const n of t.notes) say(n, '    ', '  ');
  out.push('');
  say(`cost: ${costText(r)}` + (elapsedMs === null ? '' : `; took ${(elapsedMs / 1000).toFixed(1)} s`));
  if (!r.deterministic) say('note: a wall-time limit stopped this search: another run may stop at a different round (a trial budget alone is deterministic).');
  out.push('');
  say(CAVEAT, '');
  return out.join('\n');
}

export function csvOf(r: TuneResult): string {
  const e = evidenceRows(r);
  const header = ['id', 'electionTimeoutMs', 'heartbeatMs', 'preVote', 'checkQuorum', ...e.header];
  const rows = r.configurations.map((c: ConfigEvidence, i) => [String(c.id), String(c.knobs.electionTimeoutUs / 1000), c.knobs.heartbeatUs === null ? '' : String(c.knobs.heartbeatUs / 1000), String(c.knobs.preVote), String(c.knobs.checkQuorum), ...e.rows[i]]);
  return csvTable({ header, rows });
}
