export { VmHub, type SessionLease, type SessionFactory, type VmHubEvents } from './vm-hub.js';
// The budget itself (transport/socket-budget.ts) loads with the connection code, not with this barrel.
export { configureSocketBudget, type SocketBudgetOptions, type SocketPriority } from '../transport/socket-budget-config.js';
export type { VmHubConfig, HistoryPersistOptions } from './config.js';
export { MonitorSession, type VmStatusInfo, type CommandResult } from './monitor-session.js';
export { getDefaultHub, configureDefaultHub, resetDefaultHub } from './default-hub.js';
// Reading a token's claims and the role table are in `libgo-vm-elements/hub/permissions`
// (src/hub/permissions.ts): no element needs them to paint, and the hub loads them on demand.
export type { Permission, TokenClaims } from './permissions.js';
export type { SessionBase } from './session-base.js';
// The fleet poller is in `libgo-vm-elements/hub/fleet` (src/hub/fleet.ts), for the same reason.
// The console session kind is in `libgo-vm-elements/hub/console` (src/hub/console.ts): a bundler
// that splits code shares every module a barrel re-exports with each page importing the barrel,
// and most pages (dashboards, the Overview tab) never open a console.
// What an application needs beside the hub. Only light modules are re-exported here: the socket,
// decoding and REST code load on first connect, and a barrel that reached them would pull them
// into every page's first paint (esbuild's code splitting shares whole files: whatever a barrel
// re-exports lands in the chunk of every page importing it). The URL builders, the status and
// timestamp parsers and the other low-level pieces are in `libgo-vm-elements/transport`.
export * from '../protocol/types.js';
export { VmError, isVmError, type VmErrorCode, type ClientErrorCode, type InvalidReason } from '../protocol/errors.js';
export { isVmAction, utf8Length } from '../protocol/encode.js';
export { AUTH_MODES, parseAuthMode, type AuthMode, type TokenProvider, type TokenRequest } from '../transport/auth.js';
export type { BackoffOptions } from '../transport/backoff.js';
export { Emitter, type Listener } from '../transport/emitter.js';
export { realTimers, type Timers } from '../transport/timers.js';
export { validateVmName } from '../transport/vm-name.js';
export {
  browserSocketFactory,
  type SocketFactory,
  type SyncSocketFactory,
  type WebSocketLike,
  type FetchLike,
} from '../transport/socket-factory.js';
export type { SocketState, SocketSnapshot, VmSocketOptions, VmSocketEvents } from '../transport/vm-socket.js';
export type { RestClientOptions } from '../transport/rest-client.js';
export { LazyRestClient, type RestApi } from '../transport/lazy-rest-client.js';
export { preloadConnection } from '../transport/lazy-socket.js';
