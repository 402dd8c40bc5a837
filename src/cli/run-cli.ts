// The raftsim command line as a function: runCli(argv, io) does what the `raftsim` binary does
// (main.ts) but writes to the given streams and returns the exit code. Exit codes: 0 ok, 1 an
// expectation failed, 2 bad input, 3 a safety violation.
import yargs from 'yargs';
import { examplesText } from './help.js';
// Commands are imported when used, so that `--help`, `list` and a bad flag start fast.
import { failureCode, EXIT } from './exit.js';
import { ExitNow, exitNow, io, setExitCode, withIo, type CliIo } from './io.js';
import { fuzzCommandModule } from './fuzz-command.js';
import { checkCommandModule } from './check-command.js';
import { tuneCommandModule } from './tune-command.js';
import { compareCommandModule } from './compare-command.js';
import { alertsCommandModule } from './alerts-command.js';
import { terminalColumns } from './width.js';
import { attachNegativeValues, explainFailure, helpPointer } from './usage.js';

const common = {
  set: { type: 'string', array: true, default: [] as string[], describe: 'Override a scenario key: --set raft.preVote=true (repeatable)' },
  seed: { type: 'string', describe: 'Seed (default: the scenario\'s)' },
  json: { type: 'boolean', default: false, describe: 'Print the machine-readable result (docs/json.md)' },
  csv: { type: 'boolean', default: false, describe: 'Print the table as CSV (run: the duration table; sweep: one row per configuration)' },
  workers: { type: 'number', describe: 'Worker threads (default: all cores when the run is big enough to pay for starting them, else this thread; 1 = serial). Output is identical either way' },
  out: { type: 'string', describe: 'Also write the JSON result to this file (atomically)' },
  timelines: { type: 'boolean', default: false, describe: 'Include the best, median and worst trials\' per-node timelines in the JSON (--json/--out)' },
  html: {
    type: 'string',
    describe: 'Write a self-contained HTML report (implies --timelines). Bare --html writes reports/<scenario>.html; give a path as --html=FILE. Put a bare --html after the scenario',
  },
} as const;

/** Scale-out and interruption: shared by run, sweep and check (docs/scale-out.md). */
export const scaleOut = {
  shard: { type: 'string', describe: 'Run only shard I of N (I/N, from 0) and write its trials to --out; combine shards with `raftsim merge`' },
  resume: { type: 'string', describe: 'Continue from a partial file (an interrupted run\'s OUT.partial, or a shard\'s): only missing trials run; output identical to an uninterrupted run' },
} as const;

