// One section of the run/sweep report: how it renders from the report model and,
// when it needs them, the CSS and script it adds to the page. render.ts lists the
// sections in order (REPORT_SECTIONS); page.ts inlines every section's CSS after the
// shared stylesheet and every section's script after the shared one, inside the one
// script the Content-Security-Policy allows by hash.
import type { SafeHtml } from './html.js';
import type { ReportModel } from './model.js';

export interface ReportSection {
  /** A short name for the section (its <section id> where it has one). */
  readonly id: string;
  /** The section's markup; an empty SafeHtml when it has nothing to show for this result. */
  readonly render: (m: ReportModel) => SafeHtml;
  /** CSS the section needs beyond styles.ts (plain text, inlined after PAGE_CSS). */
  readonly css?: string;
  /** Script the section needs beyond tooltip-script.ts (plain text, appended to PAGE_SCRIPT; no network, no eval). */
  readonly script?: string;
}

/** What sections add to the page around them. */
export interface PageExtras {
  readonly css?: readonly string[];
  readonly scripts?: readonly string[];
}

export function pageExtras(sections: readonly ReportSection[]): PageExtras {
  return { css: sections.flatMap((s) => (s.css !== undefined ? [s.css] : [])), scripts: sections.flatMap((s) => (s.script !== undefined ? [s.script] : [])) };
}
