// Structural escaping (src/report/html.ts) and the page shell's policy.
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, join, raw } from '../../src/report/html.js';
import { contentSecurityPolicy, scriptHash } from '../../src/report/page.js';
import { PAGE_SCRIPT } from '../../src/report/tooltip-script.js';
import { createHash } from 'node:crypto';

describe('html escaping', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes every interpolated string, number and array element unless it is SafeHtml', () => {
    const evil = `"><script>alert(1)</script>`;
    const out = html`<p title="${evil}">${evil}${[evil, 1]}${raw('<b>ok</b>')}${html`<i>${evil}</i>`}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('<b>ok</b><i>&quot;&gt;&lt;script&gt;');
    expect(out.startsWith('<p title="&quot;&gt;&lt;script&gt;')).toBe(true);
  });

  it('drops null, undefined and false, and joins with an escaped separator', () => {
    expect(html`${null}${undefined}${false}x`.value).toBe('x');
    expect(join(['a', '<b>'], ' & ').value).toBe('a &amp; &lt;b&gt;');
  });
});

describe('page policy', () => {
  it('allows exactly the page script by its SHA-256 and forbids every fetch', () => {
    const expected = createHash('sha256').update(PAGE_SCRIPT, 'utf8').digest('base64');
    expect(scriptHash(PAGE_SCRIPT)).toBe(`sha256-${expected}`);
    const csp = contentSecurityPolicy(PAGE_SCRIPT);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${expected}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
