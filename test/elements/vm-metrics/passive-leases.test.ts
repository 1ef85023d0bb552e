// Tiles out of view under the page's socket budget: they keep their values but not necessarily
// their socket; a tile scrolled into view gets one and shows live data; the time without a socket
// is a gap in its history; a quick scroll back and forth does not churn sockets.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/vm-metrics/vm-metrics.define.js';
import type { VmMetrics } from '../../../src/elements/vm-metrics/vm-metrics.js';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import { VmHub } from '../../../src/hub/vm-hub.js';
import { configureSocketBudget } from '../../../src/transport/socket-budget-config.js';
import { createInPagePeer, type InPagePeer } from '../../../src/testing/in-page-peer.js';
import { DEFAULT_VMS } from '../../../src/testing/sim/vm-fixtures.js';
import { visiblePage } from './visible-page.js';

async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const badge = (t: VmMetrics) => t.shadowRoot?.querySelector('.badge')?.textContent?.trim() ?? '';
const isLive = (t: VmMetrics) => badge(t) === 'Live' && t.history?.latest() != null;

describe('<vm-metrics> tiles under the socket budget', function () {
  this.timeout(30_000);
  let peer: InPagePeer;
  let hub: VmHub;
  let opened: string[];
  let peak = 0;
  let sampler: ReturnType<typeof setInterval>;
  let scroller: HTMLElement;
  let tiles: VmMetrics[];

  /** The tile's session state, read without a lease (one would change what the budget sees). */
  const state = (t: VmMetrics) => (t as unknown as { monitor: { session: { connection: { state: string } } | null } }).monitor.session?.connection.state;
  const openNow = () => peer.sockets().filter((s) => s.readyState === s.CONNECTING || s.readyState === s.OPEN).length;

  beforeEach(async () => {
    await visiblePage();
    configureSocketBudget({ max: 4, lingerMs: 300 });
    const template = DEFAULT_VMS.find((v) => v.initialStatus === 'running')!;
    const vms = Array.from({ length: 40 }, (_, i) => ({ ...template, name: `tile-${String(i).padStart(2, '0')}`, initialStatus: 'running' as const }));
    peer = createInPagePeer({ vms, metricsIntervalMs: 150, faults: false });
    opened = [];
    const token = await peer.login('viewer');
    hub = new VmHub({
      serverUrl: peer.serverUrl,
      fetch: peer.fetch,
      tokenProvider: () => token,
      persistHistory: false,
      reachabilityProbe: false,
      socketFactory: (url, protocols) => {
        opened.push(new URL(url).pathname.split('/').pop()!);
        return peer.socketFactory(url, protocols);
      },
    });
    peak = 0;
    sampler = setInterval(() => (peak = Math.max(peak, openNow())), 2);
    scroller = await fixture<HTMLElement>(html`<div style="height: 300px; overflow-y: auto">
      <vm-connection .hub=${hub}>
        ${vms.map((vm) => html`<vm-metrics compact vm-name=${vm.name} style="display: block; height: 100px; overflow: hidden"></vm-metrics>`)}
      </vm-connection>
    </div>`);
    tiles = [...scroller.querySelectorAll('vm-metrics')] as VmMetrics[];
  });

  afterEach(() => {
    clearInterval(sampler);
    scroller.remove();
    hub.dispose();
    peer.close();
    configureSocketBudget({ max: 64, lingerMs: 5000 });
  });

  it('gives tiles scrolled into view a socket and live values, keeps the others\' values as not live, and shows the time without a socket as a gap', async () => {
    const top = tiles.slice(0, 3);
    await until(() => top.every(isLive), 'the tiles in view live');
    await sleep(300); // a few samples each
    const before = top.map((t) => t.history!.series.length);

    scroller.scrollTop = scroller.scrollHeight;
    const bottom = tiles.slice(-3);
    // Within one linger and one connect time of scrolling into view (generous bound).
    await until(() => bottom.every(isLive), 'the tiles scrolled into view live', 4000);
    // The tiles out of view longest gave their sockets to the ones shown.
    await until(() => top.some((t) => state(t) === 'queued'), 'a tile out of view gave up its socket');
    const passive = top.filter((t) => state(t) === 'queued');
    for (const t of passive) {
      expect(t.history!.latest(), 'last values kept').to.not.equal(null);
      expect(badge(t), 'marked as not live').to.match(/not live/i);
    }
    await sleep(500); // time without a socket

    scroller.scrollTop = 0;
    await until(() => top.every((t, i) => isLive(t) && t.history!.series.length > before[i]! + 2), 'the top tiles live again');
    for (const t of passive) {
      const cpu = t.history!.series.toArrays('cpu').y;
      expect(cpu.filter((v) => v === null).length, `one gap where there was no socket, no invented samples: ${JSON.stringify(cpu)}`).to.equal(1);
    }
    expect(peak, 'sockets open at once').to.be.at.most(4);
  });

  it('does not churn sockets when tiles leave the view and come back: the ones out of view longest give way first', async () => {
    // Three tiles in view and three sockets to spare: tiles scrolled into view take the spare
    // sockets of tiles never shown before those of the tiles that just left.
    configureSocketBudget({ max: 6, lingerMs: 3000 });
    const top = tiles.slice(0, 3);
    await until(() => top.every(isLive), 'the tiles in view live');
    const count = (name: string) => opened.filter((n) => n === name).length;
    const names = top.map((t) => t.vmName);
    const socketsBefore = names.map(count);
    scroller.scrollTop = 1500;
    const shownThere = tiles.filter((t) => t.offsetTop - scroller.offsetTop >= 1500 && t.offsetTop - scroller.offsetTop < 1800);
    await until(() => shownThere.length > 0 && shownThere.every(isLive), 'the tiles scrolled into view live');
    scroller.scrollTop = 0;
    await sleep(400);
    expect(names.map(count), `no new sockets for the tiles that came back (sockets opened: ${opened.join(' ')})`).to.deep.equal(socketsBefore);
    expect(top.every(isLive)).to.equal(true);
    expect(peak).to.be.at.most(6);
  });
});
