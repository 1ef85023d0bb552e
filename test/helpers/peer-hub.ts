/**
 * A hub on the in-page peer for one test: its sockets and fetch, a fixed token, no history kept
 * between tests and no reachability probe. `extra` overrides any of it. Dispose it in afterEach.
 */
import { VmHub } from '../../src/hub/vm-hub.js';
import type { VmHubConfig } from '../../src/hub/config.js';
import type { InPagePeer } from '../../src/testing/in-page-peer.js';

export function peerTestHub(peer: InPagePeer, token: string, extra: Partial<VmHubConfig> = {}): VmHub {
  return new VmHub({ serverUrl: peer.serverUrl, socketFactory: peer.socketFactory, fetch: peer.fetch, tokenProvider: () => token, persistHistory: false, reachabilityProbe: false, ...extra });
}
