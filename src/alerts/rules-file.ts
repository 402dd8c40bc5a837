// Reads a Prometheus rules file (YAML: groups → rules) into alerting rules with
// parsed expressions. Everything the built-in evaluator could not evaluate
// exactly is bad input (exit 2) naming the file, line, column and key —
// unsupported PromQL, recording rules, keep_firing_for, group intervals,
// templated labels — rather than being evaluated approximately.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Scalar, type YAMLMap } from 'yaml';
import { ScenarioError, formatKeyPath, type KeyPath } from '../scenario/errors.js';
import { readTextFile } from '../scenario/read-file.js';
import { displayPath } from '../scenario/origins.js';
import { LIMITS } from '../format/limits.js';
import { LABEL_NAME } from '../scenario/alerts-config.js';
import { PromqlError, longestRangeMs, parseDurationMs, parsePromql, typeOf, type Expr } from './promql-parse.js';

export interface AlertRule {
  readonly group: string;
  readonly name: string;
  readonly exprText: string;
  readonly expr: Expr;
  readonly forMs: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** 1-based line of the rule in its file. */
  readonly line: number;
  /** The longest range selector in the expression, ms. */
  readonly rangeMs: number;
}

export interface RulesFile {
  /** As shown to the user. */
  readonly file: string;
  readonly text: string;
  readonly rules: readonly AlertRule[];
}

const MAX_RULES = 200;

export function readRulesFile(path: string): RulesFile {
  const file = displayPath(path);
  const r = readTextFile(path, LIMITS.fileBytes, file);
  if (!r.ok) throw new ScenarioError({ file, line: 0, column: 0, keyPath: '', message: r.reason });
  return parseRules(r.text, file);
}

