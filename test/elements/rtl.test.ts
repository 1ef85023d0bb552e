/// <reference types="mocha" />
// Right to left: the elements' layouts mirror under dir="rtl", the terminal's cells do not.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/vm-list/vm-list.define.js';
import '../../src/elements/vm-detail/vm-detail.define.js';
import '../../src/elements/vm-metrics/vm-metrics.define.js';
import type { VmDetail } from '../../src/elements/vm-detail/vm-detail.js';
import type { VmMetrics } from '../../src/elements/vm-metrics/vm-metrics.js';
import { live, peerFor, peerHub } from './vm-detail/helpers.js';
import '../../src/elements/vm-console/vm-console.define.js';
import type { VmList } from '../../src/elements/vm-list/vm-list.js';
import { createInPagePeer } from '../../src/testing/in-page-peer.js';
import { peerTestHub } from '../helpers/peer-hub.js';

describe('right to left', () => {
  it('mirrors the fleet grid (status at the right, the selection bar on the start side) and keeps the terminal left to right', async () => {
    const peer = createInPagePeer({ faults: false });
    const token = await peer.login('admin');
    const hub = peerTestHub(peer, token);
    try {
      const page = await fixture<HTMLDivElement>(html`<div dir="rtl" style="width: 1000px">
        <vm-list .hub=${hub} selected="web-01" style="--vm-list-height: 300px"></vm-list>
        <vm-console .hub=${hub} vm-name="web-01" style="height: 200px"></vm-console>
      </div>`);
      const list = page.querySelector<VmList>('vm-list')!;
      const row = await new Promise<HTMLElement>((resolve) => {
        const look = () => {
          const r = list.shadowRoot!.querySelector<HTMLElement>('.body [role="row"][data-vm="web-01"]');
          if (r) resolve(r);
          else setTimeout(look, 20);
        };
        look();
      });
      const x = (sel: string) => row.querySelector(sel)!.getBoundingClientRect().left;
      expect(x('.col-status'), 'status right of name').to.be.greaterThan(x('.col-name'));
      expect(x('.col-name'), 'name right of the actions').to.be.greaterThan(x('.col-actions'));
      expect(getComputedStyle(row).boxShadow, 'the selection bar on the inline-start (right) side').to.include('-3px');
      const term = page.querySelector('vm-console')!.shadowRoot!.querySelector('[part="terminal"]')!;
      expect(getComputedStyle(term).direction).to.equal('ltr');
    } finally {
      hub.dispose();
      peer.close();
    }
  });

  // Under dir="rtl" a value such as "8 GiB" or "/var/lib/…/vda.qcow2" is left to right inside:
  // without isolation the bidi algorithm shows "GiB 8" and "var/lib/…/vda.qcow2/".
  it('keeps numbers with units, paths and addresses in their own order', async () => {
    const peer = peerFor();
    const hub = peerHub(peer, await peer.login('admin'));
    try {
      // German: its dates start with a digit, so their punctuation takes the page's direction.
      const page = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="de" style="width: 1000px">
        <vm-detail vm-name="web-01" .hub=${hub}></vm-detail>
        <vm-metrics compact series="cpu disk" locale="en-GB" .metrics=${SAMPLES}></vm-metrics>
      </div>`);
      const detail = page.querySelector<VmDetail>('vm-detail')!;
      await live(detail, 'running');
      const root = detail.shadowRoot!;
      await waitUntil(() => root.querySelector('td.path') && root.querySelector('.uptime time'), 'the overview and the uptime', { timeout: 10_000 });
      const metrics = page.querySelector<VmMetrics>('vm-metrics')!;
      await waitUntil(() => /\d/.test(metrics.shadowRoot!.querySelector('.tile-value[data-series="disk"]')?.textContent ?? ''), 'the disk rates', { timeout: 10_000 });
      const reversed = [
        ...[...root.querySelectorAll('td.num, td.path, .big, dd.mono, .uptime time')].map((e) => [e, 'detail'] as const),
        ...[...metrics.shadowRoot!.querySelectorAll('.tile-value span')].map((e) => [e, 'metrics'] as const),
      ].filter(([e]) => !readsLeftToRight(e)).map(([e, where]) => `${where}: "${e.textContent!.trim()}" in <${e.localName}.${e.className}>`);
      expect(reversed).to.deep.equal([]);
    } finally {
      hub.dispose();
      peer.close();
    }
  });
});

const SAMPLES = [0, 5000].map((dt) => ({
  timestamp: Date.UTC(2026, 4, 12, 10, 0, 0) + dt,
  cpu: { utilization: 12.5 },
  disk: { readBytes: 1e6 + dt * 2000, writeBytes: 2e6 + dt * 1000 },
}));

/**
 * Whether the value's text shows in its logical order: each character that is not a space is
 * right of the one before it on its line (a value here is left to right in every script the tests
 * use). So "GiB 8" fails, and so does "14.03.2026, 09:26" shown with its comma moved to the front.
 */
function readsLeftToRight(e: Element): boolean {
  const text = [...walkText(e)].find((t) => /[\w/][^\w/]*[\w/]/.test(t.data.trim()));
  if (!text) return true;
  const data = text.data;
  const at = (i: number) => {
    const r = document.createRange();
    r.setStart(text, i);
    r.setEnd(text, i + 1);
    return r.getBoundingClientRect();
  };
  // Compared within a line: a value that wraps starts its next line at the left again.
  let last = { left: -Infinity, top: NaN };
  for (let i = 0; i < data.length; i++) {
    if (/\s/.test(data[i]!)) continue;
    const box = at(i);
    if (Math.abs(box.top - last.top) < box.height / 2 && box.left < last.left) return false;
    last = box;
  }
  return true;
}

function* walkText(e: Element): Generator<Text> {
  const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n as Text;
}
