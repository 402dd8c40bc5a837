// Chooses the node implementation a scenario runs: the reference node, a
// bug-zoo variant (the reference node with one deliberate bug), or a user's
// own module. A user module must export `createNode(init: NodeInit): RaftNodeApi`
// (see src/raft/types.ts for the contract) as a named or default export.
import { pathToFileURL } from 'node:url';
import { RaftNode } from '../raft/node.js';
import type { NodeFactory } from '../cluster/host.js';
import type { BugName, NodeInit, RaftNodeApi } from '../raft/types.js';
import type { ScenarioRaft } from '../scenario/types.js';
import { statOrNull } from '../scenario/read-file.js';

export const referenceFactory: NodeFactory = (init: NodeInit) => new RaftNode(init);

/** The reference node with `bug` switched on for every node. */
export function bugFactory(bug: BugName): NodeFactory {
  return (init) => new RaftNode({ ...init, config: { ...init.config, bug } });
}

const moduleCache = new Map<string, NodeFactory>();

/** A plug-in module that cannot be used: the user's to fix (bad input, exit 2), not a raftsim bug. */
export class PluginError extends Error {
  override readonly name = 'PluginError';
}

export async function nodeFactoryFor(impl: ScenarioRaft['implementation']): Promise<NodeFactory> {
  if (impl === 'reference') return referenceFactory;
  if (typeof impl === 'string') return bugFactory(impl);
  const cached = moduleCache.get(impl.module);
  if (cached) return cached;
  const file = impl.module;
  const st = statOrNull(file);
  if (st === null) throw new PluginError(`raft.implementation.module: ${file}: no such file`);
  if (!st.isFile()) throw new PluginError(`raft.implementation.module: ${file} is not a file (give the module's .js/.mjs file)`);
  let mod: { createNode?: unknown; default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as typeof mod;
  } catch (e) {
    const err = e as Error;
    throw new PluginError(`raft.implementation.module: importing ${file} failed: ${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`);
  }
  const create = (mod.createNode ?? (mod.default as { createNode?: unknown } | undefined)?.createNode ?? mod.default) as
    | ((init: NodeInit) => RaftNodeApi)
    | undefined;
  if (typeof create !== 'function') throw new PluginError(`raft.implementation.module: ${file} must export a function createNode(init) returning a Raft node (docs/plugin.md)`);
  const factory: NodeFactory = (init) => create(init);
  moduleCache.set(impl.module, factory);
  return factory;
}
