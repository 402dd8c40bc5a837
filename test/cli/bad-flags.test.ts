// Bad command lines: unknown commands and flags, out-of-range numbers, missing
// files, directories, nonsense --set. Exit 2, a short message, no stack trace,
// nothing on stdout. In-process (runCli); the cases marked `binary` run the real
// binary, whose exit code and stderr must be the same.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputProblems, cli, ensureBuilt, removeDir, show, tempDir } from './cli.js';

const RUNS = Number(process.env.RAFTSIM_CLI_FUZZ_RUNS ?? 5);
const SEED = Number(process.env.RAFTSIM_CLI_FUZZ_SEED ?? 20_240_607);
const opts = () => ({ numRuns: RUNS, seed: SEED, endOnFailure: true });

let dir: string;
let topKeys: string[];
beforeAll(async () => {
  ensureBuilt();
  dir = tempDir('bad-flags');
  topKeys = Object.keys(JSON.parse((await cli(['schema'])).stdout).properties);
});
afterAll(() => removeDir(dir));

async function expectBadInput(args: string[], extra: { stderr?: RegExp; setAt?: boolean; binary?: boolean } = {}): Promise<void> {
  const r = await cli(args, { spawn: extra.binary });
  const problems = badInputProblems(r);
  if (extra.stderr && !extra.stderr.test(r.stderr)) problems.push(`stderr does not match ${extra.stderr}`);
  // --set problems are located like a file: "--set:1:<column>: key: message", with the text and a caret.
  if (extra.setAt && !/^--set:1:\d+: /m.test(r.stderr)) problems.push('stderr has no --set:1:<column> location');
  expect(problems, show(r)).toEqual([]);
}

describe.concurrent('bad flags and arguments: exit 2, one short message, no stack trace', () => {
  const cases: [string, string[], RegExp?, 'binary'?][] = [
    ['no command', [], /Name a command/],
    ['unknown command', ['frobnicate'], /frobnicate/],
    ['unknown flag', ['run', 'leader-crash', '--frobnicate'], /frobnicate/, 'binary'],
    ['misspelt flag: did you mean, and the subcommand\'s help', ['run', 'leader-crash', '--trails', '5'], /did you mean --trials\?\)\n\(see raftsim run --help\)/],
    ['a negative duration flag is read as a value', ['fuzz', 'leader-crash', '--window', '-1s'], /^raftsim: --window: must not be negative, got -1s/],
    ['a duration with a space', ['run', 'leader-crash', '--set', 'horizon="5 ms"'], /has a space in it; write "5ms"/],
    ['run without a scenario', ['run'], /argument|scenario/],
    ['replay without --trial', ['replay', 'leader-crash'], /trial/],
    ['--trials -3', ['run', 'leader-crash', '--trials', '-3'], /^raftsim: --trials must be a whole number of trials >= 1, got -3/],
    // The message names the flag typed, not a --set the user never wrote.
    ['--trials abc', ['run', 'leader-crash', '--trials', 'abc'], /^raftsim: --trials must be a whole number/],
    ['--trials 1e9', ['sweep', 'sweep-lan-5', '--trials', '1e9'], /at most 100000/],
    ['empty --seed', ['run', 'leader-crash', '--seed', ''], /seed/],
    ['replay --trial -1', ['replay', 'leader-crash', '--trial', '-1'], /--trial/],
    ['run --trace with --trial = trials', ['run', 'leader-crash', '--trials', '5', '--trace', '@DIR@/never-written.jsonl', '--trial', '5'], /--trial must be an integer in \[0, 4\]/],
    ['missing file', ['run', 'no/such/dir/scenario.json5'], /scenario\.json5: no such file/, 'binary'],
    ['unknown built-in, near a real one', ['run', 'leader-crsh'], /Did you mean "leader-crash"\?/],
    ['sweep without a sweep block', ['sweep', 'leader-crash'], /no `sweep` block/],
    ['replay of a missing file', ['replay', 'missing.json5', '--trial', '0'], /missing\.json5/],
  ];
  for (const [name, args, stderr, binary] of cases) {
    it(`${name}${binary ? ' (the binary)' : ''}`, async () => {
      await expectBadInput(args.map((a) => a.replace('@DIR@', dir)), { stderr, binary: binary === 'binary' });
      expect(existsSync(join(dir, 'never-written.jsonl'))).toBe(false);
    });
  }

  it('a directory instead of a scenario file', async () => {
    const d = join(dir, 'a-directory.json5');
    mkdirSync(d, { recursive: true });
    await expectBadInput(['run', d], { stderr: /a-directory\.json5/ });
    await expectBadInput(['replay', dir, '--trial', '0']);
  });

  const setCases: [string, RegExp][] = [
    ['nonsense', /expected key=value/],
    ['=3', /expected key=value/],
    ['raft.prevote=true', /Did you mean "raft\.preVote"\?/],
    ['raft.preVote=maybe', /raft\.preVote: expected true or false/],
    ['__proto__.polluted=1', /reserved/],
    ['constructor.prototype.x=1', /./],
    ['cluster.nodes=1e400', /cluster\.nodes/],
    ['raft.implementation=not-a-bug', /raft\.implementation/],
  ];
  for (const [set, stderr] of setCases) {
    it(`--set ${set}`, async () => expectBadInput(['run', 'leader-crash', '--trials', '2', '--set', set], { stderr, setAt: true }));
  }

  it('more than 100 --set overrides', async () => {
    const args = ['run', 'leader-crash', '--trials', '2'];
    for (let i = 0; i < 101; i++) args.push('--set', 'raft.preVote=true');
    await expectBadInput(args, { stderr: /over the cap/ });
  });
});

