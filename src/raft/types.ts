// The contract between a Raft node (a pure state machine) and whatever hosts it:
// the simulator in src/cluster/host.ts, unit tests, or a user's own implementation.
//
// A node never reads a clock, never draws randomness except from the Rng it is
// given, and never does IO. Every input returns a Ready describing what the host
// must do, in the order written on the Ready type.

/** Nodes are numbered 0..n-1. */
export type NodeId = number;

export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader';

/**
 * A log entry. The index is implicit (its position in the log, 1-based).
 * `data` identifies the command: 0 is a leader's no-op, a positive number is a
 * client write id (unique per trial), which the safety checkers use to compare
 * what different nodes applied.
 */
export interface Entry {
  readonly term: number;
  readonly data: number;
}

export interface RequestVote {
  readonly type: 'RequestVote';
  readonly from: NodeId;
  readonly to: NodeId;
  /** For a PreVote request: the term the sender would move to (its term + 1); its own term is unchanged. */
  readonly term: number;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
  readonly preVote: boolean;
  /** Set when the election was triggered by TimeoutNow (leadership transfer): voters skip the live-leader check. */
  readonly transfer: boolean;
}

export interface RequestVoteResponse {
  readonly type: 'RequestVoteResponse';
  readonly from: NodeId;
  readonly to: NodeId;
  /** The voter's term; for a granted PreVote, the term the request carried. */
  readonly term: number;
  readonly granted: boolean;
  readonly preVote: boolean;
}

export interface AppendEntries {
  readonly type: 'AppendEntries';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly Entry[];
  readonly leaderCommit: number;
  /**
   * A heartbeat: checked at the follower's matchIndex, which it acknowledged (absent:
   * false). Its rejection cannot be a reordered one, so it means the follower lost
   * entries it acknowledged (a wiped disk).
   */
  readonly heartbeat?: boolean;
}

export interface AppendEntriesResponse {
  readonly type: 'AppendEntriesResponse';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  readonly success: boolean;
  /** On success: the index of the last entry known to match the leader's log. */
  readonly matchIndex: number;
  /** On failure, fast backtracking hints (dissertation §5.3 / etcd's reject hint). */
  readonly conflictIndex: number;
  readonly conflictTerm: number;
  /**
   * On failure: the prevLogIndex of the rejected AppendEntries (etcd's MsgAppResp
   * Index), so the leader recognises a stale rejection exactly (etcd Progress.MaybeDecrTo).
   */
  readonly rejectedIndex?: number;
  /** Echoed from the AppendEntries on every response, success or not (see AppendEntries.heartbeat). */
  readonly heartbeat?: boolean;
}

/** Leadership transfer: the leader tells a caught-up follower to start an election at once. */
export interface TimeoutNow {
  readonly type: 'TimeoutNow';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
}

export type Message = RequestVote | RequestVoteResponse | AppendEntries | AppendEntriesResponse | TimeoutNow;
export type MessageType = Message['type'];

/**
 * Timers a node may arm. Profiles that run on ticks (etcd) use only 'tick'.
 * 'contact' is the poll-mode follower's "electionTimeoutMinUs since the leader was last
 * heard" deadline (followerTimer: 'poll').
 */
export type TimerName = 'election' | 'heartbeat' | 'tick' | 'contact';

/**
 * Arm (afterUs >= 0) or cancel (afterUs === null) a named timer. Arming a timer
 * that is already armed replaces it. Durations are in the node's own time
 * (its monotonic or wall clock, as RaftConfig.timerSource says), in integer µs.
 */
export interface TimerOp {
  readonly name: TimerName;
  readonly afterUs: number | null;
}

/** The durable part of a node: what survives a crash once synced. */
export interface HardState {
  readonly term: number;
  readonly votedFor: NodeId | null;
}

/**
 * A write to stable storage. Applied in order:
 * 1. hardState, when present, replaces the stored term and vote;
 * 2. when truncateFrom is set, entries at index >= truncateFrom are deleted;
 * 3. entries are appended starting at index appendFrom.
 */
export interface PersistOp {
  readonly hardState: HardState | null;
  readonly truncateFrom: number | null;
  readonly appendFrom: number;
  readonly entries: readonly Entry[];
  /** Index of the last log entry once this write is applied (for the persisted() ack). */
  readonly lastIndex: number;
  readonly lastTerm: number;
}

export interface CommittedEntry {
  readonly index: number;
  readonly term: number;
  readonly data: number;
}

/** The answer to a client proposal. */
export interface ProposalResult {
  readonly data: number;
  /** Index the entry was appended at, or 0 when this node is not the leader. */
  readonly index: number;
  /** When rejected: whom the node believes leads, for the client's redirect. */
  readonly leaderHint: NodeId | null;
}

