// Where HTML reports go: light enough for every command to import before any
// work (output paths are checked first), without loading the report renderer.
import { join } from 'node:path';

export const REPORTS_DIR = 'reports';

/** reports/<scenario>.html, with anything but letters, digits, '.', '_' and '-' replaced. */
export function defaultReportPath(scenario: string): string {
  const safe = scenario.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 100) || 'report';
  return join(REPORTS_DIR, `${safe}.html`);
}

/** `--html` given without a value arrives as '' (yargs): use the default path. */
export function htmlPathFor(flag: string | undefined, scenario: string): string | null {
  if (flag === undefined) return null;
  return flag === '' ? defaultReportPath(scenario) : flag;
}
