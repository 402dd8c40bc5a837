import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { EXPECTABLE_METRICS } from '../../src/metrics/metric-names.js';

type Schema = { type?: string; properties?: Record<string, Schema>; description?: string; additionalProperties?: unknown; anyOf?: Schema[]; pattern?: string; maximum?: number };

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as Schema & { $schema: string };
  const props = schema.properties!;

  it('is a strict draft 2020-12 object schema with every top-level key', () => {
    expect(schema.$schema).toContain('2020-12');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(props)).toEqual(['$schema', 'name', 'description', 'extends', 'cluster', 'raft', 'network', 'clocks', 'cpu', 'disk', 'workload', 'faults', 'trials', 'seed', 'horizon', 'measure', 'alerts', 'sweep', 'expect']);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('describes defaults and caps for editors', () => {
    const nodes = props.cluster.properties!.nodes;
    expect(nodes.maximum).toBe(101);
    expect(nodes.description).toContain('default 5');
    expect(props.trials.description).toContain('default 100');
    expect(props.horizon.description).toMatch(/default "60s".*30 days/);
    expect(props.horizon.pattern).toBeDefined();
    expect(props.network.properties!.latency.description).toContain('lognormal');
    expect(props.raft.properties!.electionTimeout.description).toContain('paper 150ms–300ms');
  });

  it('every property has a description', () => {
    const missing: string[] = [];
    const walk = (s: Schema, at: string) => {
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        if (v.description === undefined && v.anyOf === undefined) missing.push(`${at}.${k}`);
        walk(v, `${at}.${k}`);
      }
    };
    walk(schema, '');
    expect(missing.filter((m) => !m.endsWith('.dist') && !m.endsWith('.kind'))).toEqual([]);
  });
});

it('the metric names cover safety, every duration field and the default alerts', () => {
  expect(EXPECTABLE_METRICS).toContain('safety');
  expect(EXPECTABLE_METRICS).toContain('timeToLeaderMs.p99');
  expect(EXPECTABLE_METRICS).toContain('deposedLeaderMs.censored');
  expect(EXPECTABLE_METRICS).toContain('timeToLeaderCommitMs.p99');
  expect(EXPECTABLE_METRICS).toContain('alertsFiredPerTrial.30s');
  expect(EXPECTABLE_METRICS).toContain('alertsFiredPerTrial.1min');
  expect(EXPECTABLE_METRICS).toHaveLength(1 + 9 * 7 + 6 + 2);
});
