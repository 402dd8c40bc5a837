// JUnit XML for CI systems (GitHub, GitLab, Jenkins read testsuites/testsuite/
// testcase/failure): one testsuite per configuration (scenario, or scenario and
// sweep point), one testcase per expectation and one for safety. A failure's
// text is the measured value and the replay command that reproduces it.
// Durations (`time`, seconds) are wall-clock metadata the CLI measures and
// passes in; without them the file has none, and the same results give the same file.
import { configName, failedExpectations, pointLabel, type CheckedConfig, type CheckedExpectation } from './check.js';
import { formatUs } from '../sim/time.js';

/** Wall-clock seconds: the whole run, and per configuration (same order as `configs`; null: unknown). */
export interface JunitTimes {
  readonly totalSec: number;
  readonly configSec: readonly (number | null)[];
}

export function renderJunit(configs: readonly CheckedConfig[], times?: JunitTimes): string {
  const suites = configs.map((c, i) => suite(c, times?.configSec[i] ?? null));
  const tests = configs.reduce((a, c) => a + c.expectations.length + 1, 0);
  const failures = configs.reduce((a, c) => a + failedExpectations(c).length + (c.result.violations.length > 0 ? 1 : 0), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="raftsim check" tests="${tests}" failures="${failures}" errors="0"${times === undefined ? '' : ` time="${seconds(times.totalSec)}"`}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** Seconds with millisecond precision, as JUnit readers expect ("12.345"). */
function seconds(x: number): string {
  return Math.max(0, x).toFixed(3);
}

function suite(c: CheckedConfig, sec: number | null): string {
  const name = configName(c);
  const failures = failedExpectations(c).length + (c.result.violations.length > 0 ? 1 : 0);
  const props: [string, string][] = [['file', c.file], ['seed', c.seed], ['trials', String(c.trials)]];
  if (pointLabel(c.point) !== '') props.push(['point', JSON.stringify(c.point)]);
  const cases = [...c.expectations.map((e) => expectationCase(name, e)), safetyCase(name, c)];
  return [
    `  <testsuite name="${attr(name)}" tests="${c.expectations.length + 1}" failures="${failures}" errors="0" skipped="0"${sec === null ? '' : ` time="${seconds(sec)}"`} file="${attr(c.file)}">`,
    '    <properties>',
    ...props.map(([k, v]) => `      <property name="${attr(k)}" value="${attr(v)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

export function measured(e: { metric: string; actual: number | string | null }): string {
  if (e.actual !== null) return String(e.actual);
  return /\.(p50|p90|p99|max)$/.test(e.metric) ? 'beyond the horizon' : 'not measured';
}

function expectationCase(classname: string, e: CheckedExpectation): string {
  const open = `    <testcase classname="${attr(classname)}" name="${attr(`${e.metric} ${e.op} ${e.bound}`)}"`;
  if (e.pass) return `${open}/>`;
  const message = `${e.metric} = ${measured(e)}, expected ${e.op} ${e.bound}`;
  const body = [message, e.trial === null ? 'no single trial shows it' : `worst trial: ${e.trial}`, ...(e.replay ? [`reproduce: ${e.replay}`] : [])].join('\n');
  return `${open}>\n      <failure type="expectation" message="${attr(message)}">${text(body)}</failure>\n    </testcase>`;
}

function safetyCase(classname: string, c: CheckedConfig): string {
  const open = `    <testcase classname="${attr(classname)}" name="safety"`;
  const v = c.result.violations;
  if (v.length === 0) return `${open}/>`;
  const message = `safety violated in ${v.length} of ${c.trials} trial(s): ${[...new Set(v.map((x) => x.invariant))].join(', ')}`;
  const lines = v.slice(0, 20).map((x) => `trial ${x.trial}: ${x.invariant} at ${formatUs(x.timeUs)} (term ${x.term}, index ${x.index}): ${x.detail}\nreproduce: ${x.replay}`);
  if (v.length > 20) lines.push(`… and ${v.length - 20} more`);
  return `${open}>\n      <failure type="safety" message="${attr(message)}">${text(lines.join('\n'))}</failure>\n    </testcase>`;
}

/** XML 1.0 allows only some control characters; drop the rest. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
