// The reference Raft node: a pure state machine (Raft paper §5, Ongaro's
// dissertation ch. 3, PreVote and CheckQuorum from §9.6 / §4.2.3, leadership
// transfer from §3.10). Every input returns a Ready (see types.ts for the order
// the host must act in). Timer policy lives in timers.ts, per-follower flow
// control in progress.ts, output gathering in ready.ts.
//
// The bug zoo (bugs.ts) is a set of small branches guarded by `this.bug === '…'`.

import { RaftLog } from './log.js';
import { Progress } from './progress.js';
import { EMPTY_ENTRIES, EMPTY_READY, ReadyBuilder } from './ready.js';
import { FIRE_CAMPAIGN, FIRE_HEARTBEAT, FIRE_LEADER_CHECK, NodeTimers } from './timers.js';
import type {
  AppendEntries,
  AppendEntriesResponse,
  BugName,
  Entry,
  Message,
  NodeId,
  NodeInit,
  RaftConfig,
  RaftNodeApi,
  Ready,
  RequestVote,
  RequestVoteResponse,
  Role,
  TimerName,
} from './types.js';

const VOTE_UNKNOWN = 0;
const VOTE_GRANTED = 1;
const VOTE_REJECTED = 2;

/** The k-th largest value (k ≥ 1): a partial selection sort of the first k places, no allocation (hot: every ack). */
function kthLargest(a: number[], k: number): number {
  for (let i = 0; i < k; i++) {
    let m = i;
    for (let j = i + 1; j < a.length; j++) if (a[j] > a[m]) m = j;
    const t = a[i];
    a[i] = a[m];
    a[m] = t;
  }
  return a[k - 1];
}

/** The peers and this node, ascending, each once (a node is built per boot: no Set, no spread). */
function sortedMembers(peers: readonly NodeId[], self: NodeId): NodeId[] {
  const all = peers.slice();
  all.push(self);
  all.sort((a, b) => a - b);
  let k = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[k - 1]) all[k++] = all[i];
  all.length = k;
  return all;
}

export class RaftNode implements RaftNodeApi {
  readonly id: NodeId;
  private readonly config: RaftConfig;
  private readonly bug: BugName | null;
  private readonly log: RaftLog;
  private readonly timers: NodeTimers;
  private readonly out: ReadyBuilder;
  /** Every member but this node, ascending. */
  private readonly others: readonly NodeId[];
  private readonly clusterSize: number;
  private readonly ticksMode: boolean;
  private readonly quorum: number;
  /** Indexed by NodeId; only the leader uses it. */
  private readonly progress: Progress[];
  /** Indexed by NodeId: this election's answers. */
  private readonly votes: Uint8Array;
  private readonly matchScratch: number[];

  private roleNow: Role = 'follower';
  private termNow = 0;
  private votedForNow: NodeId | null = null;
  private leaderNow: NodeId | null = null;
  private commitNow = 0;
  /** Highest index the disk acknowledged (persisted()) that still matches the log. */
  private persistedIndex: number;
  /** The hard state last handed to the host, to emit a write only when it changes. */
  private emittedTerm: number;
  private emittedVote: NodeId | null;
  private grants = 0;
  private rejects = 0;
  private transferee: NodeId | null = null;
  private timeoutNowSent = false;
  /** The election timeout was already reset during this input (avoid a second draw). */
  private electionResetThisInput = false;
  private readonly voteLeaseOn: boolean;
  /** cluster.initial: boot into an established leadership (consumed by start()). */
  private readonly initial: NonNullable<NodeInit['initial']> | null;

