// `raftsim tune --markdown`: a summary for a pull-request comment or a GitHub
// Actions job summary ($GITHUB_STEP_SUMMARY).
import type { TuneResult } from '../tune/result.js';
import { fmt } from '../tune/result.js';
import { boundsNote, CAVEAT, costText, evidenceRows, goalsText, runnerUpName, stopText } from '../tune/text.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownOf(r: TuneResult, elapsedMs: number | null): string {
  const out: string[] = [`### raftsim tune — ${r.name}`, '', `${r.cluster}, seed ${r.seed}. **Goals:** ${goalsText(r)}.`, ''];
  if (r.recommendation) {
    const s = r.recommendation.snippets.implementation;
    out.push(`**Recommended: \`${r.recommendation.label}\`** — ${r.recommendation.summary}.`, '', '```' + s.language, s.text.trimEnd(), '```', '');
  } else {
    out.push(`**No recommendation.**`, '');
  }
  out.push(stopText(r), '');
  if (r.runnerUp) out.push(`- ${capital(runnerUpName(r))} \`${r.runnerUp.label}\`: ${r.runnerUp.why}`);
  for (const f of r.fasterRejected.filter((x) => x.id !== r.runnerUp?.id).slice(0, 5)) out.push(`- Faster but rejected \`${f.label}\`: ${f.why}`);
  const e = evidenceRows(r);
  out.push('', '<details><summary>Evidence</summary>', '', `${capital(boundsNote(r))}.`, '', `| ${e.header.map(cell).join(' | ')} |`, `| ${e.header.map((_, i) => (i >= 2 && i < e.header.length - 1 ? '---:' : '---')).join(' | ')} |`);
  for (const row of e.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
  out.push('', '</details>', '');
  const t = r.rulesOfThumb;
  out.push(`Rules of thumb (etcd): RTT ${fmt(t.rtt.meanMs)} ms (${t.rtt.between}) → heartbeat ≈ ${fmt(t.heartbeatMs[0])}–${fmt(t.heartbeatMs[1])} ms, election timeout ≥ ${fmt(t.electionTimeoutMinMs)} ms. ${t.notes.join(' ')}`, '');
  out.push(`Cost: ${costText(r)}${elapsedMs === null ? '' : `; ${(elapsedMs / 1000).toFixed(1)} s`}.`, '', `<sub>${CAVEAT}</sub>`, '');
  return out.join('\n');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
