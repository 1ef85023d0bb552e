/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { VmHub } from '../../src/hub/vm-hub.js';
import { FleetPoller, fleetOf } from '../../src/hub/fleet.js';
import { configureSocketBudget } from '../../src/transport/socket-budget-config.js';
import type { VmInfo } from '../../src/protocol/types.js';
import { createInPagePeer, type InPagePeer } from '../../src/testing/in-page-peer.js';
import { DEFAULT_VMS, type VmSpec } from '../../src/testing/sim/vm-fixtures.js';
import { preloadConnection } from '../../src/transport/lazy-socket.js';
import { ManualTimers } from '../helpers/fake-socket.js';

const until = (fn: () => boolean, message: string) => waitUntil(fn, message, { timeout: 5000, interval: 5 });
/** Lets promise chains (and a real fetch's macrotasks) run between manual timer steps. */
const settle = () => new Promise((r) => setTimeout(r, 20));

function fleet(n: number, status: (i: number) => VmSpec['initialStatus'] = () => 'running'): VmSpec[] {
  const template = DEFAULT_VMS.find((v) => v.initialStatus === 'running')!;
  return Array.from({ length: n }, (_, i) => ({
    ...template,
    name: `vm-${String(i).padStart(4, '0')}`,
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    initialStatus: status(i),
  }));
}

