// A host that hands <vm-connection> its own hub and adds the elements in the same task: the
// elements use that hub only, and the connection's own default hub never opens a socket.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import type { VmConnection } from '../../../src/elements/vm-connection/vm-connection.js';
import '../../../src/elements/vm-metrics/vm-metrics.define.js';
import type { VmMetrics } from '../../../src/elements/vm-metrics/vm-metrics.js';
import { VmHub } from '../../../src/hub/vm-hub.js';
import { createInPagePeer, type InPagePeer } from '../../../src/testing/in-page-peer.js';
import { DEFAULT_VMS } from '../../../src/testing/sim/vm-fixtures.js';
import { peerTestHub } from '../../helpers/peer-hub.js';

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('<vm-connection>.hub set by the host', () => {
  let peer: InPagePeer;
  let hub: VmHub;

  beforeEach(() => {
    const running = DEFAULT_VMS.filter((v) => v.initialStatus === 'running').slice(0, 3);
    peer = createInPagePeer({ vms: running, faults: false, metricsIntervalMs: 200 });
  });

  afterEach(() => {
    hub?.dispose();
    peer.close();
  });

  it('serves elements added in the same task from that hub only, never opening a socket on its own', async () => {
    const ownSockets: string[] = [];
    const ownFetches: string[] = [];
    const conn = await fixture<VmConnection>(html`<vm-connection
      .options=${{
        socketFactory: (url: string) => {
          ownSockets.push(url);
          throw new Error('the discarded default hub opened a socket');
        },
        fetch: async (url: string) => {
          ownFetches.push(url);
          return Response.json({ error: 'the discarded default hub was asked' }, { status: 500 });
        },
      }}
    ></vm-connection>`);
    const token = await peer.login('viewer');
    hub = peerTestHub(peer, token);
    const names = DEFAULT_VMS.filter((v) => v.initialStatus === 'running').slice(0, 3).map((v) => v.name);

    // One task: the hub, then the tiles.
    conn.hub = hub;
    const tiles = names.map((name) => Object.assign(document.createElement('vm-metrics') as VmMetrics, { vmName: name, compact: true }));
    conn.append(...tiles);

    await until(() => tiles.every((t) => t.shadowRoot?.querySelector('.badge')?.textContent?.trim() === 'Live'), 'the tiles live on the host hub');
    await new Promise((r) => setTimeout(r, 300));
    expect(ownSockets, 'sockets opened by the discarded default hub').to.deep.equal([]);
    expect(ownFetches, 'requests made by the discarded default hub').to.deep.equal([]);
    expect(hub.sessionCount).to.equal(names.length);
  });
});
