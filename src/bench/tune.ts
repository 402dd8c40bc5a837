// npm run bench:tune [-- FILE [--budget N] [--workers N]] — how long `raftsim tune`
// takes on the documented example (examples/tune/wan-5.tune.json5, docs/tune.md):
// wall time, trials spent against the full grid it replaces, simulated hours and
// the recommendation. A benchmark row, not a test: the search is deterministic
// for its seed and budget, the wall time is this machine's.
import { loadTuneFile } from '../tune/load.js';
import { search } from '../tune/search.js';
import { simEvaluator } from '../tune/evaluate-sim.js';
import { tuneResult } from '../tune/result.js';
import { defaultWorkers } from '../run/execute.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const budget = flag('--budget');
  const workers = Number(flag('--workers') ?? defaultWorkers());
  const file = args[0] ?? 'examples/tune/wan-5.tune.json5';
  const spec = loadTuneFile(file, { budgetTrials: budget === undefined ? undefined : Number(budget) });
  const started = performance.now();
  const out = await search({ grid: spec.grid, axes: spec.axes, families: spec.families, goals: spec.goals }, simEvaluator(spec, { workers }), {
    budgetTrials: spec.budgetTrials,
    ...spec.search,
    onRound: (r) => process.stderr.write(`round ${r.round}: ${r.trials} trials, ${r.configurations} configurations, ${r.open} open\n`),
  });
  const seconds = (performance.now() - started) / 1000;
  const r = tuneResult(spec, out, false);
  const c = r.cost;
  process.stdout.write(
    [
      '| tune file | grid | evaluated | trials spent | full grid (same caps) | simulated hours | rounds | wall time | workers | result |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      `| ${file} | ${c.gridConfigurations} | ${c.configurationsEvaluated} | ${c.trials.toLocaleString('en-US')} | ${c.fullGridTrials.toLocaleString('en-US')} | ${Math.round(c.simulatedHours).toLocaleString('en-US')} | ${c.rounds} | ${seconds.toFixed(0)} s | ${workers} | ${r.recommendation ? r.recommendation.label : `${r.status} (${r.stopReason})`} |`,
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