describe.concurrent('bad flags (fast-check)', () => {
  it('--trials that is not a whole number in [1, 100000]', async () => {
    const bad = fc.oneof(
      fc.integer({ min: -1_000_000, max: 0 }).map(String),
      fc.integer({ min: 100_001, max: 2 ** 40 }).map(String),
      fc.double({ min: 0.01, max: 1000, noNaN: true }).filter((x) => !Number.isInteger(x)).map(String),
      fc.stringMatching(/^[g-z]{1,8}$/),
      fc.constantFrom('Infinity', '-Infinity', 'NaN', '1e400', ''),
    );
    await fc.assert(
      fc.asyncProperty(bad, fc.constantFrom('run', 'sweep'), async (v, cmd) => {
        const r = await cli([cmd, cmd === 'run' ? 'leader-crash' : 'sweep-lan-5', `--trials=${v}`]);
        const problems = badInputProblems(r);
        if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${show(r)}`);
      }),
      opts(),
    );
  });

  it('run --trace with --trial outside [0, trials)', async () => {
    const c = fc.record({ trials: fc.integer({ min: 1, max: 8 }), over: fc.integer({ min: 0, max: 1_000_000 }), negative: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(c, async ({ trials, over, negative }) => {
        const trial = negative ? -1 - over : trials + over;
        const trace = join(dir, `t-${trials}-${trial}.jsonl`);
        const r = await cli(['run', 'leader-crash', '--trials', String(trials), '--trace', trace, `--trial=${trial}`]);
        const problems = badInputProblems(r);
        if (!r.stderr.includes(`[0, ${trials - 1}]`)) problems.push(`stderr does not give the range [0, ${trials - 1}]`);
        if (existsSync(trace)) problems.push('a trace was written anyway');
        if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${show(r)}`);
      }),
      opts(),
    );
  });

  it('--set with nonsense keys or values', async () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    const unknownKey = fc
      .tuple(word, fc.array(word, { maxLength: 2 }), fc.oneof(word, fc.integer().map(String)))
      .filter(([head]) => !topKeys.includes(head))
      .map(([head, rest, v]) => [head, ...rest].join('.') + '=' + v);
    const badValue = fc
      .tuple(fc.constantFrom('raft.preVote', 'raft.checkQuorum', 'cluster.nodes', 'horizon', 'raft.profile', 'network.loss', 'raft.heartbeatInterval'), word)
      .filter(([k, v]) => !(['true', 'false', 'paper', 'etcd'].includes(v) && k.startsWith('raft.')) && v !== 'null')
      .map(([k, v]) => `${k}=${v}`);
    const noEquals = word.map((w) => w);
    await fc.assert(
      fc.asyncProperty(fc.oneof(unknownKey, badValue, noEquals), async (set) => {
        const r = await cli(['run', 'leader-crash', '--trials', '2', '--set', set]);
        const problems = badInputProblems(r);
        if (!/^--set:1:\d+: /m.test(r.stderr)) problems.push('stderr has no --set:1:<column> location');
        if (!r.stderr.includes(set.length > 150 ? set.slice(0, 100) : set)) problems.push('stderr does not quote the override');
        if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${show(r)}`);
      }),
      opts(),
    );
  });
});

describe.concurrent('bugs found in flag handling, fixed (each test failed before its fix)', () => {
  // Bug: `--workers abc` (NaN) makes src/run/execute.ts run no batch at all
  // (Math.max(1, NaN) is NaN; Array.from({ length: NaN }) has no lanes), so every result is
  // missing and src/cli/run.ts reports "interrupted before all trials finished; nothing to
  // summarise" with exit 130. Expected: exit 2 with a message about --workers.
  //   node dist/cli/main.js run leader-crash --trials 2 --workers abc     → exit 130
  it('--workers abc is bad input (exit 2), not an interruption (exit 130)', async () => {
    await expectBadInput(['run', 'leader-crash', '--trials', '2', '--workers', 'abc'], { stderr: /--workers must be a whole number from 1 to 256, got "abc"/ });
  });

  // Bug: src/cli/replay.ts passes --width straight to renderTimeline (src/cli/timeline.ts), where
  // `new Array(width)` throws RangeError for a negative or NaN width: an "internal error" with a stack
  // trace and exit 70.
  //   node dist/cli/main.js replay leader-crash --trial 1 --width -5      → exit 70, stack trace
  //   node dist/cli/main.js replay leader-crash --trial 1 --width abc     → exit 70, stack trace
  it('replay --width -5 is bad input, without a stack trace', async () => {
    await expectBadInput(['replay', 'leader-crash', '--trial', '1', '--width', '-5'], { stderr: /width/ });
  });
  it('replay --width abc is bad input, without a stack trace', async () => {
    await expectBadInput(['replay', 'leader-crash', '--trial', '1', '--width', 'abc'], { stderr: /width/ });
  });

  // Bug (fixed): an enormous --width was not capped: `replay --width 1e9` tried to draw a
  // billion-character timeline and never finished. Now bad input, at once.
  it('replay --width 1e9 is bad input', async () => {
    await expectBadInput(['replay', 'leader-crash', '--trial', '1', '--width', '1e9'], { stderr: /width/ });
  });

  // Bug (inconsistency): `run --trace f --trial 5 --trials 5` rejects the trial ("--trial must be an
  // integer in [0, 4]", exit 2), but `replay` never checks --trial against the scenario's trials:
  //   node dist/cli/main.js replay leader-crash --trial 200          → exit 0 (leader-crash has 200 trials)
  //   node dist/cli/main.js replay leader-crash --trial 1e20         → exit 0, "trial 100000000000000000000"
  // Expected: exit 2, "--trial must be an integer in [0, 199]", as for run --trace.
  it('replay --trial equal to the scenario\'s trial count is out of range (exit 2)', async () => {
    await expectBadInput(['replay', 'leader-crash', '--trial', '200'], { stderr: /\[0, 199\]/ });
  });

  // Bug: a directory given as the scenario is reported as "no such file" (with the list of built-ins):
  // src/scenario/load.ts loadScenario() treats a path that is not a regular file as a built-in name,
  // so readScenarioText's "is a directory, not a file" message is never reached.
  //   mkdir /tmp/d.json5 && node dist/cli/main.js run /tmp/d.json5   → "/tmp/d.json5: no such file; built-ins: …"
  it('a directory given as the scenario is reported as a directory, not as a missing file', async () => {
    const d = join(dir, 'dir-scenario.json5');
    mkdirSync(d, { recursive: true });
    await expectBadInput(['run', d], { stderr: /is a directory/ });
  });

  // Bug: `--out` or `--trace` naming an existing directory fails (exit 2, "EISDIR … rename
  // '<dir>.<pid>.tmp' -> '<dir>'") but leaves the temporary file '<dir>.<pid>.tmp' behind, beside the
  // directory (src/cli/files.ts writeFileAtomic and src/cli/trace-file.ts JsonLinesFile.close rename
  // without removing the temporary file on failure).
  //   mkdir /tmp/o && node dist/cli/main.js run leader-crash --trials 2 --out /tmp/o     → leaves /tmp/o.<pid>.tmp
  //   node dist/cli/main.js replay leader-crash --trial 1 --trace /tmp/o                 → leaves /tmp/o.<pid>.tmp
  it('--out or --trace naming a directory is bad input', async () => {
    const parent = join(dir, 'out-parent');
    mkdirSync(join(parent, 'target'), { recursive: true });
    await expectBadInput(['run', 'leader-crash', '--trials', '2', '--out', join(parent, 'target')]);
    await expectBadInput(['replay', 'leader-crash', '--trial', '1', '--trace', join(parent, 'target')]);
  });
  it('a failed --out or --trace leaves no temporary file behind', async () => {
    const parent = join(dir, 'tmp-parent');
    mkdirSync(join(parent, 'target'), { recursive: true });
    await cli(['run', 'leader-crash', '--trials', '2', '--out', join(parent, 'target')]);
    await cli(['replay', 'leader-crash', '--trial', '1', '--trace', join(parent, 'target')]);
    expect(readdirSync(parent)).toEqual(['target']);
  });
});
