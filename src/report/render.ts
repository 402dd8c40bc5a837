// A run or sweep result → one self-contained HTML page.
import { html } from './html.js';
import { page } from './page.js';
import { buildModel } from './model.js';
import { summarySection } from './summary.js';
import { distributionSection } from './distribution.js';
import { sweepSection } from './sweep-section.js';
import { timelinesSection } from './timeline-section.js';
import { environmentSection, sourceSection } from './about.js';
import { RAFTSIM_VERSION } from '../version.js';
import type { RunResult, SweepResult } from '../verdict/result.js';

export interface RenderOptions {
  /** When the report is made (ISO 8601; the CLI passes the wall clock): the only part of the page that changes between runs. */
  readonly generatedAt: string;
}

export function renderReport(result: RunResult | SweepResult, opts: RenderOptions): string {
  const m = buildModel(result, opts.generatedAt, RAFTSIM_VERSION);
  const body = html`<main>
${summarySection(m)}
${distributionSection(m)}
${sweepSection(m)}
${timelinesSection(m)}
${sourceSection(m)}
${environmentSection(m)}
</main>`;
  return page(`raftsim — ${m.header.scenario}`, body);
}
