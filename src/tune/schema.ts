// The `tune` block of a tune file, as a zod schema (strict objects: an unknown
// key is an error with a suggestion, like the scenario format). The rest of a
// tune file is an ordinary scenario — cluster, zones, network latency (an
// empirical samples file included), disk, cpu, clocks, workload, raft.profile,
// seed — validated by the scenario loader itself.
import * as z from 'zod';
import { duration, durationOrDist, targetSchema } from '../format/schema-values.js';
import { LIMITS } from '../format/limits.js';

const positive = (d: string) => duration(d, { positive: true });
const values = <T extends z.ZodType>(item: T, what: string) => z.array(item).min(1).max(LIMITS.sweepValues).describe(`${what}; 1..${LIMITS.sweepValues} values.`);

export const tuneShape = z
  .strictObject({
    vary: z
      .strictObject({
        electionTimeout: values(positive('An election timeout.'), 'The base election timeouts to try: etcd --election-timeout, hashicorp HeartbeatTimeout (= ElectionTimeout), paper electionTimeout.min (max = 2 × min). In ascending order'),
        heartbeat: values(positive('A heartbeat interval.'), 'Heartbeat intervals to try (etcd --heartbeat-interval, the tick; paper heartbeatInterval). Not for hashicorp, which sends heartbeats every HeartbeatTimeout/10. Default: the profile\'s').optional(),
        preVote: values(z.boolean(), 'PreVote settings to try (default: the profile\'s)').optional(),
        checkQuorum: values(z.boolean(), 'CheckQuorum settings to try (default: the profile\'s)').optional(),
      })
      .describe('Which knobs may vary, and their candidate values: the full grid is every combination.'),
    guard: z
      .strictObject({
        gcPauses: z
          .strictObject({
            meanGap: positive('Mean time between pauses across the cluster (a Poisson stream), e.g. "30s".'),
            duration: durationOrDist('How long each pause lasts, e.g. { dist: "pareto", scale: "50ms", shape: 1.5, max: "2s" }.'),
            target: targetSchema.optional(),
          })
          .describe('Stop-the-world pauses (GC, VM stalls) throughout every trial; target default "follower".')
          .optional(),
        partialPartition: z
          .strictObject({ duration: positive('How long the leader stays cut from one follower (default "10s").').optional() })
          .describe('Also check the failover goal after a partial partition: the leader cut off from one follower only, both ways.')
          .optional(),
        clockSteps: z
          .strictObject({
            meanGap: positive('Mean time between steps across the cluster (a Poisson stream).'),
            delta: duration('The step, e.g. "500ms" or "-1s".', { signed: true }),
          })
          .describe('Wall-clock steps of a random node throughout every trial (they matter with raft.timerSource "wall").')
          .optional(),
      })
      .describe('Faults to guard against besides a leader crash (always checked).')
      .optional(),
    goals: z
      .strictObject({
        failover: z
          .strictObject({
            quantile: z.union([z.literal(0.99), z.literal(0.999)]).describe('Which quantile of time to a stable leader the goal bounds: 0.99 (default) or 0.999.').optional(),
            within: positive('The bound on that quantile, e.g. "1.5s".'),
          })
          .describe('Time to a stable leader after each guarded fault.'),
        spuriousElections: z
          .strictObject({
            atMost: z.number().positive().max(1e6).describe('Spurious elections (needless elections while the leader was healthy) allowed per period.'),
            per: z.enum(['day', 'month']).describe('"day" (a cluster-day) or "month" (a cluster-month, 30 days).'),
          })
          .describe('How rare needless elections must be.'),
        confidence: z.number().min(0.5).max(0.999).describe('Confidence every goal is checked at, one-sided (default 0.95).').optional(),
        indifference: duration('Failover quantiles closer than this count as equally fast (default 5% of failover.within).').optional(),
      })
      .describe('What the recommended configuration must meet, with the confidence it must be shown at.'),
    budget: z
      .strictObject({
        trials: z.number().int().min(1).max(LIMITS.totalTrials).describe(`Most trials to run in all (default 20000; at most ${LIMITS.totalTrials}).`).optional(),
      })
      .describe('How much simulation the search may spend (the CLI adds --max-time for wall time).')
      .optional(),
    search: z
      .strictObject({
        failoverStart: z.number().int().min(10).max(LIMITS.trials).describe('Failover trials per fault in a configuration\'s first batch (default 60); batches double after that.').optional(),
        failoverMax: z.number().int().min(10).max(LIMITS.trials).describe('Most failover trials per fault for one configuration (default 1920).').optional(),
        quietHours: positive('Simulated length of one quiet trial, which measures spurious elections (default "2h").').optional(),
        quietStart: z.number().int().min(1).max(LIMITS.trials).describe('Quiet trials in a configuration\'s first batch (default 4).').optional(),
        quietMax: z.number().int().min(1).max(LIMITS.trials).describe('Most quiet trials for one configuration (default: enough to show the spurious goal with no event, twice over).').optional(),
        crashAfter: positive('How long after a stable leader the crash comes in a failover trial (default "5s").').optional(),
      })
      .describe('How the search spends trials (defaults suit most clusters).')
      .optional(),
  })
  .describe('What `raftsim tune` varies, guards against and must achieve.');

export type TuneInput = z.output<typeof tuneShape>;
