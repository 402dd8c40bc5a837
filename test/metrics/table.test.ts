// The metric table (src/metrics/table.ts) and everything that lists metrics agree:
// the --json keys, the expectation keys and the JSON Schema's list of them, the
// terminal's rows and lines, compare's rows, and docs/json.md.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { METRICS, METRIC_NAMES, metric, trialValues } from '../../src/metrics/table.js';
import { aggregate, type TrialSummary } from '../../src/metrics/aggregate.js';
import { EXPECTABLE_METRICS, SUMMARY_FIELDS } from '../../src/metrics/metric-names.js';
import type { TrialMetrics } from '../../src/metrics/derive.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { durationRows, metricFacts } from '../../src/cli/format-run.js';
import { compareResults, type Side } from '../../src/verdict/compare.js';
import { resultShapeProblem } from '../../src/report/result-shape.js';
import { config } from '../report/fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One trial in which every metric has a value (1 ms durations, one of each count). */
const trial: TrialMetrics = {
  faults: [{ description: 'crash 0', startUs: 0, leaderUs: 1000, heardUs: 1000, stableUs: 1000, leaderCommitUs: 1000, writeUs: 1000, kept: false }],
  measuredUs: 3.6e9,
  leaderlessUs: 1000,
  elections: 1,
  splitVotes: 1,
  spuriousElections: 1,
  leaderChanges: 1,
  termInflation: 1,
  deposedLeaderUs: [1000],
  commitLatencyUs: [1000],
  writesCounted: 1,
  writesAckedInTime: 1,
  alertsFired: [0],
  recovery: { healedUs: 0, afterUs: 1000 },
};
const summaries: TrialSummary[] = [{ trial: 0, metrics: trial, violation: null, events: 1, hash: '' }];
const metrics = aggregate(summaries, [30_000_000]);
const entries = METRIC_NAMES.map((n) => [n, metric(n)] as const);

