// The raft module's public surface, for the simulator host and for users.
export { RaftNode } from './node.js';
export { RaftLog } from './log.js';
export { EMPTY_READY } from './ready.js';
export { BUGS, BUG_NAMES, type BugInfo } from './bugs.js';
export {
  ETCD_DEFAULTS,
  HASHICORP_DEFAULTS,
  PAPER_DEFAULTS,
  PROFILE_DEFAULTS,
  PROFILE_NAMES,
  profileConfig,
  resolveRaftConfig,
  validateRaftConfig,
  type CommonParams,
  type EtcdParams,
  type HashicorpParams,
  type PaperParams,
  type ProfileName,
  type ProfileParams,
} from './profiles.js';
export type * from './types.js';
