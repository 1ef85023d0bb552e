/// <reference types="mocha" />
// A VM name or a setting the library refuses (INVALID_INPUT, INVALID_CONFIG): the elements say why
// in the reader's language, from the error's reason; its English message is for logs and events.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/vm-detail/vm-detail.define.js';
import '../../src/elements/vm-metrics/vm-metrics.define.js';
import '../../src/elements/vm-console/vm-console.define.js';
import '../../src/elements/vm-list/vm-list.define.js';
import type { VmDetail } from '../../src/elements/vm-detail/vm-detail.js';
import { VmHub } from '../../src/hub/vm-hub.js';
import { createInPagePeer, type InPagePeer } from '../../src/testing/in-page-peer.js';
import { PSEUDO, unlocalized, waitUntil } from '../helpers/pseudo-locale.js';
import { bannerText } from './vm-detail/helpers.js';
import { peerTestHub } from '../helpers/peer-hub.js';

const TOO_LONG = 'a'.repeat(300);
const shown = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

describe('invalid input, said in the reader’s language', function () {
  this.timeout(30_000);
  let peer: InPagePeer;
  let hub: VmHub;
  beforeEach(async () => {
    peer = createInPagePeer({ faults: false });
    const token = await peer.login('admin');
    hub = peerTestHub(peer, token);
  });
  afterEach(() => {
    hub.dispose();
    peer.close();
  });

  it('<vm-metrics>, <vm-console> and <vm-detail> say a name that is too long in German under lang="de"', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de">
      <vm-metrics .hub=${hub} vm-name=${TOO_LONG}></vm-metrics>
      <vm-console .hub=${hub} vm-name=${TOO_LONG} style="height: 200px"></vm-console>
      <vm-detail .hub=${hub} vm-name=${TOO_LONG}></vm-detail>
    </div>`);
    const sentence = 'Ein VM-Name ist höchstens 255 Zeichen lang.';
    const metrics = wrap.querySelector('vm-metrics')!;
    await waitUntil(() => shown(metrics).includes(sentence), `<vm-metrics> says: ${shown(metrics)}`);
    const console = wrap.querySelector('vm-console')!;
    await waitUntil(() => shown(console).includes(sentence), `<vm-console> says: ${shown(console)}`);
    const detail = wrap.querySelector<VmDetail>('vm-detail')!;
    await waitUntil(() => bannerText(detail).includes(sentence), `<vm-detail>'s banner says: ${bannerText(detail)}`);
    expect(shown(metrics) + shown(console) + bannerText(detail)).not.to.include('A VM name is at most');
  });

  it('leaves no English under the pseudo-locale for a name with characters not allowed', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang=${PSEUDO}>
      <vm-metrics .hub=${hub} vm-name=".."></vm-metrics>
    </div>`);
    const metrics = wrap.querySelector('vm-metrics')!;
    await waitUntil(() => shown(metrics).includes('[Ţĥáţ ṼṀ ñáɱé çóñţáíñš'), `<vm-metrics> says: ${shown(metrics)}`);
    // The windows' lengths are Intl's (en-XA has no Intl data: "5m").
    expect(unlocalized(metrics, ['..', /\b\d+(m|h)\b/g])).to.deep.equal([]);
  });

  it('<vm-list> says a server address that is not a URL in German', async () => {
    const bad = new VmHub({ serverUrl: 'http://[not-a-host', persistHistory: false, reachabilityProbe: false });
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div lang="de"><vm-list .hub=${bad} style="--vm-list-height: 300px"></vm-list></div>`);
      const list = wrap.querySelector('vm-list')!;
      await waitUntil(() => shown(list).includes('Die Serveradresse ist keine gültige URL.'), `<vm-list> says: ${shown(list)}`);
      expect(shown(list)).not.to.include('not a valid URL');
    } finally {
      bad.dispose();
    }
  });
});
