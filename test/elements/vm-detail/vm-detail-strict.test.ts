// <vm-detail> against the in-page LibGo peer in LibGo-strict mode, whose socket commands are only
// acknowledged: an action is reported by what the VM does, not by the server's "acknowledged".
// (The strict peer here also takes the query token, as the front proxy in deploy/nginx maps it.)
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/vm-detail/vm-detail.define.js';
import type { VmDetail } from '../../../src/elements/vm-detail/vm-detail.define.js';
import type { VmActionResultDetail } from '../../../src/events/index.js';
import type { VmHub, VmHubConfig } from '../../../src/hub/index.js';
import type { InPagePeer } from '../../../src/testing/index.js';
import { clickAction, live, peerFor, peerHub, qMaybe, waitOutcome } from './helpers.js';

describe('<vm-detail> against LibGo-strict (acknowledged-only commands)', () => {
  let peer: InPagePeer;
  let token: string;
  let hubs: VmHub[] = [];

  beforeEach(async () => {
    peer = peerFor({ strict: { tokenOutsideHeader: true }, transitionDelayMs: 50 });
    token = await peer.login('admin');
  });

  afterEach(() => {
    for (const h of hubs) h.dispose();
    hubs = [];
    peer.close();
  });

  const mount = async (hub: Partial<VmHubConfig>) => {
    const h = peerHub(peer, token, hub);
    hubs.push(h);
    const el = await fixture<VmDetail>(html`<vm-detail vm-name="web-01" .hub=${h} confirm-actions=""></vm-detail>`);
    const results: VmActionResultDetail[] = [];
    el.addEventListener('vm-action-result', (e) => results.push(e.detail));
    return { el, results };
  };

  it('shows the wait after "acknowledged", then says the VM is still running', async () => {
    const { el, results } = await mount({ actionConfirmTimeoutMs: 1500 });
    await live(el, 'running');
    await clickAction(el, 'stop');
    await waitUntil(() => qMaybe(el, '.confirming') !== null, 'no progress while waiting for the VM');
    expect(qMaybe(el, '.confirming')!.textContent).to.contain('waiting for web-01 to stop');
    const o = await waitOutcome(el);
    expect(o.ok).to.equal(false);
    expect(o.text).to.contain('The server acknowledged stop, but web-01 is still running after 2 s.');
    expect(results).to.have.length(1);
    expect(results[0]).to.include({ action: 'stop', success: false, code: 'ACTION_NOT_CONFIRMED', via: 'socket' });
    expect(el.status).to.equal('running');
  });

  it('with startStopOverRest, stop goes over REST and is reported once the VM has stopped', async () => {
    const { el, results } = await mount({ startStopOverRest: true });
    await live(el, 'running');
    await clickAction(el, 'stop');
    const o = await waitOutcome(el);
    expect(o.ok, o.text).to.equal(true);
    expect(results[0]).to.include({ action: 'stop', success: true, via: 'rest' });
    expect(el.status).to.equal('stopped');
    expect(peer.sim.vmStatus('web-01')).to.equal('stopped');
  });

  it('with startStopOverRest, a refused REST stop is reported as sent over REST', async () => {
    const { el, results } = await mount({ startStopOverRest: true });
    await live(el, 'running');
    peer.faults.setPermissions('admin', ['read', 'console', 'start']);
    await clickAction(el, 'stop');
    const o = await waitOutcome(el);
    expect(o.ok).to.equal(false);
    expect(results[0]).to.include({ action: 'stop', success: false, via: 'rest', code: 'PERMISSION_DENIED' });
  });
});
