// The Raft issue's bench rows: leader-crash trials per second on one thread
// (5 nodes, 150–300 ms election timeouts, LAN latency: the built-in
// leader-crash scenario), and the kernel events per second they achieve.
import { loadScenario } from '../scenario/load.js';
import { runTrialWith } from '../run/trial.js';
import { referenceFactory } from '../run/implementation.js';

export interface BenchRow {
  readonly label: string;
  readonly value: string;
  readonly eventsPerSecond?: number;
}

const TRIALS = 200;

export function benchRaftTrials(clock: () => number, bareEventsPerSecond: number): BenchRow[] {
  const s = loadScenario('leader-crash');
  for (let t = 0; t < 20; t++) runTrialWith(s, t, referenceFactory); // warm-up
  const rates: { trials: number; events: number }[] = [];
  for (let rep = 0; rep < 3; rep++) {
    let events = 0;
    const start = clock();
    for (let t = 0; t < TRIALS; t++) events += runTrialWith(s, t, referenceFactory).events;
    const seconds = (clock() - start) / 1000;
    rates.push({ trials: TRIALS / seconds, events: events / seconds });
  }
  rates.sort((a, b) => a.trials - b.trials);
  const median = rates[1];
  process.stderr.write(`  leader-crash trials: median of 3 runs of ${TRIALS} = ${median.trials.toFixed(1)} trials/s\n`);
  const eventsPerTrial = median.events / median.trials;
  return [
    { label: `raft: leader-crash trials (5 nodes, ${s.horizonUs / 1e6} s simulated, 1 thread)`, value: `${median.trials.toFixed(1)} trials/s` },
    {
      label: '  floor: its events per trial in a bare heap loop',
      value: `${(bareEventsPerSecond / eventsPerTrial).toFixed(0)} trials/s at most (${eventsPerTrial.toFixed(0)} events a trial)`,
    },
    { label: 'raft: kernel events during those trials', value: `${(median.events / 1e6).toFixed(2)}M events/s`, eventsPerSecond: median.events },
  ];
}
