// `raftsim list` and `raftsim schema`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../scenarios/load.js';
import { builtinScenarioDir } from '../scenarios/builtin.js';
import { scenarioJsonSchema } from '../scenarios/json-schema.js';
import { writeFileAtomic } from './files.js';

export function listCommand(): void {
  const dir = builtinScenarioDir();
  const files = readdirSync(dir).filter((f) => f.endsWith('.json5')).sort();
  const rows = files.map((f) => {
    const s = loadScenario(join(dir, f));
    return { name: f.replace(/\.json5$/, ''), what: firstSentence(s.description) };
  });
  const w = Math.max(...rows.map((r) => r.name.length));
  const room = Math.max(40, (process.stdout.columns || 120) - w - 4);
  process.stdout.write(`Built-in scenarios (run one with: raftsim run <name>; its full description prints with the results):\n\n`);
  for (const r of rows) process.stdout.write(`  ${r.name.padEnd(w)}  ${clip(r.what, room)}\n`);
}

export function schemaCommand(a: { out?: string }): void {
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  if (a.out) writeFileAtomic(a.out, text);
  else process.stdout.write(text);
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (m ? m[1] : text).replace(/\s+/g, ' ');
}
