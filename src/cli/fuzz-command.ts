// The `raftsim fuzz` command definition (flags, help and examples) for main.ts.
import type { Argv, CommandModule } from 'yargs';
import type { FuzzArgs } from './fuzz.js';
import { FUZZ_DEFAULTS } from './command-defaults.js';
import { examplesText } from './help.js';

function builder(y: Argv) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'A scenario file or built-in name: its cluster, timers, network and workload (its own faults are replaced)' })
    .option('budget', { type: 'string', default: FUZZ_DEFAULTS.budget, describe: 'Runs (500) or time (60s, 5min) to search; shrinking a failure is extra' })
    .option('implementation', { type: 'string', describe: 'Node to fuzz: reference, a bug-zoo variant, or a JS module exporting createNode (default: the scenario\'s)' })
    .option('fuzz-seed', { type: 'number', describe: 'fast-check\'s seed (default: random, printed). Not the scenario\'s seed, which is --set seed=…' })
    .option('seed', { type: 'number', hidden: true, describe: 'Deprecated name of --fuzz-seed' })
    .option('path', { type: 'string', describe: 'fast-check path printed with a failure: with --fuzz-seed, goes straight to it' })
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'Override a scenario key: --set network.loss=0.01 (repeatable)' })
    .option('out', { type: 'string', describe: 'Where to write a failing schedule as a scenario (default reports/fuzz-<scenario>-<implementation>.json5)' })
    .option('max-faults', { type: 'number', default: FUZZ_DEFAULTS.maxFaults, describe: 'Most faults per random schedule' })
    .option('window', { type: 'string', default: FUZZ_DEFAULTS.window, describe: 'Random faults start within this time' })
    .option('min-duration', { type: 'string', default: FUZZ_DEFAULTS.minDuration, describe: 'Shortest fault' })
    .option('max-duration', { type: 'string', default: FUZZ_DEFAULTS.maxDuration, describe: 'Longest fault' })
    .option('kinds', { type: 'string', describe: 'Comma-separated fault kinds to draw from (default: every kind that loses no acknowledged write)' })
    .option('churn', { type: 'number', default: FUZZ_DEFAULTS.churn, describe: 'Share of runs (0..1) whose schedule is leader churn: crash/isolate/pause whoever leads, repeatedly' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the outcome as JSON' })
    .epilogue(
      examplesText([
        ['raftsim fuzz leader-crash --budget 500', 'the reference node: 500 random fault schedules'],
        ['raftsim fuzz leader-crash --implementation vote-not-persisted --budget 60s', 'hunt a bug-zoo variant for up to a minute'],
        ['raftsim fuzz my.json5 --implementation ./my-raft.js --kinds crash,partition', 'your own node, crashes and partitions only'],
        ['raftsim fuzz leader-crash --fuzz-seed 7 --path 9:0:1', 'go straight back to a printed counterexample'],
      ]),
    );
}

export const fuzzCommandModule: CommandModule = {
  command: 'fuzz <scenario>',
  describe: 'Search fault schedules that break safety or liveness; write the shrunk one as a scenario file',
  builder,
  // Loaded on use, so that --help and the other commands start fast.
  handler: async (a) => (await import('./fuzz.js')).fuzzCommand(a as unknown as FuzzArgs),
};
