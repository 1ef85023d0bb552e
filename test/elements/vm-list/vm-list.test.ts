// <vm-list> as a user meets it: the fleet's VMs with live values, filter and sort in attributes,
// selection, the grid keyboard, quick actions with <vm-detail>'s rules, every state, and 10,000
// VMs of which only the rows in view are rendered and hold sockets.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import '../../../src/elements/vm-list/vm-list.define.js';
import type { VmList } from '../../../src/elements/vm-list/vm-list.js';
import { VmHub } from '../../../src/hub/vm-hub.js';
import type { VmHubConfig } from '../../../src/hub/config.js';
import { socketBudget } from '../../../src/transport/socket-budget.js';
import { createInPagePeer, type InPagePeer, type InPagePeerOptions } from '../../../src/testing/in-page-peer.js';
import { fleetOfVms } from '../../../src/testing/fleet-fixtures.js';
import { OVERHANG_PX } from '../../../src/elements/vm-list/row-layout.js';
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
const rows = (el: VmList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')];
const rowNames = (el: VmList) => rows(el).map((r) => r.dataset.vm!);
const row = (el: VmList, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`.body [role="row"][data-vm="${name}"]`);
const message = (el: VmList) => el.shadowRoot!.querySelector<HTMLElement>('[part="message"]');
async function ctrl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}
const focused = (el: VmList) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.pos ?? null;

