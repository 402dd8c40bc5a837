// The leader's view of one follower (etcd's tracker.Progress, simplified).
//
// probe:     we do not know where the follower's log matches ours. At most one
//            AppendEntries is outstanding; each response (or the next heartbeat)
//            allows the next one. Entered on election and after any rejection.
// replicate: the follower matched; entries stream optimistically (nextIndex moves
//            ahead on send) with at most maxInflightMsgs entry-carrying messages
//            unacknowledged.

/** A ring of the last index carried by each unacknowledged entry-carrying AppendEntries. */
export class Inflights {
  // Allocated at the first add: most followers' progress never carries an entry in a short trial.
  private ring: Float64Array | null = null;
  private start = 0;
  count = 0;

  constructor(readonly capacity: number) {}

  get full(): boolean {
    return this.count >= this.capacity;
  }

  add(lastIndex: number): void {
    const ring = (this.ring ??= new Float64Array(Math.max(this.capacity, 1)));
    ring[(this.start + this.count) % ring.length] = lastIndex;
    this.count++;
  }

  /** Acknowledges every message whose last index is <= index (a cumulative ack). */
  freeTo(index: number): void {
    const ring = this.ring;
    while (this.count > 0 && ring !== null && ring[this.start] <= index) {
      this.start = (this.start + 1) % ring.length;
      this.count--;
    }
  }

  reset(): void {
    this.start = 0;
    this.count = 0;
  }
}

export class Progress {
  /** Highest index known to match; only acknowledge() raises it and only forgetLostEntries() lowers it. */
  matchIndex = 0;
  nextIndex = 1;
  state: 'probe' | 'replicate' = 'probe';
  /** probe only: an AppendEntries is outstanding, so send no other until a response or heartbeat. */
  probeSent = false;
  /** heartbeatPacing 'after-reply': -1 no heartbeat outstanding; 0 one outstanding; 1 one firing already skipped for it. */
  heartbeatSkips = -1;
  /** CheckQuorum: heard from this follower since the leader's last quorum check. */
  recentActive = false;
  readonly inflights: Inflights;

  constructor(maxInflightMsgs: number) {
    this.inflights = new Inflights(maxInflightMsgs);
  }

  resetForLeader(lastIndex: number): void {
    this.matchIndex = 0;
    this.nextIndex = lastIndex + 1;
    this.becomeProbe();
    this.recentActive = false;
    this.heartbeatSkips = -1;
  }

  becomeProbe(): void {
    this.state = 'probe';
    this.probeSent = false;
    this.inflights.reset();
  }

  becomeReplicate(): void {
    this.state = 'replicate';
    this.probeSent = false;
    this.nextIndex = this.matchIndex + 1;
    this.inflights.reset();
  }

  /** Records a success ack; returns whether matchIndex advanced. */
  acknowledge(matchIndex: number): boolean {
    const advanced = matchIndex > this.matchIndex;
    if (advanced) this.matchIndex = matchIndex;
    if (this.nextIndex <= this.matchIndex) this.nextIndex = this.matchIndex + 1;
    this.inflights.freeTo(this.matchIndex);
    return advanced;
  }

  /**
   * The follower no longer holds entries it acknowledged (its rejected heartbeat said so):
   * the one path on which matchIndex goes down (see RaftNode.handleAppendReject).
   */
  forgetLostEntries(holdsUpTo: number): void {
    if (holdsUpTo < this.matchIndex) this.matchIndex = Math.max(holdsUpTo, 0);
  }

  /** May another AppendEntries carrying entries go out now? */
  canSendEntries(lastIndex: number): boolean {
    if (this.state === 'probe') return !this.probeSent;
    return !this.inflights.full && this.nextIndex <= lastIndex;
  }
}