  constructor(init: NodeInit) {
    const c = init.config;
    this.id = init.id;
    this.config = c;
    this.bug = c.bug;
    const members = sortedMembers(init.peers, init.id);
    this.others = members.filter((m) => m !== init.id);
    this.clusterSize = members.length;
    this.ticksMode = c.timerMode === 'ticks';
    this.quorum = Math.floor(members.length / 2) + 1;
    const size = members[members.length - 1] + 1;
    this.progress = new Array<Progress>(size);
    for (const o of this.others) this.progress[o] = new Progress(c.maxInflightMsgs);
    this.votes = new Uint8Array(size);
    this.matchScratch = new Array<number>(members.length).fill(0);
    this.log = new RaftLog(init.durable?.log ?? []);
    this.termNow = init.durable?.hardState.term ?? 0;
    this.votedForNow = init.durable?.hardState.votedFor ?? null;
    this.emittedTerm = this.termNow;
    this.emittedVote = this.votedForNow;
    this.persistedIndex = this.log.lastIndex; // what the disk held at (re)start is durable
    this.timers = new NodeTimers(c, init.rng);
    this.initial = init.initial ?? null;
    this.voteLeaseOn = c.voteLease === 'always' || (c.voteLease === 'with-check-quorum' && c.checkQuorum);
    this.out = new ReadyBuilder(c.timerMode === 'ticks' ? c.tickUs : null);
  }

  // ---- NodeView -----------------------------------------------------------

  get role(): Role {
    return this.roleNow;
  }
  get term(): number {
    return this.termNow;
  }
  get votedFor(): NodeId | null {
    return this.votedForNow;
  }
  get leaderId(): NodeId | null {
    return this.leaderNow;
  }
  get commitIndex(): number {
    return this.commitNow;
  }
  get lastIndex(): number {
    return this.log.lastIndex;
  }
  termAt(index: number): number {
    return this.log.termAt(index);
  }
  entryAt(index: number): Entry | undefined {
    return this.log.entryAt(index);
  }

  // ---- inputs -------------------------------------------------------------

  start(): Ready {
    this.timers.start(this.out);
    if (this.initial !== null) this.startEstablished(this.initial.leader, this.initial.commitIndex);
    return this.flush();
  }

  /**
   * cluster.initial: the cluster already runs under `leader` in our durable term. The
   * leader starts leading (no election, no new no-op) and probes every follower; a
   * follower starts as if it had just heard from it.
   */
  private startEstablished(leader: NodeId, commitIndex: number): void {
    const commit = Math.min(commitIndex, this.log.lastIndex);
    if (commit > this.commitNow) this.commitTo(commit);
    if (leader === this.id) {
      this.roleNow = 'leader';
      this.leaderNow = this.id;
      const last = this.log.lastIndex;
      for (const o of this.others) this.progress[o].resetForLeader(last);
      this.timers.resetLeader(this.out);
      for (const o of this.others) this.sendAppend(o);
    } else {
      this.leaderNow = leader;
      if (this.config.followerTimer === 'poll') this.touchElectionTimer();
    }
  }

  step(msg: Message): Ready {
    if (msg.to !== this.id || msg.from === this.id) return EMPTY_READY;
    if (msg.type === 'RequestVote' && this.refusesWhileLeaderKnown(msg)) {
      this.sendVoteResponse(msg.from, this.termNow, false, msg.preVote);
      return this.flush();
    }
    if (msg.term > this.termNow) {
      if (!this.handleHigherTerm(msg)) return this.flush();
    } else if (msg.term < this.termNow) {
      this.handleLowerTerm(msg);
      return this.flush();
    }
    switch (msg.type) {
      case 'RequestVote':
        this.handleRequestVote(msg);
        break;
      case 'RequestVoteResponse':
        this.handleVoteResponse(msg);
        break;
      case 'AppendEntries':
        // A second leader in our term exists only in the bug zoo: ignore it.
        if (this.roleNow === 'leader') break;
        if (this.roleNow !== 'follower') this.becomeFollower(this.termNow, msg.from);
        this.handleAppendEntries(msg, true);
        break;
      case 'AppendEntriesResponse':
        if (this.roleNow === 'leader') this.handleAppendResponse(msg);
        break;
      case 'TimeoutNow':
        if (this.roleNow !== 'leader') this.campaign(true);
        break;
    }
    return this.flush();
  }

  timerFired(name: TimerName): Ready {
    const bits = this.timers.fired(name, this.roleNow === 'leader', this.out);
    if (bits & FIRE_LEADER_CHECK) this.leaderCheck();
    if (bits & FIRE_HEARTBEAT && this.roleNow === 'leader') this.broadcastHeartbeat();
    if (bits & FIRE_CAMPAIGN) this.campaign(false);
    return this.flush();
  }

