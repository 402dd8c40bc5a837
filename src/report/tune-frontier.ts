// The frontier plot of a tune report: each configuration evaluated is a point
// at its failover quantile (x, ms) and its spurious-election rate (y, per
// cluster-day or -month), with its bounds as error bars on both axes; dashed
// lines mark the goals, so the configurations that meet both sit in the
// lower-left box. An open bound (too few trials, or beyond the horizon) runs to
// the plot's edge as an arrow. The y axis is symlog so that 0 and rare rates
// both show.
import { scaleLinear, scaleSymlog } from 'd3-scale';
import { html, join, n2, type SafeHtml } from './html.js';
import { axisBottom, axisLeft, innerHeight, innerWidth, svgFrame, type Frame } from './axis.js';
import { fmtNum } from './format.js';
import { quantileName } from '../tune/assess.js';
import type { ConfigEvidence, TuneResult } from '../tune/result.js';
import type { Bound } from '../stats/quantile-ci.js';

// The top margin holds the failover goal's label, above the plot, where no interval line can reach.
const FRAME: Frame = { width: 720, height: 430, top: 26, right: 24, bottom: 50, left: 70 };

const num = (b: Bound): number | null => (typeof b === 'number' ? b : null);

/** The slowest family's quantile and bounds (what the search ranks by). */
export function failoverPoint(c: ConfigEvidence): { x: number | null; lo: number | null; hi: number | null } {
  let x: number | null = null;
  let lo: number | null = null;
  let hi: number | null = 0;
  for (const f of c.failover) {
    if (f.trials === 0) return { x: null, lo: null, hi: null };
    x = Math.max(x ?? 0, f.estimateMs ?? Infinity);
    lo = Math.max(lo ?? 0, num(f.ciMs[0]) ?? 0);
    const h = num(f.ciMs[1]);
    hi = h === null || hi === null ? null : Math.max(hi, h);
  }
  return { x, lo, hi };
}

export function frontierChart(r: TuneResult): SafeHtml {
  const w = innerWidth(FRAME);
  const h = innerHeight(FRAME);
  const g = r.goals;
  const pts = r.configurations.map((c) => ({ c, f: failoverPoint(c) })).filter((p) => p.f.x !== null);
  const finite = (v: number | null | undefined) => (v !== null && v !== undefined && Number.isFinite(v) ? [v] : []);
  const xMax = Math.max(g.failover.withinMs * 1.2, ...pts.flatMap((p) => [...finite(p.f.x), ...finite(p.f.hi)])) * 1.05;
  const yMax = Math.max(g.spuriousElections.atMost * 3, ...pts.flatMap((p) => [p.c.spurious.rate, ...finite(p.c.spurious.upper)])) * 1.1;
  const x = scaleLinear().domain([0, xMax]).nice().range([0, w]);
  const y = scaleSymlog().constant(g.spuriousElections.atMost / 10).domain([0, yMax]).range([h, 0]);
  const xAxis = axisBottom(FRAME, { scale: x, ticks: x.ticks(8), format: (t) => fmtNum(t, 4), label: `${quantileName(g.failover.quantile)} time to a stable leader (ms), with its bounds`, grid: true });
  const yTicks = symlogTicks(yMax, g.spuriousElections.atMost);
  const yAxis = axisLeft(FRAME, { scale: y, ticks: yTicks, format: (t) => fmtNum(t, 3), label: `spurious elections per cluster-${g.spuriousElections.per}`, grid: true });
  const goalX = x(g.failover.withinMs);
  const goalY = y(g.spuriousElections.atMost);
  const goals = html`<g class="goal"><rect class="goal-box" x="0" y="${n2(goalY)}" width="${n2(goalX)}" height="${n2(h - goalY)}"></rect><line x1="${n2(goalX)}" x2="${n2(goalX)}" y1="0" y2="${h}"></line><line x1="0" x2="${w}" y1="${n2(goalY)}" y2="${n2(goalY)}"></line></g>`;
  // Labels go last, over the marks: the failover goal's above the plot at its line (every interval is
  // drawn inside the plot, so none crosses it), the spurious-election goal's with a halo of the background.
  const labels = html`<g class="goal goal-labels"><text data-label="failover-goal" x="${n2(goalX)}" y="-8" text-anchor="middle">failover goal (${fmtNum(g.failover.withinMs)} ms)</text><text data-label="spurious-goal" class="halo" x="${n2(w - 4)}" y="${n2(goalY - 4)}" text-anchor="end">spurious-election goal</text></g>`;
  const marks = pts.map(({ c, f }) => point(c, f, x, y, w, h, r));
  return svgFrame(FRAME, { chart: 'tune-frontier', title: `Failover against spurious elections: ${pts.length} configurations with their bounds` }, [goals, xAxis, yAxis, join(marks), labels]);
}

function symlogTicks(max: number, goal: number): number[] {
  const out = [0];
  for (let t = goal / 10; t <= max; t *= 10) out.push(Number(t.toPrecision(2)));
  if (!out.includes(goal)) out.push(goal);
  return out.sort((a, b) => a - b);
}

function point(c: ConfigEvidence, f: { x: number | null; lo: number | null; hi: number | null }, x: (v: number) => number, y: (v: number) => number, w: number, h: number, r: TuneResult): SafeHtml {
  const cx = Number.isFinite(f.x!) ? x(f.x!) : w;
  const cy = y(c.spurious.rate);
  const xlo = x(f.lo ?? 0);
  const xhi = f.hi === null ? w : Math.min(w, x(f.hi));
  const ylo = y(c.spurious.lower);
  const yhi = c.spurious.upper === null ? 0 : Math.max(0, y(c.spurious.upper));
  const rec = r.recommendation?.id === c.id;
  const q = quantileName(r.goals.failover.quantile);
  const b = (v: number | null) => (v === null ? '—' : fmtNum(v));
  const tip = [
    `${rec ? '★ recommended\n' : ''}${c.label}`,
    `${q} ${f.x === null || !Number.isFinite(f.x) ? '> horizon' : `${fmtNum(f.x)} ms`} [${b(f.lo)}, ${b(f.hi)}] (${c.failover.map((x) => x.trials).join(' + ')} trials)`,
    `spurious: ${fmtNum(c.spurious.rate)} per cluster-${r.goals.spuriousElections.per} [${fmtNum(c.spurious.lower)}, ${b(c.spurious.upper)}], ${c.spurious.events} in ${fmtNum(c.spurious.hours)} h`,
    `state: ${c.state}${c.missed.length ? ` — ${c.missed.join('; ')}` : ''}`,
  ].join('\n');
  const cls = `pt ${c.state}${rec ? ' rec' : ''}`;
  return html`<g class="${cls}" data-config="${c.id}" data-state="${c.state}" data-tip="${tip}"><line class="err" x1="${n2(xlo)}" x2="${n2(xhi)}" y1="${n2(cy)}" y2="${n2(cy)}"></line><line class="err" x1="${n2(cx)}" x2="${n2(cx)}" y1="${n2(ylo)}" y2="${n2(yhi)}"></line>${f.hi === null ? html`<path class="open" d="M${n2(w)},${n2(cy)}l-6,-4v8z"></path>` : ''}${rec ? html`<path class="star-mark" d="${starPath(cx, cy)}"></path>` : html`<circle cx="${n2(cx)}" cy="${n2(cy)}" r="5"></circle>`}</g>`;
}

function starPath(cx: number, cy: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 9 : 4;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    pts.push(`${n2(cx + r * Math.cos(a))},${n2(cy + r * Math.sin(a))}`);
  }
  return `M${pts.join('L')}Z`;
}
