// `raftsim replay --perfetto FILE`: the replayed trial as Chrome trace-event JSON, written atomically.
import { writeFileAtomic } from './files.js';
import { traceFile, type FlowCollector, type TraceInfo } from '../perfetto/trace-events.js';
import { RAFTSIM_VERSION } from '../version.js';
import type { TrialHistory } from '../metrics/history.js';

export function writePerfetto(path: string, h: TrialHistory, flows: FlowCollector, info: Omit<TraceInfo, 'version'>): void {
  writeFileAtomic(path, `${JSON.stringify(traceFile(h, flows, { ...info, version: RAFTSIM_VERSION }))}\n`);
}
