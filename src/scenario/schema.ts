// The scenario file format, as a zod schema. Objects are strict (an unknown key
// is an error, with a suggestion); durations become integer µs while parsing;
// checks that span fields run in checkScenario() once the shape is valid.
// Defaults are filled in by resolve.ts; each is stated in its field's description,
// and so is each cap (see limits.ts).
import * as z from 'zod';
import { checkScenario } from './checks.js';
import { LIMITS, TRIAL_BYTES_PER_WRITE } from '../format/limits.js';
import { raftSchema } from './schema-raft.js';
import { faultSchema } from './schema-faults.js';
import { clusterSchema } from './schema-cluster.js';
import { ONLY_VALID, duration, durationOrDist, perNode, probability } from '../format/schema-values.js';
import { alertsSchema } from './schema-alerts.js';

const clockKnobs = {
  skew: duration('Wall-clock offset from true time; may be negative, e.g. "-200ms" (default 0).', { signed: true }).optional(),
  drift: z.number().gt(-LIMITS.driftPpm).lt(LIMITS.driftPpm).describe('Clock rate error in ppm, |ppm| < 1e6 (default 0).').optional(),
};

export const scenarioShape = z
  .strictObject({
    $schema: z.string().describe('Path or URL of the JSON Schema, for editors; ignored by raftsim.').optional(),
    name: z.string().min(1).max(LIMITS.nameChars).describe(`Scenario name (default: the file name without its extension); at most ${LIMITS.nameChars} characters. Not inherited through \`extends\`.`).optional(),
    description: z.string().max(LIMITS.descriptionChars).describe(`What an operator learns from this scenario (default ""); at most ${LIMITS.descriptionChars} characters.`).optional(),
    extends: z.string().min(1).max(LIMITS.pathChars).describe(`A base scenario file, relative to this one, or a built-in scenario as "builtin:<name>" (raftsim list). Objects merge key by key, arrays are replaced, and an object whose \`dist\` differs from the base's replaces it whole; chains up to ${LIMITS.extendsDepth} deep; cycles are errors.`).optional(),
    cluster: clusterSchema.optional(),
    raft: raftSchema.optional(),
    network: z
      .strictObject({
        latency: durationOrDist('One-way message latency within a zone (default { dist: "lognormal", median: "500us", sigma: 0.3 }, a LAN).').optional(),
        zoneLatency: z
          .record(z.string(), durationOrDist('Latency between two zones.'))
          .describe('Directed latency between zones, keyed "a->b"; a missing reverse direction is the same; pairs not listed use `latency`. Needs cluster.zones.')
          .optional(),
        loss: probability('Probability that a message is dropped (default 0).').optional(),
        duplicate: probability('Probability that a message is delivered twice (default 0).').optional(),
        inFlightOnCut: z.enum(['drop', 'deliver']).describe('What happens to messages in flight when a link is cut: "drop" (default) or "deliver".').optional(),
        ordering: z
          .enum(['fifo', 'independent'])
          .describe('Delivery order on each directed link: "fifo" (default: a message never overtakes an earlier one on the same link, as over the TCP streams etcd, hashicorp/raft and LogCabin use) or "independent" (every message keeps its own drawn delay, so later ones overtake: a harsher, UDP-like test).')
          .optional(),
      })
      .describe('The network between nodes: latency, loss and duplication.')
      .optional(),
    clocks: z
      .strictObject({ ...clockKnobs, nodes: perNode(z.strictObject(clockKnobs), 'skew and drift').optional() })
      .describe('Node clocks: wall-clock skew and drift, cluster-wide and per node.')
      .optional(),
    cpu: z
      .strictObject({
        serviceTime: durationOrDist('CPU time to handle one input (default "20us").').optional(),
        timerJitter: durationOrDist(
          'How late each timer firing is, never early (default { dist: "uniform", min: "0us", max: "1ms" }: an idle Go process (etcd, hashicorp/raft) waits for timers in epoll_wait, whose timeout the runtime truncates to whole milliseconds and rounds up to 1 ms below that (runtime/netpoll_epoll.go; golang/go#44343), so timers fire up to ~1 ms late; for C/C++ threads (LogCabin) use "uniform 0us–50us", Linux\'s default timer slack, prctl(2) PR_SET_TIMERSLACK). A periodic tick keeps its phase: the jitter does not accumulate. "0us" makes firings exact, and identical timeouts then tie forever.',
        ).optional(),
        nodes: perNode(z.strictObject({ serviceTime: durationOrDist('CPU time per input.').optional(), timerJitter: durationOrDist('How late each timer firing is.').optional() }), 'serviceTime and timerJitter').optional(),
      })
      .describe('Node CPUs: how long handling one input takes, and how late timers fire.')
      .optional(),
    disk: z
      .strictObject({
        fsync: durationOrDist('Latency of a durable write (default { dist: "lognormal", median: "1ms", sigma: 0.5 }).').optional(),
        nodes: perNode(z.strictObject({ fsync: durationOrDist('Durable write latency.').optional() }), 'fsync').optional(),
      })
      .describe('Node disks: how long a durable write takes.')
      .optional(),
    workload: z
      .strictObject({
        writesPerSecond: z.number().min(0).max(LIMITS.writesPerSecond).describe(`Client writes per second (default 0: no workload); at most ${LIMITS.writesPerSecond}, and writes per trial bounded so that they hold at most ${LIMITS.trialWriteBytes / 2 ** 20} MB (about ${TRIAL_BYTES_PER_WRITE.fixed} + ${TRIAL_BYTES_PER_WRITE.perNode} × nodes bytes a write: the nodes never compact their logs).`).optional(),
        arrival: z.enum(['poisson', 'fixed']).describe('"poisson" (default) or "fixed" (evenly spaced) arrivals.').optional(),
        clientLatency: durationOrDist('Client ↔ node one-way latency (default "500us").').optional(),
        clientTimeout: duration('A write not acknowledged within this long counts as unavailable and is retried (default "2s").', { positive: true }).optional(),
        retryBackoff: duration('Base retry backoff: once a write has failed on every node (down, or not leader) the client waits this long before trying again, doubling after each further round up to retryBackoffMax, as etcd clientv3 waits between rounds of endpoints (default "25ms", etcd\'s).').optional(),
        retryBackoffMax: duration('Cap on the doubling retry backoff (default the larger of "1s" and retryBackoff); equal to retryBackoff gives etcd\'s linear backoff.').optional(),
        retryJitter: z.number().min(0).max(1).describe('Jitter fraction: each backoff is scaled by a uniform factor in [1 − j, 1 + j], 0..1 (default 0.1, etcd\'s).').optional(),
      })
      .describe('Client writes submitted during each trial (default: none).')
      .optional(),
    faults: z.array(faultSchema).max(LIMITS.faults).describe(`Faults to inject (default none); at most ${LIMITS.faults}.`).optional(),
    trials: z.number().int().min(1).max(LIMITS.trials).describe(`Trials to run (default 100), 1..${LIMITS.trials}; trials × sweep points at most ${LIMITS.totalTrials}.`).optional(),
    seed: z
      .union([z.string().min(1).max(LIMITS.nameChars), z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)])
      .describe(`The seed every random stream derives from (default "1"): a string of at most ${LIMITS.nameChars} characters or a safe integer; numbers become strings.`)
      .optional(),
    horizon: duration(
      `Simulated time per trial (default "60s"); at most 30 days, and at most ${LIMITS.heartbeatsPerTrial.toExponential(0)} estimated heartbeat messages per trial ((horizon / heartbeat interval) × (nodes − 1)).`,
      { positive: true },
    ).optional(),
    measure: z
      .strictObject({
        stableFor: duration('A leader is stable once it has led this long (default: the largest election timeout max across nodes; ticks mode: (max ticks + 1) × tick).', { positive: true }).optional(),
        alerts: z.array(duration('Alert threshold.', { positive: true })).max(LIMITS.alerts).describe(`Thresholds for "no leader for at least X" alerts (default ["30s", "1min"]); at most ${LIMITS.alerts}, no repeats.`).optional(),
        warmup: duration('Nothing is measured before this (default "0s"; measuring also waits for the first stable leader).').optional(),
        until: z
          .enum(['horizon', 'resolved'])
          .describe('When a trial ends: "horizon" (default) runs it to the horizon; "resolved" stops once every fault\'s time to leader, heard, stable, no-op commit and first write are decided, every fault has healed (a leader kept through a fault that never heals is only decided at the horizon) and no fault is still to come, plus `grace`. Per-fault figures are identical either way; rates are over the shorter exposure they report (measuredHours).')
          .optional(),
        grace: duration('With until "resolved": how much longer to run once everything is decided (default: stableFor).').optional(),
        observe: duration('With until "resolved": every fault occurrence is observed for at least this long after it starts, past the horizon if need be (faults start only before the horizon), so a late fault is not censored by a horizon counted from the trial\'s start. Default: the horizon.', { positive: true }).optional(),
      })
      .describe('What counts as stable, which alerts to count, and the warm-up.')
      .optional(),
    alerts: alertsSchema.optional(),
    sweep: z
      .record(z.string(), z.array(z.unknown()).min(1).max(LIMITS.sweepValues))
      .describe(`A grid over this file's own keys: dotted key → values, e.g. { "raft.preVote": [false, true] }. Every combination is one configuration; at most ${LIMITS.sweepValues} values per key and ${LIMITS.sweepPoints} points.`)
      .optional(),
    expect: z
      .record(z.string(), z.string())
      .describe(
        `Metric → "<op> <number>" (ops <, <=, >, >=, ==, !=), or "ok" for safety, e.g. { "timeToLeaderMs.p99": "< 1000", "safety": "ok" }; at most ${LIMITS.expectations} entries. ` +
          'Metrics: safety; timeToLeaderMs, timeToLeaderHeardMs, timeToStableLeaderMs, timeToLeaderCommitMs, timeToWriteMs, leaderlessMs, commitLatencyMs, deposedLeaderMs, recoveryMs with .n .mean .p50 .p90 .p99 .max .censored; ' +
          'electionsPerTrial, splitVotesPerTrial, leaderChangesPerTrial, termInflationPerTrial, spuriousElectionsPerHour, writeAvailability; alertsFiredPerTrial.<threshold> for each of measure.alerts.',
      )
      .optional(),
  })
  .describe(
    `A raftsim scenario: a cluster, its timers and environment, faults to inject and what to measure. A file is at most 1 MiB of JSON5, nested at most ${LIMITS.nesting} levels; at most ${LIMITS.overrides} --set overrides.`,
  );

export type ScenarioInput = z.output<typeof scenarioShape>;

/** The full schema: the shape, then the cross-field checks (only once the shape is valid). */
export const scenarioSchema = scenarioShape.superRefine((data, ctx) => checkScenario(data, ctx, scenarioShape), ONLY_VALID);
