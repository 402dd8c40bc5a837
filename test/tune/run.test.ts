// tune end to end in this process, on a small LAN problem (fixtures/lan-3.tune.json5):
// the simulator evaluator, the result and its outputs.
import { describe, expect, it } from 'vitest';
import { loadTuneFile } from '../../src/tune/load.js';
import { search } from '../../src/tune/search.js';
import { simEvaluator } from '../../src/tune/evaluate-sim.js';
import { tuneResult } from '../../src/tune/result.js';
import { formatTune, csvOf } from '../../src/cli/tune-format.js';
import { markdownOf } from '../../src/cli/tune-markdown.js';
import { frontierChart } from '../../src/report/tune-frontier.js';

const FIXTURE = new URL('./fixtures/lan-3.tune.json5', import.meta.url).pathname;

async function tune(budget?: number) {
  const spec = loadTuneFile(FIXTURE, { budgetTrials: budget });
  const out = await search({ grid: spec.grid, axes: spec.axes, families: spec.families, goals: spec.goals }, simEvaluator(spec, { workers: 1 }), { budgetTrials: spec.budgetTrials, ...spec.search });
  return tuneResult(spec, out, false);
}

describe('tune on a 3-node LAN', () => {
  it('recommends the shortest timeout that meets both goals, with its evidence, snippets and costs', async () => {
    const r = await tune();
    expect(r.status).toBe('recommended');
    expect(r.recommendation!.knobs.electionTimeoutUs).toBe(30_000);
    const rec = r.configurations.find((c) => c.state === 'recommended')!;
    expect(rec.failover[0].verdict).toBe('met');
    expect(rec.spurious.verdict).toBe('met');
    // The 1 s timeout cannot fail over within 1 s at p99.
    expect(r.configurations.find((c) => c.knobs.electionTimeoutUs === 1_000_000)!.state).toBe('missed');
    expect(r.recommendation!.snippets.scenario).toMatch(/kind: "crash"/);
    expect(r.cost.trials).toBeLessThanOrEqual(r.cost.budgetTrials);
    expect(r.cost.trials).toBeLessThan(r.cost.fullGridTrials);
    expect(formatTune(r, null)).toMatch(/RECOMMENDED: ET=30ms/);
    // At 80 columns only the configuration snippet (copied whole) is wider; the evidence keeps every
    // number, one block per configuration; at 140 it is a table with every column.
    const narrow = formatTune(r, null, 80);
    expect(narrow.split('\n').filter((l) => l.length > 80 && !/^ {2}raft: \{/.test(l))).toEqual([]);
    expect(narrow).toMatch(/ET=30ms HT=10ms no-PreVote no-CheckQuorum — recommended\n +p99 crash \(ms\): 130; bounds: \[\d+, \d+\]; trials: 240;/);
    expect(formatTune(r, null, 140)).toMatch(/ET=30ms HT=10ms no-PreVote no-CheckQuorum +recommended +130 +\[\d+, \d+\] +240 +0 +\[0, \d+\] +0\.\d+\n/);
    expect(narrow).toMatch(/missed: ET=1s HT=10ms no-PreVote no-CheckQuorum — after a leader crash/);
    expect(markdownOf(r, null)).toMatch(/\*\*Recommended: `ET=30ms/);
    expect(csvOf(r).split('\n')[0]).toMatch(/^id,electionTimeoutMs,/);
    // The failover goal's label sits above the plot (negative y in the plot's frame), where no interval line is drawn.
    expect(frontierChart(r).toString()).toMatch(/<text data-label="failover-goal" x="[\d.]+" y="-8"/);
    expect(r.deterministic).toBe(true);
  });

  it('a budget too small to decide says "not separated" and recommends nothing', async () => {
    const r = await tune(100);
    expect(r.status).toBe('not-separated');
    expect(r.stopReason).toBe('budget');
    expect(r.recommendation).toBeNull();
    const text = formatTune(r, null);
    expect(text).toMatch(/NOT SEPARATED: the trial budget \(100\)/);
    // Without a recommendation there is no "runner-up", only the closest candidate.
    expect(text).not.toMatch(/runner-up:/);
    // Configurations added but never run are neither counted as evaluated nor shown with a measured-looking 0.
    const ran = r.configurations.filter((c) => c.trials.failover + c.trials.quiet > 0).length;
    expect(r.cost.configurationsEvaluated).toBe(ran);
    expect(r.cost.configurationsNotRun).toBe(r.configurations.length - ran);
    const flat = text.replace(/\s*\n\s*/g, ' '); // prose is wrapped to the terminal
    expect(flat).toContain(`${ran} of ${r.cost.gridConfigurations} configurations evaluated`);
    expect(flat).toMatch(new RegExp(`in ${r.cost.rounds} round${r.cost.rounds === 1 ? '' : 's'};`));
    for (const line of text.split('\n').filter((l) => / not run /.test(l))) expect(line).not.toMatch(/\[0, —\]|\s0\s+\[/);
    expect(flat).toMatch(/each is one-sided at the goal's confidence \(90%\); together they form a two-sided interval at 80%/);
    // Missed-goal text uses the table's number format.
    for (const m of text.matchAll(/≥ ([\d.,]+) ms/g)) expect(m[1]).not.toMatch(/^\d{4,}|\.\d/);
  });
});
