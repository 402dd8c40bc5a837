// The `raftsim compare` command definition for main.ts.
import type { Argv, CommandModule } from 'yargs';
import type { CompareArgs } from './compare.js';

function builder(y: Argv) {
  return y
    .positional('a', { type: 'string', demandOption: true, describe: 'A saved result (run or sweep --json/--out)' })
    .positional('b', { type: 'string', describe: 'Another saved result; omit it to compare two configurations of one sweep (--configs)' })
    .option('configs', { type: 'string', describe: 'With one sweep file: which two configurations, by number as the sweep lists them, e.g. "3,7"' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the comparison as JSON' })
    .option('csv', { type: 'boolean', default: false, describe: 'Print the comparison table as CSV' })
    .option('html', { type: 'string', describe: 'Write an HTML page of the comparison here' })
    .example('$0 compare before.json after.json', 'two saved runs, metric by metric, with significance')
    .example('$0 compare sweep.json --configs 3,7', 'two configurations of one sweep');
}

export const compareCommandModule: CommandModule = {
  command: 'compare <a> [b]',
  describe: 'Compare two results metric by metric: difference and whether it is significant (log-rank for censored durations, exact test for rates)',
  builder,
  handler: async (a) => (await import('./compare.js')).compareCommand(a as unknown as CompareArgs),
};
