// Rules files and the scenario's alerts: section: bad input is a ScenarioError
// naming the file, line, column and key, never a stack trace or a silent
// approximation.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseRules, readRulesFile } from '../../src/alerts/rules-file.js';
import { alertsConfigOf } from '../../src/scenario/schema-alerts.js';
import { loadScenario, loadScenarioText } from '../../src/scenario/load.js';
import { scenarioError, writeFiles } from '../scenarios/helpers.js';

const GOOD = `groups:
  - name: g
    rules:
      - alert: NoLeader
        expr: sum(raft_state{state="leader"}) == 0
        for: 30s
        labels: { severity: page }
`;

describe('rules files', () => {
  it('reads alerting rules with their expressions, for, labels and lines', () => {
    const f = parseRules(GOOD, 'r.yml');
    expect(f.rules).toHaveLength(1);
    expect(f.rules[0]).toMatchObject({ group: 'g', name: 'NoLeader', forMs: 30_000, labels: { severity: 'page' }, line: 4 });
  });

  it('the shipped examples parse', () => {
    expect(readRulesFile('examples/alerts/raft-noleader.rules.yml').rules.map((r) => r.name)).toEqual(['NoLeader', 'NoLeader1m', 'NoLeaderOrNoTargets', 'RaftElectionsRapid']);
    expect(readRulesFile('examples/alerts/etcd.rules.yml').rules.length).toBe(3);
  });

  const bad: [string, string, { line: number; column?: number; key: string; message: RegExp }][] = [
    ['unsupported function, pointed at', GOOD.replace('sum(raft_state{state="leader"}) == 0', 'histogram_quantile(0.9, x) > 1'), { line: 5, column: 15, key: 'groups[0].rules[0].expr', message: /unsupported PromQL: the function "histogram_quantile"/ }],
    ['vector-to-vector comparison', GOOD.replace('== 0', '== up'), { line: 5, key: 'groups[0].rules[0].expr', message: /between two vectors/ }],
    ['a recording rule', GOOD.replace('- alert: NoLeader', '- record: x\n        alert: NoLeader'), { line: 4, key: 'groups[0].rules[0].record', message: /recording rules are not evaluated/ }],
    ['keep_firing_for', GOOD.replace('for: 30s', 'for: 30s\n        keep_firing_for: 1m'), { line: 7, key: 'groups[0].rules[0].keep_firing_for', message: /not supported/ }],
    ['a misspelt key', GOOD.replace('for: 30s', 'fro: 30s'), { line: 6, key: 'groups[0].rules[0].fro', message: /unknown rule key/ }],
    ['a bad duration', GOOD.replace('for: 30s', 'for: 30 seconds'), { line: 6, key: 'groups[0].rules[0].for', message: /duration/ }],
    ['a group interval', GOOD.replace('  - name: g', '  - name: g\n    interval: 1m'), { line: 3, key: 'groups[0].interval', message: /group evaluation interval/ }],
    ['a templated label', GOOD.replace('severity: page', 'severity: "{{ $value }}"'), { line: 7, key: 'groups[0].rules[0].labels.severity', message: /templated/ }],
    ['broken YAML', 'groups:\n  - name: [', { line: 2, key: '', message: /not valid YAML/ }],
    ['no groups', 'rules: []\n', { line: 1, key: 'rules', message: /unknown key/ }],
  ];
  for (const [what, text, want] of bad) {
    it(`refuses ${what} with file, line and key`, () => {
      const e = scenarioError(() => parseRules(text, 'rules.yml'));
      expect(e.file).toBe('rules.yml');
      expect(e.line, e.stack).toBe(want.line);
      if (want.column !== undefined) expect(e.column, e.stack).toBe(want.column);
      expect(e.keyPath).toBe(want.key);
      expect(e.message).toMatch(want.message);
    });
  }

  it('a missing file is a ScenarioError too', () => {
    expect(scenarioError(() => readRulesFile('no/such/rules.yml')).message).toMatch(/no such file/);
  });
});

describe('the scenario alerts: section', () => {
  it('is validated with the scenario (file:line:key)', () => {
    const dir = writeFiles({ 'r.yml': GOOD });
    const e = scenarioError(() => loadScenarioText('{\n  alerts: {\n    rules: "r.yml",\n    scrapeInterval: "1500ms",\n  },\n}', join(dir, 's.json5')));
    expect([e.line, e.keyPath]).toEqual([4, 'alerts.scrapeInterval']);
    expect(e.message).toMatch(/whole number of seconds/);
    const missing = scenarioError(() => loadScenarioText('{\n  alerts: { rules: "nope.yml" },\n}', join(dir, 's.json5')));
    expect([missing.line, missing.keyPath]).toEqual([2, 'alerts.rules']);
    expect(missing.message).toMatch(/no such rules file/);
    const typo = scenarioError(() => loadScenarioText('{ alerts: { scrapeIntreval: "15s" } }', join(dir, 's.json5')));
    expect(typo.keyPath).toBe('alerts.scrapeIntreval');
    expect(typo.suggestion).toBe('scrapeInterval');
    expect(scenarioError(() => loadScenarioText('{ alerts: { labels: { job: "x" } } }', join(dir, 's.json5'))).keyPath).toBe('alerts.labels.job');
  });

  it('resolves relative to the scenario, with flags winning over the file', () => {
    const dir = writeFiles({ 'r.yml': GOOD });
    const s = loadScenarioText('{ alerts: { rules: "r.yml", scrapeInterval: "30s", prefix: "tensor_chain_" } }', join(dir, 's.json5'));
    const c = alertsConfigOf(s.source, s.file, { evaluationIntervalMs: 60_000 });
    expect(c).toMatchObject({ rules: join(dir, 'r.yml'), scrapeIntervalMs: 30_000, evaluationIntervalMs: 60_000, prefix: 'tensor_chain_', pageAfterMs: 30_000, families: ['raft', 'etcd'] });
    expect(alertsConfigOf(s.source, s.file, { scrapeIntervalMs: 5_000 }).scrapeIntervalMs).toBe(5_000);
  });

  it('built-in alert scenarios find their rules', () => {
    for (const name of ['alert-partition-10s', 'alert-election-storm', 'alert-quorum-loss-15s']) {
      const s = loadScenario(name);
      expect(readRulesFile(alertsConfigOf(s.source, s.file).rules!).rules.length).toBeGreaterThan(0);
    }
  });
});