  propose(data: number): Ready {
    if (this.roleNow !== 'leader' || this.transferee !== null) {
      // During a transfer the transferee is about to lead: point the client there.
      this.out.answer({ data, index: 0, leaderHint: this.transferee ?? this.leaderNow });
      return this.flush();
    }
    const index = this.appendEntry({ term: this.termNow, data });
    this.out.answer({ data, index, leaderHint: this.id });
    for (const o of this.others) while (this.sendAppend(o));
    return this.flush();
  }

  persisted(index: number, term: number): Ready {
    // Acks can trail a truncation; the term check makes a stale ack harmless.
    if (index > this.persistedIndex && index <= this.log.lastIndex && this.log.termAt(index) === term) {
      this.persistedIndex = index;
      if (this.roleNow === 'leader') this.maybeCommit();
    }
    return this.flush();
  }

  transferLeadership(to: NodeId): Ready {
    if (this.roleNow !== 'leader' || to === this.id || this.progress[to] === undefined || this.transferee === to) {
      return this.flush();
    }
    this.transferee = to;
    this.timeoutNowSent = false;
    this.timers.restartLeaderCheck(this.out);
    const pr = this.progress[to];
    if (pr.matchIndex === this.log.lastIndex) this.sendTimeoutNow(to);
    else {
      // Catch the transferee up from what it is known to hold, as etcd does: entries
      // optimistically in flight to it may have been lost while it lagged.
      pr.nextIndex = pr.matchIndex + 1;
      pr.becomeProbe();
      this.sendAppend(to);
    }
    return this.flush();
  }

  // ---- term rules (§5.1) ----------------------------------------------------

  /** Returns whether the message should still be handled at the (possibly new) term. */
  private handleHigherTerm(msg: Message): boolean {
    if (this.bug === 'no-step-down-on-higher-term' && this.roleNow === 'leader') return false;
    switch (msg.type) {
      case 'RequestVote':
        // Leader lease (paper §6, dissertation §4.2.3): with a live leader, a disruptive request
        // is disregarded, its term not adopted (etcd Step, inLease: no reply; LogCabin,
        // withholdVotesUntil: a refusal in its own lower term, which the candidate ignores).
        if (this.voteLeaseOn && !msg.transfer && this.inLease()) return false;
        if (!msg.preVote) this.becomeFollower(msg.term, null); // a pre-vote never moves the voter's term
        return true;
      case 'RequestVoteResponse':
        // A granted pre-vote carries the term we would move to; a rejection carries the voter's newer term.
        if (msg.preVote && msg.granted) return true;
        this.becomeFollower(msg.term, null);
        return false;
      case 'AppendEntries':
      case 'TimeoutNow':
        this.becomeFollower(msg.term, msg.from);
        return true;
      case 'AppendEntriesResponse':
        this.becomeFollower(msg.term, null);
        return false;
    }
  }

  /**
   * A lower-term request. 'always' (Figure 2, LogCabin, hashicorp/raft): every RPC gets a
   * rejection carrying our term, so a stale sender learns it and steps down. 'etcd'
   * (etcd-io/raft Step, m.Term < r.Term): a stale AppendEntries is answered only with
   * CheckQuorum or PreVote on (without them a cut-off old leader stays a silent stale
   * leader instead of stepping down, campaigning and disrupting); a stale pre-vote gets
   * a rejection; a stale vote request is ignored.
   */
  private handleLowerTerm(msg: Message): void {
    const always = this.config.staleTermReplies === 'always';
    if (msg.type === 'AppendEntries') {
      if (this.bug === 'accept-stale-term-append' && this.roleNow !== 'leader') {
        this.handleAppendEntries(msg, false);
        return;
      }
      // Tell the stale leader our term so it steps down.
      if (always || this.config.checkQuorum || this.config.preVote) this.sendAppendResponse(msg.from, false, 0, 0, 0);
    } else if (msg.type === 'RequestVote') {
      if (always || msg.preVote) this.sendVoteResponse(msg.from, this.termNow, false, msg.preVote);
    }
  }

