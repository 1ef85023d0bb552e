/** Low-level pieces (`libgo-vm-elements/transport`): the socket, REST client and wire codec. */
export * from '../protocol/index.js';
export { VmSocket, type SocketState, type SocketSnapshot, type VmSocketOptions, type VmSocketEvents } from './vm-socket.js';
export { RestClient, type RestClientOptions } from './rest-client.js';
export { AUTH_MODES, parseAuthMode, type AuthMode, type TokenProvider, type TokenRequest } from './auth.js';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
export { Emitter, type Listener } from './emitter.js';
export { realTimers, type Timers } from './timers.js';
export {
  buildSocketUrl,
  buildApiUrl,
  validateVmName,
  tokenSubprotocols,
  APP_SUBPROTOCOL,
  DEFAULT_API_PATH,
  DEFAULT_WS_PATH,
} from './urls.js';
export {
  browserSocketFactory,
  WS_OPEN,
  type SocketFactory,
  type SyncSocketFactory,
  type WebSocketLike,
  type FetchLike,
} from './socket-factory.js';
export { workerSocketFactory } from './worker-socket.js';
export { batchedWorkerSocketFactory } from './batched-worker-sockets.js';
export { LazyVmSocket, preloadConnection } from './lazy-socket.js';
export { LazyRestClient, type RestApi } from './lazy-rest-client.js';
