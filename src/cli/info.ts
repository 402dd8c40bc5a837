// `raftsim list` and `raftsim schema`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../scenario/load.js';
import { builtinScenarioDir } from '../scenario/builtin.js';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { writeFileAtomic } from './files.js';
import { clipEnd, proseColumns, terminalColumns, wrapWords } from './width.js';
import { io } from './io.js';

export function listCommand(): void {
  const dir = builtinScenarioDir();
  const files = readdirSync(dir).filter((f) => f.endsWith('.json5')).sort();
  const rows = files.map((f) => {
    const s = loadScenario(join(dir, f));
    return { name: f.replace(/\.json5$/, ''), what: firstSentence(s.description) };
  });
  const w = Math.max(...rows.map((r) => r.name.length));
  const cols = terminalColumns();
  const room = Math.max(20, cols - w - 4);
  io().stdout.write(`${wrapWords('Built-in scenarios (run one with: raftsim run <name>; its full description prints with the results):', proseColumns(cols))}\n\n`);
  for (const r of rows) io().stdout.write(`  ${r.name.padEnd(w)}  ${clipEnd(r.what, room)}\n`);
}

export function schemaCommand(a: { out?: string }): void {
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  if (a.out) writeFileAtomic(a.out, text);
  else io().stdout.write(text);
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (m ? m[1] : text).replace(/\s+/g, ' ');
}
