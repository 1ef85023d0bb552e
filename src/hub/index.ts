export { VmHub, type SessionLease, type VmHubEvents } from './vm-hub.js';
export type { VmHubConfig } from './config.js';
export { MonitorSession, type VmStatusInfo, type CommandResult } from './monitor-session.js';
export { ConsoleSession, type ConsoleSink, type ConsoleAttachment, type InputProgress } from './console-session.js';
export { ReplayBuffer, type ReplaySlice } from './replay-buffer.js';
export { getDefaultHub, configureDefaultHub, resetDefaultHub } from './default-hub.js';
export {
  ROLE_PERMISSIONS,
  permissionsForRoles,
  permissionsFromClaims,
  readTokenClaims,
  type Permission,
  type TokenClaims,
} from './permissions.js';
export type { SessionBase } from './session-base.js';
export * from '../protocol/index.js';
export * from '../transport/index.js';
