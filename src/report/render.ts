// A run or sweep result → one self-contained HTML page, its sections in the order
// of REPORT_SECTIONS.
//
// Adding a chart or section (2 files, plus its test):
//   1. src/report/<name>.ts: export a `ReportSection` (section.ts): `id`, `render(m)`
//      from the ReportModel (model.ts; return an empty html`` when the result has nothing
//      for it), and, only if it needs them, its own `css` and `script` strings — page.ts
//      inlines them after the shared stylesheet and script (the CSP hash covers them).
//      Reuse the chart helpers (axis.ts, colors.ts, legend.ts, cdf.ts, histogram.ts, …).
//   2. Here: one line in REPORT_SECTIONS where it should appear.
//   Then: a case in test/report/render.test.ts.
import { html, join } from './html.js';
import { page } from './page.js';
import { buildModel } from './model.js';
import { pageExtras, type ReportSection } from './section.js';
import { summarySection } from './summary.js';
import { distributionSection } from './distribution.js';
import { sweepSection } from './sweep-section.js';
import { timelinesSection } from './timeline-section.js';
import { environmentSection, sourceSection } from './about.js';
import { RAFTSIM_VERSION } from '../version.js';
import type { RunResult, SweepResult } from '../verdict/result.js';

/** The report's sections, top to bottom. */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  { id: 'summary', render: summarySection },
  { id: 'distribution', render: distributionSection },
  { id: 'sweep', render: sweepSection },
  { id: 'timelines', render: timelinesSection },
  { id: 'scenario', render: sourceSection },
  { id: 'environment', render: environmentSection },
];

export interface RenderOptions {
  /** When the report is made (ISO 8601; the CLI passes the wall clock): the only part of the page that changes between runs. */
  readonly generatedAt: string;
}

export function renderReport(result: RunResult | SweepResult, opts: RenderOptions, sections: readonly ReportSection[] = REPORT_SECTIONS): string {
  const m = buildModel(result, opts.generatedAt, RAFTSIM_VERSION);
  const body = html`<main>
${join(sections.map((s) => s.render(m)), '\n')}
</main>`;
  return page(`raftsim — ${m.header.scenario}`, body, pageExtras(sections));
}
