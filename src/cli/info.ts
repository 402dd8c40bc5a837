// `raftsim list` and `raftsim schema`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSON5 from 'json5';
import { builtinScenarioDir } from '../scenario/builtin.js';
import { writeFileAtomic } from './files.js';
import { clipEnd, proseColumns, terminalColumns, wrapWords } from './width.js';
import { io } from './io.js';

export async function listCommand(): Promise<void> {
  const dir = builtinScenarioDir();
  const files = readdirSync(dir).filter((f) => f.endsWith('.json5')).sort();
  // A built-in's own description, read without the loader (its schemas are most of the start-up);
  // one that inherits its description through `extends` is loaded whole. The tests load every built-in.
  const rows = await Promise.all(
    files.map(async (f) => {
      const own = (JSON5.parse(readFileSync(join(dir, f), 'utf8')) as { description?: unknown }).description;
      const description = typeof own === 'string' ? own : (await import('../scenario/load.js')).loadScenario(join(dir, f)).description;
      return { name: f.replace(/\.json5$/, ''), what: firstSentence(description) };
    }),
  );
  const w = Math.max(...rows.map((r) => r.name.length));
  const cols = terminalColumns();
  const room = Math.max(20, cols - w - 4);
  io().stdout.write(`${wrapWords('Built-in scenarios (run one with: raftsim run <name>; its full description prints with the results):', proseColumns(cols))}\n\n`);
  for (const r of rows) io().stdout.write(`  ${r.name.padEnd(w)}  ${clipEnd(r.what, room)}\n`);
}

export async function schemaCommand(a: { out?: string }): Promise<void> {
  const { scenarioJsonSchema } = await import('../scenario/json-schema.js');
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  if (a.out) writeFileAtomic(a.out, text);
  else io().stdout.write(text);
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (m ? m[1] : text).replace(/\s+/g, ' ');
}
