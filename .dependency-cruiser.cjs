// Folder boundaries of src/, checked by dependency-cruiser (`npm run lint:deps`, part of `npm test`
// through test/architecture/boundaries.test.ts). docs/architecture.md draws the same picture.
//
// LAYERS lists the folders bottom-up. A folder may import folders in earlier layers only; folders
// in one layer are peers and may not import one another. raft/ (the pure node) imports nothing
// outside raft/, not even Node's built-ins. Type-only imports count: swc parses the TypeScript.
const LAYERS = [
  ['version.ts', 'stats', 'format'],
  ['sim'],
  ['raft'],
  ['cluster'],
  ['invariants'],
  ['faults'],
  ['metrics'],
  ['scenario'],
  ['run'],
  ['verdict'],
  ['fuzz', 'alerts', 'tune', 'perfetto'],
  ['report'],
  ['cli'],
  ['bench', 'api.ts'],
];

/** Where the code starts: the bin, the library API, the benches, worker-thread modules. */
const ENTRY_POINTS = ['^src/cli/main\\.ts$', '^src/api\\.ts$', '^src/bench/[^/]+\\.ts$', '/worker\\.ts$'];

const path = (name) => (name.endsWith('.ts') ? `^src/${name.replace('.', '\\.')}$` : `^src/${name}/`);
const any = (names) => `(${names.map(path).join('|')})`;

const layerRules = LAYERS.flatMap((layer, i) => {
  const above = LAYERS.slice(i + 1).flat();
  return layer.map((name) => {
    const forbidden = [...above, ...layer.filter((peer) => peer !== name)];
    return {
      name: `layer:${name}`,
      comment: `${name} sits in layer ${i}: it may import only ${LAYERS.slice(0, i).flat().join(', ') || 'nothing in src/'} (docs/architecture.md)`,
      severity: 'error',
      from: { path: path(name) },
      to: { path: any(forbidden) },
    };
  });
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'raft-is-pure',
      comment: 'The Raft node is a pure state machine: raft/ imports nothing outside raft/ (no clock, IO, or other package)',
      severity: 'error',
      from: { path: '^src/raft/' },
      to: { pathNot: '^src/raft/' },
    },
    {
      name: 'no-folder-outside-layers',
      comment: 'Every folder of src/ belongs to a layer: add a new folder to LAYERS in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: any(LAYERS.flat()) },
      to: {},
    },
    {
      name: 'no-unreachable',
      comment: 'A module no entry point reaches is dead code (entry points: the CLI, the API, the bench, worker files)',
      severity: 'error',
      from: { path: ENTRY_POINTS },
      to: { path: '^src/', pathNot: [...ENTRY_POINTS, '\\.d\\.ts$'], reachable: false },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles between modules that run (a cycle of type-only imports is harmless)',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    combinedDependencies: false,
  },
};
