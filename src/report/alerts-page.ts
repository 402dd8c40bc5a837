// The HTML page of `raftsim alerts --html`: a header saying what ran, the
// alert section, and the command that reproduces it.
import { html } from './html.js';
import { page } from './page.js';
import { alertSection } from './alert-section.js';
import { RAFTSIM_VERSION } from '../version.js';
import { formatDuration } from '../format/duration.js';
import type { AlertsResult } from '../alerts/run-alerts.js';

export function renderAlertsReport(r: AlertsResult): string {
  const body = html`<main>
<header class="summary">
<p class="kicker">raftsim alerts · ${r.trials} trials · seed ${r.seed} · raftsim ${RAFTSIM_VERSION}</p>
<h1 data-field="scenario">${r.scenario}</h1>
<div class="reproduce"><strong>Reproduce:</strong> <code data-field="command">raftsim alerts ${r.rulesFile} ${r.file.startsWith('builtin:') ? r.file.slice(8) : r.file} --seed ${r.seed} --trials ${r.trials} --scrape-interval ${formatDuration(r.config.scrapeIntervalMs * 1000)} --evaluation-interval ${formatDuration(r.config.evaluationIntervalMs * 1000)} --page-after ${formatDuration(r.config.pageAfterMs * 1000)}</code></div>
</header>
${alertSection(r)}
</main>`;
  return page(`raftsim alerts — ${r.scenario}`, body);
}