/**
 * Everything one input produced. The host MUST act in this order:
 * 1. `persist`: write to stable storage;
 * 2. `messages`: send only once every write of this Ready and of earlier Readys
 *    is durable ("persist before send": a vote or an append acknowledgment is
 *    never visible before it survives a crash). Then call node.persisted(...).
 * 3. `timers`: arm/cancel now (they do not wait for the disk);
 * 4. `committed`: apply to the state machine in order (already durable on a majority).
 * `proposals` answers propose() calls. Empty arrays may be shared: never mutate them.
 */
export interface Ready {
  readonly persist: PersistOp | null;
  readonly messages: readonly Message[];
  readonly timers: readonly TimerOp[];
  readonly committed: readonly CommittedEntry[];
  readonly proposals: readonly ProposalResult[];
}

/** Where timer durations are measured: a wall clock is stepped by NTP, a monotonic one never is. */
export type TimerSource = 'monotonic' | 'wall';

/** Deliberately broken node variants (the bug zoo) that prove the checkers work. */
export type BugName =
  | 'vote-not-persisted'
  | 'no-log-up-to-date-check'
  | 'commit-old-term-by-counting'
  | 'double-vote-same-term'
  | 'no-truncate-on-conflict'
  | 'accept-stale-term-append'
  | 'commit-without-majority'
  | 'prevote-bumps-term'
  | 'no-step-down-on-higher-term'
  | 'fixed-election-timeout';

/**
 * A fully resolved node configuration (profiles in profiles.ts fill it in).
 * All durations are integer microseconds of the node's own clock.
 */
export interface RaftConfig {
  /**
   * 'continuous': timers are armed for exact durations (the paper, hashicorp/raft).
   * 'ticks': one periodic 'tick' timer of tickUs; timeouts count whole ticks (etcd/raft).
   */
  readonly timerMode: 'continuous' | 'ticks';
  readonly tickUs: number;
  /**
   * Follower election timeout drawn uniformly in [min, max]. Every timer duration here
   * is in µs; in ticks mode each is a whole number of ticks (validateRaftConfig checks)
   * and the node counts ticks (timers.ts converts once), as etcd's ElectionTick does.
   */
  readonly electionTimeoutMinUs: number;
  readonly electionTimeoutMaxUs: number;
  /** Candidate (and pre-candidate) retry timeout, drawn uniformly in [min, max]. */
  readonly candidateTimeoutMinUs: number;
  readonly candidateTimeoutMaxUs: number;
  /** Leader heartbeat interval drawn uniformly in [min, max] (equal for a fixed interval). */
  readonly heartbeatMinUs: number;
  readonly heartbeatMaxUs: number;
  /**
   * CheckQuorum: a leader that has not heard from a majority within this long steps
   * down (and a follower that heard from a live leader within the minimum election
   * timeout ignores vote requests).
   */
  readonly checkQuorum: boolean;
  readonly checkQuorumTimeoutUs: number;
  /** PreVote (dissertation §9.6): win a pre-election before bumping the term. */
  readonly preVote: boolean;
  /** Most AppendEntries in flight to one follower before waiting for acknowledgments. */
  readonly maxInflightMsgs: number;
  /** Most entries carried by one AppendEntries. */
  readonly maxEntriesPerMsg: number;
  readonly timerSource: TimerSource;
  /**
   * When a follower's election timer is reset (docs/model.md, "Election timer").
   * - 'on-term-change': also on every move to a higher term, a refused vote request
   *   included (etcd-io/raft: becomeFollower → reset()).
   * - 'on-contact': only on hearing the current leader and on granting a vote; a
   *   candidate that steps down keeps its running timer and only a deposed leader
   *   arms a fresh one (LogCabin RaftConsensus::stepDown; Figure 2).
   */
  readonly timerReset: TimerReset;
  /**
   * How lower-term requests are answered.
   * - 'always': every lower-term request gets a rejection carrying our term (Figure 2's
   *   RPC replies, LogCabin, hashicorp/raft).
   * - 'etcd': etcd-io/raft Step: a lower-term AppendEntries is answered only when
   *   CheckQuorum or PreVote is on (otherwise ignored, so a cut-off old leader stays a
   *   silent stale leader), a lower-term pre-vote gets a rejection, a lower-term vote
   *   request is ignored.
   */
  readonly staleTermReplies: StaleTermReplies;
  /**
   * Whether a node refuses a pre-vote while it heard from a leader within the minimum
   * election timeout even with CheckQuorum off (the dissertation's PreVote, §9.6).
   * etcd-io/raft applies that lease only with CheckQuorum: false.
   */
  readonly preVoteLease: boolean;
  /**
   * The leader lease on votes (Raft paper §6 "disruptive servers", dissertation §4.2.3): a
   * node that heard from a leader within the minimum election timeout (or is the leader)
   * disregards vote and pre-vote requests without adopting their term.
   * 'with-check-quorum': only when CheckQuorum is on (etcd-io/raft Step's inLease);
   * 'always': LogCabin's withholdVotesUntil, which has no flag; 'never': Figure 2 alone.
   */
  readonly voteLease: VoteLease;
  /**
   * hashicorp/raft requestVote: a node that knows a leader (other than the candidate)
   * rejects every vote request, before looking at its term; a follower forgets its
   * leader only when its own heartbeat timer fires (and it becomes a candidate), and a
   * leader never grants. Off elsewhere.
   */
  readonly refuseVotesWhileLeaderKnown: boolean;
  /**
   * The follower's election timer.
   * - 'restart': restarted on every contact (the paper, LogCabin; etcd's elapsed count).
   * - 'poll': hashicorp/raft runFollower: a free-running timer re-drawn in
   *   [electionTimeoutMinUs, electionTimeoutMaxUs] on every firing; on a firing the follower
   *   campaigns only if it has not heard from the leader within electionTimeoutMinUs.
   */
  readonly followerTimer: FollowerTimer;
  /**
   * Whether a leader's messages may leave before its own log write is durable (the
   * leader writes in parallel with replication: dissertation §10.2.1, etcd server
   * raftNode.start, LogCabin's leader disk thread). Its own entries still count toward
   * commitment only once durable. Every other message (votes, vote requests,
   * acknowledgments) always waits for the writes issued before it.
   */
  readonly leaderSendsBeforePersist: boolean;
  /**
   * Which queued input a node handles first when its CPU frees up after a pause or
   * backlog: 'arrival' (FIFO; etcd, whose Go ticker drops ticks for a slow receiver,
   * so at most one tick is pending), 'timers-first', or 'random' (Go's select picks
   * uniformly among ready channels: hashicorp/raft runFollower's heartbeat timer
   * against its RPC channel). The host applies it.
   */
  readonly wakeOrder: WakeOrder;
  /**
   * 'interval': a heartbeat goes to every follower at each heartbeat firing (etcd's
   * bcastHeartbeat, LogCabin). 'after-reply': hashicorp/raft replication.go heartbeat():
   * one goroutine per follower sends a heartbeat RPC and waits for its reply before the
   * next wait; here a follower whose last heartbeat is unanswered by the next firing is
   * skipped at that firing only (over TCP a lost packet delays the reply by a
   * retransmission rather than losing it; the replication loop's own periodic
   * AppendEntries keep contact meanwhile).
   */
  readonly heartbeatPacing: HeartbeatPacing;
  /** null for the reference node. */
  readonly bug: BugName | null;
}