describe('the metric table', () => {
  it('names carry their unit and each kind its shape', () => {
    for (const [name, e] of entries) {
      if (e.kind === 'duration') expect(name).toMatch(/Ms$/);
      if (e.kind === 'perTrial') expect(name).toMatch(/PerTrial$/);
      if (e.kind === 'perHour') expect(name).toMatch(/PerHour$/);
      expect(e.meaning.length, name).toBeGreaterThan(10);
      expect(trialValues(e, trial).length, name).toBeGreaterThan(0);
    }
  });

  it('gives the --json metrics object its keys, in its order, each rate followed by its evidence', () => {
    const expected = METRIC_NAMES.flatMap((n) => {
      const e = metric(n);
      return e.kind === 'perHour' ? [n, e.evidence] : [n];
    });
    expect(Object.keys(metrics)).toEqual([...expected, 'alertsFiredPerTrial', 'trialsWithAlert', 'safety', 'safetyViolations', 'measuredHours', 'eventsPerTrial']);
    expect(metrics.spuriousElections?.events).toBe(1);
    expect(metrics.timeToLeaderMs.n).toBe(1);
    expect(metrics.leaderKeptFraction).toBe(0);
  });

  it('every expectable metric, and no other, is an expectation key and in the JSON Schema', () => {
    const description = (scenarioJsonSchema() as { properties: Record<string, { description: string }> }).properties.expect.description;
    const listed = new Set(description.match(/\b[a-z][A-Za-z]+(?:Ms|PerTrial|PerHour|Fraction|Availability)\b/g));
    for (const [name, e] of entries) {
      const keys = e.kind === 'duration' ? SUMMARY_FIELDS.map((f) => `${name}.${f}`) : [name];
      for (const k of keys) expect(EXPECTABLE_METRICS.includes(k), k).toBe(e.expectable);
      expect(listed.has(name), name).toBe(e.expectable);
    }
    // The schema lists nothing the table does not have (alertsFiredPerTrial is keyed by threshold).
    for (const n of listed) expect(n in METRICS || n === 'alertsFiredPerTrial', n).toBe(true);
  });

  it('the terminal prints every metric: a row per duration in row order, a line per other metric', () => {
    const durations = entries.flatMap(([n, e]) => (e.kind === 'duration' ? [[n, e.terminal] as const] : []));
    const rows = durationRows(metrics).rows.map((r) => r[0]);
    expect(rows).toEqual([...durations].sort((a, b) => a[1].row - b[1].row).map(([, t]) => t.label.trim()));
    expect(new Set(durations.map(([, t]) => t.row)).size).toBe(durations.length);
    const facts = metricFacts(metrics).map(([label]) => label);
    expect(facts).toEqual(entries.flatMap(([, e]) => (e.kind === 'duration' ? [] : [e.terminal.label])));
    expect(metricFacts(metrics).find(([l]) => l === 'spurious elections per hour')?.[1]).toMatch(/\/h \[.*\] over 1\.000 h \(1 event\)/);
  });

  it('compare has a row per metric the table gives a compare label, and no other', () => {
    const side = (label: string): Side => ({ label, file: `${label}.json`, scenario: 's', point: {}, result: { ...config(), metrics } });
    const rows = compareResults(side('a'), side('b')).rows.map((r) => r.metric);
    const labelled = entries.flatMap(([, e]) => (e.compare === null ? [] : [e.compare.label]));
    expect([...rows].sort()).toEqual([...labelled].sort());
  });

  it('a saved result lacking a metric added later still renders; one lacking an original metric does not', () => {
    const result = { ...config(), metrics: JSON.parse(JSON.stringify(metrics)) as Record<string, unknown> };
    const header = { scenario: 's', description: '', file: 'f', seed: '1', trials: 1, source: {}, overrides: [] };
    for (const [name, e] of entries) {
      const { [name]: _dropped, ...rest } = result.metrics;
      const problem = resultShapeProblem({ ...header, ...result, metrics: rest });
      if (e.inOldResults) expect(problem, name).toContain(name);
      else expect(problem, name).toBeNull();
    }
  });

  it('docs/json.md has a row for every metric, with its unit, and no metric the table lacks', () => {
    const doc = readFileSync(join(root, 'docs', 'json.md'), 'utf8');
    const rows = new Map([...doc.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim()]));
    for (const [name, e] of entries) expect(rows.get(name), name).toBe(e.unit);
    const others = ['alertsFiredPerTrial', 'trialsWithAlert', 'safety', 'safetyViolations', 'measuredHours', 'eventsPerTrial'];
    expect([...rows.keys()].filter((k) => !(k in METRICS) && !others.includes(k))).toEqual([]);
    for (const [, e] of entries) if (e.kind === 'perHour') expect(doc).toContain(`\`${e.evidence}\``);
  });

  it('an entry missing a piece of its kind is a compile error', () => {
    const table = join(root, 'src', 'metrics', 'table.js');
    const entry = (extra: string) =>
      `import type { MetricEntry } from ${JSON.stringify(table)};\n` +
      `export const e = { kind: 'perTrial', unit: 'count', expectable: true, inOldResults: false, meaning: 'a new count', count: (m) => m.elections, compare: null${extra} } satisfies MetricEntry;\n`;
    // TypeScript 7's compiler has no JavaScript API: run tsc on the entry alone (it follows the import).
    const errors = (source: string): string => {
      const dir = mkdtempSync(join(tmpdir(), 'raftsim-metric-'));
      try {
        writeFileSync(join(dir, 'entry.ts'), source);
        const options = { strict: true, noEmit: true, skipLibCheck: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: ['node'], typeRoots: [join(root, 'node_modules', '@types')] };
        writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['entry.ts'] }));
        const r = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
        return r.stdout + r.stderr;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    expect(errors(entry(", terminal: { label: 'new counts per trial', digits: 2 }"))).toBe('');
    expect(errors(entry(''))).toMatch(/entry\.ts.*terminal/s);
  }, 60_000);
});

