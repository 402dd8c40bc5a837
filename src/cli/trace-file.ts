// A JSON Lines trace written to a temporary file and renamed into place when
// closed (atomic: a reader never sees half a trace).
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TraceRecord, TraceSink } from '../sim/trace.js';

export class JsonLinesFile implements TraceSink {
  private readonly fd: number;
  private readonly tmp: string;
  private buffer: string[] = [];

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.tmp, 'w');
  }

  write(record: TraceRecord): void {
    this.buffer.push(JSON.stringify(record));
    if (this.buffer.length >= 4096) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    try {
      renameSync(this.tmp, this.path);
    } catch (e) {
      rmSync(this.tmp, { force: true });
      throw e;
    }
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }
}
