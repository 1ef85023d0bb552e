// <vm-detail>'s REST-loaded overview recovers by itself: when a token provider arrives or changes
// after the first load failed, when the socket opens after the server was down, and after a
// reconnect. What a user sees: the details appear and the error goes away, with no click.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/vm-detail/vm-detail.define.js';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import type { VmConnection } from '../../../src/elements/vm-connection/vm-connection.js';
import type { VmDetail } from '../../../src/elements/vm-detail/vm-detail.define.js';
import type { VmHub } from '../../../src/hub/index.js';
import type { InPagePeer } from '../../../src/testing/index.js';
import { createServer, type LibGoServer } from '../../setup/libgo.js';
import { bannerText, hubFor, live, peerFor, peerHub, q, tokenFor } from './helpers.js';

const overviewText = (el: VmDetail) => q(el, '#panel-overview').textContent!.replace(/\s+/g, ' ').trim();
const showsDetails = (el: VmDetail) => /vCPU/.test(overviewText(el)) && bannerText(el) === '';

describe('<vm-detail> recovers its REST-loaded overview', () => {
  let adminToken: string;
  // The token arriving late is the subject here, not the network: the in-page LibGo peer.
  let peer: InPagePeer;
  const hubs: VmHub[] = [];

  before(async () => {
    peer = peerFor();
    adminToken = await peer.login('admin');
  });

  after(() => peer.close());

  afterEach(() => {
    for (const h of hubs.splice(0)) h.dispose();
  });

  it('a <vm-connection> whose tokenProvider is set after the elements loaded (the README snippet)', async () => {
    const sockets = { socketFactory: peer.socketFactory, fetch: peer.fetch };
    const connection = await fixture<VmConnection>(
      html`<vm-connection server=${peer.serverUrl} .options=${sockets}><vm-detail vm-name="web-01"></vm-detail></vm-connection>`,
    );
    const el = connection.querySelector('vm-detail')!;
    // Without a token the first load is refused: the page says so.
    await waitUntil(() => bannerText(el).includes('not signed in'), `banner: "${bannerText(el)}"`, { timeout: 8000 });
    connection.tokenProvider = () => adminToken;
    await waitUntil(() => showsDetails(el), `overview: "${overviewText(el).slice(0, 160)}", banner: "${bannerText(el)}"`, { timeout: 8000 });
    await live(el, 'running');
  });

  it('a token provider given to the hub later (configure) after an AUTH_ERROR', async () => {
    const h = peerHub(peer, 'not-a-token', { backoff: { initialMs: 100, maxMs: 200, minMs: 50 } });
    hubs.push(h);
    const el = await fixture<VmDetail>(html`<vm-detail vm-name="web-01" .hub=${h}></vm-detail>`);
    await waitUntil(() => bannerText(el).includes('Sign in again'), `banner: "${bannerText(el)}"`, { timeout: 8000 });
    h.configure({ tokenProvider: () => adminToken });
    await waitUntil(() => showsDetails(el), `overview: "${overviewText(el).slice(0, 160)}", banner: "${bannerText(el)}"`, { timeout: 8000 });
  });

  // Stays on the reference server: the server down (port refused) and back on the same port over real TCP.
  describe('own server', () => {
    let server: LibGoServer;
    beforeEach(async () => {
      server = await createServer();
    });
    afterEach(async () => {
      await server.close();
    });

    it('the server was down at the first load: once the socket opens, the details load', async () => {
      const token = await tokenFor(server.url, 'admin');
      await server.stop();
      const h = hubFor(server.url, token, { backoff: { initialMs: 100, maxMs: 300, minMs: 50 } });
      hubs.push(h);
      const el = await fixture<VmDetail>(html`<vm-detail vm-name="web-01" .hub=${h}></vm-detail>`);
      await waitUntil(() => /could not be loaded|cannot be reached/.test(overviewText(el)), `overview: "${overviewText(el).slice(0, 160)}"`, { timeout: 8000 });
      await server.start();
      await live(el, 'running');
      await waitUntil(() => showsDetails(el), `overview: "${overviewText(el).slice(0, 160)}"`, { timeout: 8000 });
    });

    it('after a reconnect, the details are loaded again (what changed while away shows)', async () => {
      const token = await tokenFor(server.url, 'admin');
      const h = hubFor(server.url, token, { backoff: { initialMs: 100, maxMs: 300, minMs: 50 } });
      hubs.push(h);
      const el = await fixture<VmDetail>(html`<vm-detail vm-name="web-01" .hub=${h}></vm-detail>`);
      await live(el, 'running');
      await waitUntil(() => showsDetails(el), 'no details');
      let loads = 0;
      const getVm = h.rest.getVm.bind(h.rest);
      h.rest.getVm = (...args) => {
        loads++;
        return getVm(...args);
      };
      await server.stop();
      await waitUntil(() => q(el, '.conn').getAttribute('data-state') !== 'live', 'never noticed the server went away', { timeout: 8000 });
      await server.start();
      await live(el, 'running');
      await waitUntil(() => loads > 0, 'the details were not loaded again after the reconnect', { timeout: 5000 });
      expect(showsDetails(el)).to.equal(true);
    });
  });
});
