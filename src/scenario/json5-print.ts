// Prints scenario data as readable JSON5: a value that fits on one line stays on
// one line ({ kind: "crash", target: [3], at: "1.2s" }), larger ones break per key.
import JSON5 from 'json5';

const WIDTH = 100;

export function printJson5(v: unknown, indent = ''): string {
  const flat = inline(v);
  if (indent.length + flat.length <= WIDTH || typeof v !== 'object' || v === null) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(v)) return `[\n${v.map((x) => `${inner}${printJson5(x, inner)},`).join('\n')}\n${indent}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{\n${entries.map(([k, x]) => `${inner}${key(k)}: ${printJson5(x, inner)},`).join('\n')}\n${indent}}`;
}

function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, x]) => `${key(k)}: ${inline(x)}`).join(', ')} }`;
  }
  return JSON5.stringify(v, { quote: '"' });
}

/** Identifier keys bare (name:), others quoted ("timeToLeaderMs.p99":). */
function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
}
