// `raftsim replay`: one trial, exactly, with its key events and a per-node
// timeline in the terminal, and optionally its full trace.
import { runTrial } from '../scenarios/trial.js';
import { checkOutputPath } from './files.js';
import { formatUs } from '../sim/time.js';
import { loadFromArgs } from './run.js';
import { describeConfig } from './format-run.js';
import { faultWindow, keyEvents, renderTimeline } from './timeline.js';
import { JsonLinesFile } from './trace-file.js';
import { EXIT, UsageError } from './exit.js';
import { replayCommand as replayLine } from '../scenarios/replay-command.js';
import { FlowCollector } from '../perfetto/trace-events.js';
import { writePerfetto } from './perfetto.js';

export interface ReplayArgs {
  scenario: string;
  set: string[];
  seed?: string;
  trial: number;
  trace?: string;
  perfetto?: string;
  width: number;
  json: boolean;
}

export async function replayCommand(a: ReplayArgs): Promise<void> {
  if (!(Number.isInteger(a.width) && a.width >= 20 && a.width <= 1000)) throw new UsageError(`--width must be a whole number from 20 to 1000, got ${String(a.width)}`);
  const s = loadFromArgs(a);
  if (!(Number.isInteger(a.trial) && a.trial >= 0 && a.trial < s.trials)) {
    throw new UsageError(`--trial must be an integer in [0, ${s.trials - 1}] (${s.name} has ${s.trials} trials), got ${String(a.trial)}`);
  }
  if (a.trace) checkOutputPath(a.trace, '--trace');
  if (a.perfetto) checkOutputPath(a.perfetto, '--perfetto');
  const sink = a.trace ? new JsonLinesFile(a.trace) : undefined;
  const flows = a.perfetto ? new FlowCollector(sink) : undefined;
  let r;
  try {
    r = await runTrial(s, a.trial, { trace: flows ?? sink, keepHistory: true });
  } finally {
    sink?.close();
  }
  const h = r.history!;
  if (a.perfetto) writePerfetto(a.perfetto, h, flows!, { scenario: s.name, seed: s.seed, trial: a.trial, hash: r.hash });
  if (a.json) {
    process.stdout.write(`${JSON.stringify({ scenario: s.name, seed: s.seed, trial: a.trial, hash: r.hash, events: r.events, violation: r.violation, faults: r.metrics.faults, metrics: r.metrics, faultLog: r.faultLog }, null, 2)}\n`);
    process.exitCode = r.violation ? EXIT.safetyViolation : EXIT.ok;
    return;
  }
  const out: string[] = [];
  out.push(`${s.name} — trial ${a.trial}, seed ${s.seed}: ${r.events} events, trace hash ${r.hash}`);
  out.push(describeConfig(s), '');
  for (const f of r.metrics.faults) {
    const ttl = f.kept ? 'leader kept' : f.leaderUs === null ? 'no new leader by the horizon' : `new leader after ${formatUs(f.leaderUs)}`;
    const heard = f.heardUs !== null && !f.kept ? `, heard by a majority after ${formatUs(f.heardUs)}` : '';
    out.push(`fault at ${formatUs(f.startUs)}: ${f.description} → ${ttl}${heard}`);
  }
  const m = r.metrics;
  out.push(`elections ${m.elections}, split votes ${m.splitVotes}, leaderless ${formatUs(m.leaderlessUs)}, final term ${h.maxTerm}`);
  if (m.recovery) {
    const rec = m.recovery;
    const after = rec.afterUs === null ? 'NOT whole again by the horizon (one effective leader, a write committed)' : `whole again after ${formatUs(rec.afterUs)}`;
    out.push(`after the last fault healed at ${formatUs(rec.healedUs)}: ${after}`);
  }
  if (r.violation) {
    const v = r.violation;
    out.push('', `SAFETY VIOLATION: ${v.invariant} at ${formatUs(v.timeUs)} (term ${v.term}, index ${v.index}, nodes ${v.nodes.join(',')})`, `  ${v.detail}`);
  }
  const win = faultWindow(h);
  out.push('', `key events (${formatUs(win.fromUs)} – ${formatUs(win.toUs)}):`, ...keyEvents(h, win));
  out.push('', 'timeline:', renderTimeline(h, win, a.width));
  if (win.fromUs > 0 || win.toUs < h.endUs) out.push('', 'whole trial:', renderTimeline(h, { fromUs: 0, toUs: h.endUs }, a.width));
  if (a.trace) out.push('', `trace: ${a.trace}`);
  if (a.perfetto) out.push(`Perfetto trace: ${a.perfetto} (open in ui.perfetto.dev or chrome://tracing)`);
  out.push('', `reproduce: ${replayLine(s, a.trial, a.set)}`);
  process.stdout.write(`${out.join('\n')}\n`);
  process.exitCode = r.violation ? EXIT.safetyViolation : EXIT.ok;
}
