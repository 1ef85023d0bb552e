// <vm-detail>'s error states say each thing once: one message, one retry control, and a badge and
// connection indicator that say what is true. Asserted on the text a user (or a screen reader) gets,
// against the in-page LibGo peer: the subject is the wording, not the network.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/vm-detail/vm-detail.define.js';
import type { VmDetail } from '../../../src/elements/vm-detail/vm-detail.define.js';
import type { VmHub } from '../../../src/hub/index.js';
import type { InPagePeer } from '../../../src/testing/index.js';
import { badgeText, bannerText, peerFor, peerHub, q } from './helpers.js';

/** Everything the element shows or announces, tooltips of disabled buttons aside (shown on hover only). */
function visibleText(el: VmDetail): string {
  const root = document.createElement('div');
  for (const child of el.shadowRoot!.children) root.append(child.cloneNode(true));
  for (const n of root.querySelectorAll('style, [role="tooltip"], [hidden]')) n.remove();
  return root.textContent!.replace(/\s+/g, ' ').trim();
}

function retryControls(el: VmDetail): string[] {
  return [...el.shadowRoot!.querySelectorAll('button')]
    .filter((b) => !b.closest('[hidden]') && /retry|try again/i.test(b.textContent!))
    .map((b) => b.textContent!.trim());
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('<vm-detail> error states', () => {
  let peer: InPagePeer;
  let token: string;
  const hubs: VmHub[] = [];

  before(async () => {
    peer = peerFor();
    token = await peer.login('admin');
  });

  after(() => peer.close());

  afterEach(() => {
    for (const h of hubs.splice(0)) h.dispose();
  });

  it('an unknown VM: the not-found sentence once, one retry, a badge saying "Not found"', async () => {
    const h = peerHub(peer, token);
    hubs.push(h);
    const el = await fixture<VmDetail>(html`<vm-detail vm-name="no-such-vm" .hub=${h}></vm-detail>`);
    await waitUntil(() => bannerText(el) !== '' && q(el, '.conn').getAttribute('data-state') === 'unauthorized', 'no banner or socket still trying', { timeout: 8000 });
    await el.updateComplete;
    const text = visibleText(el);
    expect(count(text, 'There is no VM called “no-such-vm”'), text).to.equal(1);
    expect(retryControls(el), text).to.have.length(1);
    expect(badgeText(el)).to.contain('Not found');
    expect(badgeText(el)).not.to.contain('Loading');
  });

  it('an unreachable server: one message naming the address, one retry, no "connection lost", badge not "Loading"', async () => {
    // A host the peer does not answer: every attempt fails at once, as on a refused port.
    const h = peerHub(peer, token, { serverUrl: 'http://127.0.0.1:9', backoff: { initialMs: 100, maxMs: 200, minMs: 50 } });
    hubs.push(h);
    const el = await fixture<VmDetail>(html`<vm-detail vm-name="web-01" .hub=${h}></vm-detail>`);
    await waitUntil(() => /reach/.test(visibleText(el)), `text: ${visibleText(el)}`, { timeout: 8000 });
    // Let a few reconnect attempts go by: the words must not change into "lost".
    await new Promise((r) => setTimeout(r, 800));
    await el.updateComplete;
    const text = visibleText(el);
    expect(count(text.toLowerCase(), 'reached'), text).to.equal(1);
    expect(text).to.contain('127.0.0.1:9');
    expect(text).not.to.match(/connection lost/i);
    expect(retryControls(el), text).to.have.length(1);
    expect(badgeText(el)).not.to.contain('Loading');
  });

  it("the viewer's locked Console tab shows a drawn padlock, not an emoji (a blank box without an emoji font)", async () => {
    const h = peerHub(peer, await peer.login('viewer'));
    hubs.push(h);
    const el = await fixture<VmDetail>(html`<vm-detail vm-name="web-01" .hub=${h}></vm-detail>`);
    await waitUntil(() => q(el, '#tab-console').classList.contains('locked'), 'the console tab is not locked for a viewer', { timeout: 8000 });
    const tab = q(el, '#tab-console');
    expect(tab.textContent).not.to.match(/\p{Extended_Pictographic}/u);
    const icon = tab.querySelector('svg.lock');
    expect(icon, 'no padlock icon').to.exist;
    expect(icon!.getAttribute('aria-hidden')).to.equal('true');
    expect(icon!.getBoundingClientRect().width).to.be.greaterThan(0);
  });
});
