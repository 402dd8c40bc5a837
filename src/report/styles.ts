// The report's stylesheet, inlined. Colours are CSS variables set for light
// mode, overridden for dark mode (prefers-color-scheme) and forced back to
// light on paper (print), where tooltips and scroll boxes make no sense.
export const PAGE_CSS = `
:root {
  --bg: #ffffff; --fg: #1d2125; --muted: #5b636b; --axis: #6b737b; --grid: #e7eaee; --panel: #f5f7f9; --border: #d8dde2;
  --accent: #d4380d; --rec-bg: #fff4d6; --bad: #c62828; --good: #2e7d32; --hatch: #9aa3ab; --zero: #d9f0d3;
  --tip-bg: #1d2125; --tip-fg: #ffffff;
  --st-follower: #dfe3e8; --st-precandidate: #f6d68a; --st-candidate: #f28e2b; --st-leader: #2f6fb0; --st-paused: #b07aa1; --st-down: #4a4f55;
  --term-ink: #1d2125; --term-ink-strong: #ffffff;
  --f-network: #e15759; --f-clock: #c9a227; --f-crash: #8c564b; --f-cpu: #8e5ea2; --f-disk: #7f7f3f; --f-other: #4f9a94;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16181b; --fg: #e4e7ea; --muted: #a3abb3; --axis: #8b949c; --grid: #2a2e33; --panel: #1f2226; --border: #353a40;
    --accent: #ff7a45; --rec-bg: #3a3120; --bad: #ef5350; --good: #66bb6a; --hatch: #6b737b; --zero: #b9dcb0;
    --tip-bg: #f1f3f5; --tip-fg: #16181b;
    --st-follower: #3a4047; --st-precandidate: #b08a2e; --st-candidate: #e07b1a; --st-leader: #5b9be0; --st-paused: #a874bd; --st-down: #0b0c0d;
    --term-ink: #e4e7ea; --term-ink-strong: #0b0c0d;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1280px; padding: 24px clamp(10px, 3vw, 28px) 60px; background: var(--bg); color: var(--fg); overflow-wrap: break-word;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 28px; margin: 2px 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 20px; margin: 36px 0 6px; padding-top: 10px; border-top: 1px solid var(--border); }
h3 { font-size: 16px; margin: 22px 0 4px; }
code, pre { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
code { background: var(--panel); padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
.kicker { color: var(--muted); margin: 0; text-transform: uppercase; letter-spacing: .04em; font-size: 12px; }
.description { max-width: 80ch; font-size: 15px; }
.note { color: var(--muted); max-width: 110ch; }
.warn { color: var(--accent); }
.bad-text { color: var(--bad); font-weight: 600; }
.cluster { margin: 4px 0; }
.headline-title { margin: 14px 0 -8px; font-weight: 600; }
.headline { display: grid; grid-template-columns: repeat(auto-fill, minmax(165px, 1fr)); gap: 10px; margin: 16px 0; }
.figure-card { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 10px 12px; }
.figure-card .label { color: var(--muted); font-size: 12px; min-height: 2.8em; }
.figure-card .value { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.figure-card .note { font-size: 11.5px; }
.figure-card.bad .value { color: var(--bad); }
.callout { border: 1px solid var(--border); border-left: 4px solid var(--muted); background: var(--panel); padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
.callout.rec { border-left-color: var(--accent); background: var(--rec-bg); }
.callout.bad { border-left-color: var(--bad); }
.callout .rule { margin: 6px 0 0; max-width: 110ch; }
.expectations ul { list-style: none; padding: 0; margin: 4px 0; }
.expectations .badge { display: inline-block; min-width: 44px; text-align: center; border-radius: 4px; font-size: 12px; font-weight: 700; color: #fff; background: var(--good); }
.expectations .fail .badge { background: var(--bad); }
.reproduce { margin-top: 10px; }
.charts-2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(440px, 100%), 1fr)); gap: 18px; align-items: start; }
figure { margin: 10px 0; break-inside: avoid; min-width: 0; }
/* A chart never shrinks below the width at which its text would fall under ~10 px (charts.ts:
   minWidth); on a narrower screen it scrolls inside its own box, never the page. */
.chart-box { overflow-x: auto; overflow-y: hidden; max-width: 100%; container-type: inline-size; }
/* Drawn narrow, text is enlarged (--k): every other x tick label goes, so none overlap. */
@container (max-width: 520px) { .axis-x .tick.odd text { display: none; } }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { width: 100%; height: auto; display: block; overflow: visible; }
.histogram svg.chart { max-width: 980px; }
svg.chart:focus-visible, svg.chart [tabindex]:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
svg.chart text { fill: var(--fg); font-size: calc(11px * var(--k, 1)); }
.axis .domain, .axis .tick line { stroke: var(--axis); }
.axis .tick line.grid { stroke: var(--grid); }
.axis .tick text { fill: var(--muted); }
svg.chart .axis-title { font-size: calc(12px * var(--k, 1)); font-weight: 600; fill: var(--fg); }
.guide line { stroke: var(--muted); stroke-dasharray: 2 4; }
svg.chart .guide text { fill: var(--muted); font-size: calc(10.5px * var(--k, 1)); }
.series .line { fill: none; stroke: var(--c); stroke-width: 1.5; stroke-dasharray: var(--dash, none); }
.series.emphasis .line { stroke-width: 3; }
.series .halo { fill: none; stroke: var(--bg); stroke-width: 6.5; stroke-linejoin: round; }
.series circle[data-point] { fill: var(--c); stroke: transparent; stroke-width: 6; }
.series circle.censored { fill: var(--bg); stroke: var(--c); stroke-width: 2; }
.qmark { fill: var(--bg); stroke: var(--c); stroke-width: 1.6; }
.qci line { stroke: var(--c, var(--fg)); stroke-width: 2; opacity: 0.7; }
.qci.open line:first-child { stroke-dasharray: 3 2; }
.qline line { stroke: var(--c, var(--fg)); stroke-width: 1.3; stroke-dasharray: 5 3; }
.bars + g .qline line, .histogram .qline line { stroke: var(--fg); }
svg.chart .qline text, svg.chart .term, svg.chart .fault-label { paint-order: stroke; stroke: var(--bg); stroke-width: 3px; stroke-linejoin: round; }
svg.chart .qline text { font-weight: 650; font-size: calc(11px * var(--k, 1)); }
.chart.dim .series { opacity: .12; }
.chart.dim .series.hi { opacity: 1; }
.chart .series.hi .line { stroke-width: 3.2; }
.zone { fill: url(#hatch); }
.over { fill: var(--panel); stroke: var(--border); stroke-dasharray: 3 3; }
.hatch { stroke: var(--hatch); stroke-width: 1.2; }
svg.chart .zone-label { fill: var(--muted); font-size: calc(10.5px * var(--k, 1)); }
.bars rect { fill: var(--c); }
.censored-bar { fill: url(#hatch); stroke: var(--bad); stroke-width: 1.2; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; padding: 0; margin: 8px 0; font-size: 12.5px; }
.legend li { display: flex; align-items: center; gap: 6px; cursor: default; padding: 1px 4px; border-radius: 4px; }
.legend li[data-legend]:hover, .legend li[data-legend]:focus { background: var(--panel); outline: 1px solid var(--border); }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; background: var(--c); border: 1px solid var(--border); flex: none; }
.star { color: var(--accent); }
/* A CDF legend entry: a short sample of the curve, its colour and dash pattern. */
.line-swatch { display: inline-block; flex: none; vertical-align: middle; overflow: visible; }
.line-swatch line { stroke: var(--c); stroke-width: 2; stroke-dasharray: var(--dash, none); }
.line-swatch.rec line { stroke-width: 3.4; stroke-dasharray: none; }
.line-swatch.rec { outline: 2px solid var(--fg); outline-offset: 2px; border-radius: 2px; }
.legend-grid { border-collapse: collapse; font-size: 12px; margin: 6px 0; }
.legend-grid caption { text-align: left; color: var(--muted); padding-bottom: 2px; }
.legend-grid th { font-weight: 500; color: var(--muted); padding: 2px 8px; text-align: center; white-space: nowrap; }
.legend-grid th[scope="row"] { text-align: right; }
.legend-grid td { padding: 3px 8px; text-align: center; white-space: nowrap; cursor: default; border-radius: 4px; }
.legend-grid td[data-legend]:hover, .legend-grid td[data-legend]:focus { background: var(--panel); outline: 1px solid var(--border); }
.heatmap .panel { margin-bottom: 8px; }
.heatmap .panel-title { font-weight: 600; font-size: 12.5px; }
.heat-axes { font-size: 12px; color: var(--muted); margin: 2px 0; }
svg.heat { width: 100%; }
svg.heat .cell text { font-size: calc(11.5px * var(--k, 1)); font-weight: 600; font-variant-numeric: tabular-nums; }
svg.heat .col-label, svg.heat .row-label { fill: var(--muted); font-size: calc(11px * var(--k, 1)); }
svg.heat .axis-title { font-size: calc(11px * var(--k, 1)); }
.cell rect.beyond { fill: url(#hatch); stroke: var(--bad); stroke-width: 1; }
.cell:hover rect:first-child, .cell:focus rect:first-child { stroke: var(--fg); stroke-width: 2; }
.cell:focus { outline: none; }
.fade-mark { fill: url(#hatch); pointer-events: none; }
svg.heat .cell.faded text { paint-order: stroke; stroke: var(--bg); stroke-width: 3px; stroke-linejoin: round; fill: var(--fg) !important; }
.faded-swatch { background: repeating-linear-gradient(45deg, var(--hatch) 0 1.5px, transparent 1.5px 5px), linear-gradient(to right, #2c7fb8, #7fcdbb); }
.legend-grid-wrap { overflow-x: auto; max-width: 100%; }
.rec-outline { fill: none; stroke: var(--accent); stroke-width: 3; }
.ramp { display: flex; align-items: center; gap: 8px; font-size: 12px; color: var(--muted); margin: 4px 0 0; flex-wrap: wrap; }
.ramp-bar { display: inline-block; width: 180px; height: 12px; border-radius: 3px; border: 1px solid var(--border); }
.beyond-swatch { background: repeating-linear-gradient(45deg, var(--hatch) 0 1.5px, transparent 1.5px 5px); border-color: var(--bad); }
.zero-swatch { background: var(--zero); }
.table-wrap { overflow-x: auto; }
/* A box that scrolls sideways shows a shadow on the side with more to see (the covers scroll with the
   content and hide the shadows at either end). */
.table-wrap, .chart-box {
  background: linear-gradient(to right, var(--bg) 30%, transparent) left / 36px 100% no-repeat local,
    linear-gradient(to left, var(--bg) 30%, transparent) right / 36px 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.28), transparent) left / 12px 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.28), transparent) right / 12px 100% no-repeat scroll;
}
table.configs { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; min-width: 100%; }
table.configs th, table.configs td { padding: 4px 5px; border-bottom: 1px solid var(--border); text-align: left; white-space: nowrap; }
table.configs th { white-space: normal; vertical-align: bottom; min-width: 5ch; }
.verdict { display: inline-flex; gap: 3px; }
.vbadge { display: inline-block; padding: 0 5px; border-radius: 4px; font-size: 11.5px; font-weight: 650; border: 1px solid currentColor; cursor: help; }
.vbadge.ok { color: var(--good); }
table.configs .num { text-align: right; }
table.configs th button { font: inherit; font-weight: 650; color: var(--fg); background: none; border: 0; padding: 0; cursor: pointer; }
table.configs th[aria-sort="ascending"] button::after { content: " ▲"; }
table.configs th[aria-sort="descending"] button::after { content: " ▼"; }
table.configs tbody tr:hover { background: var(--panel); }
table.configs tr.rec { background: var(--rec-bg); font-weight: 650; }
table.configs tr.bad td:last-child { color: var(--bad); font-weight: 650; }
table.env th { text-align: left; padding: 3px 16px 3px 0; color: var(--muted); font-weight: 500; vertical-align: top; }
table.env td { padding: 3px 0; }
.st { stroke: var(--bg); stroke-width: .5; }
.st-follower { fill: var(--st-follower); background: var(--st-follower); }
.st-precandidate { fill: var(--st-precandidate); background: var(--st-precandidate); }
.st-candidate { fill: var(--st-candidate); background: var(--st-candidate); }
.st-leader { fill: var(--st-leader); background: var(--st-leader); }
.st-paused { fill: var(--st-paused); background: var(--st-paused); }
.st-down { fill: var(--st-down); background: var(--st-down); }
svg.chart .term { font-size: calc(10.5px * var(--k, 1)); fill: var(--term-ink); stroke-width: 0; }
svg.chart [data-segment="leader"] .term, svg.chart [data-segment="candidate"] .term, svg.chart [data-segment="paused"] .term { fill: #fff; font-weight: 650; }
svg.chart .lane-label { font-weight: 650; font-size: calc(12px * var(--k, 1)); }
.fault .band { opacity: .13; pointer-events: none; }
.fault .flag { opacity: .85; }
.fault .fault-start { stroke-width: 1.5; stroke-dasharray: 3 2; pointer-events: none; }
svg.chart .fault-label { font-size: calc(11px * var(--k, 1)); font-weight: 600; stroke-width: 0; fill: #fff; }
${(['network', 'clock', 'crash', 'cpu', 'disk', 'other'] as const).map((k) => `.fault-${k} rect, rect.fault-${k}, .fault-swatch.fault-${k} { fill: var(--f-${k}); background: var(--f-${k}); } .fault-${k} line { stroke: var(--f-${k}); }`).join('\n')}
.elected line { stroke: var(--fg); stroke-width: 1; stroke-dasharray: 1 2; opacity: .7; }
.elected path { fill: var(--accent); stroke: var(--bg); stroke-width: 1; }
.elected-swatch { color: var(--accent); font-size: 12px; }
.violation line { stroke: var(--bad); stroke-width: 2.5; }
.timeline-fig figcaption { font-weight: 500; }
svg.overview .st { stroke: none; }
.zoom-box { fill: none; stroke: var(--fg); stroke-width: 1.2; }
.overview-fault { opacity: .9; }
svg.chart .overview-label { fill: var(--muted); font-size: calc(10.5px * var(--k, 1)); }
pre.source { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 12px; overflow: auto; max-height: 520px; white-space: pre-wrap; overflow-wrap: anywhere; }
#tooltip { position: fixed; z-index: 10; pointer-events: none; max-width: 380px; padding: 6px 9px; border-radius: 6px;
  background: var(--tip-bg); color: var(--tip-fg); font-size: 12px; line-height: 1.4; white-space: pre-line; box-shadow: 0 2px 10px rgba(0,0,0,.25); }
#tooltip[hidden] { display: none; }
svg.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #444; --axis: #555; --grid: #e5e5e5; --panel: #f4f4f4; --border: #ccc; --rec-bg: #fff1cc;
    --st-follower: #dfe3e8; --st-precandidate: #f6d68a; --st-candidate: #f28e2b; --st-leader: #2f6fb0; --st-paused: #b07aa1; --st-down: #4a4f55;
    --term-ink: #000; --zero: #d9f0d3; --hatch: #888;
  }
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  #tooltip { display: none !important; }
  .charts-2 { display: block; }
  svg.chart { max-width: 17cm; }
  .histogram svg.chart, svg.heat { max-width: none; }
  .chart-box { overflow: visible; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  svg.timeline { max-width: none; }
  pre.source { max-height: none; overflow: visible; }
  h2 { break-after: avoid; }
  section { break-inside: auto; }
  table.configs th button::after { content: "" !important; }
  .table-wrap { overflow: visible; }
  table.configs { font-size: 8pt; min-width: 0; width: 100%; }
  table.configs th, table.configs td { padding: 2px 3px; }
  table.configs th, table.configs td:last-child { white-space: normal; }
  .table-wrap, .chart-box { background: none; }
}
`;
