/**
 * The LibGo server inside the page: the same simulation core as the Node reference server, behind
 * a fake WebSocket and a fake `fetch`. For Storybook and for host applications' own tests; it
 * imports nothing from Node.
 *
 *   const peer = createInPagePeer();
 *   const hub = new VmHub({ serverUrl: peer.serverUrl, socketFactory: peer.socketFactory,
 *                           fetch: peer.fetch, tokenProvider: () => peer.login('admin') });
 */
import type { FetchLike, SyncSocketFactory } from '../transport/socket-factory.js';
import { systemClock, type Clock } from './sim/clock.js';
import type { ConnectionSink, ConnectParams } from './sim/connection.js';
import type { FaultInjector } from './sim/faults.js';
import { createHs256Authenticator } from './sim/hs256.js';
import { DEFAULT_JWT_SECRET, LibGoSim, type SimOptions } from './sim/simulator.js';
import { simWire, type StrictOptions } from './sim/strict.js';
import type { UpgradeRequest } from './sim/upgrade.js';
import { createInPageFetch } from './in-page-fetch.js';
import { InPageWebSocket } from './in-page-web-socket.js';

export interface InPagePeerOptions extends Omit<SimOptions, 'auth' | 'clock' | 'faults'> {
  /** Origin the peer answers for (default `http://libgo.test`); sockets use the same host. */
  serverUrl?: string;
  /** Defaults to the page's timers (looked up at each call, so fake timers work). */
  clock?: Clock;
  /** Upload speed that drains `bufferedAmount` (default 1024 bytes/ms ≈ 1 MB/s); Infinity for instant. */
  uploadBytesPerMs?: number;
  /** Added before every upgrade and REST answer (default 0). */
  latencyMs?: number;
  /** Fault injection; on by default, since the peer exists for tests and stories. */
  faults?: boolean;
  /** Behave on the wire as an unmodified LibGo does (sim/strict.ts), as the reference server's `strict`. */
  strict?: boolean | StrictOptions;
}

export interface InPagePeer {
  /** Plug into VmSocket / the hub instead of the browser's WebSocket. */
  socketFactory: SyncSocketFactory;
  /** Plug into the REST client instead of `window.fetch`. */
  fetch: FetchLike;
  sim: LibGoSim;
  faults: FaultInjector;
  /** A valid token for a configured user, without the password. */
  login(username: string): Promise<string>;
  /** e.g. `http://libgo.test` */
  serverUrl: string;
  /** e.g. `ws://libgo.test` */
  wsUrl: string;
  /** Sockets not yet closed, oldest first. */
  sockets(): readonly InPageWebSocket[];
  /** Closes every socket (1001) and stops all simulation timers. */
  close(): void;
}

export function createInPagePeer(options: InPagePeerOptions = {}): InPagePeer {
  const base = new URL(options.serverUrl ?? 'http://libgo.test');
  const serverUrl = base.origin;
  const wsUrl = `${base.protocol === 'https:' ? 'wss:' : 'ws:'}//${base.host}`;
  const clock = options.clock ?? systemClock;
  const sim = new LibGoSim({
    ...options,
    clock,
    faults: options.faults ?? true,
    auth: createHs256Authenticator(options.jwtSecret ?? DEFAULT_JWT_SECRET, () => clock.now()),
  });
  const wire = simWire(sim, options.strict);
  const open = new Set<InPageWebSocket>();
  const latencyMs = options.latencyMs ?? 0;
  const server = {
    clock,
    host: base.host,
    uploadBytesPerMs: options.uploadBytesPerMs ?? 1024,
    latencyMs,
    authorizeUpgrade: (request: UpgradeRequest) => wire.authorizeUpgrade(request),
    connect: (params: ConnectParams, sink: ConnectionSink) => wire.connect(params, sink),
    track: (s: InPageWebSocket) => open.add(s),
    untrack: (s: InPageWebSocket) => open.delete(s),
  };

  return {
    socketFactory: (url, protocols) => new InPageWebSocket(url, protocols, server),
    fetch: createInPageFetch({ origin: serverUrl, clock, latencyMs, handleRest: (request) => wire.handleRest(request) }),
    sim,
    faults: sim.faults,
    login: (username) => sim.issueToken(username),
    serverUrl,
    wsUrl,
    sockets: () => [...open],
    close: () => sim.dispose(),
  };
}