describe('the fleet poller', () => {
  let peer: InPagePeer | null = null;
  let hub: VmHub | null = null;
  before(() => preloadConnection());
  afterEach(() => {
    hub?.dispose();
    peer?.close();
    hub = peer = null;
    configureSocketBudget({ max: 64, lingerMs: 5000 });
  });

  /** A hub on the in-page peer whose REST calls are recorded. */
  async function setup(vms: VmSpec[], extra: Partial<ConstructorParameters<typeof VmHub>[0]> = {}, answer?: (url: URL) => Response | null | Promise<Response | null>) {
    peer = createInPagePeer({ vms, faults: false });
    const token = await peer.login('admin');
    const calls: string[] = [];
    const p = peer;
    hub = new VmHub({
      serverUrl: p.serverUrl,
      socketFactory: p.socketFactory,
      tokenProvider: () => token,
      persistHistory: false,
      reachabilityProbe: false,
      fetch: async (url, init) => {
        const u = new URL(url);
        calls.push(`${u.pathname}${u.search}`);
        return (await answer?.(u)) ?? p.fetch(url, init);
      },
      ...extra,
    });
    return { hub, calls, listCalls: () => calls.filter((c) => c.startsWith('/api/v1/vms?')) };
  }

  it('lists every VM of a fleet, page by page, following count', async () => {
    const vms = fleet(250);
    // As LibGo answers: pageSize at most 100, `count` the total.
    const { hub, listCalls } = await setup(vms, {}, (u) => {
      if (u.pathname !== '/api/v1/vms') return null;
      const page = Number(u.searchParams.get('page'));
      const pageSize = Math.min(100, Number(u.searchParams.get('pageSize')));
      const rows = vms.slice((page - 1) * pageSize, page * pageSize).map((v) => ({ name: v.name, uuid: v.uuid, description: '', status: v.initialStatus }));
      return Response.json({ vms: rows, count: vms.length, page, pageSize });
    });
    const poller = fleetOf(hub)!;
    let heard = 0;
    poller.subscribe(() => heard++);
    await until(() => poller.vms !== null, 'the list');
    expect(poller.vms!.length).to.equal(250);
    expect(listCalls()).to.deep.equal(['/api/v1/vms?page=1&pageSize=100', '/api/v1/vms?page=2&pageSize=100', '/api/v1/vms?page=3&pageSize=100']);
    expect(poller.vm('vm-0249')?.status).to.equal('running');
    expect(heard).to.equal(1);
  });

  it('feeds the status of sessions the socket budget left without a socket', async () => {
    configureSocketBudget({ max: 1 });
    const { hub } = await setup(fleet(3, (i) => (i === 0 ? 'running' : 'stopped')), { fleetPollMs: 100 });
    const live = hub.monitor('vm-0000');
    const queued = hub.monitor('vm-0001');
    await until(() => live.session.connection.state === 'open', 'the first socket');
    expect(queued.session.connection.state).to.equal('queued');
    await until(() => queued.session.status !== null, 'a status without a socket');
    expect(queued.session.status!.status).to.equal('stopped');
    expect(queued.session.connection.state, 'still no socket').to.equal('queued');
  });

  it('never lists the fleet while every session has its socket (a page within the budget)', async () => {
    const { hub, listCalls } = await setup(fleet(5), { fleetPollMs: 50 });
    const leases = Array.from({ length: 5 }, (_, i) => hub.monitor(`vm-${String(i).padStart(4, '0')}`));
    await until(() => leases.every((l) => l.session.connection.state === 'open'), 'all open');
    await new Promise((r) => setTimeout(r, 300));
    expect(listCalls(), 'no fleet listing').to.deep.equal([]);
  });

  it('backs off while the list fails with 500, and polls at its interval again once it answers', async () => {
    const timers = new ManualTimers();
    let failing = true;
    const { hub, listCalls } = await setup(fleet(5), { timers, fleetPollMs: 10_000 }, (u) =>
      failing && u.pathname === '/api/v1/vms' ? Response.json({ error: 'boom' }, { status: 500 }) : null,
    );
    const poller = fleetOf(hub)!;
    poller.subscribe(() => undefined);
    for (let s = 0; s <= 150; s += 5) {
      timers.advance(5_000);
      await settle();
    }
    expect(poller.error?.code).to.equal('SERVER_ERROR');
    // Every 10 s would be 16 tries in 155 s; doubling waits (10, 20, 40, 80 s) make 4 or 5.
    expect(listCalls().length).to.be.within(3, 5);
    failing = false;
    for (let s = 0; s < 200 && poller.vms === null; s += 5) {
      timers.advance(5_000);
      await settle();
    }
    expect(poller.vms?.length).to.equal(5);
    const after = listCalls().length;
    for (let s = 0; s < 30; s += 5) {
      timers.advance(5_000);
      await settle();
    }
    expect(listCalls().length - after, 'every 10 s again').to.equal(3);
  });

  it('lists a large fleet less often by default (a page a second), and as often as the host asked when it did', async () => {
    const polls = async (fleetPollMs: number | undefined) => {
      const timers = new ManualTimers();
      const big = fleet(2_000).map((v) => ({ name: v.name, uuid: v.uuid, description: '', status: 'running' }));
      // Each page answered a little late, as a busy machine does: a listing outlasts a fixed wait.
      const { hub, listCalls } = await setup(fleet(1), { timers, ...(fleetPollMs === undefined ? {} : { fleetPollMs }) }, async (u) => {
        if (u.pathname !== '/api/v1/vms') return null;
        await new Promise((r) => setTimeout(r, 2));
        const page = Number(u.searchParams.get('page'));
        return Response.json({ vms: big.slice((page - 1) * 100, page * 100), count: big.length, page, pageSize: 100 });
      });
      const poller = fleetOf(hub)!;
      let listed = 0;
      poller.subscribe(() => listed++);
      const begun = () => listCalls().filter((c) => c.includes('page=1&')).length;
      timers.advance(0);
      await until(() => poller.vms !== null, 'the first list');
      for (let s = 0; s < 65; s += 5) {
        timers.advance(5_000);
        await settle();
        // Every listing begun ends before the clock moves on (20 pages can take longer than a
        // fixed wait on a busy machine, and a late end would schedule the next from a later time).
        await until(() => listed >= begun(), 'the listing to end');
        await settle();
      }
      hub.dispose();
      peer?.close();
      // Whole listings (20 pages each) in the first 65 s.
      return begun();
    };
    // 2,000 VMs are 20 pages: every 20 s by default (at 0, 20, 40, 60 s), every 10 s when asked (0 … 60 s).
    expect(await polls(undefined), 'default').to.equal(4);
    expect(await polls(10_000), 'fleetPollMs: 10000').to.equal(7);
  });

  it('pauses while the page is hidden', async () => {
    const timers = new ManualTimers();
    let hidden = true;
    let calls = 0;
    const poller = new FleetPoller({
      listVms: async () => {
        calls++;
        return [] as VmInfo[];
      },
      intervalMs: 10_000,
      timers,
      wanted: () => true,
      isHidden: () => hidden,
    });
    for (let i = 0; i < 12; i++) {
      timers.advance(5_000);
      await settle();
    }
    expect(calls, 'nothing while hidden').to.equal(0);
    hidden = false;
    for (let i = 0; i < 6; i++) {
      timers.advance(5_000);
      await settle();
    }
    expect(calls).to.be.within(2, 4);
    poller.dispose();
  });

  it("never runs for sessions left without a socket on a hub without serverUrl (the page's origin may be no LibGo)", async () => {
    configureSocketBudget({ max: 1 });
    const timers = new ManualTimers();
    const fetched: string[] = [];
    hub = new VmHub({
      timers,
      persistHistory: false,
      reachabilityProbe: false,
      socketFactory: () => {
        throw new Error('no sockets in this test');
      },
      fetch: async (url) => {
        fetched.push(url);
        return Response.json({ vms: [] });
      },
    });
    const leases = Array.from({ length: 20 }, (_, i) => hub!.monitor(`vm-${i}`));
    for (let i = 0; i < 12; i++) {
      timers.advance(10_000);
      await settle();
    }
    expect(fetched.filter((u) => new URL(u).pathname.endsWith('/vms'))).to.deep.equal([]);
    expect(leases.filter((l) => l.session.connection.state === 'queued').length).to.be.greaterThan(0);
    expect(fleetOf(new VmHub({ serverUrl: 'http://libgo.test', fleetPollMs: false }))).to.equal(null);
  });

  it("lists the page's own origin for a fleet view on a hub without serverUrl, as its other REST calls do", async () => {
    const fetched: string[] = [];
    hub = new VmHub({
      persistHistory: false,
      reachabilityProbe: false,
      fetch: async (url) => {
        fetched.push(String(url));
        return Response.json({ vms: [{ name: 'web-01', uuid: 'u-1', status: 'running' }], count: 1, page: 1, pageSize: 100 });
      },
    });
    const poller = fleetOf(hub);
    expect(poller, 'a poller for the view').to.not.equal(null);
    const off = poller!.subscribe(() => {});
    await until(() => poller!.vms !== null, 'the list');
    off();
    expect(poller!.vms!.map((v) => v.name)).to.deep.equal(['web-01']);
    expect(new URL(fetched[0]!, location.href).origin).to.equal(location.origin);
  });

  it('is replaced when the hub is configured for another server or turned off', () => {
    hub = new VmHub({ serverUrl: 'http://libgo.test', persistHistory: false });
    const first = fleetOf(hub);
    expect(first).to.not.equal(null);
    hub.configure({ fleetPollMs: false });
    expect(fleetOf(hub)).to.equal(null);
    hub.configure({ fleetPollMs: 5000, serverUrl: 'http://other.test' });
    const second = fleetOf(hub);
    expect(second).to.not.equal(null);
    expect(second).to.not.equal(first);
  });
});
