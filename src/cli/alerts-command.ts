// The `raftsim alerts` command definition (flags, help and examples) for main.ts.
import type { Argv, CommandModule } from 'yargs';
import type { AlertsArgs } from './alerts.js';

function builder(y: Argv) {
  return y
    .positional('first', { type: 'string', demandOption: true, describe: 'A Prometheus rules file, then the scenario; or just a scenario with an alerts.rules key' })
    .positional('second', { type: 'string', describe: 'The scenario file or built-in name (when a rules file comes first)' })
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'Override a scenario key: --set alerts.scrapeInterval=30s (repeatable)' })
    .option('seed', { type: 'string', describe: 'Seed (default: the scenario\'s)' })
    .option('trials', { type: 'number', describe: 'Number of trials (default: the scenario\'s)' })
    .option('workers', { type: 'number', describe: 'Worker threads (default: all cores; 1 = serial). Output is identical either way' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the machine-readable result (docs/alerts.md)' })
    .option('out', { type: 'string', describe: 'Also write the JSON result to this file (atomically)' })
    .option('html', { type: 'string', describe: 'Write a self-contained HTML report (bare --html: reports/<scenario>-alerts.html)' })
    .option('scrape-interval', { type: 'string', describe: 'Scrape interval, whole seconds (default: alerts.scrapeInterval or 15s)' })
    .option('evaluation-interval', { type: 'string', describe: 'Rule evaluation interval, whole seconds (default: alerts.evaluationInterval or 15s)' })
    .option('page-after', { type: 'string', describe: 'A leaderless stretch at least this long should page (default: alerts.pageAfter or 30s)' })
    .option('prefix', { type: 'string', describe: 'Metric name prefix of the raft family (default: alerts.prefix or raft_)' })
    .option('promtool', { type: 'boolean', default: false, describe: 'Cross-check the built-in evaluator with the real promtool on the first trials (exit 1 if they disagree)' })
    .option('promtool-trials', { type: 'number', default: 3, describe: 'How many trials --promtool checks' })
    .option('export-openmetrics', { type: 'string', describe: 'Write trial --trial\'s scraped series as OpenMetrics text with timestamps' })
    .option('export-promtool', { type: 'string', describe: 'Write trial --trial as a `promtool test rules` file (input series and the alerts expected to fire)' })
    .option('trial', { type: 'number', default: 0, describe: 'Which trial the exports write' })
    .example('$0 alerts examples/alerts/raft-noleader.rules.yml leader-crash', 'does NoLeader page for a leader crash, and how late?')
    .example('$0 alerts alert-partition-10s', 'a built-in scenario with its own alerts section')
    .example('$0 alerts examples/alerts/etcd.rules.yml quorum-loss --scrape-interval 30s --promtool', 'slower scrapes, checked with promtool')
    .example('$0 alerts rules.yml leader-crash --export-promtool t0.test.yml --trial 0', 'a promtool test file of trial 0');
}

export const alertsCommandModule: CommandModule = {
  command: 'alerts <first> [second]',
  describe: 'Evaluate Prometheus alert rules on simulated scrapes: pages per fault, detection delay, false pages per cluster-day',
  builder,
  handler: async (a) => (await import('./alerts.js')).alertsCommand(a as unknown as AlertsArgs),
};
