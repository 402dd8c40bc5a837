// Shared by the browser tests: Debian's Chromium (never a downloaded browser),
// its flags, and opening a report from file:// while recording console errors,
// page errors and every request but the page itself.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

export interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

export async function openReport(context: BrowserContext, file: string): Promise<Opened> {
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => r.url() !== url && requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests };
}
