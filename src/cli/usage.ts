// Command-line usage errors: a short message, a "did you mean" for a misspelt
// flag, and a pointer to the help of the subcommand the user typed. Also the
// argv fix-up that lets a flag take a negative value ("--window -1s").
import { clipLines, clipText } from '../scenario/clip.js';
import { nearest } from '../scenario/suggest.js';
import { commandArgs } from './io.js';

export const COMMANDS = ['run', 'sweep', 'replay', 'check', 'merge', 'alerts', 'tune', 'compare', 'fuzz', 'report', 'list', 'schema'] as const;

/** Each command's positional arguments, as its usage line shows them. */
const POSITIONALS: Readonly<Record<string, string>> = {
  run: '<scenario>', sweep: '<scenario>', replay: '<scenario>', fuzz: '<scenario>', report: '<results>', check: '<paths..>',
  merge: '<files..>', alerts: '[rules.yml] <scenario>', tune: '<file>', compare: '<a.json> [b.json]',
};

/** Flags that take a value: a bare one just before the positional swallows it. */
const VALUE_FLAGS = ['--html', '--out', '--trace', '--junit', '--baseline', '--perfetto', '--resume', '--shard', '--seed'];

/** The subcommand named on the command line (the first word that is one), if any. */
export function commandOf(argv: readonly string[]): string | undefined {
  for (const a of argv) {
    if (a === '--') return undefined;
    if (a.startsWith('-')) continue;
    return (COMMANDS as readonly string[]).includes(a) ? a : undefined;
  }
  return undefined;
}

/**
 * What the user typed for a numeric flag yargs could not read (it makes "abc" NaN):
 * "--trials abc" or "--trials=abc" → "abc"; the parsed value when it is not there.
 */
export function typedValue(flag: string, parsed: unknown, argv: readonly string[] = commandArgs()): string {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag && i + 1 < argv.length) return JSON.stringify(clipText(argv[i + 1], 60));
    if (argv[i].startsWith(`${flag}=`)) return JSON.stringify(clipText(argv[i].slice(flag.length + 1), 60));
  }
  return String(parsed);
}

/** "raftsim run --help" for a run command line, "raftsim --help" without one. */
export function helpPointer(argv: readonly string[]): string {
  const c = commandOf(argv);
  return c === undefined ? 'raftsim --help' : `raftsim ${c} --help`;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * yargs's failure message made plain: an unknown flag gets "did you mean --trials?" from the
 * flags the command knows, an unknown word a command suggestion, a missing positional the
 * command's usage; every name is clipped, so a huge argument stays short.
 */
export function explainFailure(msg: string, known: readonly string[], argv: readonly string[]): string {
  const cmd = commandOf(argv);
  if (/^Not enough non-option arguments/.test(msg) && cmd !== undefined && POSITIONALS[cmd] !== undefined) {
    // "run --html leader-crash": --html took the scenario as its value.
    const i = argv.findIndex((a, k) => k > 0 && VALUE_FLAGS.includes(argv[k - 1]) && !a.startsWith('-'));
    const swallowed = i > 0 ? ` (${argv[i - 1]} took ${JSON.stringify(clipText(argv[i], 60))} as its value: write ${argv[i - 1]}=FILE, or put a bare ${argv[i - 1]} after the ${POSITIONALS[cmd].replace(/[<>[\].]/g, '')})` : '';
    return `missing argument: raftsim ${cmd} ${POSITIONALS[cmd]}${swallowed}`;
  }
  const typo = /^Did you mean (\S+)\?$/.exec(msg); // yargs's recommendCommands
  if (typo !== null) {
    const word = argv.find((a) => !a.startsWith('-')) ?? '';
    return `unknown command ${JSON.stringify(clipText(word, 60))} (did you mean ${typo[1]}?)`;
  }
  const m = /^Unknown arguments?: (.*)$/s.exec(msg);
  if (m === null) return clipLines(msg);
  const flags = known.map(kebab);
  const names = [...new Set(m[1].split(', ').map(kebab))];
  const parts = names.slice(0, 5).map((name) => {
    const typedAsWord = argv.includes(name) && !argv.includes(`--${name}`) && !argv.includes(`-${name}`);
    if (typedAsWord) {
      const near = cmd === undefined ? nearest(name, COMMANDS) : undefined;
      const what = cmd === undefined ? 'command' : 'argument';
      return `unknown ${what} ${JSON.stringify(clipText(name, 60))}${near ? ` (did you mean ${near}?)` : ''}`;
    }
    const shown = clipText(name.length === 1 ? `-${name}` : `--${name}`, 60);
    const near = name.length > 200 ? undefined : nearest(name, flags.filter((f) => f.length > 1));
    return `unknown option ${shown}${near === undefined ? '' : ` (did you mean --${near}?)`}`;
  });
  if (names.length > 5) parts.push(`… (${names.length} in all)`);
  return parts.join('; ');
}

/**
 * yargs reads "-1s" after a flag as the short options -1 and -s. A token that starts
 * with "-" and a digit (or "-.5") is always a negative value here (no flag is named with
 * a digit), so it is attached to the long flag before it: ["--window", "-1s"] → ["--window=-1s"].
 */
export function attachNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (/^--[A-Za-z][\w-]*$/.test(a) && next !== undefined && /^-\.?[0-9]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}