async function parse(typed: readonly string[]): Promise<void> {
  const argv = attachNegativeValues([...typed]);
  await yargs(argv)
    .scriptName('raftsim')
    .usage('$0 <command> [options]\n\nDeterministic Raft cluster simulator: how long is your cluster without a leader?')
    .command(
      'run <scenario>',
      'Run a scenario\'s trials and summarise time to leader, leaderless time, elections and safety',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'A scenario file, or the name of a built-in (raftsim list)' })
          .options(common)
          .options(scaleOut)
          .option('trials', { type: 'number', describe: 'Number of trials (default: the scenario\'s)' })
          .option('trace', { type: 'string', describe: 'Write a JSON Lines trace of one trial (with --trial)' })
          .option('trial', { type: 'number', default: 0, describe: 'Which trial --trace records' })
          .epilogue(
            examplesText([
              ['raftsim run leader-crash', 'the built-in leader-crash scenario'],
              ['raftsim run leader-crash --trials 1000 --set raft.preVote=true', 'more trials, with PreVote'],
              ['raftsim run leader-crash --json > result.json', 'machine-readable output'],
              ['raftsim run leader-crash --trace trial7.jsonl --trial 7', 'also trace trial 7'],
              ['raftsim run leader-crash --html', 'also write reports/leader-crash.html'],
              ['raftsim run leader-crash --html=out/crash.html', 'the report somewhere else'],
            ]),
          ),
      async (a) => (await import('./run.js')).runCommand(a),
    )
    .command(
      'sweep <scenario>',
      'Run every configuration of the scenario\'s sweep grid; print configs × metrics',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'A scenario file with a `sweep` block, or a built-in name' })
          .options(common)
          .options(scaleOut)
          .option('trials', { type: 'number', describe: 'Trials per configuration (default: the scenario\'s)' })
          .epilogue(
            examplesText([
              ['raftsim sweep sweep-lan-5', 'the built-in 5-node LAN timeout sweep'],
              ['raftsim sweep sweep-lan-5 --shard 0/4 --out s0.json', 'one of four shards (a CI matrix job); then: raftsim merge s*.json'],
              ['raftsim sweep sweep-lan-5 --out s.json --resume s.json.partial', 'finish an interrupted sweep'],
              ['raftsim sweep my.json5 --trials 50 --json --out sweep.json', 'quick sweep saved as JSON'],
              ['raftsim sweep sweep-lan-5 --trials 20 --html', 'heatmaps, table and recommendation in reports/sweep-lan-5.html'],
            ]),
          ),
      async (a) => (await import('./run.js')).sweepCommand(a),
    )
    .command(
      'replay <scenario>',
      'Re-run one trial exactly: its summary, key events and a per-node timeline',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'The scenario file or built-in name the failure came from' })
          .option('seed', common.seed)
          .option('set', common.set)
          .option('trial', { type: 'number', demandOption: true, describe: 'Trial index to replay' })
          .option('trace', { type: 'string', describe: 'Write the trial\'s JSON Lines trace to this file' })
          .option('perfetto', { type: 'string', describe: 'Write the trial as Chrome trace-event JSON (opens in ui.perfetto.dev and chrome://tracing)' })
          .option('width', { type: 'number', describe: 'Timeline width in characters (default: what fits the terminal, at most 100)' })
          .option('json', common.json)
          .epilogue(
            examplesText([
              ['raftsim replay leader-crash --seed 1 --trial 7', 'the exact trial 7 of seed 1'],
              ['raftsim replay leader-crash --seed 1 --trial 7 --trace t7.jsonl', 'with a full trace'],
              ['raftsim replay leader-crash --trial 7 --perfetto t7.json', 'a trace for Perfetto UI'],
            ]),
          ),
      async (a) => (await import('./replay.js')).replayCommand(a),
    )
    .command(
      'report <results>',
      'Render saved results (run or sweep --json/--out) as a self-contained HTML report',
      (y) =>
        y
          .positional('results', { type: 'string', demandOption: true, describe: 'A JSON file written by `raftsim run|sweep --json` or `--out`' })
          .option('out', { alias: ['o', 'output'], type: 'string', describe: 'The HTML file to write (default: reports/<scenario>.html)' })
          .epilogue(
            examplesText([
              ['raftsim report crash.json --out crash.html', 'results saved by `run … --timelines --out crash.json`'],
              ['raftsim report sweep.json', 'writes reports/<scenario>.html'],
            ]),
          ),
      async (a) => (await import('./report.js')).reportCommand(a),
    )
    .command(tuneCommandModule)
    .command(compareCommandModule)
    .command(alertsCommandModule)
    .command(checkCommandModule)
    .command(
      'merge <files..>',
      'Combine the trial files of sharded runs (--shard I/N --out F) into the result one unsharded run prints, byte for byte',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'The shard files (all shards of one run, sweep or check)' })
          .option('json', common.json)
          .option('out', common.out)
          .option('html', { type: 'string', describe: 'Write the HTML report (merged check shards: one per scenario into this folder)' })
          .option('timelines', common.timelines)
          .option('junit', { type: 'string', describe: 'Merged check shards: write JUnit XML here' })
          .option('baseline', { type: 'string', describe: 'Merged check shards: compare with this baseline' })
          .option('update-baseline', { type: 'boolean', default: false, describe: 'Merged check shards: write the baseline instead' })
          .option('tolerance-p99', { type: 'number', describe: 'As for check' })
          .option('tolerance-spurious', { type: 'number', describe: 'As for check' })
          .option('tolerance-spurious-abs', { type: 'number', describe: 'As for check' })
          .option('tolerance-availability', { type: 'number', describe: 'As for check' })
          .epilogue(
            examplesText([
              ['raftsim merge shard-*.json --out sweep.json', 'the sweep\'s result, as if it had run in one go'],
              ['raftsim merge check-*.json --junit raftsim.xml', 'a sharded check, with its JUnit XML'],
            ]),
          ),
      async (a) => (await import('./merge.js')).mergeCommand(a as never),
    )
    .command(fuzzCommandModule)
    .command('list', 'List the built-in scenarios with what each one teaches', (y) => y.example('$0 list', ''), async () => (await import('./info.js')).listCommand())
    .command(
      'schema',
      'Print the scenario files\' JSON Schema (for editor completion)',
      (y) => y.option('out', { type: 'string', describe: 'Write to this file instead of stdout' }).example('$0 schema --out raftsim.schema.json', ''),
      async (a) => (await import('./info.js')).schemaCommand(a),
    )
    .demandCommand(1, 'Name a command: run, sweep, tune, compare, replay, alerts, check, merge, fuzz, report, list or schema (raftsim --help).')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, terminalColumns()))
    .fail((msg, err, usage) => {
      if (err) throw err;
      const known = Object.keys((usage as unknown as { getDescriptions(): Record<string, string> }).getDescriptions());
      io().stderr.write(`raftsim: ${explainFailure(msg, known, argv)}\n(see ${helpPointer(argv)})\n`);
      exitNow(EXIT.badInput);
    })
    // With a callback yargs prints nothing itself (help, version) and never exits the process:
    // its output is handed over here and written to this run's stdout, as console.log would.
    .parseAsync(argv, {}, (_err, _argv, output) => {
      if (output !== '') io().stdout.write(`${output}\n`);
    });
}

/** How a run ended: its exit code, and whether it ended at once (an error, bad input, an interrupt). */
export interface CliOutcome {
  readonly code: number;
  /** The binary exits without waiting for pending work (process.exit) when true. */
  readonly immediate: boolean;
}

/** runCli with the outcome in full, and whether this run owns the process's signals (only the binary's does). */
export async function runCliOutcome(argv: readonly string[], cli: CliIo, signals: boolean): Promise<CliOutcome> {
  let immediate = false;
  const code = await withIo({ ...cli, argv, signals }, async () => {
    try {
      await parse(argv);
    } catch (err) {
      immediate = true;
      setExitCode(err instanceof ExitNow ? err.code : failureCode(err));
    }
  });
  return { code, immediate };
}

/**
 * Runs the raftsim command line in this process: `argv` as typed after `raftsim`, output to
 * `cli.stdout`/`cli.stderr`, `cli.env` for the environment raftsim reads ($COLUMNS,
 * $GITHUB_STEP_SUMMARY, $RAFTSIM_CHECKPOINT_MS). Returns the exit code the binary would exit with;
 * never exits the process and installs no signal handlers. Relative paths are relative to
 * process.cwd(), as for the binary.
 */
export async function runCli(argv: readonly string[], cli: CliIo): Promise<number> {
  return (await runCliOutcome(argv, cli, false)).code;
}