  /**
   * hashicorp/raft requestVote: while a leader other than the candidate is known, every
   * vote request is rejected before its term is looked at (a leader knows itself). A
   * follower forgets its leader only when its own timer fires; a transfer is let through.
   */
  private refusesWhileLeaderKnown(m: RequestVote): boolean {
    return this.config.refuseVotesWhileLeaderKnown && !m.transfer && this.leaderNow !== null && this.leaderNow !== m.from;
  }

  /** Follower lease: heard from a live leader within the minimum election timeout (a leader is its own lease). */
  private inLease(): boolean {
    if (this.roleNow === 'leader') return true;
    return this.roleNow === 'follower' && this.leaderNow !== null && this.timers.leaseActive;
  }

  // ---- roles ----------------------------------------------------------------

  /**
   * Steps down (or stays follower) at `term`. Whether the election timer is redrawn is
   * the timerReset rule: 'on-term-change' always (etcd-io/raft becomeFollower → reset(),
   * a refused vote request included); 'on-contact' only when the timer was not running
   * as a follower's (LogCabin RaftConsensus::stepDown re-arms only a leader's disabled
   * timer; a candidate keeps its running one). A poll-mode (hashicorp) follower loop
   * starts afresh with its own timer whenever the node enters it from another role.
   */
  private becomeFollower(term: number, leader: NodeId | null): void {
    if (term !== this.termNow) {
      this.termNow = term;
      this.votedForNow = null;
    }
    const was = this.roleNow;
    if (was === 'leader') this.timers.stopLeader(this.out);
    this.roleNow = 'follower';
    this.leaderNow = leader;
    this.transferee = null;
    const redraw =
      this.config.timerReset === 'on-term-change' ||
      was === 'leader' ||
      (this.config.followerTimer === 'poll' && was !== 'follower');
    if (redraw) {
      this.timers.resetFollower(this.out);
      this.electionResetThisInput = true;
    }
  }

  private campaign(transfer: boolean): void {
    if (this.config.preVote && !transfer) this.becomePreCandidate();
    else this.becomeCandidate(transfer);
  }

  /** §9.6: ask for votes at term+1 without touching our own term or vote. */
  private becomePreCandidate(): void {
    if (this.bug === 'prevote-bumps-term') {
      this.termNow++;
      this.votedForNow = null;
    }
    this.roleNow = 'precandidate';
    this.leaderNow = null;
    this.timers.resetPreCandidate(this.out);
    this.resetVotes();
    if (this.recordVote(this.id, true)) return;
    for (const o of this.others) this.sendVoteRequest(o, this.termNow + 1, true, false);
  }

  private becomeCandidate(transfer: boolean): void {
    this.termNow++;
    this.votedForNow = this.id; // persisted by flush() in the same Ready as the requests
    this.roleNow = 'candidate';
    this.leaderNow = null;
    this.timers.resetCandidate(this.out);
    this.resetVotes();
    if (this.recordVote(this.id, true)) return;
    for (const o of this.others) this.sendVoteRequest(o, this.termNow, false, transfer);
  }

  private becomeLeader(): void {
    this.roleNow = 'leader';
    this.leaderNow = this.id;
    this.transferee = null;
    const last = this.log.lastIndex;
    for (const o of this.others) this.progress[o].resetForLeader(last);
    this.timers.resetLeader(this.out);
    // §5.4.2 / §8: a no-op from the new term lets earlier entries commit. A leader that
    // commits old-term entries by counting (the bug) never needs it, and without it the
    // Figure 8 window stays open instead of closing with the first AppendEntries.
    if (this.bug !== 'commit-old-term-by-counting') this.appendEntry({ term: this.termNow, data: 0 });
    for (const o of this.others) this.sendAppend(o);
  }

  // ---- elections (§5.2, §5.4.1) ---------------------------------------------

