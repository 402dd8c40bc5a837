// The simulated exposition observes without changing the simulation, scrapes
// at deterministic per-target offsets, and a down node's target reports up 0
// with staleness markers; the statistics behind the report; the OpenMetrics export.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { runTrialWith } from '../../src/run/trial.js';
import { runAlertTrial } from '../../src/alerts/run-trial.js';
import { alertsConfigOf } from '../../src/scenario/schema-alerts.js';
import { scrapeOffsetMs } from '../../src/alerts/exposition.js';
import { isStale } from '../../src/alerts/series.js';
import { openMetricsText, seriesValues } from '../../src/alerts/export.js';
import { readRulesFile } from '../../src/alerts/rules-file.js';
import { scoreTrial, leaderlessStretches } from '../../src/alerts/score.js';
import { deriveOptionsOf } from '../../src/run/trial.js';
import { binomialCdf, poissonUpper, quantileInterval, quantileRanks } from '../../src/alerts/stats.js';

const RULES = readRulesFile('examples/alerts/raft-noleader.rules.yml').rules;

describe('exposition', () => {
  const s = loadScenario('alert-quorum-loss-15s', { overrides: ['horizon="4min"', 'trials=2'] });
  const cfg = alertsConfigOf(s.source, s.file);
  const a = runAlertTrial(s, cfg, RULES, 0, referenceFactory);

  it('changes nothing in the simulation: same trace hash, events and metrics as a plain run', () => {
    const plain = runTrialWith(s, 0, referenceFactory);
    expect(a.outcome.hash).toBe(plain.hash);
    expect(a.outcome.events).toBe(plain.events);
    expect(a.outcome.metrics).toEqual(plain.metrics);
    // And the same again: the exposition is deterministic.
    expect(openMetricsText(runAlertTrial(s, cfg, RULES, 0, referenceFactory).store)).toBe(openMetricsText(a.store));
  });

  it('scrapes each target every interval at its own whole-second offset', () => {
    for (let node = 0; node < 5; node++) {
      const up = a.store.named('up').find((x) => x.labels.instance === `n${node}`)!;
      const off = scrapeOffsetMs(`n${node}`, 15_000);
      expect(off % 1000).toBe(0);
      expect(up.tMs[0]).toBe(off);
      expect(up.tMs.every((t, i) => i === 0 || t - up.tMs[i - 1] === 15_000)).toBe(true);
    }
    expect(new Set([0, 1, 2, 3, 4].map((n) => scrapeOffsetMs(`n${n}`, 15_000))).size).toBeGreaterThan(1);
  });

  it('a crashed node scrapes as up 0, its series get one staleness marker and then no samples until it is back', () => {
    const crashed = a.history.faults[0].nodes!;
    expect(crashed.length).toBe(3);
    const n = crashed[0];
    const up = a.store.named('up').find((x) => x.labels.instance === `n${n}`)!;
    const term = a.store.named('raft_term').find((x) => x.labels.instance === `n${n}`)!;
    const downAt = up.tMs[up.v.indexOf(0)];
    expect(downAt).toBeGreaterThanOrEqual(a.history.faults[0].startUs / 1000);
    const i = term.tMs.indexOf(downAt);
    expect(isStale(term.v[i])).toBe(true);
    const healMs = a.history.faults[0].healUs! / 1000;
    expect(term.tMs[i + 1]).toBeGreaterThanOrEqual(healMs); // nothing while down, samples again once restarted
    expect(term.tMs[i + 1] - healMs).toBeLessThanOrEqual(15_000);
    const whileDown = up.tMs.map((t, k) => [t, up.v[k]]).filter(([t]) => t >= downAt && t < healMs);
    expect(whileDown.length).toBeGreaterThan(5);
    expect(whileDown.every(([, v]) => v === 0)).toBe(true);
  });

  it('series carry the configured names and labels, and OpenMetrics lists them with timestamps', () => {
    const names = new Set(a.store.all.map((x) => x.labels.__name__));
    for (const n of ['up', 'raft_state', 'raft_term', 'raft_elections_total', 'etcd_server_has_leader', 'etcd_server_leader_changes_seen_total']) expect(names).toContain(n);
    const text = openMetricsText(a.store);
    expect(text).toMatch(/^# TYPE raft_elections counter$/m);
    expect(text).toMatch(/^raft_state\{instance="n0",job="raft",state="leader"\} [01] \d+\.000$/m);
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(text).not.toMatch(/NaN/);
  });

  it('expanding notation: runs, gaps and staleness markers', () => {
    expect(seriesValues({ labels: {}, tMs: [0, 1000, 2000, 5000, 6000], v: [1, 1, 1, NaN, 2] })).toBe('1+0x2 _x2 stale 2');
  });

  it('scores the quorum loss as an incident NoLeader detected, within for + scrape + 2 evaluations', () => {
    const sc = scoreTrial(0, a.history, a.outcomes, a.endMs, cfg, deriveOptionsOf(s));
    const noLeader = sc.rules[RULES.findIndex((r) => r.name === 'NoLeader')];
    expect(noLeader.incidents).toHaveLength(1);
    const d = noLeader.incidents[0].detectedMs!;
    expect(d).toBeGreaterThanOrEqual(30_000);
    expect(d).toBeLessThanOrEqual(30_000 + 15_000 + 2 * 15_000 + 2_000);
    expect(noLeader.falsePages).toBe(0);
    expect(noLeader.faults[0]).toMatchObject({ shouldPage: true, paged: true });
    const stretch = leaderlessStretches(a.history, 0).find((x) => x.startMs === noLeader.incidents[0].startMs)!;
    expect((stretch.endMs ?? a.endMs) - stretch.startMs).toBeGreaterThanOrEqual(30_000);
    expect(noLeader.incidents[0].open).toBe(false); // the nodes restarted before the horizon…
    expect(noLeader.incidents[0].resolvedMs).toBeLessThanOrEqual(15_000 + 2 * 15_000); // …and the page resolved within a scrape and two evaluations
  });
});

describe('statistics', () => {
  it('binomial CDF and quantile ranks', () => {
    expect(binomialCdf(0, 10, 0.5)).toBeCloseTo(1 / 1024, 12);
    expect(binomialCdf(5, 10, 0.5)).toBeCloseTo(638 / 1024, 12);
    expect(binomialCdf(9_990, 10_000, 0.999)).toBeGreaterThan(0);
    // The median of 100: ranks 40 and 61 (the textbook order-statistic interval).
    expect(quantileRanks(100, 0.5)).toEqual([40, 61]);
    // Too few observations for a p99 upper bound.
    expect(quantileRanks(10, 0.99)[1]).toBe(11);
  });

  it('quantile intervals treat not-reached values as larger than all, and say when a bound is beyond the data', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileInterval(v, 0.5)).toEqual({ p: 0.5, lo: 40, hi: 61 });
    expect(quantileInterval([...v.slice(0, 50), ...new Array(50).fill(null)], 0.5).hi).toBeNull();
    expect(quantileInterval([], 0.5)).toEqual({ p: 0.5, lo: null, hi: null });
  });

  it('Poisson upper bound: rule of three for zero events, exact for more', () => {
    expect(poissonUpper(0)).toBeCloseTo(-Math.log(0.05), 6);
    expect(poissonUpper(1)).toBeCloseTo(4.743865, 5);
    expect(poissonUpper(10)).toBeCloseTo(33.9244 / 2, 3); // χ²(0.95, 22) / 2
  });
});
