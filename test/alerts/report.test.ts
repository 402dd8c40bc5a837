// `raftsim alerts` output: the terminal text, the JSON result and the HTML
// alert section, from two real trials of the quorum-loss alert scenario.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { alertsConfigOf } from '../../src/scenario/schema-alerts.js';
import { readRulesFile } from '../../src/alerts/rules-file.js';
import { alertsResult, scoreTrials } from '../../src/alerts/run-alerts.js';
import { formatAlerts } from '../../src/cli/format-alerts.js';
import { renderAlertsReport } from '../../src/report/alerts-page.js';

describe('alerts result, terminal and report', async () => {
  const s = loadScenario('alert-quorum-loss-15s', { overrides: ['trials=2'] });
  const cfg = alertsConfigOf(s.source, s.file);
  const rules = readRulesFile(cfg.rules!);
  const r = alertsResult(s, cfg, rules, await scoreTrials(s, cfg, rules.rules, { workers: 1 }));

  it('JSON: per rule, fault occurrences, incidents, delays with intervals, false pages with a bound, no machine paths', () => {
    expect(r).toMatchObject({ kind: 'alerts', scenario: 'alert-quorum-loss-15s', file: 'builtin:alert-quorum-loss-15s', trials: 2, rulesFile: 'examples/alerts/raft-noleader.rules.yml' });
    const noLeader = r.rules.find((x) => x.name === 'NoLeader')!;
    expect(noLeader.faults).toEqual({ occurrences: 2, shouldPage: 2, pagedWhenShould: 2, shouldNotPage: 0, pagedWhenShouldNot: 0 });
    expect(noLeader.incidents).toEqual({ n: 2, detected: 2, missed: 0, censored: 0 });
    expect(noLeader.detectionDelay.valuesMs.every((v) => v !== null && v >= 30_000)).toBe(true);
    expect(noLeader.detectionDelay.intervals.map((i) => i.p)).toEqual([0.5, 0.9, 0.99]);
    expect(noLeader.falsePages.count).toBe(0);
    expect(noLeader.falsePages.upper95PerDay! * r.exposureDays).toBeCloseTo(-Math.log(0.05), 6);
    expect(JSON.stringify(r)).not.toContain(process.cwd());
  });

  it('terminal: a block per rule with the detection delay table', () => {
    const text = formatAlerts(r, 120);
    for (const rule of rules.rules) expect(text).toContain(`${rule.name} (for `);
    expect(text).toMatch(/detection delay\s+2\s+\d+\.\d s \[/);
    expect(text).toContain('false pages: 0 in');
  });

  it('terminal at 80 columns: only the rule expressions (copied whole) are wider; the delays keep their numbers', () => {
    const text = formatAlerts(r, 80);
    const exprs = new Set(rules.rules.map((x) => `  ${x.expr}`));
    expect(text.split('\n').filter((l) => l.length > 80 && !exprs.has(l))).toEqual([]);
    expect(text).toMatch(/ {2}detection delay\n {6}n: 2; p50 \[95% CI\]: \d+\.\d s \[/);
  });

  it('HTML: self-contained, a row per alert, the detection-delay CDF and the false-page bound', () => {
    const page = renderAlertsReport(r);
    expect(page).toMatch(/Content-Security-Policy" content="default-src (?:'|&#39;)none/);
    expect(page).not.toMatch(/(?:src|href)="https?:/);
    for (const rule of rules.rules) expect(page).toContain(`data-alert="${rule.name}"`);
    expect(page).toMatch(/<svg[^>]*data-chart="cdf-linear"/);
    expect(page).toMatch(/data-field="false-pages">0 → 0\.0\/day <span class="ci">\(≤ \d+/);
  });
});