  private handleRequestVote(m: RequestVote): void {
    const upToDate = this.bug === 'no-log-up-to-date-check' || this.log.isUpToDate(m.lastLogIndex, m.lastLogTerm);
    if (m.preVote) {
      const canVote =
        m.term > this.termNow || this.votedForNow === m.from || (this.votedForNow === null && this.leaderNow === null);
      // The dissertation's PreVote also refuses within the leader lease; etcd-io/raft applies
      // the lease only with CheckQuorum (handleHigherTerm), so there any node, the leader
      // included, grants a pre-vote to an up-to-date candidate.
      const granted = canVote && upToDate && !(this.config.preVoteLease && this.inLease());
      this.sendVoteResponse(m.from, granted ? m.term : this.termNow, granted, true);
      return;
    }
    // One vote per term; and a node that knows this term's leader does not vote in it.
    const free = this.votedForNow === null || this.bug === 'double-vote-same-term';
    const canVote = this.votedForNow === m.from || (free && this.leaderNow === null);
    const granted = canVote && upToDate;
    if (granted) {
      this.votedForNow = m.from;
      if (this.roleNow === 'follower') this.touchElectionTimer();
    }
    this.sendVoteResponse(m.from, this.termNow, granted, false);
  }

  private handleVoteResponse(m: RequestVoteResponse): void {
    if (this.roleNow === 'precandidate') {
      if (!m.preVote || m.term !== (m.granted ? this.termNow + 1 : this.termNow)) return;
    } else if (this.roleNow !== 'candidate' || m.preVote) {
      return;
    }
    this.recordVote(m.from, m.granted);
  }

  private resetVotes(): void {
    this.votes.fill(VOTE_UNKNOWN);
    this.grants = 0;
    this.rejects = 0;
  }

  /** Tallies one answer; acts on a won or lost election and returns whether it did. */
  private recordVote(from: NodeId, granted: boolean): boolean {
    if (from >= this.votes.length || this.votes[from] !== VOTE_UNKNOWN) return false;
    this.votes[from] = granted ? VOTE_GRANTED : VOTE_REJECTED;
    if (granted) this.grants++;
    else this.rejects++;
    if (this.grants >= this.quorum) {
      if (this.roleNow === 'precandidate') this.becomeCandidate(false);
      else this.becomeLeader();
      return true;
    }
    // etcd's VoteLost: in ticks (etcd) mode a candidate that can no longer win returns to
    // follower at once, with a fresh timeout. In continuous mode it waits out its own
    // timeout, as Figure 2 and hashicorp/raft do.
    if (this.ticksMode && this.rejects > this.clusterSize - this.quorum) {
      this.becomeFollower(this.termNow, null);
      return true;
    }
    return false;
  }

  private touchElectionTimer(): void {
    // A poll-mode contact only marks the leader heard; it never redraws the timer, so it is
    // always due (hashicorp sets lastContact on every successful append and granted vote).
    if (this.config.followerTimer === 'poll') {
      this.timers.touchFollower(this.out);
      return;
    }
    if (this.electionResetThisInput) return;
    this.timers.touchFollower(this.out);
    this.electionResetThisInput = true;
  }

  // ---- log replication, follower side (§5.3) --------------------------------

  private handleAppendEntries(m: AppendEntries, fromCurrentLeader: boolean): void {
    if (fromCurrentLeader) {
      this.leaderNow = m.from;
      // LogCabin and etcd count any AppendEntries from the leader as contact, even one then
      // rejected; hashicorp/raft's appendEntries sets lastContact only on success (below).
      if (this.config.followerTimer !== 'poll') this.touchElectionTimer();
    }
    // The bug zoo's accept-stale-term-append answers in the sender's (stale) term, so the
    // deposed leader never learns it was deposed and keeps replicating and counting acks.
    const replyTerm = fromCurrentLeader ? this.termNow : m.term;
    const prev = m.prevLogIndex;
    if (prev > this.log.lastIndex || this.log.termAt(prev) !== m.prevLogTerm) {
      this.rejectAppend(m, replyTerm);
      return;
    }
    this.appendFromLeader(prev, m.entries);
    const lastNew = prev + m.entries.length;
    // Only what this message proved to match may be committed: a stale suffix beyond lastNew may differ.
    const commit = Math.min(m.leaderCommit, lastNew);
    if (commit > this.commitNow) this.commitTo(commit);
    if (fromCurrentLeader && this.config.followerTimer === 'poll') this.touchElectionTimer();
    this.sendAppendResponse(m.from, true, lastNew, 0, 0, replyTerm, 0, m.heartbeat === true);
  }

