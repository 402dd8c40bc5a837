// One-line descriptions of a resolved scenario and of a swept value, as the
// terminal (cli/) and the report (report/) both print them.
import { formatUs } from '../sim/time.js';
import type { ResolvedScenario } from './types.js';
import { PROFILE_RULES } from '../raft/profiles.js';

export function describeConfig(s: ResolvedScenario): string {
  const c = s.raft.nodes[0];
  const timers =
    c.timerMode === 'ticks'
      ? `tick ${formatUs(c.tickUs)}, election ${c.electionTimeoutMinUs / c.tickUs}–${c.electionTimeoutMaxUs / c.tickUs} ticks, heartbeat ${c.heartbeatMinUs / c.tickUs} tick(s)`
      : `election timeout ${formatUs(c.electionTimeoutMinUs)}–${formatUs(c.electionTimeoutMaxUs)}, heartbeat ${formatUs(c.heartbeatMinUs)}${c.heartbeatMaxUs !== c.heartbeatMinUs ? `–${formatUs(c.heartbeatMaxUs)}` : ''}`;
  const opts = [c.preVote ? 'PreVote' : 'no PreVote', c.checkQuorum ? `CheckQuorum (${formatUs(c.checkQuorumTimeoutUs)})` : 'no CheckQuorum'];
  if (c.timerSource === 'wall') opts.push('wall-clock timers');
  // Implementation rules changed from the profile's (docs/model.md).
  const rules = PROFILE_RULES[s.raft.profile];
  for (const k of Object.keys(rules) as (keyof typeof rules)[]) if (c[k] !== rules[k]) opts.push(`${k} ${String(c[k])}`);
  const impl = typeof s.raft.implementation === 'string' ? s.raft.implementation : s.raft.implementation.module;
  return `${s.nodes} nodes · ${s.raft.profile} profile: ${timers} · ${opts.join(', ')}${impl !== 'reference' ? ` · node: ${impl}` : ''}`;
}

/** A swept value for a table cell: "300ms–600ms" for a {min, max} range, compact JSON otherwise. */
export function formatPointValue(v: unknown): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && 'min' in o && 'max' in o) return `${String(o.min)}–${String(o.max)}`;
    return JSON.stringify(v);
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

