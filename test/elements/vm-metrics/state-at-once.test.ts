// A compact tile's values and sparklines change in the tiles' shared frame (once a second at most),
// but a change of state shows at once: a tile scrolled into view says "Live" as soon as its first
// sample comes, not up to a whole sparkline interval later (bench:fleet's "live within 2 s").
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/vm-metrics/vm-metrics.define.js';
import type { VmMetrics } from '../../../src/elements/vm-metrics/vm-metrics.js';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import { sparklineClock } from '../../../src/elements/vm-metrics/clocks.js';
import { createInPagePeer } from '../../../src/testing/in-page-peer.js';
import { DEFAULT_VMS } from '../../../src/testing/sim/vm-fixtures.js';
import { visiblePage } from './visible-page.js';
import { peerTestHub } from '../../helpers/peer-hub.js';

async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const badge = (t: VmMetrics) => t.shadowRoot?.querySelector('.badge')?.textContent?.trim() ?? '';

describe('<vm-metrics> compact tile: a change of state shows at once', function () {
  this.timeout(20_000);

  it('says "Live" at its first sample while the tiles’ shared frame has not come', async () => {
    await visiblePage();
    const template = DEFAULT_VMS.find((v) => v.initialStatus === 'running')!;
    const peer = createInPagePeer({ vms: [{ ...template, name: 'tile-a', initialStatus: 'running' }], metricsIntervalMs: 1000, faults: false });
    const token = await peer.login('viewer');
    const hub = peerTestHub(peer, token);
    // The shared frame is held: whatever waits for it does not happen until it is let go.
    const held: Array<() => void> = [];
    const request = sparklineClock.request;
    sparklineClock.request = (job) => void held.push(job);
    let tile: VmMetrics | null = null;
    try {
      const wrap = await fixture<HTMLElement>(html`<vm-connection .hub=${hub}><vm-metrics compact vm-name="tile-a"></vm-metrics></vm-connection>`);
      tile = wrap.querySelector('vm-metrics') as VmMetrics;
      await until(() => badge(tile!) === 'Live', 'the badge to say Live');
      expect(tile.history?.latest()).to.not.equal(null);
      // At the first sample, not the second (a second later here, 5 s later on LibGo): the history
      // came into being as that sample was told, and a tile that asked then found none.
      expect(tile.history!.series.length, 'samples when the badge said Live').to.equal(1);
      // Letting the frame go draws what waited for it, and nothing is left held.
      sparklineClock.request = request;
      for (const job of held.splice(0)) job();
      await tile.updateComplete;
      expect(tile.shadowRoot!.querySelector('.tile-value[data-series="cpu"]')?.textContent?.trim()).to.match(/\d/);
    } finally {
      sparklineClock.request = request;
      for (const job of held.splice(0)) job();
      tile?.closest('vm-connection')?.remove();
      hub.dispose();
      peer.close();
    }
  });
});