  /** Appends what is new; truncates only at a real conflict, so a stale or duplicate AE deletes nothing. */
  private appendFromLeader(prev: number, entries: readonly Entry[]): void {
    for (let i = 0; i < entries.length; i++) {
      const idx = prev + 1 + i;
      if (idx > this.log.lastIndex) {
        this.log.appendFrom(entries, i);
        this.out.markAppend(idx);
        return;
      }
      if (this.log.termAt(idx) === entries[i].term) continue;
      if (this.bug === 'no-truncate-on-conflict') {
        for (let j = i; j < entries.length; j++) this.log.overwrite(prev + 1 + j, entries[j]);
        this.noteTruncation(idx);
        return;
      }
      if (this.bug === null && idx <= this.commitNow) {
        throw new Error(`raft node ${this.id}: conflicting entry at committed index ${idx}`);
      }
      this.log.truncateFrom(idx);
      this.noteTruncation(idx);
      this.log.appendFrom(entries, i);
      return;
    }
  }

  private noteTruncation(idx: number): void {
    this.out.markTruncate(idx);
    if (this.persistedIndex >= idx) this.persistedIndex = idx - 1;
  }

  /**
   * Fast backtracking hint (dissertation §5.3): the first index of our conflicting term, or
   * our log end. The rejection carries the rejected prevLogIndex (etcd's MsgAppResp Index).
   */
  private rejectAppend(m: AppendEntries, replyTerm: number): void {
    const prev = m.prevLogIndex;
    const hb = m.heartbeat === true;
    if (prev > this.log.lastIndex) {
      this.sendAppendResponse(m.from, false, 0, this.log.lastIndex + 1, 0, replyTerm, prev, hb);
      return;
    }
    const conflictTerm = this.log.termAt(prev);
    this.sendAppendResponse(m.from, false, 0, this.log.firstIndexOfTerm(conflictTerm, prev), conflictTerm, replyTerm, prev, hb);
  }

  // ---- log replication, leader side -----------------------------------------

  private appendEntry(e: Entry): number {
    const index = this.log.append(e);
    this.out.markAppend(index);
    return index;
  }

  /** Sends the next AppendEntries to `to` if flow control allows; returns whether it sent one. */
  private sendAppend(to: NodeId): boolean {
    const pr = this.progress[to];
    const last = this.log.lastIndex;
    if (!pr.canSendEntries(last)) return false;
    const next = pr.nextIndex;
    const entries =
      next <= last ? this.log.slice(next, Math.min(last + 1, next + this.config.maxEntriesPerMsg)) : EMPTY_ENTRIES;
    this.sendAppendEntries(to, next - 1, entries);
    if (pr.state === 'probe') {
      pr.probeSent = true;
    } else {
      pr.nextIndex = next + entries.length;
      pr.inflights.add(pr.nextIndex - 1);
    }
    return true;
  }

  /**
   * Heartbeats always go out, whatever the inflight count.
   * - probe: an empty AE checked at nextIndex-1; it is the probe.
   * - replicate: an empty AE checked at matchIndex, which the follower acknowledged,
   *   like etcd's MsgHeartbeat, which carries no log position at all. Checking at the
   *   optimistic nextIndex-1 would fail whenever the heartbeat overtakes entries still
   *   in flight (delays are independent), throwing the follower back to probe.
   *   Lost entries are repaired as etcd does, from the heartbeat's response
   *   (handleAppendResponse).
   */
  private broadcastHeartbeat(): void {
    const paced = this.config.heartbeatPacing === 'after-reply';
    for (const o of this.others) {
      const pr = this.progress[o];
      if (paced) {
        // hashicorp: the follower's heartbeat loop is still waiting for the last reply. Over
        // TCP a lost packet only delays that reply (retransmission), so one firing is skipped
        // at most: the next one sends again.
        if (pr.heartbeatSkips === 0) {
          pr.heartbeatSkips = 1;
          continue;
        }
        pr.heartbeatSkips = 0;
      }
      if (pr.state === 'probe') {
        this.sendAppendEntries(o, pr.nextIndex - 1, EMPTY_ENTRIES);
        pr.probeSent = true;
        continue;
      }
      this.sendAppendEntries(o, pr.matchIndex, EMPTY_ENTRIES, true);
    }
  }

