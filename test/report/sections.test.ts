// The sections table (src/report/render.ts REPORT_SECTIONS): a new section is one
// module plus one line there; its CSS and script reach the page, and the page's
// Content-Security-Policy allows the combined script by its hash.
import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS, renderReport } from '../../src/report/render.js';
import { scriptHash } from '../../src/report/page.js';
import { PAGE_SCRIPT } from '../../src/report/tooltip-script.js';
import { html } from '../../src/report/html.js';
import type { ReportSection } from '../../src/report/section.js';
import { runResult } from './fixtures.js';

const DATE = '2025-01-02T03:04:05.000Z';
const scriptOf = (page: string) => page.slice(page.indexOf('<script>') + '<script>'.length, page.indexOf('</script>'));

describe('report sections', () => {
  const extra: ReportSection = {
    id: 'probe',
    render: (m) => html`<section id="probe"><h2>Probe for ${m.header.scenario}</h2></section>`,
    css: '.probe-mark { color: red; }',
    script: '(function () { document.body.dataset.probe = "1"; })();',
  };

  it('renders the sections in table order, with ids on the page', () => {
    const page = renderReport(runResult({ values: [100, 200] }), { generatedAt: DATE });
    const at = (id: string) => page.indexOf(`<section id="${id}"`);
    const ids = REPORT_SECTIONS.map((s) => s.id).filter((id) => at(id) >= 0);
    expect(ids).toEqual(['distribution', 'timelines', 'scenario', 'environment']);
    expect(ids.map(at)).toEqual([...ids.map(at)].sort((a, b) => a - b));
  });

  it('a section added to the table brings its markup, CSS and script, and the CSP hash covers the script', () => {
    const page = renderReport(runResult({ values: [100, 200] }), { generatedAt: DATE }, [...REPORT_SECTIONS, extra]);
    expect(page).toMatch(/<section id="probe"><h2>Probe for [^<]+<\/h2><\/section>\n<\/main>/);
    expect(page).toContain('.probe-mark { color: red; }</style>');
    const script = scriptOf(page);
    expect(script).toBe(`${PAGE_SCRIPT}\n${extra.script}`);
    expect(page).toContain(`script-src &#39;${scriptHash(script)}&#39;`);
  });

  it('without extras the page keeps the shared script alone', () => {
    const page = renderReport(runResult({ values: [100, 200] }), { generatedAt: DATE });
    expect(scriptOf(page)).toBe(PAGE_SCRIPT);
    expect(page).toContain(`script-src &#39;${scriptHash(PAGE_SCRIPT)}&#39;`);
  });
});
