/// <reference types="mocha" />
// A fleet view's subscription to the hub's fleet list (fleet-controller.ts), against the in-page peer:
// news of the hub followed, none of a hub no longer followed, and a hub that never lists.
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { VmHub } from '../../src/hub/vm-hub.js';
import { FleetController } from '../../src/controllers/fleet-controller.js';
import { createInPagePeer, type InPagePeer } from '../../src/testing/in-page-peer.js';
import { peerTestHub } from '../helpers/peer-hub.js';

class FleetHost extends LitElement {
  news = 0;
  readonly fleet = new FleetController(this, () => this.news++);
  override render() {
    return html`fleet`;
  }
}
customElements.define('fleet-controller-host', FleetHost);

describe('fleet subscription (fleet-controller.ts)', function () {
  this.timeout(30_000);
  let peer: InPagePeer;
  const hubs: VmHub[] = [];

  async function hubOf(fleetPollMs?: false): Promise<VmHub> {
    const token = await peer.login('admin');
    const hub = peerTestHub(peer, token, { fleetPollMs });
    hubs.push(hub);
    return hub;
  }

  async function mount(): Promise<FleetHost> {
    const el = document.createElement('fleet-controller-host') as FleetHost;
    document.body.append(el);
    await el.updateComplete;
    return el;
  }

  beforeEach(() => {
    peer = createInPagePeer({ seed: 1 });
  });
  afterEach(() => {
    for (const hub of hubs.splice(0)) hub.dispose();
    peer.close();
  });

  it('follows the hub it is given: its list, and news when the list is read again', async () => {
    const el = await mount();
    expect([el.fleet.hub, el.fleet.poller, el.fleet.switchedOff]).to.deep.equal([null, null, false]);
    const hub = await hubOf();
    el.fleet.follow(hub);
    expect([el.fleet.hub === hub, el.fleet.poller !== null, el.fleet.switchedOff]).to.deep.equal([true, true, false]);
    await waitUntil(() => el.news > 0 && (el.fleet.poller!.vms?.length ?? 0) > 0, 'the first list', { timeout: 10_000 });
    const before = el.news;
    await el.fleet.poller!.refresh();
    expect(el.news).to.be.greaterThan(before);
    el.remove();
  });

  it('tells at once when the hub has a list already, and nothing more of a hub it stopped following', async () => {
    const a = await mount();
    const hub = await hubOf();
    a.fleet.follow(hub);
    await waitUntil(() => (a.fleet.poller!.vms?.length ?? 0) > 0, 'the first list', { timeout: 10_000 });
    // A second follower of the same hub: the list is there, so it hears of it at once.
    const b = await mount();
    b.fleet.follow(hub);
    expect(b.news).to.equal(1);
    const poller = b.fleet.poller!;
    b.fleet.follow(null);
    a.remove(); // leaving the page stops following too
    const [newsA, newsB] = [a.news, b.news];
    await poller.refresh();
    expect([a.news, b.news, a.fleet.hub, b.fleet.poller]).to.deep.equal([newsA, newsB, null, null]);
    b.remove();
  });

  // <vm-connection> applies a new token provider or server to its hub in place (hub.configure), and
  // fleetOf() then replaces the hub's poller: a follower kept the old, stopped one, so a page that
  // set its token provider after the list had started showed "Loading the VM list…" for good.
  it('follows the new poller when the hub is configured again (a token provider set late)', async () => {
    const el = await mount();
    const token = await peer.login('admin');
    const hub = new VmHub({ serverUrl: peer.serverUrl, socketFactory: peer.socketFactory, fetch: peer.fetch, persistHistory: false, reachabilityProbe: false });
    hubs.push(hub);
    el.fleet.follow(hub);
    const first = el.fleet.poller!;
    await waitUntil(() => first.error !== null, 'the list refused without a token', { timeout: 10_000 });
    hub.configure({ tokenProvider: () => token });
    await waitUntil(() => (el.fleet.poller?.vms?.length ?? 0) > 0, 'the list read with the token', { timeout: 10_000 });
    expect(el.fleet.poller).to.not.equal(first);
    expect(el.fleet.hub).to.equal(hub);
    // The new poller's news reach the host; the old one is gone.
    const before = el.news;
    await el.fleet.poller!.refresh();
    expect(el.news).to.be.greaterThan(before);
    el.remove();
  });

  it('says when the hub never lists VMs', async () => {
    const el = await mount();
    el.fleet.follow(await hubOf(false));
    expect([el.fleet.poller, el.fleet.switchedOff, el.news]).to.deep.equal([null, true, 0]);
    el.remove();
  });
});
