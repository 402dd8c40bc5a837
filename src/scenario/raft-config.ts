// From the file's `raft` section to one RaftConfig per node, via the profiles in
// src/raft/profiles.ts. A knob maps onto the profile's own parameter when the
// profile has one (so derived values follow: in the paper profile the candidate
// timeout follows electionTimeout), otherwise it overrides the RaftConfig field.
// Each value remembers which key set it, so errors point at the user's key.
import { profileConfig, validateRaftConfig, type ProfileName } from '../raft/profiles.js';
import type { BugName, RaftConfig } from '../raft/types.js';
import { formatDuration } from '../format/duration.js';
import type { KeyPath } from './errors.js';
import type { ScenarioInput } from './schema.js';

type RaftInput = NonNullable<ScenarioInput['raft']>;
type Knobs = Omit<RaftInput, 'profile' | 'implementation' | 'nodes'>;

/** A knob's value and the key that set it (null: the profile's default). */
interface Setting<T> {
  readonly value: T;
  readonly path: KeyPath;
}
type Flat = Map<string, Setting<unknown>>;

export type RaftResolution = { readonly ok: true; readonly configs: RaftConfig[] } | { readonly ok: false; readonly path: KeyPath; readonly message: string };

class RaftProblem extends Error {
  constructor(readonly path: KeyPath, message: string) {
    super(message);
  }
}

/** Resolves every node's config; the first problem found is returned instead. */
export function resolveRaftConfigs(raft: RaftInput | undefined, nodes: number): RaftResolution {
  try {
    const profile: ProfileName = raft?.profile ?? 'paper';
    const top = flatten(raft ?? {}, ['raft']);
    const configs: RaftConfig[] = [];
    for (let i = 0; i < nodes; i++) {
      const flat = new Map(top);
      const own = raft?.nodes?.[String(i)];
      if (own !== undefined) for (const [k, s] of flatten(own, ['raft', 'nodes', String(i)])) flat.set(k, s);
      configs.push(nodeConfig(profile, flat, bugOf(raft?.implementation), own !== undefined ? ['raft', 'nodes', String(i)] : ['raft']));
    }
    return { ok: true, configs };
  } catch (e) {
    if (e instanceof RaftProblem) return { ok: false, path: e.path, message: e.message };
    throw e;
  }
}

function bugOf(impl: RaftInput['implementation']): BugName | null {
  return typeof impl === 'string' && impl !== 'reference' ? (impl as BugName) : null;
}

/** Range knobs become two entries ("electionTimeout.min"); a fixed heartbeat sets both bounds. */
function flatten(k: Knobs, base: KeyPath): Flat {
  const out: Flat = new Map();
  for (const [name, v] of Object.entries(k)) {
    if (v === undefined || name === 'profile' || name === 'implementation' || name === 'nodes') continue;
    const path = [...base, name];
    if (typeof v === 'object' && v !== null) {
      const r = v as { min?: number; max?: number };
      if (r.min !== undefined) out.set(`${name}.min`, { value: r.min, path: [...path, 'min'] });
      if (r.max !== undefined) out.set(`${name}.max`, { value: r.max, path: [...path, 'max'] });
    } else if (name === 'heartbeatInterval') {
      out.set('heartbeatInterval.min', { value: v, path });
      out.set('heartbeatInterval.max', { value: v, path });
    } else {
      out.set(name, { value: v, path });
    }
  }
  return out;
}

const TICK_KNOBS = ['tick', 'electionTicks', 'heartbeatTicks'];

/** Behaviour rules: every profile has them; they override the RaftConfig field as given. */
const RULE_KNOBS = ['timerReset', 'staleTermReplies', 'voteLease', 'preVoteLease', 'refuseVotesWhileLeaderKnown', 'followerTimer', 'leaderSendsBeforePersist', 'wakeOrder', 'heartbeatPacing'] as const;

