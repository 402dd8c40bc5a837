// The scenarios `raftsim check` runs: files as given, and every *.json5 under
// the folders given (recursively, in name order), skipping `_examples`
// (documentation, not checks), hidden folders and node_modules. A bare name
// that is neither a file nor a folder may be a built-in scenario.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listBuiltinScenarios } from '../scenario/load.js';
import { UsageError } from './exit.js';

const SKIPPED_DIRS = new Set(['_examples', 'node_modules']);

export function collectScenarioFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const kind = kindOf(p);
    if (kind === 'dir') {
      const found = walk(p);
      if (found.length === 0) throw new UsageError(`${p}: no *.json5 scenario files in this folder`);
      out.push(...found);
    } else if (kind === 'file') out.push(p);
    else if (!/[\\/]/.test(p) && listBuiltinScenarios().includes(p.replace(/\.json5$/, ''))) out.push(p);
    else throw new UsageError(`${p}: no such file or folder${/[\\/]|\.json5$/.test(p) ? '' : ', and no built-in scenario of that name (raftsim list)'}`);
  }
  return [...new Set(out)];
}

function kindOf(p: string): 'file' | 'dir' | null {
  try {
    const st = statSync(p);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

function walk(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) out.push(...walk(p));
    } else if (e.isFile() && e.name.endsWith('.json5')) out.push(p);
  }
  return out;
}
