// A per-node timeline in the terminal (`raftsim replay`): one row per node,
// one character per time bucket, showing the most telling state in the bucket:
//   L leader   C candidate   p pre-candidate   · follower   ‖ paused   x down
// and a row marking where faults started (▼) and healed (▲).
import { formatUs } from '../sim/time.js';
import { joinWrapped } from './width.js';
import type { NodeEvent, TrialHistory } from '../metrics/history.js';

const GLYPH: Record<string, string> = { leader: 'L', candidate: 'C', precandidate: 'p', follower: '·', paused: '‖', down: 'x' };
const PRIORITY: Record<string, number> = { follower: 0, precandidate: 2, candidate: 3, paused: 4, down: 5, leader: 6 };

export interface TimelineWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/** Around the faults: from a second before the first to a few seconds after the last heal. */
export function faultWindow(h: TrialHistory): TimelineWindow {
  if (h.faults.length === 0) return { fromUs: 0, toUs: h.endUs };
  const first = h.faults[0].startUs;
  const last = Math.max(...h.faults.map((f) => f.healUs ?? f.startUs));
  const pad = Math.max(1_000_000, (last - first) / 4);
  return { fromUs: Math.max(0, first - pad), toUs: Math.min(h.endUs, last + 3 * pad) };
}

export function renderTimeline(h: TrialHistory, win: TimelineWindow, width = 100): string {
  const span = Math.max(1, win.toUs - win.fromUs);
  const bucket = span / width;
  const rows: string[] = [];
  for (let node = 0; node < h.n; node++) {
    const evs = h.events.filter((e) => e.node === node);
    let line = '';
    for (let b = 0; b < width; b++) line += GLYPH[stateIn(evs, win.fromUs + b * bucket, win.fromUs + (b + 1) * bucket)];
    rows.push(`n${String(node).padEnd(3)}${line}`);
  }
  let marks = new Array(width).fill(' ');
  for (const f of h.faults) {
    const at = Math.floor((f.startUs - win.fromUs) / bucket);
    if (at >= 0 && at < width) marks[at] = '▼';
    if (f.healUs !== null) {
      const ht = Math.floor((f.healUs - win.fromUs) / bucket);
      if (ht >= 0 && ht < width) marks[ht] = '▲';
    }
  }
  const axis = `${formatUs(Math.round(win.fromUs))}`.padEnd(width / 2) + `${formatUs(Math.round(win.toUs))}`.padStart(width / 2);
  const legend = ['L leader', 'C candidate', 'p pre-candidate', '· follower', '‖ paused', 'x down', '▼ fault', '▲ heal'];
  return [`    ${marks.join('')}`, ...rows, `    ${axis}`, `    ${joinWrapped(legend, '  ', width, '    ')}`].join('\n');
}

/** The most telling state a node was in during [from, to). */
function stateIn(evs: readonly NodeEvent[], from: number, to: number): string {
  let state = 'follower';
  let condition = 'up';
  for (const e of evs) {
    if (e.atUs >= from) break;
    if (e.state === 'up' || e.state === 'paused' || e.state === 'down') condition = e.state;
    else state = e.state;
    if (e.state === 'down') state = 'follower'; // a restarted node comes back as a follower
  }
  let best = condition !== 'up' ? condition : state;
  for (const e of evs) {
    if (e.atUs < from) continue;
    if (e.atUs >= to) break;
    const s = e.state === 'up' ? state : e.state;
    if ((PRIORITY[s] ?? 0) > (PRIORITY[best] ?? 0)) best = s;
    if (e.state !== 'up' && e.state !== 'paused' && e.state !== 'down') state = e.state;
    if (e.state === 'down') state = 'follower';
  }
  return best;
}

/** Key moments, one per line: faults, leaders elected, crashes and restarts. */
export function keyEvents(h: TrialHistory, win: TimelineWindow, limit = 40): string[] {
  const items: [number, string][] = [];
  for (const f of h.faults) {
    items.push([f.startUs, `fault: ${f.description}`]);
    if (f.healUs !== null) items.push([f.healUs, `heal: ${f.description}`]);
  }
  for (const s of h.stints) items.push([s.startUs, `n${s.node} became leader of term ${s.term}${s.endUs !== null ? ` (led ${formatUs(s.endUs - s.startUs)})` : ''}`]);
  for (const e of h.events) if (e.state === 'down' || e.state === 'paused') items.push([e.atUs, `n${e.node} ${e.state}`]);
  const inside = items.filter(([t]) => t >= win.fromUs && t <= win.toUs).sort((a, b) => a[0] - b[0]);
  const lines = inside.slice(0, limit).map(([t, what]) => `  ${formatUs(t).padStart(10)}  ${what}`);
  if (inside.length > limit) lines.push(`  … ${inside.length - limit} more (see --trace)`);
  return lines;
}
