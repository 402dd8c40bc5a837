// The HTML document around the report: one self-contained file. Its
// Content-Security-Policy forbids every network fetch (default-src 'none') and
// allows exactly one script, ours, by its SHA-256: a string from a scenario
// that somehow became markup still could not run or load anything.
import { createHash } from 'node:crypto';
import { html, raw, type SafeHtml } from './html.js';
import { PAGE_CSS } from './styles.js';
import { PAGE_SCRIPT } from './tooltip-script.js';
import type { PageExtras } from './section.js';

export function scriptHash(script: string): string {
  return `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
}

export function contentSecurityPolicy(script: string): string {
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${scriptHash(script)}'; base-uri 'none'; form-action 'none'`;
}

/** Patterns referenced by url(#…) from the stylesheet (hatching for censored/beyond-horizon marks). */
const SHARED_DEFS = raw(
  '<svg class="defs" aria-hidden="true" focusable="false"><defs>' +
    '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="hatch"></line></pattern>' +
    '</defs></svg>',
);

/** The page; `extras` are the CSS and script its sections add (section.ts), after the shared ones. */
export function page(title: string, body: SafeHtml, extras: PageExtras = {}): string {
  const css = [PAGE_CSS, ...(extras.css ?? [])].join('\n');
  const script = [PAGE_SCRIPT, ...(extras.scripts ?? [])].join('\n');
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(script)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="raftsim">
<title>${title}</title>
<style>${raw(css)}</style>
</head>
<body>
${SHARED_DEFS}
${body}
<div id="tooltip" role="tooltip" hidden></div>
<script>${raw(script)}</script>
</body>
</html>
`;
  return doc.value;
}