export type TimerReset = 'on-term-change' | 'on-contact';
export type VoteLease = 'with-check-quorum' | 'always' | 'never';
export type StaleTermReplies = 'always' | 'etcd';
export type FollowerTimer = 'restart' | 'poll';
export type WakeOrder = 'arrival' | 'timers-first' | 'random';
export type HeartbeatPacing = 'interval' | 'after-reply';

/** What a node is built from. `durable` is what the disk held at (re)start; absent for a fresh node. */
/**
 * The node's only source of randomness: uniform doubles in [0, 1). The host gives each node
 * its own seeded stream (the simulator's Rng in src/sim/rng.ts has this shape; raft/ does
 * not import the simulator).
 */
export interface NodeRng {
  next(): number;
}

export interface NodeInit {
  readonly id: NodeId;
  readonly peers: readonly NodeId[];
  readonly config: RaftConfig;
  readonly rng: NodeRng;
  readonly durable?: { readonly hardState: HardState; readonly log: readonly Entry[] };
  /**
   * A cluster that starts from a given state (scenario `cluster.initial`): every node
   * boots knowing `leader` as the leader of its durable term, with entries up to
   * `commitIndex` committed; the leader boots as leader (no election, no new no-op).
   * Absent for a normal boot or restart. Implementations that cannot start this way may
   * ignore it (the cluster then elects as usual).
   */
  readonly initial?: { readonly leader: NodeId; readonly commitIndex: number };
}

/** Read-only view the host and the safety checkers use; never used to drive the node. */
export interface NodeView {
  readonly id: NodeId;
  readonly role: Role;
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly leaderId: NodeId | null;
  readonly commitIndex: number;
  readonly lastIndex: number;
  termAt(index: number): number;
  entryAt(index: number): Entry | undefined;
}

/** The interface any Raft implementation plugged into raftsim provides. */
export interface RaftNodeApi extends NodeView {
  /** Called once after construction: typically arms the election timer. */
  start(): Ready;
  step(msg: Message): Ready;
  timerFired(name: TimerName): Ready;
  propose(data: number): Ready;
  /** The disk made the log durable up to (index, term) and the latest hard state. */
  persisted(index: number, term: number): Ready;
  /** Planned failover: a leader hands leadership to `to` (TimeoutNow once it is caught up). */
  transferLeadership(to: NodeId): Ready;
}
