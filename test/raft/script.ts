// A tiny datadriven runner (in the style of etcd's raft/testdata): a script of
// commands, each followed by `----` and the output it must produce. With
// RAFT_REWRITE=1 the files are rewritten with the actual output, for review.
//
// Commands:
//   cluster n=3 profile=paper preVote=true log0=1,1,2 term0=2 …   (first; other keys are RaftConfig overrides)
//   timeout ID | fire ID TIMER | propose ID DATA | transfer ID TO  → the messages the node sent
//   deliver [to=ID] [from=ID] [type=T] | drain                     → what arrived (or was dropped)
//   isolate ID | heal | crash ID | restart ID                      → ok
//   status | applied                                               → one line per node

import type { ProfileName } from '../../src/raft/profiles.js';
import type { Message, RaftConfig, TimerName } from '../../src/raft/types.js';
import { Cluster, fmt, type ClusterOptions } from './harness.js';

export interface Block {
  comments: string[];
  command: string;
  expected: string[];
}

export function parseScript(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  let comments: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      comments.push(line);
      continue;
    }
    if (lines[i + 1] !== '----') throw new Error(`line ${i + 2}: expected ---- after '${line}'`);
    const expected: string[] = [];
    for (i += 2; i < lines.length && lines[i].trim() !== ''; i++) expected.push(lines[i]);
    blocks.push({ comments, command: line, expected });
    comments = [];
  }
  return blocks;
}

export function formatScript(blocks: readonly Block[], outputs: readonly string[][]): string {
  return blocks.map((b, i) => [...b.comments, b.command, '----', ...outputs[i]].join('\n')).join('\n\n') + '\n';
}

function parseOptions(args: string[]): ClusterOptions {
  const kv = new Map(args.map((a) => a.split('=') as [string, string]));
  const n = Number(kv.get('n') ?? 3);
  const config: Record<string, unknown> = {};
  const durable: ClusterOptions['durable'] = [...Array(n)].map((_, id) => {
    const log = kv.get(`log${id}`);
    const term = kv.get(`term${id}`);
    return log === undefined && term === undefined
      ? undefined
      : { term: Number(term ?? 0), log: log ? log.split(',').map(Number) : [] };
  });
  for (const [k, v] of kv) {
    if (k === 'n' || k === 'profile' || /^(log|term)\d+$/.test(k)) continue;
    config[k] = v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v;
  }
  return { n, profile: (kv.get('profile') ?? 'paper') as ProfileName, config: config as Partial<RaftConfig>, durable };
}

function filterFor(args: string[]): (m: Message) => boolean {
  const kv = args.map((a) => a.split('='));
  return (m) =>
    kv.every(([k, v]) => (k === 'to' ? m.to === Number(v) : k === 'from' ? m.from === Number(v) : k === 'type' ? m.type === v : true));
}

/** Runs a script; returns each block's output lines. */
export function runScript(blocks: readonly Block[]): string[][] {
  let c: Cluster | undefined;
  const need = () => c ?? (() => { throw new Error('script must start with cluster'); })();
  return blocks.map((b) => {
    const [cmd, ...args] = b.command.trim().split(/\s+/);
    if (cmd === 'cluster') {
      c = new Cluster(parseOptions(args));
      return ['ok'];
    }
    return runCommand(need(), cmd, args);
  });
}

function runCommand(c: Cluster, cmd: string, args: string[]): string[] {
  const id = Number(args[0]);
  const sentBefore = c.sent.length;
  const sentSince = () => c.sent.slice(sentBefore).map(fmt);
  switch (cmd) {
    case 'timeout':
      c.timeout(id);
      return sentSince();
    case 'fire':
      c.fire(id, args[1] as TimerName);
      return sentSince();
    case 'propose': {
      const a = c.propose(id, Number(args[1]));
      return [`index=${a.index} hint=${a.leaderHint}`, ...sentSince()];
    }
    case 'transfer':
      c.transfer(id, Number(args[1]));
      return sentSince();
    case 'deliver':
    case 'drain':
      return deliver(c, cmd === 'drain', filterFor(args));
    case 'isolate':
      c.isolate(id);
      return ['ok'];
    case 'heal':
      c.heal();
      return ['ok'];
    case 'crash':
      c.crash(id);
      return ['ok'];
    case 'restart':
      c.restart(id);
      return ['ok'];
    case 'status':
      return c.nodes.map((x, i) =>
        `${i} ${c.down.has(i) ? 'down' : x.role} t${x.term} vote=${x.votedFor} lead=${x.leaderId} commit=${x.commitIndex} log=[${c.terms(i)}]`);
    case 'applied':
      return c.applied.map((a, i) => `${i}: ${a.map((e) => `${e.index}/t${e.term}:${e.data}`).join(' ')}`);
    default:
      throw new Error(`unknown command '${cmd}'`);
  }
}

function deliver(c: Cluster, all: boolean, pred: (m: Message) => boolean): string[] {
  const out: string[] = [];
  do {
    for (const m of c.queue.filter(pred)) out.push(c.blocked(m) ? `drop ${fmt(m)}` : fmt(m));
    c.deliver(pred);
  } while (all && c.queue.some(pred));
  return out.length > 0 ? out : ['(nothing)'];
}
