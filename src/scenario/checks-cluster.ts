// Cross-field checks about nodes: per-node override keys, zones, zone latency,
// and the initial state (cluster.initial, checked where it is resolved).
import type { Report } from './checks.js';
import type { KeyPath } from './errors.js';
import { resolveInitial } from './resolve-initial.js';
import type { ScenarioInput } from './schema.js';
import { listChoices, nearest } from './suggest.js';
import { noSuchNode } from '../format/node-ids.js';

const NODE_KEY = /^(0|[1-9][0-9]*)$/;

/** Keys of per-node override maps ({ "2": {…} }) must be node ids of this cluster. */
export function checkNodeKeys(s: ScenarioInput, n: number, report: Report): void {
  const maps: [KeyPath, Record<string, unknown> | undefined][] = [
    [['raft', 'nodes'], s.raft?.nodes],
    [['clocks', 'nodes'], s.clocks?.nodes],
    [['cpu', 'nodes'], s.cpu?.nodes],
    [['disk', 'nodes'], s.disk?.nodes],
  ];
  for (const [path, map] of maps) {
    for (const key of Object.keys(map ?? {})) {
      if (!NODE_KEY.test(key)) report({ path: [...path, key], at: 'key', message: `"${key}" is not a node id`, expected: `a node id "0" .. "${n - 1}"` });
      else if (Number(key) >= n) report({ path: [...path, key], at: 'key', message: noSuchNode(key, n) });
    }
  }
}

/** Every node in exactly one zone; zone names usable in "a->b" keys. */
export function checkZones(s: ScenarioInput, n: number, report: Report): void {
  const zones = s.cluster?.zones;
  if (zones === undefined) return;
  const zoneOf = new Map<number, string>();
  for (const [name, ids] of Object.entries(zones)) {
    const path = ['cluster', 'zones', name];
    if (name.includes('->')) report({ path, at: 'key', message: `zone name "${name}" must not contain "->"` });
    ids.forEach((id, i) => {
      if (id >= n) report({ path: [...path, i], message: noSuchNode(id, n) });
      else if (zoneOf.has(id)) report({ path: [...path, i], message: `node ${id} is already in zone "${zoneOf.get(id)}"; every node is in exactly one zone` });
      else zoneOf.set(id, name);
    });
  }
  const missing = [...Array(n).keys()].filter((id) => !zoneOf.has(id));
  if (missing.length > 0) {
    report({ path: ['cluster', 'zones'], message: `node${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} in no zone; every node is in exactly one zone` });
  }
}

/** zoneLatency keys are "from->to" with known zones. */
export function checkZoneLatency(s: ScenarioInput, report: Report): void {
  const lat = s.network?.zoneLatency;
  if (lat === undefined) return;
  const zones = Object.keys(s.cluster?.zones ?? {});
  if (zones.length === 0 && Object.keys(lat).length > 0) {
    report({ path: ['network', 'zoneLatency'], at: 'key', message: 'zoneLatency needs zones; define cluster.zones' });
    return;
  }
  for (const key of Object.keys(lat)) {
    const path = ['network', 'zoneLatency', key];
    const parts = key.split('->');
    if (parts.length !== 2) {
      report({ path, at: 'key', message: `"${key}" is not a zone pair`, expected: `"from->to", e.g. "${zones[0]}->${zones[1] ?? zones[0]}"` });
      continue;
    }
    parts.forEach((z, side) => {
      // Suggest a zone other than the pair's other end: "a->a" is rarely what was meant.
      const others = zones.filter((x) => x !== parts[1 - side]);
      if (!zones.includes(z)) report({ path, at: 'key', message: `unknown zone "${z}" in "${key}"`, expected: `zones ${listChoices(zones)}`, suggestion: suggestPair(key, z, others.length > 0 ? others : zones) });
    });
  }
}

function suggestPair(key: string, bad: string, zones: readonly string[]): string | undefined {
  const z = nearest(bad, zones);
  return z === undefined ? undefined : key.replace(bad, z);
}

/** cluster.initial: the leader and listed nodes exist, behind ≤ entries, diverged tails are older, commit is on a majority. */
export function checkInitial(s: ScenarioInput, n: number, report: Report): void {
  const initial = s.cluster?.initial;
  if (initial !== undefined) resolveInitial(initial, n, report);
}
