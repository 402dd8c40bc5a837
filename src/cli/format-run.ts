// Human-readable output of `raftsim run` and `raftsim sweep`, fitted to the
// terminal's width (width.ts): prose wraps, tables leave out their least
// important columns rather than overflow, commands are never broken.
import { formatUs } from '../sim/time.js';
import { fitTable, num, pct } from './table.js';
import { joinWrapped, labelled, proseColumns, terminalColumns, wrapWords } from './width.js';
import type { DurationSummary } from '../metrics/summary.js';
import type { ConfigResult, RunResult, SweepResult } from '../verdict/result.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { PROFILE_RULES } from '../raft/profiles.js';
import { quantileCiCell, rateCell, rateCiCell, spuriousOf } from './format-ci.js';
import { verdictText } from '../report/verdict.js';
import { formatRecommendation } from './format-recommend.js';

// The "…" rows are later stages of the same wait (never shorter than time to leader). The first
// write is not one: the old leader may commit it before it is deposed, so it stands on its own.
const DURATION_ROWS: [keyof ConfigResult['metrics'], string][] = [
  ['timeToLeaderMs', 'time to leader'],
  ['timeToLeaderHeardMs', '  … heard by a majority'],
  ['timeToStableLeaderMs', '  … stable leader'],
  ['timeToLeaderCommitMs', '  … its no-op committed'],
  ['timeToWriteMs', 'time to first write commit'],
  ['leaderlessMs', 'leaderless time per trial'],
  ['deposedLeaderMs', 'deposed leader still leading'],
  ['recoveryMs', 'recovery after the last heal'],
  ['commitLatencyMs', 'write commit latency'],
];

function q(x: number | null, s: DurationSummary): string {
  return x === null ? (s.censored > 0 && s.n > 0 ? '> horizon' : '—') : num(x);
}

/** The run's duration table as header and rows (the terminal table, and --csv). */
export function durationRows(m: ConfigResult['metrics']): { header: string[]; rows: string[][] } {
  const rows = DURATION_ROWS.map(([key, label]) => {
    const s = m[key] as DurationSummary;
    return [label.trim(), String(s.n), num(s.mean), q(s.p50, s), q(s.p90, s), q(s.p99, s), quantileCiCell(s, 'p99'), num(s.max), String(s.censored)];
  }).filter((r) => r[1] !== '0');
  return { header: ['(milliseconds)', 'n', 'mean', 'p50', 'p90', 'p99', 'p99 95% CI', 'max', 'censored'], rows };
}

export function durationTable(m: ConfigResult['metrics'], width = terminalColumns()): string {
  const { header, rows } = durationRows(m);
  const labels = new Map(DURATION_ROWS.map(([, label]) => [label.trim(), label]));
  const shown = rows.map((r) => [labels.get(r[0]) ?? r[0], ...r.slice(1)]);
  // Too wide for the terminal: leave out the mean, p90, then max (all in --json).
  const { text, dropped } = fitTable(header, shown, (c) => c > 0, { width, dropFirst: [2, 4, 7], clip: 0 });
  return dropped.length === 0 ? text : `${text}\n(${dropped.join(', ')}: left out to fit ${width} columns; all in --json)`;
}

