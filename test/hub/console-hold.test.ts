/// <reference types="mocha" />
// Console backpressure at the session: a terminal that falls behind holds its attachment, and the
// session stops the socket reading while any attached terminal holds (the slowest sets the pace).
import { expect } from '@open-wc/testing';
import { VmHub } from '../../src/hub/index.js';
import { leaseConsole } from '../../src/hub/console.js';
import type { SyncSocketFactory, WebSocketLike } from '../../src/transport/socket-factory.js';
import { createInPagePeer, type InPagePeer } from '../../src/testing/index.js';

const until = async (check: () => boolean, what: string) => {
  // A generous bound that only a hang reaches.
  const end = performance.now() + 5000;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('console session hold (backpressure)', () => {
  let peer: InPagePeer;
  let hub: VmHub | null = null;
  beforeEach(() => {
    peer = createInPagePeer({ metricsIntervalMs: 60_000, bootLineDelayMs: 0 });
  });
  afterEach(() => {
    hub?.dispose();
    hub = null;
    peer.close();
  });

  async function open(pausable: boolean) {
    const calls: boolean[] = [];
    const socketFactory: SyncSocketFactory = (url, protocols) => {
      const ws: WebSocketLike = peer.socketFactory(url, protocols);
      if (pausable) ws.pauseReading = (paused) => calls.push(paused);
      return ws;
    };
    hub = new VmHub({ serverUrl: peer.serverUrl, fetch: peer.fetch, tokenProvider: () => peer.login('admin'), socketFactory });
    const lease = leaseConsole(hub, 'web-01');
    await until(() => lease.session.connection.state === 'open', 'console open');
    return { session: lease.session, calls };
  }

  it('pauses the socket while any attached terminal holds, and says the output is held, not lost', async () => {
    const { session, calls } = await open(true);
    const a = session.attach({ write: () => undefined });
    const b = session.attach({ write: () => undefined });
    expect(a.hold(true)).to.equal(true);
    expect(calls.at(-1)).to.equal(true);
    expect(b.hold(true)).to.equal(true);
    a.hold(false);
    // b still holds: the socket stays paused.
    expect(calls.at(-1)).to.equal(true);
    // A terminal that goes away while holding releases its hold.
    b.detach();
    expect(calls.at(-1)).to.equal(false);
  });

  it('a terminal still holding keeps the new socket paused after a configuration change', async () => {
    const { session, calls } = await open(true);
    const a = session.attach({ write: () => undefined });
    a.hold(true);
    const before = calls.length;
    hub!.configure({ wsPath: '/ws/vms' });
    await until(() => session.connection.state === 'open' && calls.length > before, 'the new socket');
    expect(calls.slice(before)).to.deep.equal([true]);
    a.hold(false);
    expect(calls.at(-1)).to.equal(false);
  });

  it('tells a terminal on a socket that cannot pause that it must bound its own queue', async () => {
    const { session } = await open(false);
    const a = session.attach({ write: () => undefined });
    expect(a.hold(true)).to.equal(false);
    a.detach();
    expect(a.hold(true)).to.equal(false);
  });
});