  private handleAppendResponse(m: AppendEntriesResponse): void {
    const pr = this.progress[m.from];
    if (pr === undefined) return;
    pr.recentActive = true;
    pr.heartbeatSkips = -1;
    if (!m.success) {
      this.handleAppendReject(pr, m);
      return;
    }
    const advanced = pr.acknowledge(m.matchIndex);
    if (pr.state === 'probe') pr.becomeReplicate();
    if (advanced) this.maybeCommit();
    let sent = false;
    while (this.sendAppend(m.from)) sent = true;
    // etcd stepLeader, MsgHeartbeatResp: a follower still behind gets an append at once,
    // an empty one at the optimistic nextIndex-1 when everything is already "in flight"
    // (or the window is full). If entries were lost, its rejection (above matchIndex)
    // drops the follower to probe and they are resent.
    if (m.heartbeat === true && !sent && pr.state === 'replicate' && pr.matchIndex < this.log.lastIndex) {
      this.sendAppendEntries(m.from, pr.nextIndex - 1, EMPTY_ENTRIES);
    }
    if (this.transferee === m.from && !this.timeoutNowSent && pr.matchIndex === this.log.lastIndex) {
      this.sendTimeoutNow(m.from);
    }
  }

  /**
   * A rejection, handled as etcd-io/raft's Progress.MaybeDecrTo does (tracker/progress.go),
   * using the rejected prevLogIndex the response carries:
   * - replicate: a rejection at or below matchIndex is stale (reordered or duplicated) and
   *   ignored; any other drops to probe at matchIndex+1 and resends at once.
   * - probe: only a rejection of the outstanding probe (nextIndex-1) counts; nextIndex moves
   *   to the follower's hint, never below matchIndex+1, and the next probe goes out at once.
   * matchIndex never decreases, with one exception etcd does not have: a rejected heartbeat.
   * Heartbeats are checked at matchIndex, which the follower acknowledged, so their rejection
   * cannot be stale: the follower lost acknowledged entries (a wiped disk, outside Raft's
   * model; etcd would panic). The leader then re-replicates from the follower's log end, as
   * hashicorp/raft and LogCabin do by moving nextIndex down.
   */
  private handleAppendReject(pr: Progress, m: AppendEntriesResponse): void {
    const rejected = m.rejectedIndex ?? pr.nextIndex - 1; // a plug-in may not say
    const hint = this.rejectHint(m, rejected);
    if (m.heartbeat === true && pr.state === 'replicate') {
      pr.forgetLostEntries(hint - 1);
      pr.nextIndex = pr.matchIndex + 1;
      pr.becomeProbe();
      this.sendAppend(m.from);
      return;
    }
    if (pr.state === 'replicate') {
      if (rejected <= pr.matchIndex) return;
      pr.nextIndex = pr.matchIndex + 1;
      pr.becomeProbe();
      this.sendAppend(m.from);
      return;
    }
    if (rejected !== pr.nextIndex - 1) return;
    // A probe at or below matchIndex can only be refused by a follower that lost what it
    // acknowledged (a wiped disk, with the leader already probing): as for a heartbeat.
    if (rejected <= pr.matchIndex) pr.forgetLostEntries(hint - 1);
    pr.nextIndex = Math.max(Math.min(rejected, hint), pr.matchIndex + 1);
    pr.probeSent = false;
    this.sendAppend(m.from);
  }

  /** The next index to probe from the follower's hint (its log end, or the start of its conflicting term). */
  private rejectHint(m: AppendEntriesResponse, rejected: number): number {
    if (m.conflictTerm > 0) {
      const last = this.log.lastIndexOfTerm(m.conflictTerm, rejected);
      if (last > 0) return last + 1;
    }
    return m.conflictIndex;
  }

