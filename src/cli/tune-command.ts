// The `raftsim tune` command definition (flags, help and examples) for main.ts.
import type { Argv, CommandModule } from 'yargs';
import type { TuneArgs } from './tune.js';

function builder(y: Argv) {
  return y
    .positional('file', { type: 'string', demandOption: true, describe: 'A tune file: a scenario (cluster, network, disk, raft.profile…) with a `tune` block (docs/tune.md)' })
    .option('budget', { type: 'number', describe: 'Most trials to run in all (default: the file\'s tune.budget.trials, else 20000). Same seed + budget => the same answer' })
    .option('max-time', { type: 'string', describe: 'Also stop after this much wall time, e.g. "10min" (then the result depends on the machine; the output says so)' })
    .option('seed', { type: 'string', describe: 'Seed (default: the file\'s)' })
    .option('workers', { type: 'number', describe: 'Worker threads (default: all cores once a round is big enough to pay for starting them; 1 = serial). Results are identical either way' })
    .option('resume', { type: 'string', describe: 'Continue an interrupted tune from its partial file (OUT.partial, or reports/<name>-tune.partial.json): finished trials are not run again; the result is that of an uninterrupted run' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON (docs/tune.md)' })
    .option('markdown', { type: 'boolean', default: false, describe: 'Print a Markdown summary for a pull-request comment (it is also appended to $GITHUB_STEP_SUMMARY whenever that is set)' })
    .option('csv', { type: 'boolean', default: false, describe: 'Print the evidence table as CSV' })
    .option('out', { type: 'string', describe: 'Also write the JSON result to this file (atomically)' })
    .option('html', { type: 'string', describe: 'Write an HTML report with the frontier plot (bare --html: reports/<name>-tune.html; put it after the file)' })
    .example('$0 tune examples/tune/wan-5.tune.json5', 'recommend election timeout and heartbeat for a 5-node 3-zone WAN cluster')
    .example('$0 tune my.tune.json5 --budget 5000 --markdown', 'a smaller search, summarised for a PR comment')
    .example('$0 tune my.tune.json5 --json --out tune.json --html=tune.html', 'machine-readable result and the report')
    .example('$0 tune my.tune.json5 --out tune.json --resume tune.json.partial', 'finish a tune stopped by Ctrl-C or SIGTERM');
}

export const tuneCommandModule: CommandModule = {
  command: 'tune <file>',
  describe: 'Recommend election timeout / heartbeat / PreVote / CheckQuorum for goals at a stated confidence (adaptive search)',
  builder,
  handler: async (a) => (await import('./tune.js')).tuneCommand(a as unknown as TuneArgs),
};