/** RaftConfig fields (µs) set by duration knobs (in ticks mode they must be whole ticks). */
const DURATION_FIELDS: Readonly<Record<string, keyof RaftConfig>> = {
  'electionTimeout.min': 'electionTimeoutMinUs',
  'electionTimeout.max': 'electionTimeoutMaxUs',
  'candidateTimeout.min': 'candidateTimeoutMinUs',
  'candidateTimeout.max': 'candidateTimeoutMaxUs',
  'heartbeatInterval.min': 'heartbeatMinUs',
  'heartbeatInterval.max': 'heartbeatMaxUs',
  checkQuorumTimeout: 'checkQuorumTimeoutUs',
};

function nodeConfig(profile: ProfileName, flat: Flat, bug: BugName | null, where: KeyPath): RaftConfig {
  for (const k of TICK_KNOBS) {
    const s = flat.get(k);
    if (s !== undefined && profile !== 'etcd') throw new RaftProblem(s.path, `only the etcd profile counts ticks; this scenario uses the "${profile}" profile`);
  }
  const version = flat.get('hashicorpVersion');
  if (version !== undefined && profile !== 'hashicorp') throw new RaftProblem(version.path, `only the hashicorp profile has a version; this scenario uses the "${profile}" profile`);
  const { params, overrides } = profile === 'etcd' ? etcdKnobs(flat) : profile === 'paper' ? paperKnobs(flat) : hashicorpKnobs(flat);
  for (const k of RULE_KNOBS) if (flat.has(k)) overrides[k] = flat.get(k)!.value;
  const config: RaftConfig = { ...profileConfig(profile, params), ...(overrides as Partial<RaftConfig>), bug };
  checkRanges(config, flat, profile); // first: its messages name the user's keys
  try {
    return validateRaftConfig(config);
  } catch (e) {
    throw new RaftProblem(where, (e as Error).message.replace(/^raft config: /, ''));
  }
}

type Mapped = { params: Record<string, unknown>; overrides: Partial<Record<keyof RaftConfig, unknown>> };

function common(flat: Flat, params: Record<string, unknown>): void {
  for (const k of ['maxInflightMsgs', 'maxEntriesPerMsg', 'timerSource', 'preVote']) {
    const s = flat.get(k);
    if (s !== undefined) params[k] = s.value;
  }
}

function paperKnobs(flat: Flat): Mapped {
  const m: Mapped = { params: {}, overrides: {} };
  common(flat, m.params);
  const v = (k: string) => flat.get(k)?.value;
  if (v('electionTimeout.min') !== undefined) m.params.electionTimeoutUsMin = v('electionTimeout.min');
  if (v('electionTimeout.max') !== undefined) m.params.electionTimeoutUsMax = v('electionTimeout.max');
  if (v('checkQuorum') !== undefined) m.params.checkQuorum = v('checkQuorum');
  for (const [k, field] of Object.entries(DURATION_FIELDS)) if (!k.startsWith('electionTimeout') && v(k) !== undefined) m.overrides[field] = v(k);
  return m;
}

function hashicorpKnobs(flat: Flat): Mapped {
  const m: Mapped = { params: {}, overrides: {} };
  common(flat, m.params);
  if (flat.has('hashicorpVersion')) m.params.version = flat.get('hashicorpVersion')!.value;
  for (const [k, field] of Object.entries(DURATION_FIELDS)) if (flat.has(k)) m.overrides[field] = flat.get(k)!.value;
  if (flat.has('checkQuorum')) m.overrides.checkQuorum = flat.get('checkQuorum')!.value;
  // hashicorp/raft's ValidateConfig wants LeaderLeaseTimeout <= HeartbeatTimeout: its default
  // 500 ms lease shrinks with a shorter HeartbeatTimeout (an explicit one is checked in checkRanges).
  const ht = m.overrides.electionTimeoutMinUs as number | undefined;
  if (!flat.has('checkQuorumTimeout') && ht !== undefined) m.overrides.checkQuorumTimeoutUs = Math.min(profileConfig('hashicorp').checkQuorumTimeoutUs, ht);
  return m;
}

