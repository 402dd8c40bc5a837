// Safe HTML building. Every interpolated value is escaped unless it is already
// SafeHtml (built by this module), so a string from a scenario file (a name, a
// description, a fault description, a swept value, the source) can never become
// markup: escaping is the default, not something each call site remembers.

/** Markup that is safe to emit as is: made only by `html`, `raw` and `join`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function render(v: HtmlValue): string {
  if (v instanceof SafeHtml) return v.value;
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** Tagged template: html`<p title="${t}">${text}</p>` escapes t and text. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Trusted markup written in this code base (never a value from a file). */
export function raw(s: string): SafeHtml {
  return new SafeHtml(s);
}

export function join(parts: readonly HtmlValue[], sep = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(sep)));
}

/** A number for an SVG attribute: finite, at most two decimals. */
export function n2(x: number): string {
  if (!Number.isFinite(x)) return '0';
  return String(Math.round(x * 100) / 100);
}