  /**
   * Commits the highest index stored on a majority, but only if it is from the
   * current term (§5.4.2, Figure 8); earlier entries then commit with it.
   * The leader counts only what its own disk acknowledged.
   */
  private maybeCommit(): boolean {
    const matches = this.matchScratch;
    matches[0] = Math.min(this.persistedIndex, this.log.lastIndex);
    for (let i = 0; i < this.others.length; i++) matches[i + 1] = this.progress[this.others[i]].matchIndex;
    const quorum = this.bug === 'commit-without-majority' ? Math.max(1, Math.floor(this.clusterSize / 2)) : this.quorum;
    const n = Math.min(kthLargest(matches, quorum), this.log.lastIndex); // (only the bug zoo can ack past our log)
    if (n <= this.commitNow) return false;
    if (this.log.termAt(n) !== this.termNow && this.bug !== 'commit-old-term-by-counting') return false;
    this.commitTo(n);
    return true;
  }

  private commitTo(index: number): void {
    for (let i = this.commitNow + 1; i <= index; i++) {
      const e = this.log.entryAt(i)!;
      this.out.commit({ index: i, term: e.term, data: e.data });
    }
    this.commitNow = index;
  }

  // ---- leader checks: CheckQuorum and transfer ------------------------------

  /** Runs every checkQuorumTimeoutUs: step down without a recent majority; abort an unfinished transfer. */
  private leaderCheck(): void {
    if (this.roleNow !== 'leader') return;
    if (this.config.checkQuorum) {
      let active = 1; // ourselves
      for (const o of this.others) {
        if (this.progress[o].recentActive) active++;
        this.progress[o].recentActive = false;
      }
      if (active < this.quorum) {
        this.becomeFollower(this.termNow, null);
        return;
      }
    }
    this.transferee = null;
  }

  // ---- outputs ----------------------------------------------------------------

  private sendVoteRequest(to: NodeId, term: number, preVote: boolean, transfer: boolean): void {
    const log = this.log;
    this.out.send({
      type: 'RequestVote',
      from: this.id,
      to,
      term,
      lastLogIndex: log.lastIndex,
      lastLogTerm: log.lastTerm,
      preVote,
      transfer,
    });
  }

  private sendVoteResponse(to: NodeId, term: number, granted: boolean, preVote: boolean): void {
    this.out.send({ type: 'RequestVoteResponse', from: this.id, to, term, granted, preVote });
  }

  private sendAppendEntries(to: NodeId, prev: number, entries: readonly Entry[], heartbeat = false): void {
    this.out.send({
      type: 'AppendEntries',
      from: this.id,
      to,
      term: this.termNow,
      prevLogIndex: prev,
      prevLogTerm: this.log.termAt(prev),
      entries,
      leaderCommit: this.commitNow,
      heartbeat,
    });
  }

  private sendAppendResponse(
    to: NodeId,
    success: boolean,
    matchIndex: number,
    conflictIndex: number,
    conflictTerm: number,
    term: number = this.termNow,
    rejectedIndex = 0,
    heartbeat = false,
  ): void {
    this.out.send({
      type: 'AppendEntriesResponse',
      from: this.id,
      to,
      term,
      success,
      matchIndex,
      conflictIndex,
      conflictTerm,
      rejectedIndex,
      heartbeat,
    });
  }

  private sendTimeoutNow(to: NodeId): void {
    this.out.send({ type: 'TimeoutNow', from: this.id, to, term: this.termNow });
    this.timeoutNowSent = true;
  }

  /** Ends an input: the hard state goes out when it changed (the vote-not-persisted bug never writes the vote). */
  private flush(): Ready {
    const vote = this.bug === 'vote-not-persisted' ? null : this.votedForNow;
    if (this.termNow !== this.emittedTerm || vote !== this.emittedVote) {
      this.out.setHardState({ term: this.termNow, votedFor: vote });
      this.emittedTerm = this.termNow;
      this.emittedVote = vote;
    }
    this.electionResetThisInput = false;
    return this.out.build(this.log);
  }
}
