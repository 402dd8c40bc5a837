// `raftsim fuzz <scenario>`: search for fault schedules that break safety or
// liveness; write the shrunk counterexample as a scenario file that
// `raftsim run` and `raftsim replay --trial 0` reproduce (docs/fuzz.md).
import { relative, resolve } from 'node:path';
import { caseScenario, fuzz, fuzzBase, evaluateCase, type FuzzFailure, type FuzzReport } from '../fuzz/fuzz.js';
import { ScenarioError } from '../scenario/errors.js';
import { faultData, fuzzSource } from '../fuzz/fuzz-scenario.js';
import { printJson5 } from '../scenario/json5-print.js';
import type { FuzzBase } from '../fuzz/fuzz-scenario.js';
import { nodeFactoryFor } from '../run/implementation.js';
import { loadScenario, resolveScenarioPath } from '../scenario/load.js';
import { shellQuote } from '../run/replay-command.js';
import { RAFTSIM_VERSION } from '../version.js';
import { EXIT, UsageError } from './exit.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { formatFailure, formatPass, formatSetup, outcomeLine } from './format-fuzz.js';
import { churnFrom, defaultOutFile, fcSeedFrom, fuzzSeedArg, implementationFrom, implementationLabel, parseBudget, scheduleFrom, searchCommand, type FuzzArgs } from './fuzz-args.js';
import { loadFromArgs } from './run.js';
import { io, setExitCode } from './io.js';

export type { FuzzArgs } from './fuzz-args.js';

export async function fuzzCommand(a: FuzzArgs): Promise<void> {
  const budget = parseBudget(a.budget);
  const schedule = scheduleFrom(a);
  const churnShare = churnFrom(a.churn);
  const seedArg = fuzzSeedArg(a, (t) => io().stderr.write(t));
  const seed = fcSeedFrom(seedArg);
  const s = loadFromArgs({ scenario: a.scenario, set: a.set });
  if (s.sweep.length > 0 && !a.json) io().stderr.write(`note: ${s.name} has a sweep block; fuzzing its base configuration\n`);
  const impl = implementationFrom(a.implementation, s);
  try {
    await nodeFactoryFor(impl);
  } catch (e) {
    throw new UsageError(`cannot load the node implementation: ${(e as Error).message}`);
  }
  const outFile = resolve(a.out ?? defaultOutFile(s, impl));
  const original = s.file.startsWith('builtin:') ? resolveScenarioPath(s.file) : s.file;
  if (outFile === original) throw new UsageError(`--out ${a.out} is the scenario being fuzzed; write the counterexample elsewhere`);
  checkOutputPath(outFile, '--out');
  // fast-check's replay path: counts separated by colons, as printed with a failure.
  if (a.path !== undefined && !/^\d+(:\d+)*$/.test(a.path)) {
    throw new UsageError(`--path "${a.path}" is not a fast-check path (numbers separated by colons, e.g. 9:0:1, as printed with a failure)`);
  }
  if (a.path !== undefined && seedArg === undefined) throw new UsageError('--path needs the --fuzz-seed it was printed with');
  const base = fuzzBase(s, original, impl, outFile);
  preflight(base, schedule.windowUs + schedule.maxDurationUs);
  const label = `raftsim fuzz ${s.name} · implementation ${implementationLabel(impl)} · fast-check seed ${seed} · budget ${'runs' in budget ? `${budget.runs} runs` : `${budget.ms / 1000} s`}`;
  if (!a.json) io().stdout.write(`${formatSetup(label, schedule, churnShare, base.boundUs)}\n`);
  const status = statusLine();
  let report: FuzzReport;
  try {
    report = await fuzz(s, base, { budget, seed, path: a.path, schedule, churnShare, onRun: status.update, elapsedClockMs: () => performance.now() });
  } finally {
    status.stop();
  }
  const f = report.failure;
  const search = searchCommand(a, report.seed, f?.path ?? null);
  if (f === null) {
    io().stdout.write(a.json ? `${JSON.stringify({ ...summary(a, report, impl), status: 'passed', search }, null, 2)}\n` : `${formatPass(report)}\n  search again: ${search}\n`);
    setExitCode(EXIT.ok);
    return;
  }
  await writeCounterexample(base, f, a, search);
  const file = displayPath(outFile);
  const reproduce = [`raftsim run ${shellQuote(file)}`, `raftsim replay ${shellQuote(file)} --trial 0`];
  if (a.json) {
    const extra = { status: f.outcome.kind, path: f.path, runsToFailure: f.runsToFailure, shrinks: f.shrinks, faults: f.case.faults.map(faultData), outcome: f.outcome, file, reproduce, search };
    io().stdout.write(`${JSON.stringify({ ...summary(a, report, impl), ...extra }, null, 2)}\n`);
  } else {
    const lines = [...formatFailure(f, report), '', `wrote ${file} (checked: running it reproduces the failure)`];
    lines.push(`  reproduce:     ${reproduce[0]}`, `                 ${reproduce[1]}`, `  search again:  ${search}`);
    io().stdout.write(`${lines.join('\n')}\n`);
  }
  setExitCode(f.outcome.kind === 'liveness' ? EXIT.expectationFailed : EXIT.safetyViolation);
}