/** etcd counts ticks: durations given for its timeouts must be whole ticks. */
function etcdKnobs(flat: Flat): Mapped {
  const m: Mapped = { params: {}, overrides: {} };
  common(flat, m.params);
  const tick = flat.get('tick');
  if (tick !== undefined) m.params.tickUs = tick.value;
  for (const k of ['electionTicks', 'heartbeatTicks', 'checkQuorum']) if (flat.has(k)) m.params[k] = flat.get(k)!.value;
  const tickUs = (tick?.value as number | undefined) ?? profileConfig('etcd').tickUs;
  for (const [k, field] of Object.entries(DURATION_FIELDS)) {
    const s = flat.get(k);
    if (s === undefined) continue;
    const us = s.value as number;
    if (us % tickUs !== 0) {
      throw new RaftProblem(s.path, `${formatDuration(us)} is not a whole number of ticks (tick ${formatDuration(tickUs)}); the etcd profile counts ticks`);
    }
    m.overrides[field] = us;
  }
  return m;
}

const RANGES = [
  ['electionTimeout', 'electionTimeoutMinUs', 'electionTimeoutMaxUs'],
  ['candidateTimeout', 'candidateTimeoutMinUs', 'candidateTimeoutMaxUs'],
  ['heartbeatInterval', 'heartbeatMinUs', 'heartbeatMaxUs'],
] as const;

/** min ≤ max once the profile's defaults are in, and heartbeats shorter than the election timeout. */
function checkRanges(c: RaftConfig, flat: Flat, profile: ProfileName): void {
  const show = (us: number) => (c.timerMode === 'ticks' ? `${us / c.tickUs} ticks (${formatDuration(us)})` : formatDuration(us));
  const dflt = (k: string) => (flat.has(k) ? '' : ` (the ${profile} profile's default)`);
  for (const [knob, lo, hi] of RANGES) {
    if (c[lo] <= c[hi]) continue;
    const at = flat.get(`${knob}.min`) ?? flat.get(`${knob}.max`);
    const msg = `min ${show(c[lo])}${dflt(`${knob}.min`)} is greater than max ${show(c[hi])}${dflt(`${knob}.max`)}`;
    throw new RaftProblem(at?.path ?? ['raft', knob], msg);
  }
  const follower = flat.get('followerTimer');
  if (c.followerTimer === 'poll' && c.timerMode === 'ticks') {
    throw new RaftProblem(follower?.path ?? ['raft', 'followerTimer'], 'followerTimer "poll" needs continuous timers (the paper or hashicorp profile); the etcd profile counts ticks');
  }
  const lease = flat.get('checkQuorumTimeout');
  if (profile === 'hashicorp' && c.checkQuorum && lease !== undefined && c.checkQuorumTimeoutUs > c.electionTimeoutMinUs) {
    throw new RaftProblem(lease.path, `hashicorp/raft requires LeaderLeaseTimeout (${formatDuration(c.checkQuorumTimeoutUs)}) <= HeartbeatTimeout (electionTimeout.min, ${formatDuration(c.electionTimeoutMinUs)})`);
  }
  if (c.heartbeatMaxUs >= c.electionTimeoutMinUs) {
    const hb = flat.get('heartbeatInterval.max') ?? flat.get('heartbeatTicks') ?? flat.get('electionTimeout.min') ?? flat.get('electionTicks');
    const what = c.heartbeatMinUs === c.heartbeatMaxUs ? 'heartbeat' : 'heartbeat max';
    const msg = `${what} ${show(c.heartbeatMaxUs)} must be shorter than the election timeout min ${show(c.electionTimeoutMinUs)}`;
    throw new RaftProblem(hb?.path ?? ['raft'], msg);
  }
}

/** The default stability window: the largest election timeout max across nodes (ticks mode: (max + 1) ticks, i.e. 2·ET·tick). */
export function largestElectionTimeoutUs(configs: readonly RaftConfig[]): number {
  let max = 0;
  for (const c of configs) max = Math.max(max, c.timerMode === 'ticks' ? c.electionTimeoutMaxUs + c.tickUs : c.electionTimeoutMaxUs);
  return max;
}
