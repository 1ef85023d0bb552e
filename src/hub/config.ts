/** Everything a hub needs to know about the server, resolved once. */
import type { VmRoute } from '../protocol/index.js';
import type {
  AuthMode,
  BackoffOptions,
  FetchLike,
  SocketFactory,
  Timers,
  TokenProvider,
  VmSocketOptions,
} from '../transport/index.js';
import type { Permission } from './permissions.js';

export interface VmHubConfig {
  /** http(s) or ws(s) address of the LibGo server; defaults to the page's own origin. */
  serverUrl?: string;
  authMode?: AuthMode;
  tokenProvider?: TokenProvider;
  wsPath?: string;
  apiPath?: string;
  socketFactory?: SocketFactory;
  fetch?: FetchLike;
  heartbeatMs?: number;
  requestTimeoutMs?: number;
  backoff?: Partial<BackoffOptions>;
  /** How long a session keeps its socket after its last subscriber leaves. Default 3 s. */
  lingerMs?: number;
  /** Metrics samples kept per VM. Default 720 (one hour at LibGo's 5 s interval). */
  metricsCapacity?: number;
  /** Console output kept per VM for late subscribers, in bytes. Default 256 KiB. */
  consoleReplayBytes?: number;
  /** Use the REST API for start/stop when the socket is down. Default true. */
  restFallback?: boolean;
  /**
   * Runs console sockets in a Worker that hands the page coalesced batches of frames, so a flood
   * of small frames does not compete with the terminal for the main thread. Needs `worker-src
   * blob:` under a Content-Security-Policy. Ignored when `socketFactory` is set. Default false.
   */
  consoleInWorker?: boolean;
  /** Overrides what the token's roles imply. */
  permissions?: readonly Permission[];
  timers?: Timers;
  random?: () => number;
}

/** Loaded only by hubs that ask for it. */
const workerSockets: SocketFactory = (url, protocols) =>
  import('../transport/worker-socket.js').then(({ workerSocketFactory }) => workerSocketFactory(url, protocols));

export function socketOptions(config: VmHubConfig, vmName: string, route: VmRoute): VmSocketOptions {
  return {
    serverUrl: config.serverUrl,
    vmName,
    route,
    authMode: config.authMode,
    tokenProvider: config.tokenProvider,
    wsPath: config.wsPath,
    apiPath: config.apiPath,
    socketFactory: config.socketFactory ?? (route === 'console' && config.consoleInWorker ? workerSockets : undefined),
    fetch: config.fetch,
    heartbeatMs: config.heartbeatMs,
    requestTimeoutMs: config.requestTimeoutMs,
    backoff: config.backoff,
    timers: config.timers,
    random: config.random,
  };
}