/** The longest case the schedules can make must load (e.g. its horizon within the caps), or nothing can run. */
function preflight(base: FuzzBase, lastHealUs: number): void {
  try {
    caseScenario(base, { variant: 0, faults: [{ atUs: 0, durationUs: lastHealUs, action: { kind: 'crash', target: 'leader' } }] });
  } catch (e) {
    if (e instanceof ScenarioError) throw new UsageError(`cannot fuzz this scenario: ${e.keyPath ? `${e.keyPath}: ` : ''}${e.message}`);
    throw e;
  }
}

function summary(a: FuzzArgs, r: FuzzReport, impl: Parameters<typeof implementationLabel>[0]) {
  return { scenario: a.scenario, implementation: implementationLabel(impl), seed: r.seed, budget: parseBudget(a.budget), runs: r.runs, evaluations: r.evaluations, elapsedMs: r.elapsedMs };
}

/** Writes the counterexample, then loads it back and runs it: what we wrote must fail the same way. */
async function writeCounterexample(base: FuzzBase, f: FuzzFailure, a: FuzzArgs, search: string): Promise<void> {
  const what = outcomeLine(f.outcome);
  const description = `Shrunk by raftsim fuzz from ${a.scenario} (${implementationLabel(base.implementation)}): ${what}`.slice(0, 2000);
  const data = fuzzSource(base, f.case, description);
  const header = [
    `// Written by raftsim ${RAFTSIM_VERSION} fuzz: a shrunk counterexample (${f.outcome.kind}).`,
    `// ${what.replace(/\n/g, ' ')}`,
    `// Reproduce: raftsim run <this file>   or   raftsim replay <this file> --trial 0`,
    `// Search again: ${search}`,
  ];
  writeFileAtomic(base.outFile, `${header.join('\n')}\n${printJson5(data)}\n`);
  const written = loadScenario(base.outFile);
  const again = evaluateCase(written, await nodeFactoryFor(written.raft.implementation));
  if (again.kind !== f.outcome.kind) throw new Error(`internal: ${base.outFile} ran ${again.kind}, not ${f.outcome.kind} as the fuzzer saw`);
}

function displayPath(p: string): string {
  return relative(process.cwd(), p) || p;
}

/** "fuzz: 120 runs" on a terminal, updated a few times a second; silent otherwise. */
function statusLine(): { update: (n: number, shrinking: boolean) => void; stop: () => void } {
  if (!io().stderr.isTTY) return { update() {}, stop() {} };
  let last = 0;
  let shown = false;
  return {
    update(n, shrinking) {
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      shown = true;
      io().stderr.write(`\r\x1b[K${shrinking ? 'shrinking' : 'searching'}: ${n} run(s)`);
    },
    stop() {
      if (shown) io().stderr.write('\r\x1b[K');
    },
  };
}
