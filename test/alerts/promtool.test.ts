// The real promtool (Debian's prometheus package) against the built-in
// evaluator: each exported trial's test file states, for every example rule at
// every evaluation, the alerts the built-in evaluator says fire, so promtool
// passes exactly when Prometheus's own engine agrees on every firing time. A
// deliberately wrong expectation must make promtool fail. Skipped, saying so,
// only when promtool is not installed.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { runAlertTrial, type AlertTrial } from '../../src/alerts/run-trial.js';
import { readRulesFile } from '../../src/alerts/rules-file.js';
import { alertsConfigOf } from '../../src/scenario/schema-alerts.js';
import { openMetricsText, promtoolTestFile } from '../../src/alerts/export.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertValue } from '../../src/alerts/rule-eval.js';
import { findPromtool, runPromtoolTest } from '../../src/alerts/promtool.js';
import type { AlertsConfig } from '../../src/scenario/alerts-config.js';

const PROMTOOL = findPromtool();
if (PROMTOOL === null) console.warn('[skip] promtool tests: no promtool on PATH (Debian: apt-get install -y prometheus)');

const RAFT_RULES = readRulesFile('examples/alerts/raft-noleader.rules.yml');
const ETCD_RULES = readRulesFile('examples/alerts/etcd.rules.yml');

function testText(t: AlertTrial, cfg: AlertsConfig): string {
  return promtoolTestFile({ ruleFile: 'rules.yml', store: t.store, outcomes: t.outcomes, evaluationIntervalMs: cfg.evaluationIntervalMs, endMs: t.endMs, valueOf: (r, l, ms) => alertValue(t.store, r.rule, l, ms) });
}

/** Trials of a built-in scenario, evaluated with both example rule files at once, at the given scrape interval. */
function trials(name: string, overrides: string[], trialIds: number[], scrapeMs: number) {
  const s = loadScenario(name, { overrides });
  const cfg = alertsConfigOf(s.source, s.file, { scrapeIntervalMs: scrapeMs });
  return trialIds.flatMap((trial) => {
    const t = runAlertTrial(s, cfg, [...RAFT_RULES.rules, ...ETCD_RULES.rules], trial, referenceFactory);
    // One promtool test per rules file, holding that file's rules' outcomes.
    return [RAFT_RULES, ETCD_RULES].map((rules) => ({ rules, cfg, t: { ...t, outcomes: t.outcomes.filter((o) => rules.rules.includes(o.rule)) } }));
  });
}

describe.skipIf(PROMTOOL === null)('promtool test rules', () => {
  // Quorum loss (pages), an election storm (tickets) and a quiet stretch, at two scrape intervals.
  const cases = [
    ...trials('alert-quorum-loss-15s', [], [0, 1], 15_000),
    ...trials('alert-quorum-loss-15s', [], [2], 30_000),
    ...trials('alert-election-storm', [], [0], 15_000),
  ];

  it('agrees with the built-in evaluator on every example rule over generated trials', () => {
    for (const { rules, cfg, t } of cases) {
      const r = runPromtoolTest(PROMTOOL!, rules.text, testText(t, cfg));
      expect(r.ok, `${rules.file} trial ${t.trial}, scrape ${cfg.scrapeIntervalMs} ms:\n${r.output.slice(0, 3000)}`).toBe(true);
    }
  });

  it('the agreement is not vacuous: every example rule fires in some trial', () => {
    const fired = new Set(cases.flatMap(({ t }) => t.outcomes.filter((o) => o.instances.some((a) => a.firedAtMs !== null)).map((o) => o.rule.name)));
    for (const r of [...RAFT_RULES.rules, ...ETCD_RULES.rules]) if (r.name !== 'etcdHighNumberOfLeaderChanges') expect(fired, r.name).toContain(r.name);
  });

  it('fails when the expected alert is deliberately wrong', () => {
    const { rules, cfg, t } = cases[0];
    const o = t.outcomes.find((x) => x.rule.name === 'NoLeader')!;
    const firedAt = o.instances.find((a) => a.firedAtMs !== null)!.firedAtMs!;
    const good = testText(t, cfg);
    // Claim it fires one evaluation earlier than it does.
    const wrong = good.replace(`- eval_time: ${(firedAt - cfg.evaluationIntervalMs) / 1000}s\n        alertname: NoLeader\n        exp_alerts: []`, `- eval_time: ${(firedAt - cfg.evaluationIntervalMs) / 1000}s\n        alertname: NoLeader\n        exp_alerts:\n          - exp_labels: { severity: page }\n            exp_annotations: { summary: No Raft node reports itself leader }`);
    expect(wrong).not.toBe(good);
    const r = runPromtoolTest(PROMTOOL!, rules.text, wrong);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/FAILED/);
    expect(runPromtoolTest(PROMTOOL!, rules.text, good).ok).toBe(true);
  });

  it('reads the OpenMetrics export into TSDB blocks, every series and sample', () => {
    const { t } = cases[0];
    const dir = mkdtempSync(join(tmpdir(), 'raftsim-om-'));
    try {
      writeFileSync(join(dir, 't.om'), openMetricsText(t.store));
      const r = spawnSync(PROMTOOL!, ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 't.om'), join(dir, 'data')], { encoding: 'utf8' });
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
      const samples = t.store.all.reduce((a, s) => a + s.v.filter((v) => !Number.isNaN(v)).length, 0);
      // The block table: … NUM SAMPLES  NUM CHUNKS  NUM SERIES …
      const row = r.stdout.split('\n').find((l) => /^[0-9A-Z]{26}\s/.test(l))!;
      const cols = row.trim().split(/\s+/);
      expect(Number(cols[4])).toBe(samples);
      expect(Number(cols[6])).toBe(t.store.all.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