export function describeConfig(s: ResolvedScenario): string {
  const c = s.raft.nodes[0];
  const timers =
    c.timerMode === 'ticks'
      ? `tick ${formatUs(c.tickUs)}, election ${c.electionTimeoutMinUs / c.tickUs}–${c.electionTimeoutMaxUs / c.tickUs} ticks, heartbeat ${c.heartbeatMinUs / c.tickUs} tick(s)`
      : `election timeout ${formatUs(c.electionTimeoutMinUs)}–${formatUs(c.electionTimeoutMaxUs)}, heartbeat ${formatUs(c.heartbeatMinUs)}${c.heartbeatMaxUs !== c.heartbeatMinUs ? `–${formatUs(c.heartbeatMaxUs)}` : ''}`;
  const opts = [c.preVote ? 'PreVote' : 'no PreVote', c.checkQuorum ? `CheckQuorum (${formatUs(c.checkQuorumTimeoutUs)})` : 'no CheckQuorum'];
  if (c.timerSource === 'wall') opts.push('wall-clock timers');
  // Implementation rules changed from the profile's (docs/model.md).
  const rules = PROFILE_RULES[s.raft.profile];
  for (const k of Object.keys(rules) as (keyof typeof rules)[]) if (c[k] !== rules[k]) opts.push(`${k} ${String(c[k])}`);
  const impl = typeof s.raft.implementation === 'string' ? s.raft.implementation : s.raft.implementation.module;
  return `${s.nodes} nodes · ${s.raft.profile} profile: ${timers} · ${opts.join(', ')}${impl !== 'reference' ? ` · node: ${impl}` : ''}`;
}

export function formatRun(r: RunResult, s: ResolvedScenario, width = terminalColumns()): string {
  const m = r.metrics;
  const out: string[] = [];
  out.push(wrapWords(`${r.scenario} — ${r.trials} trials, seed ${r.seed}, horizon ${formatUs(s.horizonUs)}`, width, '  '));
  out.push(joinWrapped(describeConfig(s).split(' · '), ' · ', width, '  '));
  if (s.description) out.push('', wrapWords(s.description, proseColumns(width)));
  out.push('', durationTable(m, width), wrapWords('p99 95% CI: distribution-free interval from order statistics, censored trials counted ("—": too few observations to bound it).', proseColumns(width)), '');
  const alerts = Object.entries(m.alertsFiredPerTrial).map(([k, v]) => `≥${k}: ${num(v, 3)} per trial (${m.trialsWithAlert[k]} trials);`).join(' ').replace(/;$/, '');
  const facts: [string, string][] = [
    ['leader kept through the fault', m.leaderKeptFraction === null ? '—' : pct(m.leaderKeptFraction, 1)],
    ['elections per trial', num(m.electionsPerTrial, 2)],
    ['split votes per trial', num(m.splitVotesPerTrial, 2)],
    ['leader changes per trial', num(m.leaderChangesPerTrial, 2)],
    ['term inflation per trial', num(m.termInflationPerTrial, 2)],
    ['spurious elections per hour', rateCell(spuriousOf(m), m.spuriousElectionsPerHour)],
    ['write availability', pct(m.writeAvailability)],
    ['no-leader alerts', alerts],
    ['safety', m.safety === 'ok' ? 'ok (election safety, log matching, leader completeness, state-machine safety, durability)' : `VIOLATED in ${m.safetyViolations} trial(s)`],
  ];
  const w = Math.max(...facts.map((f) => f[0].length));
  for (const [k, v] of facts) out.push(labelled(k, w, v, width));
  out.push(...formatExpectations(r), ...formatViolations(r, width));
  return out.join('\n');
}

export function formatExpectations(r: ConfigResult): string[] {
  if (r.expectations.length === 0) return [];
  return ['', 'expectations:', ...r.expectations.map((e) => `  ${e.pass ? 'pass' : 'FAIL'}  ${e.metric} ${e.op} ${e.bound}  (measured ${e.actual ?? '—'})`)];
}

export function formatViolations(r: ConfigResult, width = terminalColumns()): string[] {
  if (r.violations.length === 0) return [];
  const shown = r.violations.slice(0, 5);
  const lines = ['', `SAFETY VIOLATION${r.violations.length > 1 ? 'S' : ''}:`];
  for (const v of shown) {
    lines.push(wrapWords(`trial ${v.trial}: ${v.invariant} at ${formatUs(v.timeUs)} (term ${v.term}, index ${v.index}, nodes ${v.nodes.join(',')}): ${v.detail}`, width, '    ', '  '));
    // A command stays on one line (to copy it whole); on a narrow terminal, on a line of its own.
    const one = `    replay: ${v.replay}`;
    lines.push(...(one.length <= width ? [one] : ['    replay:', `      ${v.replay}`]));
  }
  if (r.violations.length > shown.length) lines.push(`  … and ${r.violations.length - shown.length} more (see --json)`);
  return lines;
}

