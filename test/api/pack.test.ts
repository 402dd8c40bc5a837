// raftsim as an installed package: `npm pack` (its `prepare` script cleans and builds dist/), the
// tarball installed into an empty folder, then the `raftsim` bin, `import … from 'raftsim'` and
// the shipped type declarations are used from there, as a user's repository would.
//
// One pack and one install per run (beforeAll). The pack runs in a copy of the repository (its
// node_modules linked), so it never rebuilds the dist/ other test files are running from.
// No network: the install is `npm ci --offline` against a lockfile made from raftsim's own
// package-lock.json (the production entries, exact versions and integrity hashes), so every
// package comes from the npm cache that installing raftsim (`npm ci`) filled. A plain
// `npm install --offline <tgz>` would need the registry's metadata documents for each dependency,
// which `npm ci` does not cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ROOT, removeDir, tempDir } from '../cli/cli.js';

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly command: string;
}

/** Runs a command to completion (never killed on a timer), stdout and stderr captured. */
function run(command: string, args: readonly string[], cwd: string): Promise<Ran> {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), command: [command, ...args].join(' ') }));
  });
}

async function ok(command: string, args: readonly string[], cwd: string): Promise<Ran> {
  const r = await run(command, args, cwd);
  if (r.code !== 0) throw new Error(`${r.command} (in ${cwd}) exited ${r.code}:\n${r.stderr.slice(-3000)}\n${r.stdout.slice(-1000)}`);
  return r;
}

/** The complete vitest file in docs/api.md: the ts block that imports vitest. */
function docsExample(): string {
  const blocks = [...readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  const file = blocks.find((b) => b.startsWith("import { describe, expect, it } from 'vitest';"));
  if (file === undefined) throw new Error('docs/api.md has no complete vitest example');
  return file;
}

/** What the repository copy leaves out: installed and built files, results, git's own. */
const SKIP = new Set(['node_modules', 'dist', 'reports', '.git', 'coverage', '.vitest-cache']);

let tmp: string;
let app: string;
let packed: { files: { path: string }[] };

beforeAll(async () => {
  tmp = tempDir('pack');
  const repo = join(tmp, 'repo');
  cpSync(ROOT, repo, { recursive: true, filter: (src) => relative(ROOT, src).split(/[\\/]/).every((part) => !SKIP.has(part)) });
  symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'), 'dir');
  const pack = await ok('npm', ['pack', '--json', '--pack-destination', tmp], repo);
  [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { files: { path: string }[]; filename: string }[];
  const tgz = join(tmp, basename((packed as unknown as { filename: string }).filename));

  app = join(tmp, 'app');
  mkdirSync(app);
  const spec = `file:../${basename(tgz)}`;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: { raftsim: spec } },
    'node_modules/raftsim': { version: pkg.version, resolved: spec, integrity, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev && !entry.devOptional) packages[path] = entry;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { raftsim: spec } }, null, 2));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }, null, 2));
  await ok('npm', ['ci', '--offline', '--no-audit', '--no-fund'], app);
});
afterAll(() => removeDir(tmp));

describe.concurrent('the packed tarball, installed into an empty folder', () => {
  it('ships dist/ with declarations, the built-in scenarios and the docs; no benches, source maps or sources', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of ['dist/api.js', 'dist/api.d.ts', 'dist/cli/main.js', 'dist/run/worker.js', 'scenarios/leader-crash.json5', 'examples/alerts/raft-noleader.rules.yml', 'README.md', 'docs/api.md']) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith('dist/bench/') || f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('npx raftsim list works there', async () => {
    const r = await ok('npx', ['--offline', 'raftsim', 'list'], app);
    expect(r.stdout).toMatch(/^ {2}leader-crash\s/m);
  });

  it("an ESM script's import { runScenario } from 'raftsim' runs a built-in and prints a metric", async () => {
    // Default workers (every core): the installed dist/run/worker.js runs the trials on threads.
    writeFileSync(join(app, 'run.mjs'), [
      "import { runScenario } from 'raftsim';",
      "const r = await runScenario('leader-crash', { trials: 4, seed: 2 });",
      'console.log(JSON.stringify({ file: r.file, n: r.metrics.timeToLeaderMs.n, p99: r.metrics.timeToLeaderMs.p99 }));',
      '',
    ].join('\n'));
    const script = await ok('node', ['run.mjs'], app);
    const r = JSON.parse(script.stdout) as { file: string; n: number; p99: number | null };
    expect(r.file).toBe('builtin:leader-crash');
    expect(r.n).toBe(4);
    expect(r.p99).toBeGreaterThan(0);
    expect(script.stderr).toBe('');
  });

  it("the shipped declarations type the results (strict, skipLibCheck off): a real field checks, a wrong one does not, and docs/api.md's vitest example checks", async () => {
    // The user's project has @types/node and vitest, as a TypeScript project testing with vitest on Node does; nothing else of raftsim's.
    mkdirSync(join(app, 'node_modules', '@types'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), join(app, 'node_modules', '@types', 'node'), 'dir');
    symlinkSync(join(ROOT, 'node_modules', 'vitest'), join(app, 'node_modules', 'vitest'), 'dir');
    writeFileSync(join(app, 'docs-example.test.ts'), docsExample());
    writeFileSync(join(app, 'check.ts'), [
      "import { loadScenario, runScenario, ScenarioError, type RunResult } from 'raftsim';",
      "const r: RunResult = await runScenario('leader-crash', { trials: 3, workers: 1 });",
      'const p99: number | null = r.metrics.timeToLeaderMs.p99;',
      '// @ts-expect-error: no such metric (an `any` result would make this directive itself an error)',
      'const wrong = r.metrics.timeToLeader.p99;',
      "try { loadScenario('x.json5'); } catch (e) { if (e instanceof ScenarioError) console.log(e.file, e.line, e.keyPath); }",
      'console.log(p99, wrong);',
      '',
    ].join('\n'));
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, noEmit: true, types: ['node'] }, files: ['check.ts', 'docs-example.test.ts'] }));
    const r = await run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], app);
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
  });
});
