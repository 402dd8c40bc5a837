// From the file's `raft` section to one RaftConfig per node, via the profiles in
// src/raft/profiles.ts. A knob maps onto the profile's own parameter when the
// profile's `scenario` map says so (so derived values follow: in the paper profile
// the candidate timeout follows electionTimeout), otherwise it overrides the
// RaftConfig field. This file interprets that map for every profile alike.
// Each value remembers which key set it, so errors point at the user's key.
import { DEFAULT_PROFILE, PROFILE_NAMES, profileConfig, profileOf, validateRaftConfig, type ProfileName } from '../raft/profiles.js';
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
    const profile: ProfileName = raft?.profile ?? DEFAULT_PROFILE;
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

/** Knobs every profile takes as a native param of the same name. */
const COMMON_PARAM_KNOBS = ['maxInflightMsgs', 'maxEntriesPerMsg', 'timerSource', 'preVote'];

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

/** Which profile owns each profile-only knob. */
const OWNER = new Map(PROFILE_NAMES.flatMap((p) => Object.keys(profileOf(p).scenario.own).map((k) => [k, p] as const)));

function nodeConfig(profile: ProfileName, flat: Flat, bug: BugName | null, where: KeyPath): RaftConfig {
  const def = profileOf(profile).scenario;
  for (const [k, owner] of OWNER) {
    const s = flat.get(k);
    if (s !== undefined && owner !== profile) throw new RaftProblem(s.path, `only the ${owner} profile ${profileOf(owner).scenario.ownPhrase ?? 'has this knob'}; this scenario uses the "${profile}" profile`);
  }
  const params: Record<string, unknown> = {};
  const overrides: Partial<Record<keyof RaftConfig, unknown>> = {};
  for (const [k, s] of flat) {
    const param = COMMON_PARAM_KNOBS.includes(k) ? k : (def.params[k] ?? def.own[k]?.param);
    if (param !== undefined) params[param] = s.value;
    else overrides[DURATION_FIELDS[k] ?? (k as keyof RaftConfig)] = s.value;
  }
  const base = profileConfig(profile, params);
  if (base.timerMode === 'ticks') {
    for (const [k, field] of Object.entries(DURATION_FIELDS)) {
      const s = flat.get(k);
      if (s === undefined || overrides[field] === undefined) continue;
      const us = s.value as number;
      if (us % base.tickUs !== 0) {
        throw new RaftProblem(s.path, `${formatDuration(us)} is not a whole number of ticks (tick ${formatDuration(base.tickUs)}); the ${profile} profile counts ticks`);
      }
    }
  }
  const config: RaftConfig = { ...base, ...(overrides as Partial<RaftConfig>), ...def.derive?.(overrides as Partial<RaftConfig>, base), bug };
  checkRanges(config, flat, profile); // first: its messages name the user's keys
  try {
    return validateRaftConfig(config);
  } catch (e) {
    throw new RaftProblem(where, (e as Error).message.replace(/^raft config: /, ''));
  }
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
    const continuous = PROFILE_NAMES.filter((p) => profileConfig(p).timerMode === 'continuous');
    throw new RaftProblem(follower?.path ?? ['raft', 'followerTimer'], `followerTimer "poll" needs continuous timers (the ${continuous.join(' or ')} profile); the ${profile} profile counts ticks`);
  }
  for (const [knob, check] of Object.entries(profileOf(profile).scenario.checks ?? {})) {
    const s = flat.get(knob);
    const msg = s !== undefined ? check(c, formatDuration) : null;
    if (msg !== null) throw new RaftProblem(s!.path, msg);
  }
  if (c.heartbeatMaxUs >= c.electionTimeoutMinUs) {
    const blamed = (what: 'heartbeat' | 'electionTimeout') => Object.entries(profileOf(profile).scenario.own).find(([k, o]) => o.blame === what && flat.has(k))?.[0];
    const at = (k: string | undefined) => (k === undefined ? undefined : flat.get(k));
    const hb = flat.get('heartbeatInterval.max') ?? at(blamed('heartbeat')) ?? flat.get('electionTimeout.min') ?? at(blamed('electionTimeout'));
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
