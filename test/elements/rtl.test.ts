/// <reference types="mocha" />
// Right to left: the elements' layouts mirror under dir="rtl", the terminal's cells do not.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/vm-list/vm-list.define.js';
import '../../src/elements/vm-console/vm-console.define.js';
import type { VmList } from '../../src/elements/vm-list/vm-list.js';
import { VmHub } from '../../src/hub/vm-hub.js';
import { createInPagePeer } from '../../src/testing/in-page-peer.js';

describe('right to left', () => {
  it('mirrors the fleet grid (status at the right, the selection bar on the start side) and keeps the terminal left to right', async () => {
    const peer = createInPagePeer({ faults: false });
    const token = await peer.login('admin');
    const hub = new VmHub({ serverUrl: peer.serverUrl, socketFactory: peer.socketFactory, fetch: peer.fetch, tokenProvider: () => token, persistHistory: false, reachabilityProbe: false });
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
});