describe('<vm-list>', function () {
  this.timeout(60_000);
  let peer: InPagePeer;
  let hub: VmHub;

  async function mount(opts: { peer?: InPagePeerOptions; user?: string; hub?: Partial<VmHubConfig>; attrs?: string; before?: (p: InPagePeer) => void } = {}): Promise<VmList> {
    peer = createInPagePeer({ seed: 1, metricsIntervalMs: 200, ...opts.peer });
    opts.before?.(peer);
    const token = await peer.login(opts.user ?? 'admin');
    hub = peerTestHub(peer, token, opts.hub);
    const wrap = await fixture<HTMLElement>(html`<vm-connection .hub=${hub}><vm-list style="--vm-list-height: 400px"></vm-list></vm-connection>`);
    const el = wrap.querySelector('vm-list')!;
    for (const [, k, v] of (opts.attrs ?? '').matchAll(/([\w-]+)="([^"]*)"/g)) el.setAttribute(k!, v!);
    return el;
  }

  /** A list of 2,000 VMs in a visible page, once its body is the whole list's height. */
  async function mountTallList(): Promise<{ el: VmList; body: HTMLElement }> {
    await visiblePage();
    const el = await mount({ peer: { vms: fleetOfVms(2_000), metricsIntervalMs: 1000 } });
    await until(() => rows(el).length > 0, 'rows', 40_000);
    const body = el.shadowRoot!.querySelector<HTMLElement>('.body')!;
    await until(() => body.scrollHeight >= 44 * 2_000, "the whole list's height", 15_000);
    return { el, body };
  }

  // The table layout (from 800 px of the list's own width); phone cards: no-horizontal-overflow.test.ts.
  before(() => setViewport({ width: 1280, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));

  afterEach(() => {
    hub?.dispose();
    peer?.close();
  });

  it('rows below the fold of the page, inside the list, hold sessions: the list shows them live', async () => {
    // The list starts near the window's bottom edge: its first row is in the window, web-01 (the
    // fourth) is rendered but below the fold.
    const spacer = document.createElement('div');
    spacer.style.height = `${window.innerHeight - 150}px`;
    document.body.prepend(spacer);
    try {
      const el = await mount();
      await until(() => rows(el).length === 4, 'four rows');
      expect(row(el, 'web-01')!.getBoundingClientRect().top, 'web-01 below the fold').to.be.greaterThan(window.innerHeight);
      await until(() => !!el.shadowRoot!.querySelector('.row.live[data-vm="web-01"]'), 'web-01 live', 15_000);
    } finally {
      spacer.remove();
    }
  });

  describe('the reference VMs', () => {
    it('shows every VM with its status, and counts per status', async () => {
      const el = await mount();
      await until(() => rows(el).length === 4, 'four rows');
      expect(rowNames(el)).to.deep.equal(['build-01', 'db-01', 'legacy-02', 'web-01']);
      expect(text(row(el, 'db-01')!.querySelector('[part="status-badge"]'))).to.equal('Stopped');
      const summary = text(el.shadowRoot!.querySelector('[part="summary"]'));
      expect(summary).to.equal('4 VMs Running 1 Stopped 1 Paused 1 Crashed 1');
    });

    it('shows live CPU and memory for the rows in view, with a sparkline', async () => {
      await visiblePage();
      const el = await mount();
      await until(() => /\d/.test(text(row(el, 'web-01')?.querySelector('.col-cpu .value'))), 'a CPU value for web-01');
      await until(() => (row(el, 'web-01')!.querySelector('.col-cpu path')?.getAttribute('d') ?? '').includes('L'), 'a sparkline');
      expect(text(row(el, 'web-01')!.querySelector('.col-memory .value'))).to.match(/^\d+(\.\d)?%$/);
      expect(text(row(el, 'web-01')!.querySelector('.col-uptime'))).to.match(/\d+ (d|h|min|s)/);
      // A stopped VM has no load to show.
      expect(text(row(el, 'db-01')!.querySelector('.col-cpu .value'))).to.equal('—');
    });

    it('filters and sorts from its attributes (a deep link), and reflects what the user picks', async () => {
      const el = await mount({ attrs: 'status-filter="running crashed" sort="name" sort-direction="descending"' });
      await until(() => rows(el).length === 2, 'two rows');
      expect(rowNames(el)).to.deep.equal(['web-01', 'legacy-02']);
      const chip = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="status-chip"][data-status="crashed"]')!;
      expect(chip.getAttribute('aria-pressed')).to.equal('true');
      chip.click();
      await until(() => rows(el).length === 1, 'one row');
      expect(el.getAttribute('status-filter')).to.equal('running');
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="filter-input"]')!;
      el.statusFilter = '';
      input.value = 'POSTGRES';
      input.dispatchEvent(new Event('input'));
      await until(() => rows(el).length === 1 && rowNames(el)[0] === 'db-01', 'only db-01');
      expect(el.getAttribute('filter')).to.equal('POSTGRES');
      input.value = 'nothing like this';
      input.dispatchEvent(new Event('input'));
      await until(() => message(el)?.dataset.state === 'no-match', 'the no-match message');
      message(el)!.querySelector('button')!.click();
      await until(() => rows(el).length === 4, 'all rows again');
      // Sorting by a header: the column says so (aria-sort) and the attributes follow.
      el.shadowRoot!.querySelector<HTMLButtonElement>('[role="columnheader"].col-status button')!.click();
      await until(() => el.getAttribute('sort') === 'status', 'sort=status');
      expect(rowNames(el)[0]).to.equal('web-01');
      expect(el.shadowRoot!.querySelector('[role="columnheader"].col-status')!.getAttribute('aria-sort')).to.equal('ascending');
    });

    it('fires a cancelable vm-select on click and on Enter; cancelled, the selection stays', async () => {
      const el = await mount();
      await until(() => rows(el).length === 4, 'four rows');
      setTimeout(() => row(el, 'db-01')!.querySelector<HTMLElement>('.col-name')!.click());
      const ev = await oneEvent(el, 'vm-select');
      expect(ev.detail).to.deep.equal({ vmName: 'db-01' });
      expect(ev.cancelable).to.equal(true);
      expect(el.selected).to.equal('db-01');
      await until(() => row(el, 'db-01')!.getAttribute('aria-selected') === 'true', 'db-01 selected');
      el.addEventListener('vm-select', (e) => e.preventDefault(), { once: true });
      row(el, 'web-01')!.querySelector<HTMLElement>('.col-name')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(el.selected).to.equal('db-01');
      await sendKeys({ press: 'Enter' });
      expect(el.selected).to.equal('web-01');
    });

    it('is a WAI-ARIA grid: arrows, Home/End, Ctrl+Home/End, PageUp/PageDown; one Tab stop', async () => {
      const el = await mount();
      await until(() => rows(el).length === 4, 'four rows');
      expect(el.shadowRoot!.querySelectorAll('[role="grid"] [tabindex="0"]').length).to.equal(1);
      el.shadowRoot!.querySelector<HTMLElement>('[tabindex="0"]')!.focus();
      expect(focused(el)).to.equal('1,1');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => focused(el) === '2,1', 'row 2');
      await sendKeys({ press: 'End' });
      await until(() => focused(el) === '2,7', 'the Stop button');
      expect(el.shadowRoot!.activeElement!.getAttribute('aria-label')).to.equal('Stop db-01');
      await sendKeys({ press: 'Home' });
      await until(() => focused(el) === '2,0', 'the status cell');
      await ctrl('End');
      await until(() => focused(el) === '4,7', 'the last cell');
      await sendKeys({ press: 'PageUp' });
      await until(() => focused(el) === '1,7', 'row 1');
      await sendKeys({ press: 'ArrowUp' });
      await until(() => focused(el) === '0,6', 'the Actions header');
      await sendKeys({ press: 'Home' });
      await until(() => focused(el) === '0,0', 'the Status header');
      expect(el.shadowRoot!.querySelectorAll('[role="grid"] [tabindex="0"]').length).to.equal(1);
    });

    it('is axe-clean, with screen-reader names that include the VM', async () => {
      const el = await mount();
      await until(() => rows(el).length === 4, 'four rows');
      await until(() => !!row(el, 'web-01')?.querySelector('[aria-describedby]'), 'disabled reasons');
      await expect(el).to.be.accessible();
      const start = row(el, 'web-01')!.querySelector<HTMLButtonElement>('[data-action="start"]')!;
      expect(start.getAttribute('aria-label')).to.equal('Start web-01');
      expect(start.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el.shadowRoot!.getElementById(start.getAttribute('aria-describedby')!))).to.equal('web-01 is already running.');
    });
  });

  describe('quick actions', () => {
    it('a viewer sees Start/Stop disabled, saying why', async () => {
      const el = await mount({ user: 'viewer' });
      await until(() => !!row(el, 'db-01')?.querySelector('[data-action="start"][aria-describedby]'), 'the reason');
      const start = row(el, 'db-01')!.querySelector<HTMLButtonElement>('[data-action="start"]')!;
      expect(start.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el.shadowRoot!.getElementById(start.getAttribute('aria-describedby')!))).to.match(/permission to start/);
    });

    it('Stop asks for confirmation as <vm-detail> does, then stops the VM and reports it', async () => {
      await visiblePage();
      const el = await mount({ peer: { transitionDelayMs: 50 } });
      await until(() => row(el, 'web-01')?.querySelector('[data-action="stop"]')?.getAttribute('aria-disabled') === 'false', 'Stop enabled');
      row(el, 'web-01')!.querySelector<HTMLButtonElement>('[data-action="stop"]')!.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      await until(() => dialog.open, 'the confirmation');
      expect(text(dialog.querySelector('#confirm-title'))).to.equal('Stop web-01?');
      setTimeout(() => dialog.querySelector<HTMLButtonElement>('[data-confirm="ok"]')!.click());
      const result = await oneEvent(el, 'vm-action-result');
      expect(result.detail).to.include({ vmName: 'web-01', action: 'stop', success: true });
      await until(() => text(row(el, 'web-01')?.querySelector('[part="status-badge"]')) !== 'Running', 'the new status');
      expect(text(el.shadowRoot!.querySelector('.outcome'))).to.match(/web-01/);
    });
  });

  describe('states', () => {
    it('loading: a busy message until the list answers', async () => {
      const el = await mount({ peer: { latencyMs: 60_000 } });
      await until(() => message(el)?.dataset.state === 'loading', 'loading');
      expect(text(message(el))).to.equal('Loading the VM list…');
      await expect(el).to.be.accessible();
    });

    it('empty: the server has no VMs', async () => {
      const el = await mount({ peer: { vms: [] } });
      await until(() => message(el)?.dataset.state === 'empty', 'empty');
      expect(text(message(el))).to.match(/^No VMs/);
    });

    it('no permission: says so, and fires vm-error', async () => {
      const errors: string[] = [];
      addEventListener('vm-error', (e) => errors.push(e.detail.code));
      const el = await mount({ user: 'viewer', before: (p) => p.faults.setPermissions('viewer', []) });
      await until(() => message(el)?.dataset.state === 'forbidden', 'forbidden');
      expect(text(message(el))).to.match(/not allowed to list VMs/);
      expect(errors).to.include('PERMISSION_DENIED');
      await expect(el).to.be.accessible();
    });

    it('unreachable: names the server, keeps trying, and Retry now lists again', async () => {
      let down = true;
      const el = await mount({ hub: { fetch: (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : peer.fetch(input, init)) } });
      await until(() => message(el)?.dataset.state === 'unreachable', 'unreachable');
      expect(text(message(el))).to.contain(`The server at ${peer.serverUrl} cannot be reached.`);
      down = false;
      message(el)!.querySelector('button')!.click();
      await until(() => rows(el).length === 4, 'the rows after a retry');
    });
  });

  describe('10,000 VMs', () => {
    it('reuses the rows scrolled out for the rows scrolled in, each showing its own VM in order', async () => {
      await visiblePage();
      const el = await mount({ peer: { vms: fleetOfVms(2_000), metricsIntervalMs: 1000 } });
      await until(() => rows(el).length > 0, 'rows', 40_000);
      const before = new Set(rows(el));
      const firstName = rowNames(el)[0];
      const body = el.shadowRoot!.querySelector<HTMLElement>('.body')!;
      await until(() => body.scrollHeight >= 44 * 2_000, 'the whole list\'s height', 15_000);
      body.scrollTop = 44 * 500;
      // A backgrounded test page may miss the virtualizer's frame: nudge the scroll until it renders.
      let nudge = 0;
      await until(() => {
        if (rows(el).some((r) => r.getAttribute('aria-rowindex') === '502')) return true;
        body.scrollTop = 44 * 500 + (nudge++ % 2);
        return false;
      }, 'the rows around VM 501', 15_000);
      await el.updateComplete;
      const after = rows(el);
      expect(after.filter((r) => before.has(r)).length, 'row elements kept for other VMs').to.be.greaterThan(after.length / 2);
      expect(rowNames(el)).to.not.include(firstName);
      // Each row says which VM it is, in the list's order, and shows that VM's name.
      const indexes = after.map((r) => Number(r.getAttribute('aria-rowindex'))).sort((x, y) => x - y);
      expect(indexes.at(-1)! - indexes[0]!).to.equal(indexes.length - 1);
      for (const r of after) expect(text(r.querySelector('.name'))).to.equal(r.dataset.vm);
      const names = [...after].sort((x, y) => Number(x.getAttribute('aria-rowindex')) - Number(y.getAttribute('aria-rowindex'))).map((r) => r.dataset.vm!);
      expect(names).to.deep.equal([...names].sort());
    });

    it('measures no row while scrolling, renders the view and its overhang only, each row the height it is told', async () => {
      const { el, body } = await mountTallList();
      // The virtualizer measures a row with its box and its computed margins: a forced layout per
      // row on every frame of a fling.
      let measured = 0;
      const original = window.getComputedStyle;
      window.getComputedStyle = function (this: Window, elt: Element, pseudo?: string | null) {
        if (elt instanceof HTMLElement && elt.getAttribute('role') === 'row' && elt.closest('.body')) measured++;
        return original.call(this, elt, pseudo);
      } as typeof window.getComputedStyle;
      try {
        let nudge = 0;
        await until(() => {
          if (rows(el).some((r) => r.getAttribute('aria-rowindex') === '802')) return true;
          body.scrollTop = 44 * 800 + (nudge++ % 2);
          return false;
        }, 'the rows around VM 801', 15_000);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      } finally {
        window.getComputedStyle = original;
      }
      expect(measured, 'rows measured').to.equal(0);
      // Rendered: the 400 px of the view and OVERHANG_PX beyond each edge, and no more (a scrolled
      // frame fills every rendered row again).
      expect(rows(el).length, 'rows rendered mid-list').to.be.at.most(Math.ceil((400 + 2 * OVERHANG_PX) / 44) + 2);
      // Rows follow each other one row height apart, in the order of their index.
      const placed = rows(el)
        .map((r) => ({ index: Number(r.getAttribute('aria-rowindex')), box: r.getBoundingClientRect() }))
        .sort((a, b) => a.index - b.index);
      for (const [i, p] of placed.entries()) {
        expect(p.box.height).to.equal(44);
        if (i > 0) expect(Math.round(p.box.top - placed[i - 1]!.box.top), `row ${p.index}`).to.equal(44 * (p.index - placed[i - 1]!.index));
      }
    });

    it('scrolled slowly, moves its rendered rows once every few rows, and the view is never short of rows', async () => {
      const { el, body } = await mountTallList();
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      // Mid-list, at rest.
      await until(() => {
        if (rows(el).some((r) => r.getAttribute('aria-rowindex') === '202')) return true;
        body.scrollTop = 44 * 200;
        return false;
      }, 'the rows around VM 201', 15_000);
      await frame();
      let moves = 0;
      const counted = () => moves++;
      body.addEventListener('rangeChanged', counted);
      // Rows rendered beyond the view's bottom edge, in px.
      const below = () => Math.max(...rows(el).map((r) => r.getBoundingClientRect().bottom)) - body.getBoundingClientRect().bottom;
      const above = () => body.getBoundingClientRect().top - Math.min(...rows(el).map((r) => r.getBoundingClientRect().top));
      try {
        // A reading pace, 11 px a frame, for six rows' height: each row used to move the range.
        for (let step = 0; step < 24; step++) {
          body.scrollTop += 11;
          await frame();
          expect(below(), `rows below the view after ${(step + 1) * 11} px`).to.be.at.least(0);
          expect(above(), `rows above the view after ${(step + 1) * 11} px`).to.be.at.least(0);
        }
        expect(moves, 'range moves over six rows').to.be.at.most(1);
        // Further on, the range moves, and again reaches OVERHANG_PX beyond the edge.
        const before = moves;
        for (let step = 0; step < 40 && moves === before; step++) {
          body.scrollTop += 11;
          await frame();
          expect(below(), 'rows below the view').to.be.at.least(0);
        }
        expect(moves, 'a range move further on').to.be.above(before);
        expect(below(), 'rows below the view after the move').to.be.at.least(OVERHANG_PX - 44);
      } finally {
        body.removeEventListener('rangeChanged', counted);
      }
    });

    it('renders only the rows in view, and only they hold sockets, within the budget', async () => {
      await visiblePage();
      const el = await mount({ peer: { vms: fleetOfVms(10_000), metricsIntervalMs: 1000 } });
      await until(() => rows(el).length > 0, 'rows', 40_000);
      expect(text(el.shadowRoot!.querySelector('[part="summary"] .total'))).to.equal('10,000 VMs');
      expect(el.shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('10001');
      // 400 px of 44 px rows: about 9 in view, and the virtualizer's margin.
      expect(rows(el).length).to.be.below(40);
      await until(() => !!el.shadowRoot!.querySelector('.row.live'), 'a live row');
      const open = () => peer.sockets().filter((s) => s.readyState === s.CONNECTING || s.readyState === s.OPEN).length;
      expect(open()).to.be.at.most(rows(el).length);
      expect(open()).to.be.at.most(socketBudget().max);
      // Rows rendered beyond the view hold no session: once every row on screen is live, the
      // sockets are those rows' and no more.
      const body = el.shadowRoot!.querySelector<HTMLElement>('.body')!.getBoundingClientRect();
      const onScreen = () =>
        rows(el).filter((r) => {
          const b = r.getBoundingClientRect();
          return b.bottom > body.top && b.top < body.bottom;
        });
      await until(() => onScreen().every((r) => r.classList.contains('live')), 'every row on screen live', 15_000);
      expect(onScreen().length).to.be.below(rows(el).length);
      expect(open()).to.equal(onScreen().length);
      // Ctrl+End goes to the last VM: it is rendered and focused, and gets its own session.
      el.shadowRoot!.querySelector<HTMLElement>('[tabindex="0"]')!.focus();
      await ctrl('End');
      await until(() => focused(el) === '10000,7', 'the last row', 15_000);
      const last = el.shadowRoot!.activeElement!.closest<HTMLElement>('[role="row"]')!;
      expect(last.getAttribute('aria-rowindex')).to.equal('10001');
      await until(() => !!el.shadowRoot!.querySelector(`.row.live[data-vm="${last.dataset.vm}"]`), 'the last row live');
      expect(rows(el).length).to.be.below(40);
      expect(open()).to.be.at.most(socketBudget().max);
    });
  });
});
