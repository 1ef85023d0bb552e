// <vm-grid> as a user meets it: the fleet as live tiles in name order, a bounded pool of tiles
// renamed as the page scrolls (only tiles in view hold sockets), a host's own list of VMs with bad
// input said, choosing a tile by mouse and keyboard, and every state of the list.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import '../../../src/elements/vm-grid/vm-grid.define.js';
import type { VmGrid } from '../../../src/elements/vm-grid/vm-grid.js';
import type { VmMetrics } from '../../../src/elements/vm-metrics/vm-metrics.js';
import { VmHub } from '../../../src/hub/vm-hub.js';
import type { VmHubConfig } from '../../../src/hub/config.js';
import { socketBudget } from '../../../src/transport/socket-budget.js';
import { createInPagePeer, type InPagePeer, type InPagePeerOptions } from '../../../src/testing/in-page-peer.js';
import { fleetOfVms } from '../../../src/testing/fleet-fixtures.js';
import { visiblePage } from '../vm-metrics/visible-page.js';
import { peerTestHub } from '../../helpers/peer-hub.js';

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const tiles = (el: VmGrid) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.tile')];
const shown = (el: VmGrid) => tiles(el).filter((t) => !t.hidden);
const byIndex = (el: VmGrid) => shown(el).sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
const metricsOf = (t: HTMLElement) => t.querySelector('vm-metrics') as VmMetrics;
const message = (el: VmGrid) => el.shadowRoot!.querySelector<HTMLElement>('[part="message"]');
const isLive = (t: HTMLElement) => text(metricsOf(t).shadowRoot?.querySelector('.badge')) === 'Live';
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('<vm-grid>', function () {
  this.timeout(90_000);
  let peer: InPagePeer;
  let hub: VmHub;
  let box: HTMLElement;

  /** A grid in a 600 px scrolling box (a dashboard's panel), under a <vm-connection>. */
  async function mount(opts: { peer?: InPagePeerOptions; hub?: Partial<VmHubConfig>; user?: string; before?: (p: InPagePeer) => void; grid?: (g: VmGrid) => void } = {}): Promise<VmGrid> {
    peer = createInPagePeer({ seed: 1, metricsIntervalMs: 500, ...opts.peer });
    opts.before?.(peer);
    const token = await peer.login(opts.user ?? 'admin');
    hub = peerTestHub(peer, token, opts.hub);
    box = await fixture<HTMLElement>(html`<div style="height: 600px; overflow: auto"><vm-connection .hub=${hub}><vm-grid></vm-grid></vm-connection></div>`);
    const el = box.querySelector('vm-grid')!;
    opts.grid?.(el);
    return el;
  }

  before(() => setViewport({ width: 1280, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => {
    hub?.dispose();
    peer?.close();
  });

  it('shows the fleet in name order, numbers by value, each tile its own VM', async () => {
    const el = await mount();
    await until(() => shown(el).length === 4, 'the four tiles');
    const names = byIndex(el).map((t) => t.dataset.vm);
    expect(names).to.deep.equal([...el.shownNames]);
    expect(names).to.deep.equal([...names].sort((a, b) => a!.localeCompare(b!, 'en', { numeric: true })));
    for (const t of shown(el)) expect(metricsOf(t).vmName).to.equal(t.dataset.vm);
    // One row of four: each tile at its column, as tall as a tile of four charts needs (measured), none clipped.
    await until(() => Math.abs(shown(el)[0]!.getBoundingClientRect().height - metricsOf(shown(el)[0]!).getBoundingClientRect().height) < 1, 'the measured height');
    const boxes = byIndex(el).map((t) => t.getBoundingClientRect());
    for (let i = 0; i < boxes.length; i++) {
      if (i > 0) expect(boxes[i]!.top).to.equal(boxes[0]!.top);
      if (i > 0) expect(boxes[i]!.left).to.be.greaterThan(boxes[i - 1]!.right);
      expect(boxes[i]!.height).to.be.within(120, 400);
      expect(metricsOf(byIndex(el)[i]!).getBoundingClientRect().height, 'the tile inside').to.be.closeTo(boxes[i]!.height, 1);
      expect(metricsOf(byIndex(el)[i]!).shadowRoot!.querySelectorAll('.card').length).to.equal(4);
    }
    expect(el.shadowRoot!.querySelector('[role="list"]')!.getAttribute('aria-label')).to.equal('Virtual machines');
    await expect(el).to.be.accessible();
  });

  // <vm-metrics> has no hub property: the grid hands its hub to its tiles through the context, so a
  // grid given a hub (no <vm-connection> above) does not leave its tiles on the page's default hub.
  it('gives its own hub property to its tiles', async () => {
    peer = createInPagePeer({ seed: 1, metricsIntervalMs: 200 });
    const token = await peer.login('admin');
    hub = peerTestHub(peer, token);
    const el = await fixture<VmGrid>(html`<vm-grid .hub=${hub} .vms=${['web-01', 'db-01']}></vm-grid>`);
    await until(() => shown(el).length === 2, 'two tiles');
    await until(() => shown(el).some(isLive), 'a live tile', 10_000);
    expect(peer.sockets().length).to.be.greaterThan(0);
  });

  describe('1,000 VMs', () => {
    it('holds a bounded pool of tiles, and renames it as the box scrolls instead of making tiles', async () => {
      await visiblePage();
      const el = await mount({ peer: { vms: fleetOfVms(1_000), metricsIntervalMs: 1000 }, grid: (g) => (g.tileHeight = 96) });
      await until(() => shown(el).length > 0, 'tiles', 40_000);
      const list = el.shadowRoot!.querySelector<HTMLElement>('.tiles')!;
      // 4 columns of 280 px or more in 1,280 px; 250 rows of 104 px.
      expect(list.getBoundingClientRect().height).to.equal(250 * 104 + 8);
      const pool = new Set(el.shadowRoot!.querySelectorAll('vm-metrics'));
      // An 800 px window shows parts of 9 rows; 2 more either side: 13 rows of 4.
      expect(pool.size).to.equal(13 * 4);
      box.scrollTop = 104 * 120;
      await until(() => byIndex(el).some((t) => t.dataset.index === String(120 * 4)), 'the tiles of row 120');
      await el.updateComplete;
      expect(new Set(el.shadowRoot!.querySelectorAll('vm-metrics')), 'the same tile elements').to.deep.equal(pool);
      // Every tile draws the VM of its place: the names in order, at its row and column.
      const names = el.shownNames;
      const top = list.getBoundingClientRect().top;
      for (const t of shown(el)) {
        const i = Number(t.dataset.index);
        expect(t.dataset.vm).to.equal(names[i]);
        expect(metricsOf(t).vmName).to.equal(names[i]);
        expect(Math.round(t.getBoundingClientRect().top - top)).to.equal(8 + Math.floor(i / 4) * 104);
        expect(t.getAttribute('aria-posinset')).to.equal(String(i + 1));
        expect(t.getAttribute('aria-setsize')).to.equal('1000');
      }
      // The rows in view (120 to 125 in a 600 px box) are drawn.
      const indexes = shown(el).map((t) => Number(t.dataset.index));
      expect(Math.min(...indexes)).to.be.at.most(120 * 4);
      expect(Math.max(...indexes)).to.be.at.least(126 * 4 - 1);
    });

    it('makes the tiles in view live, with sockets for them only, within the budget', async () => {
      await visiblePage();
      const el = await mount({ peer: { vms: fleetOfVms(1_000, { allRunning: true }), metricsIntervalMs: 500 }, grid: (g) => (g.series = 'cpu memory') });
      await until(() => shown(el).length > 0, 'tiles', 40_000);
      const open = () => peer.sockets().filter((s) => s.readyState === s.CONNECTING || s.readyState === s.OPEN).length;
      const boxRect = () => box.getBoundingClientRect();
      const inView = () => shown(el).filter((t) => t.getBoundingClientRect().bottom > boxRect().top && t.getBoundingClientRect().top < boxRect().bottom);
      await until(() => inView().every(isLive), 'every tile in view live', 20_000);
      expect(open()).to.be.at.most(tiles(el).length);
      expect(open()).to.be.at.most(socketBudget().max);
      // Scrolled far down: the tiles that come into view go live too.
      const rowHeight = shown(el)[0]!.getBoundingClientRect().height + 8;
      box.scrollTop = rowHeight * 200;
      await until(() => inView().length > 0 && inView().every((t) => Number(t.dataset.index) >= 199 * 4), 'the tiles of row 200 in view');
      const start = performance.now();
      await until(() => inView().every(isLive), 'the tiles scrolled into view live', 20_000);
      expect(performance.now() - start, 'ms until live (informative; the bench measures it)').to.be.a('number');
      expect(open()).to.be.at.most(socketBudget().max);
    });
  });

  describe("a host's own VMs", () => {
    it('shows the given VMs in the given order, and lists nothing', async () => {
      let lists = 0;
      const el = await mount({
        hub: { fetch: (input, init) => (String(input).includes('/vms?') || String(input).endsWith('/vms') ? (lists++, peer.fetch(input, init)) : peer.fetch(input, init)) },
        grid: (g) => (g.vms = ['web-02', 'db-01']),
      });
      await until(() => shown(el).length === 2, 'two tiles');
      expect(byIndex(el).map((t) => t.dataset.vm)).to.deep.equal(['web-02', 'db-01']);
      await new Promise((r) => setTimeout(r, 300));
      expect(lists, 'fleet lists').to.equal(0);
    });

    it('says what it left out of a bad list, once per list, and keeps the rest', async () => {
      const said: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => said.push(args.join(' '));
      try {
        const el = await mount({ grid: (g) => (g.vms = ['web-02', '..', 'web-02', 7 as unknown as string]) });
        await until(() => shown(el).length === 1, 'one tile');
        el.requestUpdate();
        await el.updateComplete;
        expect(said.filter((s) => s.startsWith('<vm-grid>'))).to.deep.equal([
          '<vm-grid>: left out 2 name(s) that cannot be used: ".." (That VM name contains characters that are not allowed.), 7 (A VM name is required.); showed 1 repeated name(s) once.',
        ]);
        el.vms = 'web-02' as unknown as string[];
        await el.updateComplete;
        expect(said.at(-1)).to.equal('<vm-grid>: vms must be an array of VM names, not string; showing none.');
        expect(message(el)?.dataset.state).to.equal('empty');
        // Unset again: the fleet.
        el.vms = undefined;
        await until(() => shown(el).length === 4, 'the fleet again');
      } finally {
        console.warn = original;
      }
    });

    it('says a tile size it cannot use, and uses the default', async () => {
      const said: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => said.push(args.join(' '));
      try {
        const el = await mount({ grid: (g) => g.setAttribute('tile-width', 'wide') });
        await until(() => shown(el).length === 4, 'four tiles');
        expect(said).to.include('<vm-grid>: tile-width="NaN" is not a number of px from 160 to 1200; using 280.');
        expect(el.tileWidth).to.equal(280);
        el.tileHeight = 140;
        await el.updateComplete;
        expect(shown(el)[0]!.getBoundingClientRect().height).to.equal(140);
        expect(metricsOf(shown(el)[0]!).getBoundingClientRect().height, 'a tile fills a set height').to.equal(140);
        el.tileHeight = -5;
        await el.updateComplete;
        expect(said.at(-1)).to.equal('<vm-grid>: tile-height="-5" is not a number of px from 72 to 600; using the height a tile needs.');
        expect(el.tileHeight).to.equal(null);
      } finally {
        console.warn = original;
      }
    });
  });

  describe('choosing a tile', () => {
    it('a click fires vm-select and marks the tile; a cancelled one changes nothing', async () => {
      const el = await mount();
      await until(() => shown(el).length === 4, 'tiles');
      const second = byIndex(el)[1]!;
      setTimeout(() => metricsOf(second).click());
      const ev = await oneEvent(el, 'vm-select');
      expect(ev.detail).to.deep.equal({ vmName: second.dataset.vm });
      await el.updateComplete;
      expect(el.selected).to.equal(second.dataset.vm);
      expect(second.getAttribute('aria-current')).to.equal('true');
      el.addEventListener('vm-select', (e) => e.preventDefault(), { once: true });
      byIndex(el)[0]!.click();
      await el.updateComplete;
      expect(el.selected).to.equal(second.dataset.vm);
    });

    it('is one tab stop; arrows, Ctrl+End and Enter move and choose, bringing far tiles into view', async () => {
      await visiblePage();
      const el = await mount({ peer: { vms: fleetOfVms(1_000) } });
      await until(() => shown(el).length > 0, 'tiles', 40_000);
      await until(() => shown(el)[0]!.getBoundingClientRect().height > 160, 'the measured height');
      const stops = () => tiles(el).filter((t) => t.tabIndex === 0);
      expect(stops()).to.have.length(1);
      stops()[0]!.focus();
      const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index;
      expect(focused()).to.equal('0');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focused()).to.equal('1');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focused()).to.equal('5');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'End' });
      await sendKeys({ up: 'Control' });
      await until(() => focused() === '999', 'the last tile focused');
      await frames();
      const last = el.shadowRoot!.activeElement as HTMLElement;
      expect(last.dataset.vm).to.equal(el.shownNames[999]);
      const r = last.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      expect(r.top >= b.top - 1 && r.bottom <= b.bottom + 1, 'the last tile in view').to.equal(true);
      expect(stops()).to.deep.equal([last]);
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const ev = await oneEvent(el, 'vm-select');
      expect(ev.detail.vmName).to.equal(el.shownNames[999]);
    });
  });

  describe('layout', () => {
    it('fits every tile within its width, one column on a phone, more as it widens', async () => {
      const el = await mount({ peer: { vms: fleetOfVms(40) } });
      await until(() => shown(el).length > 0, 'tiles');
      for (const [width, cols] of [[320, 1], [390, 1], [800, 2], [1440, 4]] as const) {
        await setViewport({ width, height: 800 });
        await until(() => {
          const tops = new Set(shown(el).map((t) => Math.round(t.getBoundingClientRect().top)));
          return shown(el).length > 0 && shown(el).length / tops.size === cols;
        }, `${cols} column(s) at ${width} px`);
        const box = el.getBoundingClientRect();
        const out = shown(el).filter((t) => t.getBoundingClientRect().left < box.left - 0.5 || t.getBoundingClientRect().right > box.right + 0.5);
        expect(out.length, `tiles outside the grid at ${width} px`).to.equal(0);
        expect(document.documentElement.scrollWidth, `the page's width at ${width} px`).to.be.at.most(width);
      }
      await setViewport({ width: 1280, height: 800 });
    });

    it('right to left: the first tile at the right, and the arrows follow the reading order', async () => {
      const el = await mount();
      box.setAttribute('dir', 'rtl');
      await until(() => shown(el).length === 4 && byIndex(el)[0]!.getBoundingClientRect().left > byIndex(el)[1]!.getBoundingClientRect().left, 'tiles right to left');
      const [first] = byIndex(el);
      first!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset.index).to.equal('1');
    });
  });

  describe('states', () => {
    it('loading, then empty', async () => {
      const el = await mount({ peer: { vms: [] } });
      await until(() => message(el)?.dataset.state === 'empty', 'empty');
      expect(text(message(el))).to.match(/^No VMs/);
    });

    it('a hub that never lists: says so', async () => {
      const el = await mount({ hub: { fleetPollMs: false } });
      await until(() => message(el)?.dataset.state === 'none', 'no fleet');
      expect(text(message(el))).to.contain('fleetPollMs: false');
    });

    it('no permission: says so, and fires vm-error once', async () => {
      const errors: string[] = [];
      const listen = (e: Event) => errors.push((e as CustomEvent).detail.code);
      addEventListener('vm-error', listen);
      try {
        const el = await mount({ user: 'viewer', before: (p) => p.faults.setPermissions('viewer', []) });
        await until(() => message(el)?.dataset.state === 'forbidden', 'forbidden');
        expect(text(message(el))).to.match(/not allowed to list VMs/);
        await el.refresh();
        await el.updateComplete;
        expect(errors).to.deep.equal(['PERMISSION_DENIED']);
        await expect(el).to.be.accessible();
      } finally {
        removeEventListener('vm-error', listen);
      }
    });

    it('unreachable: names the server, and Retry now lists again', async () => {
      let down = true;
      const el = await mount({ hub: { fetch: (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : peer.fetch(input, init)) } });
      await until(() => message(el)?.dataset.state === 'unreachable', 'unreachable');
      expect(text(message(el))).to.contain(`The server at ${peer.serverUrl} cannot be reached.`);
      down = false;
      message(el)!.querySelector('button')!.click();
      await until(() => shown(el).length === 4, 'the tiles after a retry');
    });
  });
});
