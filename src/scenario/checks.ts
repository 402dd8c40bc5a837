// Checks that span fields, run by the schema once the shape of the file is
// valid (schema.ts). Each reports issues at the key the user should change.
import { checkInitial, checkNodeKeys, checkZoneLatency, checkZones } from './checks-cluster.js';
import { checkFaults } from './checks-faults.js';
import { DEFAULTS } from './defaults.js';
import { formatDuration } from '../format/duration.js';
import type { Issue, KeyPath, Report } from '../format/issue.js';
import { parseExpectation } from './expect-parse.js';
import { LIMITS, trialWriteBytes } from '../format/limits.js';
import { resolveRaftConfigs } from './raft-config.js';
import type { ScenarioInput } from './schema.js';
import { checkKeyPath } from './schema-walk.js';
import { RESERVED_KEYS } from '../format/values.js';
import type * as z from 'zod';

export type { Issue, Report } from '../format/issue.js';

interface RefinementCtx {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string; params: Record<string, unknown> }): void;
}

/** The superRefine body: `shape` is the schema itself, for validating sweep keys. */
export function checkScenario(s: ScenarioInput, ctx: RefinementCtx, shape: z.ZodType): void {
  for (const i of collectIssues(s, shape)) {
    ctx.addIssue({ code: 'custom', path: [...i.path], message: i.message, params: { expected: i.expected, suggestion: i.suggestion, at: i.at } });
  }
}

export function collectIssues(s: ScenarioInput, shape: z.ZodType): Issue[] {
  const issues: Issue[] = [];
  const report: Report = (i) => issues.push(i);
  const n = s.cluster?.nodes ?? DEFAULTS.nodes;
  const horizonUs = s.horizon ?? DEFAULTS.horizonUs;
  checkNodeKeys(s, n, report);
  checkZones(s, n, report);
  checkZoneLatency(s, report);
  checkInitial(s, n, report);
  checkFaults(s.faults ?? [], n, horizonUs, report);
  // Per-node raft configs need valid node keys first.
  if (issues.length === 0) checkRaft(s, n, horizonUs, report);
  checkWorkload(s, n, horizonUs, report);
  checkMeasure(s, horizonUs, report);
  checkSweep(s, shape, report);
  checkExpect(s, report);
  return issues;
}

/** Every node's timers resolve, and heartbeats over the horizon stay within the work cap. */
function checkRaft(s: ScenarioInput, n: number, horizonUs: number, report: Report): void {
  const r = resolveRaftConfigs(s.raft, n);
  if (!r.ok) {
    report({ path: r.path, message: r.message });
    return;
  }
  const heartbeatUs = Math.min(...r.configs.map((c) => c.heartbeatMinUs));
  const messages = (horizonUs / heartbeatUs) * Math.max(1, n - 1);
  if (messages > LIMITS.heartbeatsPerTrial) {
    report({
      path: s.horizon !== undefined ? ['horizon'] : ['raft'],
      message: `about ${messages.toExponential(1)} heartbeats per trial (every ${formatDuration(heartbeatUs)} to ${n - 1} followers for ${formatDuration(horizonUs)}), over the cap of ${LIMITS.heartbeatsPerTrial.toExponential(0)}; shorten the horizon or lengthen the heartbeat interval`,
    });
  }
}

/** The writes of one trial stay in memory until it ends (the nodes never compact their logs): bounded. */
function checkWorkload(s: ScenarioInput, n: number, horizonUs: number, report: Report): void {
  const wps = s.workload?.writesPerSecond ?? 0;
  const writes = (wps * horizonUs) / 1e6;
  const bytes = trialWriteBytes(writes, n);
  if (bytes > LIMITS.trialWriteBytes) {
    const mb = (b: number) => `${Math.round(b / 2 ** 20).toLocaleString('en-US')} MB`;
    report({
      path: ['workload', 'writesPerSecond'],
      message: `about ${writes.toExponential(1)} writes per trial would hold about ${mb(bytes)} (every write stays in each of ${n} nodes' logs until the trial ends), over the cap of ${mb(LIMITS.trialWriteBytes)}; lower the rate or shorten the horizon`,
    });
  }
  const base = s.workload?.retryBackoff;
  const max = s.workload?.retryBackoffMax;
  if (base !== undefined && max !== undefined && max < base) {
    report({ path: ['workload', 'retryBackoffMax'], message: `retryBackoffMax ${formatDuration(max)} is below retryBackoff ${formatDuration(base)}` });
  }
}

function checkMeasure(s: ScenarioInput, horizonUs: number, report: Report): void {
  const alerts = s.measure?.alerts ?? [];
  alerts.forEach((a, i) => {
    if (alerts.indexOf(a) !== i) report({ path: ['measure', 'alerts', i], message: `alert threshold ${formatDuration(a)} is listed twice` });
  });
  const warmup = s.measure?.warmup;
  if (warmup !== undefined && warmup >= horizonUs) {
    report({ path: ['measure', 'warmup'], message: `warm-up ${formatDuration(warmup)} is not shorter than the horizon ${formatDuration(horizonUs)}, so nothing would be measured` });
  }
}

/** Sweep keys are real keys of this format; the grid is bounded. */
function checkSweep(s: ScenarioInput, shape: z.ZodType, report: Report): void {
  if (s.sweep === undefined) return;
  let points = 1;
  for (const [key, values] of Object.entries(s.sweep)) {
    points *= values.length;
    const bad = sweepKeyProblem(key, shape);
    if (bad !== null) report({ path: ['sweep', key], at: 'key', ...bad });
  }
  if (points > LIMITS.sweepPoints) {
    report({ path: ['sweep'], message: `the grid has ${points} points, over the cap of ${LIMITS.sweepPoints}; sweep fewer keys or values` });
  } else if (points * (s.trials ?? DEFAULTS.trials) > LIMITS.totalTrials) {
    report({ path: ['trials'], message: `${points} sweep points × ${s.trials ?? DEFAULTS.trials} trials is over the cap of ${LIMITS.totalTrials} trials in all` });
  }
}

/** Why a dotted key (sweep or --set) cannot be set, or null when it can. */
export function sweepKeyProblem(key: string, shape: z.ZodType): Omit<Issue, 'path'> | null {
  const segs = key.split('.');
  if (segs.some((x) => x === '')) return { message: `"${key}" is not a dotted key`, expected: 'a dotted key such as "raft.electionTimeout.min"' };
  if (segs.some((x) => RESERVED_KEYS.has(x))) return { message: `"${key}" uses a reserved name` };
  if (segs[0] === 'sweep' || segs[0] === 'extends') return { message: `"${segs[0]}" cannot be set this way` };
  const r = checkKeyPath(shape, segs);
  if (r.ok) return null;
  const suggestion = r.suggestion === undefined ? undefined : [...segs.slice(0, r.depth), r.suggestion, ...segs.slice(r.depth + 1)].join('.');
  return { message: `"${key}": ${r.message}`, expected: r.expected, suggestion };
}

function checkExpect(s: ScenarioInput, report: Report): void {
  const entries = Object.entries(s.expect ?? {});
  if (entries.length > LIMITS.expectations) report({ path: ['expect'], message: `${entries.length} expectations, over the cap of ${LIMITS.expectations}` });
  const alerts = s.measure?.alerts ?? DEFAULTS.alertThresholdsUs;
  for (const [metric, text] of entries) {
    const r = parseExpectation(metric, text, alerts);
    if (!r.ok) report({ path: ['expect', metric], at: r.on, message: r.message, expected: r.expected, suggestion: r.suggestion });
  }
}