/** The sweep table as header and rows (the terminal table, and --csv). */
export function sweepRows(r: SweepResult): { header: string[]; rows: string[][] } {
  const keys = Object.keys(r.results[0]?.point ?? {});
  const short = shortKeys(keys);
  const rows = r.results.map((c) => {
    const m = c.metrics;
    const t = m.timeToLeaderMs;
    return [
      ...keys.map((k) => formatPointValue(c.point[k])),
      q(t.p50, t), q(t.p99, t), quantileCiCell(t, 'p99'), num(t.max), String(t.censored),
      num(m.splitVotesPerTrial, 2), num(m.spuriousElectionsPerHour, 2), rateCiCell(spuriousOf(m)), pct(m.writeAvailability, 1),
      verdictText(c),
    ];
  });
  const header = [...keys, 'ttl p50', 'ttl p99', 'p99 95% CI', 'ttl max', 'cens.', 'split/trial', 'spurious/h', '95% CI', 'avail.', 'verdict'];
  return { header, rows };
}

export function formatSweep(r: SweepResult, width = terminalColumns()): string {
  const keys = Object.keys(r.results[0]?.point ?? {});
  const short = shortKeys(keys);
  const { header: full, rows } = sweepRows(r);
  const k = keys.length;
  const header = [...short, ...full.slice(k)];
  const lines = [wrapWords(`${r.scenario} — sweep of ${r.results.length} configurations × ${r.trials} trials, seed ${r.seed}`, width, '  ')];
  if (r.interrupted) lines.push('(interrupted: only the configurations that finished are shown)');
  if (short.some((x, i) => x !== keys[i])) lines.push(joinWrapped(keys.map((key, i) => `${short[i]} = ${key}`), '; ', width, '  '));
  // Too wide for the terminal: leave out ttl max, then split votes, censored trials, availability,
  // the p50 (all in --json); the p99 and the two intervals stay.
  const fit = fitTable(header, rows, (c) => c >= k && c < header.length - 1, { width, dropFirst: [k + 3, k + 5, k + 4, k + 8, k + 0], clip: header.length - 1 });
  const legend = 'ttl = time to leader after the fault (ms); cens. = trials with no new leader by the horizon; 95% CI: p99 from order statistics ("—": too few observations), spurious elections per hour from the simulated exposure (exact Poisson).';
  lines.push('', fit.text, '', wrapWords(legend, proseColumns(width)));
  if (fit.dropped.length > 0) lines.push(wrapWords(`(${fit.dropped.join(', ')}: left out to fit ${width} columns; all in --json)`, proseColumns(width)));
  lines.push('', ...formatRecommendation(r.results).map((l) => wrapWords(l, proseColumns(width))));
  for (const c of r.results) {
    const v = [...formatExpectations(c).filter((l) => l.includes('FAIL')), ...formatViolations(c, width)];
    if (v.length) lines.push('', wrapWords(`${JSON.stringify(c.point)}:`, width, '  '), ...v);
  }
  return lines.join('\n');
}

/**
 * Swept keys by their shortest distinct ending ("raft.electionTimeout.min" and "…max" → "min",
 * "max"; with "raft.preVote" → "preVote"), so the columns stay narrow.
 */
export function shortKeys(keys: readonly string[]): string[] {
  const parts = keys.map((k) => k.split('.'));
  return parts.map((p, i) => {
    for (let n = 1; n <= p.length; n++) {
      const tail = p.slice(-n).join('.');
      if (parts.every((q, j) => j === i || q.slice(-n).join('.') !== tail)) return tail;
    }
    return keys[i];
  });
}

/** A swept value for a table cell: "300ms–600ms" for a {min, max} range, compact JSON otherwise. */
export function formatPointValue(v: unknown): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && 'min' in o && 'max' in o) return `${String(o.min)}–${String(o.max)}`;
    return JSON.stringify(v);
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

