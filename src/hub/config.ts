/** Everything a hub needs to know about the server, resolved once. */
import type { VmRoute } from '../protocol/index.js';
import type { SocketFactory, VmSocketOptions } from '../transport/index.js';
import type { ActionOptions } from './action-outcome.js';
import type { Permission } from './permissions.js';

/** The connection options a hub hands to every socket it opens (documented on VmSocketOptions). */
const SHARED_SOCKET_OPTIONS = [
  'serverUrl',
  'authMode',
  'tokenProvider',
  'wsPath',
  'apiPath',
  'socketFactory',
  'fetch',
  'heartbeatMs',
  'requestTimeoutMs',
  'backoff',
  'timers',
  'random',
] as const satisfies readonly (keyof VmSocketOptions)[];

type SharedSocketOptions = Pick<VmSocketOptions, (typeof SHARED_SOCKET_OPTIONS)[number]>;

export interface VmHubConfig extends SharedSocketOptions, ActionOptions {
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
}

/** Loaded only by hubs that ask for it. */
const workerSockets: SocketFactory = (url, protocols) =>
  import('../transport/worker-socket.js').then(({ workerSocketFactory }) => workerSocketFactory(url, protocols));

export function socketOptions(config: VmHubConfig, vmName: string, route: VmRoute): VmSocketOptions {
  const options: VmSocketOptions = { vmName, route };
  for (const key of SHARED_SOCKET_OPTIONS) (options as unknown as Record<string, unknown>)[key] = config[key];
  if (!config.socketFactory && route === 'console' && config.consoleInWorker) options.socketFactory = workerSockets;
  return options;
}
