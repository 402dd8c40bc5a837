// Running the real `promtool test rules` (Debian: apt-get install prometheus)
// on an exported trial: the rules file is copied beside the test file in a
// fresh temporary directory, which is removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The promtool on the environment's PATH (or its $PROMTOOL), or null when there is none. */
export function findPromtool(env: NodeJS.ProcessEnv = process.env): string | null {
  const cmd = env.PROMTOOL ?? 'promtool';
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8', env });
  return r.error === undefined && r.status === 0 ? cmd : null;
}

export interface PromtoolRun {
  readonly ok: boolean;
  /** promtool's combined output. */
  readonly output: string;
}

/** Runs `promtool test rules` on the test text, with the rules text as `rules.yml` beside it. */
export function runPromtoolTest(promtool: string, rulesText: string, testText: string): PromtoolRun {
  const dir = mkdtempSync(join(tmpdir(), 'raftsim-promtool-'));
  try {
    writeFileSync(join(dir, 'rules.yml'), rulesText);
    writeFileSync(join(dir, 'test.yml'), testText);
    const r = spawnSync(promtool, ['test', 'rules', 'test.yml'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.error !== undefined) return { ok: false, output: String(r.error) };
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
