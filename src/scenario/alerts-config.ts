// What the simulated Prometheus looks like: which metrics each node exposes
// and under which names, how often it is scraped, how often rules are
// evaluated, and what counts as an outage worth a page. Resolved values (ms);
// the scenario's `alerts:` section (scenario/schema-alerts.ts) and the `raftsim alerts`
// flags fill them in.

export type MetricFamily = 'raft' | 'etcd';

export interface ExpositionConfig {
  /** Every target is scraped this often (a whole number of seconds). */
  readonly scrapeIntervalMs: number;
  /** Which naming families each node exposes (both by default). */
  readonly families: readonly MetricFamily[];
  /** The raft family's metric name prefix, e.g. "raft_" (raft_state) or "tensor_chain_". */
  readonly prefix: string;
  /** The job label of every target. */
  readonly job: string;
  /** Further labels on every series (e.g. { cluster: "prod-a" }). */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * "scraped" (default): Prometheus reaches every running node whatever the partitions between
   * nodes (it has its own path); "unreachable": a node cut off from every peer both ways is cut
   * off from Prometheus too, and its scrapes fail (up == 0).
   */
  readonly isolatedTargets: 'scraped' | 'unreachable';
}

export interface AlertsConfig extends ExpositionConfig {
  /** The rules file (absolute path) named by the scenario's alerts.rules, or null. */
  readonly rules: string | null;
  /** Rules are evaluated at 0, this, 2 × this, … (a whole number of seconds). */
  readonly evaluationIntervalMs: number;
  /** A leaderless stretch at least this long should page; shorter ones should not. */
  readonly pageAfterMs: number;
}

export const ALERT_DEFAULTS: Omit<AlertsConfig, 'rules'> = Object.freeze({
  scrapeIntervalMs: 15_000,
  families: ['raft', 'etcd'] as const,
  prefix: 'raft_',
  job: 'raft',
  labels: {},
  isolatedTargets: 'scraped' as const,
  evaluationIntervalMs: 15_000,
  pageAfterMs: 30_000,
});

/** Prometheus's default lookback: an instant selector takes the latest sample at most this old. */
export const LOOKBACK_MS = 300_000;

export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
