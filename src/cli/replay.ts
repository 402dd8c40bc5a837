// `raftsim replay`: one trial, exactly, with its key events and a per-node
// timeline in the terminal, and optionally its full trace.
import { runTrial } from '../run/trial.js';
import { replayResult } from '../run/replay-result.js';
import { checkOutputPath } from './files.js';
import { formatUs } from '../sim/time.js';
import { loadFromArgs } from './run.js';
import { describeConfig } from '../scenario/describe.js';
import { faultWindow, keyEvents, renderTimeline } from './timeline.js';
import { JsonLinesFile } from './trace-file.js';
import { EXIT, UsageError } from './exit.js';
import { replayCommand as replayLine } from '../run/replay-command.js';
import { FlowCollector } from '../perfetto/trace-events.js';
import { writePerfetto } from './perfetto.js';
import { joinWrapped, terminalColumns, wrapWords } from './width.js';
import { io, setExitCode } from './io.js';

export interface ReplayArgs {
  scenario: string;
  set: string[];
  seed?: string;
  trial: number;
  trace?: string;
  perfetto?: string;
  /** Timeline width in characters (default: what fits the terminal, at most 100). */
  width?: number;
  json: boolean;
}

export async function replayCommand(a: ReplayArgs): Promise<void> {
  const cols = terminalColumns();
  const width = a.width ?? Math.max(20, Math.min(100, cols - 4)); // 4: the "n0  " before each row
  if (!(Number.isInteger(width) && width >= 20 && width <= 1000)) throw new UsageError(`--width must be a whole number from 20 to 1000, got ${String(a.width)}`);
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
    io().stdout.write(`${JSON.stringify(replayResult(s, a.trial, r), null, 2)}\n`);
    setExitCode(r.violation ? EXIT.safetyViolation : EXIT.ok);
    return;
  }
  const out: string[] = [];
  out.push(wrapWords(`${s.name} — trial ${a.trial}, seed ${s.seed}: ${r.events} events, trace hash ${r.hash}`, cols, '  '));
  out.push(joinWrapped(describeConfig(s).split(' · '), ' · ', cols, '  '), '');
  for (const f of r.metrics.faults) {
    const ttl = f.kept ? 'leader kept' : f.leaderUs === null ? 'no new leader by the horizon' : `new leader after ${formatUs(f.leaderUs)}`;
    const heard = f.heardUs !== null && !f.kept ? `, heard by a majority after ${formatUs(f.heardUs)}` : '';
    out.push(wrapWords(`fault at ${formatUs(f.startUs)}: ${f.description} → ${ttl}${heard}`, cols, '  '));
  }
  const m = r.metrics;
  // Elections are counted after warm-up (derive.ts); the bootstrap election is in warm-up, so say so rather than print a bare 0.
  const inWarmup = h.termStarts.length - m.elections;
  const elections = `elections ${m.elections}${inWarmup > 0 ? ` (and ${inWarmup} in warm-up)` : ''}`;
  out.push(wrapWords(`${elections}, split votes ${m.splitVotes}, leaderless ${formatUs(m.leaderlessUs)}, final term ${h.maxTerm}`, cols, '  '));
  if (m.recovery) {
    const rec = m.recovery;
    const after = rec.afterUs === null ? 'NOT whole again by the horizon (one effective leader, a write committed)' : `whole again after ${formatUs(rec.afterUs)}`;
    out.push(wrapWords(`after the last fault healed at ${formatUs(rec.healedUs)}: ${after}`, cols, '  '));
  }
  if (r.violation) {
    const v = r.violation;
    out.push('', wrapWords(`SAFETY VIOLATION: ${v.invariant} at ${formatUs(v.timeUs)} (term ${v.term}, index ${v.index}, nodes ${v.nodes.join(',')})`, cols, '  '), wrapWords(v.detail, cols, '  ', '  '));
  }
  const win = faultWindow(h);
  out.push('', `key events (${formatUs(win.fromUs)} – ${formatUs(win.toUs)}):`, ...keyEvents(h, win).map((l) => wrapWords(l, cols, '      ', l.match(/^\s*/)![0])));
  out.push('', 'timeline:', renderTimeline(h, win, width));
  if (win.fromUs > 0 || win.toUs < h.endUs) out.push('', 'whole trial:', renderTimeline(h, { fromUs: 0, toUs: h.endUs }, width));
  if (a.trace) out.push('', `trace: ${a.trace}`);
  if (a.perfetto) out.push(`Perfetto trace: ${a.perfetto} (open in ui.perfetto.dev or chrome://tracing)`);
  out.push('', `reproduce: ${replayLine(s, a.trial, a.set)}`);
  io().stdout.write(`${out.join('\n')}\n`);
  setExitCode(r.violation ? EXIT.safetyViolation : EXIT.ok);
}
