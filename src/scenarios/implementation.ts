// Chooses the node implementation a scenario runs: the reference node, a
// bug-zoo variant (the reference node with one deliberate bug), or a user's
// own module. A user module must export `createNode(init: NodeInit): RaftNodeApi`
// (see src/raft/types.ts for the contract) as a named or default export.
import { pathToFileURL } from 'node:url';
import { RaftNode } from '../raft/node.js';
import type { NodeFactory } from '../sim/host.js';
import type { BugName, NodeInit, RaftNodeApi } from '../raft/types.js';
import type { ScenarioRaft } from './types.js';

export const referenceFactory: NodeFactory = (init: NodeInit) => new RaftNode(init);

/** The reference node with `bug` switched on for every node. */
export function bugFactory(bug: BugName): NodeFactory {
  return (init) => new RaftNode({ ...init, config: { ...init.config, bug } });
}

const moduleCache = new Map<string, NodeFactory>();

export async function nodeFactoryFor(impl: ScenarioRaft['implementation']): Promise<NodeFactory> {
  if (impl === 'reference') return referenceFactory;
  if (typeof impl === 'string') return bugFactory(impl);
  const cached = moduleCache.get(impl.module);
  if (cached) return cached;
  const mod = (await import(pathToFileURL(impl.module).href)) as { createNode?: unknown; default?: unknown };
  const create = (mod.createNode ?? (mod.default as { createNode?: unknown } | undefined)?.createNode ?? mod.default) as
    | ((init: NodeInit) => RaftNodeApi)
    | undefined;
  if (typeof create !== 'function') throw new Error(`${impl.module} must export a function createNode(init) returning a Raft node`);
  const factory: NodeFactory = (init) => create(init);
  moduleCache.set(impl.module, factory);
  return factory;
}
