// The `raftsim check` command definition (flags, help and examples) for main.ts.
import type { Argv, CommandModule } from 'yargs';
import type { CheckArgs } from './check.js';
import { DEFAULT_TOLERANCES } from './command-defaults.js';
import { examplesText } from './help.js';

function builder(y: Argv) {
  return y
    .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'Scenario files, folders (every *.json5 inside, _examples skipped) or built-in names' })
    .option('junit', { type: 'string', describe: 'Write JUnit XML here: one testcase per expectation and one per configuration for safety' })
    .option('trials', { type: 'number', describe: 'Trials per configuration (default: each scenario\'s)' })
    .option('seed', { type: 'string', describe: 'Seed for every scenario (default: each scenario\'s)' })
    .option('html', { type: 'string', describe: 'Write one HTML report per scenario into this folder (bare --html: reports/). Put a bare --html after the paths' })
    .option('workers', { type: 'number', describe: 'Worker threads (default: all cores when the run is big enough to pay for starting them, else this thread; 1 = serial). Results are identical either way' })
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'Override a key in every scenario: --set raft.preVote=true (repeatable)' })
    .option('baseline', { type: 'string', describe: 'Compare with the results saved in this file; a regression beyond the tolerances fails (exit 1)' })
    .option('update-baseline', { type: 'boolean', default: false, describe: 'Write the results to the --baseline file instead of comparing' })
    .option('tolerance-p99', { type: 'number', default: DEFAULT_TOLERANCES.p99SlowerPct, describe: 'Time to leader p99 may be this many % slower' })
    .option('tolerance-spurious', { type: 'number', default: DEFAULT_TOLERANCES.spuriousUpPct, describe: 'Spurious elections/hour may rise this many %…' })
    .option('tolerance-spurious-abs', { type: 'number', default: DEFAULT_TOLERANCES.spuriousUpAbs, describe: '…plus this many per hour' })
    .option('tolerance-availability', { type: 'number', default: DEFAULT_TOLERANCES.availabilityDownPts, describe: 'Write availability may drop this many percentage points' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the results as JSON' })
    .option('out', { type: 'string', describe: 'Also write the JSON result here; with --shard, the shard\'s trials (for raftsim merge)' })
    .option('shard', { type: 'string', describe: 'Run only shard I of N (I/N, from 0); its trials go to --out' })
    .option('resume', { type: 'string', describe: 'Continue from a partial file an interrupted check left (OUT.partial)' })
    .epilogue(
      examplesText([
        ['raftsim check scenarios/', 'every scenario in the folder; exit 1 if an expectation fails, 3 on a safety violation'],
        ['raftsim check scenarios/ --junit reports/raftsim.xml --trials 50', 'for CI: JUnit XML, fewer trials'],
        ['raftsim check scenarios/ --baseline ci/baseline.json --update-baseline', 'record a baseline (exit 0 even if an expectation fails; 3 on a safety violation)'],
        ['raftsim check scenarios/ --trials 50 --html=reports/ci', 'also an HTML report per scenario in reports/ci/'],
        ['raftsim check scenarios/ --baseline ci/baseline.json --tolerance-p99 20', 'fail on regressions beyond the tolerances'],
        ['raftsim check scenarios/ --shard 1/4 --out check-1.json', 'one job of a CI matrix; then: raftsim merge check-*.json --junit raftsim.xml'],
      ]),
    );
}

export const checkCommandModule: CommandModule = {
  command: 'check <paths..>',
  describe: 'CI checks: run scenarios, test their expectations and safety, write JUnit XML, compare with a baseline',
  builder,
  // Loaded on use, so that --help and the other commands start fast.
  handler: async (a) => (await import('./check.js')).checkCommand(a as unknown as CheckArgs),
};
