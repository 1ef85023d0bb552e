// No element makes the page scroll sideways, at any width from a small phone to a wide desktop:
// not its hidden tooltips, not its toolbar. The page's own scroll width is what a user feels.
// Against the in-page LibGo peer: the subject is layout, not the network.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/vm-connection/vm-connection.define.js';
import '../../src/elements/vm-detail/vm-detail.define.js';
import '../../src/elements/vm-console/vm-console.define.js';
import '../../src/elements/vm-metrics/vm-metrics.define.js';
import '../../src/elements/vm-list/vm-list.define.js';
import type { VmDetail } from '../../src/elements/vm-detail/vm-detail.define.js';
import type { VmHub } from '../../src/hub/index.js';
import type { InPagePeer } from '../../src/testing/index.js';
import { live, peerFor, peerHub } from './vm-detail/helpers.js';

const WIDTHS = [320, 360, 390, 768, 1024, 1440, 1920];

/** The widths at which the page is wider than the window (scrolls sideways), with by how much. */
async function overflowingWidths(): Promise<string[]> {
  const bad: string[] = [];
  for (const width of WIDTHS) {
    await setViewport({ width, height: 800 });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const sw = document.documentElement.scrollWidth;
    if (sw > innerWidth) bad.push(`${width} px: page is ${sw} px wide`);
  }
  return bad;
}

describe('no horizontal overflow at 320–1920 px', () => {
  let peer: InPagePeer;
  let hub: VmHub;

  before(async () => {
    peer = peerFor();
    hub = peerHub(peer, await peer.login('admin'));
  });

  after(async () => {
    hub.dispose();
    peer.close();
    await setViewport({ width: 800, height: 600 });
  });

  it('<vm-detail> with its action tooltips loaded (running VM: every tooltip present)', async () => {
    const el = await fixture<VmDetail>(html`<vm-detail vm-name="web-01" .hub=${hub}></vm-detail>`);
    await live(el, 'running');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[role="tooltip"]').length >= 2, 'no tooltips', { timeout: 8000 });
    expect(await overflowingWidths()).to.deep.equal([]);
  });

  it('<vm-detail> of an unknown VM (the error state)', async () => {
    const el = await fixture<VmDetail>(html`<vm-detail vm-name="no-such-vm" .hub=${hub}></vm-detail>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[role="tooltip"]').length >= 2, 'no tooltips', { timeout: 8000 });
    expect(await overflowingWidths()).to.deep.equal([]);
  });

  it('<vm-console> with its toolbar', async () => {
    const el = await fixture(html`<vm-connection .hub=${hub}><vm-console vm-name="web-01"></vm-console></vm-connection>`);
    const consoleEl = el.querySelector('vm-console')!;
    await waitUntil(() => consoleEl.shadowRoot?.querySelector('.xterm-helper-textarea'), 'xterm never loaded', { timeout: 10_000 });
    expect(await overflowingWidths()).to.deep.equal([]);
    // The last tool (fullscreen) is inside the console's box at the narrowest width.
    await setViewport({ width: 320, height: 800 });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const buttons = [...consoleEl.shadowRoot!.querySelectorAll<HTMLElement>('[part="toolbar"] button')];
    const box = consoleEl.getBoundingClientRect();
    const clipped = buttons.filter((b) => b.getBoundingClientRect().right > box.right + 0.5).map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(clipped, 'toolbar buttons cut off at the right edge').to.deep.equal([]);
  });

  // Cards below 800 px of its own width, a table above; the status toggles wrap.
  it('<vm-list>, cards and table', async () => {
    const el = await fixture(html`<vm-connection .hub=${hub}><vm-list></vm-list></vm-connection>`);
    const list = el.querySelector('vm-list')!;
    await waitUntil(() => list.shadowRoot?.querySelector('[role="row"][data-vm] [data-action]'), 'rows never rendered', { timeout: 10_000 });
    expect(await overflowingWidths()).to.deep.equal([]);
    // The list clips what is wider than itself, so look inside: every Stop button is within its box.
    for (const width of [320, 390, 1440]) {
      await setViewport({ width, height: 800 });
      await new Promise((r) => setTimeout(r, 300));
      const box = list.getBoundingClientRect();
      const clipped = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[data-action="stop"]')].filter((b) => b.getBoundingClientRect().right > box.right + 0.5);
      expect(clipped.length, `Stop buttons cut off at ${width} px`).to.equal(0);
    }
  });

  // A canvas is 300 px wide (its default) until Chart.js sizes it: at 320–1024 px the page scrolled
  // sideways (472 px at 320).
  it('<vm-metrics>, full and compact', async function () {
    this.timeout(30_000);
    const el = await fixture(html`<vm-connection .hub=${hub}><vm-metrics vm-name="web-01"></vm-metrics><vm-metrics vm-name="db-01" compact></vm-metrics></vm-connection>`);
    await waitUntil(() => el.querySelector('vm-metrics')!.shadowRoot?.querySelector('[part="base"]'), 'metrics never rendered', { timeout: 8000 });
    expect(await overflowingWidths()).to.deep.equal([]);
  });
});
