// The yardstick: a bare binary-heap event loop (push/pop of plain records,
// nothing else). The bench prints the kernel's rate beside this one so the
// ratio means something on a noisy machine.

interface BareEvent {
  time: number;
  seq: number;
  kind: number;
  target: number;
}

function less(a: BareEvent, b: BareEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

class BareHeap {
  private readonly a: BareEvent[] = [];

  get size(): number {
    return this.a.length;
  }

  push(e: BareEvent): void {
    const a = this.a;
    let i = a.length;
    a.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(e, a[p])) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = e;
  }

  pop(): BareEvent {
    const a = this.a;
    const top = a[0];
    const last = a.pop()!;
    const n = a.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && less(a[c + 1], a[c])) c++;
        if (!less(a[c], last)) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/** Runs `events` pops with `inFlight` records pending; returns events per second. */
export function runBareLoop(events: number, inFlight: number, clock: () => number): number {
  const heap = new BareHeap();
  let seq = 0;
  let x = 0x2545f491;
  for (let i = 0; i < inFlight; i++) heap.push({ time: i, seq: seq++, kind: 0, target: i % 5 });
  const start = clock();
  for (let i = 0; i < events; i++) {
    const e = heap.pop();
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    heap.push({ time: e.time + 100 + ((x >>> 0) % 400), seq: seq++, kind: e.kind, target: e.target });
  }
  return events / ((clock() - start) / 1000);
}
