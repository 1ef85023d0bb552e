/** Everything a hub needs to know about the server, resolved once. */
import type { VmRoute } from '../protocol/index.js';
import type { VmSocketOptions } from '../transport/index.js';
import type { ActionOptions } from './action-policy.js';
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
  /**
   * Runs monitor sockets (status and metrics) in one Worker for the page, which hands the page
   * their frames together every 100 ms: a fleet page's 64 sockets then cost the main thread one
   * task per batch instead of one per frame. Needs `worker-src blob:` under a
   * Content-Security-Policy (else page sockets, silently). Ignored when `socketFactory` is set.
   * Default false.
   */
  monitorsInWorker?: boolean;
  /**
   * While sockets wait to reconnect, one cheap `GET /health` every 1–2 s (shared by all of the
   * hub's sockets; also at once on `online`, focus and the page becoming visible) lets them
   * reconnect as soon as the server is back instead of at the end of their backoff (up to 30 s).
   * Default true; false keeps the plain backoff.
   */
  reachabilityProbe?: boolean;
  /** Overrides what the token's roles imply. */
  permissions?: readonly Permission[];
  /**
   * Keeps each VM's metrics history across page loads (IndexedDB), per server and signed-in user,
   * so charts start with what the last page saw (the time away shows as a gap). Needs a token
   * whose claims name the user (`userId` or `username`); off under cookie auth. `false` turns it
   * off; an object tunes it. Default true.
   */
  persistHistory?: boolean | HistoryPersistOptions;
  /**
   * How often `fleetOf(hub)` lists every VM over REST (paginated) while someone wants it: a fleet
   * view, or sessions the page's socket budget left without a socket (their status comes from the
   * list). Default 10 s, and for fleets over 1,000 VMs a second per page of 100 (10,000 VMs: every
   * 100 s; the rows on screen are live over sockets anyway); a number set here is kept as it is.
   * `false` never polls. A hub without `serverUrl` lists its page's own origin for
   * a fleet view; for sessions left without a socket, only when this is set (the page's origin may
   * be no LibGo at all).
   */
  fleetPollMs?: number | false;
}

/** Bounds of the kept metrics history (see `VmHubConfig.persistHistory`). */
export interface HistoryPersistOptions {
  /** IndexedDB database name. Default `libgo-vm-elements-metrics`. */
  databaseName?: string;
  /** VMs kept, the most recently watched first. Default 200. */
  maxVms?: number;
  /** How far back samples are kept, in ms. Default one hour (the longest chart window). */
  maxAgeMs?: number;
  /** A changed history is written at most this often (and when the page is hidden). Default 15 s. */
  writeEveryMs?: number;
}

/** The persistence options in effect, or null when history is not kept across page loads. */
export function historyPersistence(config: VmHubConfig): HistoryPersistOptions | null {
  const p = config.persistHistory;
  if (p === false) return null;
  return typeof p === 'object' && p !== null ? p : {};
}

/** `reachabilityGroup`: the hub's current probe group, when it probes. */
export function socketOptions(config: VmHubConfig, vmName: string, route: VmRoute, reachabilityGroup?: object): VmSocketOptions {
  const options: VmSocketOptions = { vmName, route, reachabilityGroup };
  for (const key of SHARED_SOCKET_OPTIONS) (options as unknown as Record<string, unknown>)[key] = config[key];
  // Loaded only by hubs that ask for it (one module for both routes: one import in the first paint).
  if (!config.socketFactory && config[route === 'console' ? 'consoleInWorker' : 'monitorsInWorker'])
    options.socketFactory = (url, protocols) => import('../transport/worker-sockets.js').then((m) => m[route](url, protocols));
  return options;
}
