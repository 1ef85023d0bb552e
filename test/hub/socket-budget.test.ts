/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { VmHub } from '../../src/hub/vm-hub.js';
import { leaseConsole } from '../../src/hub/console-session.js';
import { configureSocketBudget } from '../../src/transport/socket-budget-config.js';
import { MAX_OPENING, OPENING_TIMEOUT_MS, socketBudget } from '../../src/transport/socket-budget.js';
import { createInPagePeer, type InPagePeer } from '../../src/testing/in-page-peer.js';
import { DEFAULT_VMS, type VmSpec } from '../../src/testing/sim/vm-fixtures.js';
import { preloadConnection } from '../../src/transport/lazy-socket.js';

const until = (fn: () => boolean, message: string) => waitUntil(fn, message, { timeout: 5000, interval: 10 });
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function fleet(n: number): VmSpec[] {
  const template = DEFAULT_VMS.find((v) => v.initialStatus === 'running')!;
  return Array.from({ length: n }, (_, i) => ({
    ...template,
    name: `vm-${String(i).padStart(4, '0')}`,
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    initialStatus: 'running' as const,
  }));
}

describe('the page-wide socket budget', () => {
  let peer: InPagePeer;
  let hubs: VmHub[] = [];
  let peakOpen = 0;
  let sampler: ReturnType<typeof setInterval> | null = null;

  before(() => preloadConnection());

  function hub(): VmHub {
    const h = new VmHub({
      serverUrl: peer.serverUrl,
      socketFactory: peer.socketFactory,
      fetch: peer.fetch,
      tokenProvider: () => peer.login('admin'),
      persistHistory: false,
      reachabilityProbe: false,
      lingerMs: 0,
    });
    hubs.push(h);
    return h;
  }

  /**
   * Sockets open or opening, sampled as they come. A socket the budget took back may still be
   * finishing its close handshake; the default budget (64) leaves the browser's 255 room for that.
   */
  const openNow = () => peer.sockets().filter((s) => s.readyState === s.CONNECTING || s.readyState === s.OPEN).length;

  beforeEach(() => {
    peer = createInPagePeer({ vms: fleet(1000), faults: false, metricsIntervalMs: 1000 });
    peakOpen = 0;
    sampler = setInterval(() => (peakOpen = Math.max(peakOpen, openNow())), 1);
  });

  afterEach(() => {
    if (sampler) clearInterval(sampler);
    for (const h of hubs) h.dispose();
    hubs = [];
    peer.close();
    configureSocketBudget({ max: 64, lingerMs: 5000 });
  });

  it('never opens more sockets than the budget, with 1,000 monitor leases on two hubs', async () => {
    configureSocketBudget({ max: 20 });
    const a = hub();
    const b = hub();
    const leases = Array.from({ length: 1000 }, (_, i) => (i % 2 ? a : b).monitor(`vm-${String(i).padStart(4, '0')}`));
    await until(() => leases.filter((l) => l.session.connection.state === 'open').length === 20, '20 sockets open');
    await tick(300);
    expect(peakOpen, 'most sockets open at once').to.be.at.most(20);
    expect(openNow()).to.equal(20);
    expect(socketBudget().inUse).to.equal(20);
    const queued = leases.filter((l) => l.session.connection.state === 'queued').length;
    expect(queued, 'the others wait, visibly queued, not failed').to.equal(980);
    expect(leases.some((l) => ['reconnecting', 'closed'].includes(l.session.connection.state))).to.equal(false);
  });

  it('lets only a few sockets be in their opening handshake at once (Chromium delays the rest by seconds)', async () => {
    const h = hub();
    let peakConnecting = 0;
    const connectingNow = () => peer.sockets().filter((s) => s.readyState === s.CONNECTING).length;
    const watch = setInterval(() => (peakConnecting = Math.max(peakConnecting, connectingNow())), 0);
    try {
      const leases = Array.from({ length: 19 }, (_, i) => h.monitor(`vm-${String(i).padStart(4, '0')}`));
      await until(() => leases.every((l) => l.session.connection.state === 'open'), 'all 19 open');
      expect(peakConnecting, 'handshakes in flight at once').to.be.within(1, MAX_OPENING);
      expect(socketBudget().inUse).to.equal(19);
    } finally {
      clearInterval(watch);
    }
  });

  it('does not let handshakes that hang hold their places: after a while the next socket opens', async function () {
    this.timeout(20_000);
    // Four VMs whose server never answers the handshake, then one that does.
    const hung = new Set(['vm-0000', 'vm-0001', 'vm-0002', 'vm-0003']);
    const h = new VmHub({
      serverUrl: peer.serverUrl,
      socketFactory: (url, protocols) => {
        if (!hung.has(new URL(url).pathname.split('/').pop()!)) return peer.socketFactory(url, protocols);
        return { readyState: 0, bufferedAmount: 0, protocol: '', onopen: null, onmessage: null, onclose: null, onerror: null, send() {}, close() {} } as unknown as WebSocket;
      },
      fetch: peer.fetch,
      tokenProvider: () => peer.login('admin'),
      persistHistory: false,
      reachabilityProbe: false,
    });
    hubs.push(h);
    const stuck = [...hung].map((name) => h.monitor(name));
    await tick(50);
    const next = h.monitor('vm-0004');
    await tick(200);
    expect(next.session.connection.state, 'four handshakes in flight: the next waits its turn, connecting').to.equal('connecting');
    await waitUntil(() => next.session.connection.state === 'open', 'the next opens once the hung handshakes time out', { timeout: OPENING_TIMEOUT_MS + 3000, interval: 50 });
    expect(stuck.every((l) => l.session.connection.state !== 'open')).to.equal(true);
  });

  it('grants visible sessions first, and a released lease hands its socket to the next in line', async () => {
    configureSocketBudget({ max: 5 });
    const h = hub();
    const hidden = Array.from({ length: 10 }, (_, i) => {
      const lease = h.monitor(`vm-${String(i).padStart(4, '0')}`);
      lease.setVisible(false);
      return lease;
    });
    // Hidden ones took the free sockets; never shown, they yield at once to shown ones.
    const shown = Array.from({ length: 5 }, (_, i) => h.monitor(`vm-${String(100 + i).padStart(4, '0')}`));
    await until(() => shown.every((l) => l.session.connection.state === 'open'), 'the shown sessions open');
    expect(hidden.filter((l) => l.session.connection.state === 'open').length, 'hidden ones gave way').to.equal(0);
    const next = h.monitor('vm-0200');
    await tick(100);
    expect(next.session.connection.state, 'a full budget of shown sessions: the next waits').to.equal('queued');
    shown[0]!.release();
    await until(() => next.session.connection.state === 'open', 'the next in line gets the released socket');
    expect(peakOpen).to.be.at.most(5);
  });

  it('never takes a console session\'s socket for tiles', async () => {
    configureSocketBudget({ max: 3, lingerMs: 0 });
    const h = hub();
    const consoles = [leaseConsole(h, 'vm-0000'), leaseConsole(h, 'vm-0001')];
    await until(() => consoles.every((c) => c.session.connection.state === 'open'), 'consoles open');
    const tiles = Array.from({ length: 50 }, (_, i) => h.monitor(`vm-${String(10 + i).padStart(4, '0')}`));
    await until(() => tiles[0]!.session.connection.state === 'open', 'one tile gets the last socket');
    // Tiles shown on screen and waiting never outrank a console.
    await tick(200);
    expect(consoles.map((c) => c.session.connection.state)).to.deep.equal(['open', 'open']);
    // A console waiting for a socket takes it from a tile out of view.
    const third = leaseConsole(h, 'vm-0002');
    await until(() => third.session.connection.state === 'open', 'the third console opens');
    expect(tiles.filter((t) => t.session.connection.state === 'open').length).to.equal(0);
    expect(peakOpen).to.be.at.most(3);
  });

  it('does not churn: a session back in view within the linger keeps its socket, and one out of view gives it to a shown one', async () => {
    configureSocketBudget({ max: 2, lingerMs: 5000 });
    const h = hub();
    const [a, b] = [h.monitor('vm-0000'), h.monitor('vm-0001')];
    await until(() => a.session.connection.state === 'open' && b.session.connection.state === 'open', 'both open');
    const revokes = socketBudget().counts.revokes;
    // Out of view and back, with nobody waiting: nothing happens.
    a.setVisible(false);
    await tick(100);
    a.setVisible(true);
    await tick(100);
    expect(socketBudget().counts.revokes, 'no socket taken back').to.equal(revokes);
    // A shown one waits; `a` flicks out of view and back within a moment: it keeps its socket.
    const waiting = h.monitor('vm-0002');
    a.setVisible(false);
    await tick(50);
    a.setVisible(true);
    await tick(400);
    expect(a.session.connection.state, 'kept: it was back in view at once').to.equal('open');
    expect(waiting.session.connection.state).to.equal('queued');
    expect(socketBudget().counts.revokes).to.equal(revokes);
    // Out of view for good: the shown one gets its socket (far within the 5 s linger).
    a.setVisible(false);
    await until(() => waiting.session.connection.state === 'open', 'the shown one gets the socket');
    expect(a.session.connection.state, 'the passive one is queued, not failed').to.equal('queued');
    // Shown again: it gets a socket back as soon as one is free.
    a.setVisible(true);
    waiting.setVisible(false);
    await until(() => a.session.connection.state === 'open', 'back on screen, back live');
    expect(peakOpen).to.be.at.most(2);
  });

  it('lets a shown session wait for a lingering one only briefly (steady scrolling)', async () => {
    configureSocketBudget({ max: 1, lingerMs: 60_000 });
    const h = hub();
    const left = h.monitor('vm-0000');
    await until(() => left.session.connection.state === 'open', 'open');
    left.setVisible(false);
    const shown = h.monitor('vm-0001');
    const t0 = performance.now();
    // Far sooner than the minute-long linger (the patience is 250 ms).
    await until(() => shown.session.connection.state === 'open', 'the shown one gets the socket');
    expect(performance.now() - t0).to.be.below(5000);
    expect(left.session.connection.state).to.equal('queued');
    expect(peakOpen).to.be.at.most(1);
  });
});