/** Parses rules text; `file` names it in messages. */
export function parseRules(text: string, file: string): RulesFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const fail = (offset: number, path: KeyPath, message: string, hint?: string): never => {
    const pos = lc.linePos(offset);
    const lines = text.split('\n');
    throw new ScenarioError({ file, line: pos.line, column: pos.col, keyPath: formatKeyPath(path), message, hint, sourceLine: lines[pos.line - 1] });
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    fail(e.pos[0], [], `not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const at = (n: YamlNode | null | undefined) => n?.range?.[0] ?? 0;
  const root = doc.contents;
  if (!isMap(root)) return fail(at(root), [], 'expected a mapping with a "groups" list');
  const rules: AlertRule[] = [];
  for (const pair of root.items) {
    const k = String((pair.key as Scalar).value);
    if (k !== 'groups') fail(at(pair.key as YamlNode), [k], 'unknown key', 'a rules file holds only "groups"');
  }
  const groups = root.get('groups', true) as YamlNode | undefined;
  if (!isSeq(groups)) return fail(at(groups ?? root), ['groups'], 'expected a list of rule groups');
  const names = new Set<string>();
  groups.items.forEach((g, gi) => {
    const gp: KeyPath = ['groups', gi];
    if (!isMap(g)) fail(at(g as YamlNode), gp, 'expected a mapping with "name" and "rules"');
    const gm = g as YAMLMap;
    for (const pair of gm.items) {
      const k = String((pair.key as Scalar).value);
      if (k === 'interval') fail(at(pair.key as YamlNode), [...gp, k], 'a group evaluation interval is not supported', 'remove it and set the evaluation interval with alerts.evaluationInterval or --evaluation-interval');
      else if (k !== 'name' && k !== 'rules') fail(at(pair.key as YamlNode), [...gp, k], 'unknown or unsupported group key', 'a group has "name" and "rules"');
    }
    const name = scalarString(gm.get('name', true), [...gp, 'name'], fail, at(g as YamlNode));
    if (names.has(name)) fail(at(gm.get('name', true) as YamlNode), [...gp, 'name'], `group name ${JSON.stringify(name)} is used twice`);
    names.add(name);
    const list = gm.get('rules', true) as YamlNode | undefined;
    if (list === undefined || list === null) return;
    if (!isSeq(list)) return fail(at(list), [...gp, 'rules'], 'expected a list of rules');
    list.items.forEach((r, ri) => {
      const rp: KeyPath = [...gp, 'rules', ri];
      if (!isMap(r)) fail(at(r as YamlNode), rp, 'expected a rule mapping');
      const rm = r as YAMLMap;
      for (const pair of rm.items) {
        const k = String((pair.key as Scalar).value);
        const kp = [...rp, k];
        if (k === 'record') fail(at(pair.key as YamlNode), kp, 'recording rules are not evaluated', 'inline the recorded expression into the alert that uses it, or remove the rule');
        if (k === 'keep_firing_for') fail(at(pair.key as YamlNode), kp, 'keep_firing_for is not supported');
        if (!['alert', 'expr', 'for', 'labels', 'annotations'].includes(k)) fail(at(pair.key as YamlNode), kp, 'unknown rule key', 'an alerting rule has alert, expr, for, labels and annotations');
      }
      const alert = scalarString(rm.get('alert', true), [...rp, 'alert'], fail, at(r as YamlNode));
      if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(alert)) fail(at(rm.get('alert', true) as YamlNode), [...rp, 'alert'], `${JSON.stringify(alert)} is not a valid alert name`);
      const exprNode = rm.get('expr', true) as Scalar | undefined;
      const exprText = scalarString(exprNode, [...rp, 'expr'], fail, at(r as YamlNode));
      let expr: Expr;
      try {
        expr = parsePromql(exprText);
      } catch (e) {
        if (!(e instanceof PromqlError)) throw e;
        const inline = exprNode !== undefined && (exprNode.type === 'PLAIN' || exprNode.type === 'QUOTE_SINGLE' || exprNode.type === 'QUOTE_DOUBLE') && !exprText.includes('\n');
        const quote = exprNode?.type === 'PLAIN' ? 0 : 1;
        const offset = inline ? at(exprNode) + quote + e.offset : at(exprNode);
        return fail(offset, [...rp, 'expr'], `unsupported PromQL: ${e.message}${inline ? '' : ` (at character ${e.offset + 1} of the expression)`}`);
      }
      if (typeOf(expr) !== 'vector') fail(at(exprNode), [...rp, 'expr'], 'an alert expression must give an instant vector, not a number or a range');
      const forNode = rm.get('for', true) as YamlNode | undefined;
      const forMs = forNode === undefined ? 0 : ruleDuration(scalarString(forNode, [...rp, 'for'], fail, at(forNode)), () => fail(at(forNode), [...rp, 'for'], 'expected a duration such as 30s or 1m'));
      const labels = stringMap(rm.get('labels', true) as YamlNode | undefined, [...rp, 'labels'], fail, at);
      for (const [k, v] of Object.entries(labels)) {
        const node = (rm.get('labels', true) as unknown as YAMLMap).get(k, true) as YamlNode;
        if (!LABEL_NAME.test(k) || k.startsWith('__')) fail(at(node), [...rp, 'labels', k], 'not a valid label name');
        if (v.includes('{{')) fail(at(node), [...rp, 'labels', k], 'templated label values are not supported');
      }
      const annotations = stringMap(rm.get('annotations', true) as YamlNode | undefined, [...rp, 'annotations'], fail, at);
      if (rules.length >= MAX_RULES) fail(at(r as YamlNode), rp, `more than ${MAX_RULES} rules`);
      rules.push({ group: name, name: alert, exprText, expr, forMs, labels, annotations, line: lc.linePos(at(r as YamlNode)).line, rangeMs: longestRangeMs(expr) });
    });
  });
  if (rules.length === 0) fail(at(root), ['groups'], 'no alerting rules in the file');
  return { file, text, rules };
}

type Fail = (offset: number, path: KeyPath, message: string, hint?: string) => never;

function scalarString(n: unknown, path: KeyPath, fail: Fail, parentAt: number): string {
  if (n === undefined || n === null) return fail(parentAt, path, 'missing');
  if (!isScalar(n) || n.value === null || typeof n.value === 'object') return fail((n as YamlNode).range?.[0] ?? parentAt, path, 'expected a string');
  return String(n.value);
}

function stringMap(n: YamlNode | undefined, path: KeyPath, fail: Fail, at: (n: YamlNode) => number): Record<string, string> {
  if (n === undefined || n === null) return {};
  if (!isMap(n)) return fail(at(n), path, 'expected a mapping of names to strings');
  const out: Record<string, string> = {};
  for (const pair of n.items) {
    const k = String((pair.key as Scalar).value);
    out[k] = scalarString(pair.value, [...path, k], fail, at(pair.key as YamlNode));
  }
  return out;
}

/** A rule duration ("30s", "1m", "0s"); `bad` is called when it is not one. */
function ruleDuration(text: string, bad: () => never): number {
  if (/^0+(?:ms|[smhdwy])?$/.test(text)) return 0;
  try {
    return parseDurationMs(text);
  } catch {
    return bad();
  }
}
