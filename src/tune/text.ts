// Shared words for tune's outputs (terminal, Markdown, HTML): the goals, why
// the search stopped, the evidence table's cells, and the caveat every reading needs.
import { quantileName } from './assess.js';
import type { ConfigEvidence, TuneResult } from './result.js';
import { fmt } from './result.js';

export function goalsText(r: TuneResult): string {
  const g = r.goals;
  const after = g.failover.after.map((f) => (f === 'crash' ? 'a leader crash' : 'a partial partition')).join(' and after ');
  return `${quantileName(g.failover.quantile)} time to a stable leader ≤ ${fmt(g.failover.withinMs)} ms after ${after}; ≤ ${g.spuriousElections.atMost} spurious election${g.spuriousElections.atMost === 1 ? '' : 's'} per cluster-${g.spuriousElections.per}; each shown at ${pct(g.confidence)} confidence`;
}

export function stopText(r: TuneResult): string {
  const lead = r.leading ? ` The leading configuration so far is ${r.leading.label}; it is not a recommendation.` : '';
  switch (r.stopReason) {
    case 'separated':
      return `Separated: every other configuration evaluated misses a goal or cannot be faster by more than the indifference (${fmt(r.goals.indifferenceMs)} ms), each at ${pct(r.goals.confidence)} confidence.`;
    case 'budget':
      return `NOT SEPARATED: the trial budget (${r.cost.budgetTrials.toLocaleString('en-US')}) ran out before the decision was.${lead} Raise --budget.`;
    case 'caps':
      return `NOT SEPARATED: the configurations still in contention reached their per-configuration trial caps (tune.search) without a decision.${lead}`;
    case 'wall-time':
      return `NOT SEPARATED: --max-time ran out before the decision (a wall-time limit makes where the search stops depend on the machine).${lead}`;
    case 'none-meets-goals':
      return 'No configuration in the grid meets the goals: widen tune.vary or relax the goals.';
  }
}

export const CAVEAT =
  'Each goal is checked on its own at the stated confidence (one-sided: quantiles from order statistics with censored trials counted, rates from exact Poisson bounds on the simulated exposure); ' +
  'the search looks repeatedly and at many configurations, and that is not corrected for jointly. The grid between evaluated points is assumed monotone (failover grows and spurious elections shrink with the timeout).';

/** "cost: 256 trials of a 300 budget in 1 round; 4 of 12 configurations evaluated (4 more queued but not run) …" (without the wall time). */
export function costText(r: TuneResult): string {
  const c = r.cost;
  const notRun = c.configurationsNotRun > 0 ? ` (${c.configurationsNotRun} more added but not run before the search stopped)` : '';
  return (
    `${c.trials.toLocaleString('en-US')} trials of a ${c.budgetTrials.toLocaleString('en-US')} budget in ${c.rounds} round${c.rounds === 1 ? '' : 's'}; ` +
    `${c.configurationsEvaluated} of ${c.gridConfigurations} configurations evaluated${notRun}; ` +
    `the full grid at the same per-configuration caps would take ${c.fullGridTrials.toLocaleString('en-US')} trials; ${fmt(c.simulatedHours)} simulated hours`
  );
}

/** What the runner-up is called: with no recommendation it is only the closest other candidate. */
export function runnerUpName(r: TuneResult): string {
  return r.recommendation ? 'runner-up' : 'closest candidate';
}

/** How the evidence table's bounds are meant (both the quantile's and the rate's). */
export function boundsNote(r: TuneResult): string {
  const c = r.goals.confidence;
  return `bounds: each is one-sided at the goal's confidence (${pct(c)}); together they form a two-sided interval at ${pct(1 - 2 * (1 - c))}; "—" = not bounded by the trials run, or no trials run`;
}

/** Whether a configuration ran any trial (the search may add neighbours the budget never reaches). */
export function ranTrials(c: ConfigEvidence): boolean {
  return c.trials.failover + c.trials.quiet > 0;
}

export function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

export function boundsText(ci: readonly [unknown, unknown]): string {
  const b = (x: unknown) => (x === null ? '—' : typeof x === 'number' ? fmt(x) : String(x));
  return `[${b(ci[0])}, ${b(ci[1])}]`;
}

export function evidenceRows(r: TuneResult): { header: string[]; rows: string[][] } {
  const q = quantileName(r.goals.failover.quantile);
  const fams = r.goals.failover.after;
  const header = ['configuration', 'state', ...fams.flatMap((f) => [`${q} ${f} (ms)`, 'bounds', 'trials']), `spurious / ${r.goals.spuriousElections.per}`, 'bounds', 'sim. hours', 'missed'];
  const rows = r.configurations.map((c) => {
    // A configuration added but never run has no evidence: "—", never a measured-looking 0.
    if (!ranTrials(c)) return [c.label, 'not run', ...fams.flatMap(() => ['—', '—', '0']), '—', '—', '0', '—'];
    const quiet = c.trials.quiet > 0;
    return [
      c.label,
      c.state,
      ...fams.flatMap((f) => {
        const x = c.failover.find((y) => y.family === f);
        return x && x.trials > 0 ? [x.estimateMs === null ? '> horizon' : fmt(x.estimateMs), boundsText(x.ciMs), x.trials.toLocaleString('en-US')] : ['—', '—', '0'];
      }),
      quiet ? fmt(c.spurious.rate) : '—',
      quiet ? boundsText([c.spurious.lower, c.spurious.upper]) : '—',
      fmt(c.spurious.hours),
      c.missed.join('; ') || (c.verdict === 'met' ? '—' : 'undecided'),
    ];
  });
  return { header, rows };
}
