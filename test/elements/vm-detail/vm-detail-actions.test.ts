// <vm-detail> actions against an in-page LibGo peer of its own per test (state changes, faults; the
// subject is the element, not the network): success, refusal, timeout, confirmation, cancellation,
// the REST fallback and offline reasons.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/vm-detail/vm-detail.define.js';
import type { VmDetail } from '../../../src/elements/vm-detail/vm-detail.define.js';
import type { VmActionResultDetail } from '../../../src/events/index.js';
import type { VmHub, VmHubConfig } from '../../../src/hub/index.js';
import type { InPagePeer } from '../../../src/testing/index.js';
import {
  actionButton,
  badgeText,
  bannerText,
  clickAction,
  isEnabled,
  live,
  outcome,
  peerFor,
  peerHub,
  q,
  qMaybe,
  reasonOf,
  waitOutcome,
  watchProgress,
} from './helpers.js';

describe('<vm-detail> actions (own peer)', () => {
  let peer: InPagePeer;
  let adminToken: string;
  let hubs: VmHub[] = [];

  beforeEach(async () => {
    peer = peerFor({ transitionDelayMs: 50 });
    adminToken = await peer.login('admin');
  });

  afterEach(() => {
    for (const h of hubs) h.dispose();
    hubs = [];
    peer.close();
  });

  const mount = async (vm: string, opts: { token?: string; hub?: Partial<VmHubConfig>; confirm?: string; permissions?: string[] } = {}) => {
    const h = peerHub(peer, opts.token ?? adminToken, opts.hub);
    hubs.push(h);
    const el = await fixture<VmDetail>(
      html`<vm-detail vm-name=${vm} .hub=${h} confirm-actions=${opts.confirm ?? 'stop restart suspend'} .permissions=${opts.permissions}></vm-detail>`,
    );
    const results: VmActionResultDetail[] = [];
    const sent: string[] = [];
    el.addEventListener('vm-action-result', (e) => results.push(e.detail));
    el.addEventListener('vm-action', (e) => sent.push(e.detail.action));
    return { el, hub: h, results, sent };
  };

  const serverStatus = async (vm: string) => peer.sim.vmStatus(vm);

  const succeeding: { vm: string; from: string; action: string; to: string; confirm: boolean }[] = [
    { vm: 'db-01', from: 'stopped', action: 'start', to: 'running', confirm: false },
    { vm: 'legacy-02', from: 'crashed', action: 'start', to: 'running', confirm: false },
    { vm: 'web-01', from: 'running', action: 'stop', to: 'stopped', confirm: true },
    { vm: 'build-01', from: 'paused', action: 'stop', to: 'stopped', confirm: true },
    { vm: 'web-01', from: 'running', action: 'restart', to: 'running', confirm: true },
    { vm: 'web-01', from: 'running', action: 'suspend', to: 'paused', confirm: true },
    { vm: 'build-01', from: 'paused', action: 'resume', to: 'running', confirm: false },
  ];
  for (const c of succeeding) {
    it(`${c.action} on ${c.vm} (${c.from}) shows progress, then the outcome, then ${c.to}`, async () => {
      const { el, results, sent } = await mount(c.vm);
      await live(el, c.from);
      const progress = watchProgress(el, c.action);
      await clickAction(el, c.action, c.confirm ? 'ok' : 'none');
      expect(sent).to.deep.equal([c.action]);
      // In flight: the button said so and every action waited.
      await waitUntil(() => progress.seen !== null, 'no progress shown');
      expect(progress.seen!.label).to.match(/…/);
      expect(progress.seen!.othersEnabled).to.deep.equal([]);
      const o = await waitOutcome(el);
      expect(o.ok).to.equal(true);
      expect(o.text).to.match(/successfully/);
      expect(results).to.have.length(1);
      expect(results[0]).to.include({ vmName: c.vm, action: c.action, success: true, via: 'socket', code: null });
      await waitUntil(() => el.status === c.to && actionButton(el, c.action).getAttribute('aria-busy') === 'false', `status ${el.status}`);
      expect(await serverStatus(c.vm)).to.equal(c.to);
    });
  }

  it('refreshes the overview when a status message shows a change', async () => {
    const { el } = await mount('db-01', { confirm: '' });
    await live(el, 'stopped');
    await waitUntil(() => qMaybe(el, '.overview'), 'overview never loaded');
    let fetches = 0;
    const hub = el.activeHub!;
    const getVm = hub.rest.getVm.bind(hub.rest);
    hub.rest.getVm = (...a) => {
      fetches++;
      return getVm(...a);
    };
    peer.faults.setVmStatus('db-01', 'running');
    await waitUntil(() => fetches > 0, 'overview not refreshed');
  });

  it('a success message goes away by itself, but not while the pointer is on it', async function () {
    this.timeout(40_000);
    const { el } = await mount('db-01', { confirm: '' });
    await live(el, 'stopped');
    await clickAction(el, 'start');
    expect((await waitOutcome(el)).ok).to.equal(true);
    // Held while hovered: still there well after the usual delay.
    const box = q(el, '.outcome');
    box.dispatchEvent(new MouseEvent('mouseenter'));
    await new Promise((r) => setTimeout(r, 10_000));
    expect(outcome(el), 'gone while hovered').to.not.equal(null);
    box.dispatchEvent(new MouseEvent('mouseleave'));
    await waitUntil(() => outcome(el) === null, 'the success message never went away', { timeout: 20_000 });
  });

  it('a failure message stays until dismissed', async function () {
    this.timeout(30_000);
    const viewer = await peer.login('viewer');
    const { el } = await mount('web-01', { token: viewer, permissions: ['read', 'start', 'stop'], confirm: '' });
    await live(el, 'running');
    await clickAction(el, 'stop');
    const o = await waitOutcome(el);
    expect(o.ok).to.equal(false);
    await new Promise((r) => setTimeout(r, 10_000));
    expect(outcome(el)).to.not.equal(null);
    q<HTMLButtonElement>(el, '.outcome button').click();
    await el.updateComplete;
    expect(outcome(el)).to.equal(null);
  });

  it('cancelling the confirmation sends nothing', async () => {
    const { el, sent, results } = await mount('web-01');
    await live(el, 'running');
    await clickAction(el, 'stop', 'cancel');
    expect(q<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    expect(sent).to.deep.equal([]);
    expect(results).to.deep.equal([]);
    expect(outcome(el)).to.equal(null);
    expect(isEnabled(el, 'stop')).to.equal(true);
    expect(await serverStatus('web-01')).to.equal('running');
  });

  it('confirm-actions="" runs stop without asking; start is never confirmed by default', async () => {
    const { el } = await mount('web-01', { confirm: '' });
    await live(el, 'running');
    await clickAction(el, 'stop');
    expect(q<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    await waitUntil(() => el.status === 'stopped', 'never stopped');
  });

  it('vm-action preventDefault(): nothing is sent, no outcome', async () => {
    const { el, results } = await mount('web-01', { confirm: '' });
    await live(el, 'running');
    el.addEventListener('vm-action', (e) => e.preventDefault());
    await clickAction(el, 'suspend');
    await el.updateComplete;
    expect(results).to.deep.equal([]);
    expect(outcome(el)).to.equal(null);
    expect(actionButton(el, 'suspend').getAttribute('aria-busy')).to.equal('false');
    expect(await serverStatus('web-01')).to.equal('running');
  });

  it('the server says success:false: the failure is shown and the status stays what the server said', async () => {
    // The UI is told the viewer may stop; the server knows better.
    const viewer = await peer.login('viewer');
    const { el, results } = await mount('web-01', { token: viewer, permissions: ['read', 'start', 'stop'], confirm: '' });
    await live(el, 'running');
    await clickAction(el, 'stop');
    const o = await waitOutcome(el);
    expect(o.ok).to.equal(false);
    // Said in the reader's words, the server's own quoted (the error's English message is for logs and events).
    expect(o.text).to.match(/^Stop failed: (Your account is not allowed to stop the VM web-01\. \()?Permission denied: stop requires the stop permission/);
    expect(results[0]).to.include({ action: 'stop', success: false, via: 'socket' });
    expect(results[0]!.code).to.be.oneOf(['AUTH_ERROR', 'COMMAND_FAILED']);
    // Said once, with the action, not again in the banner.
    expect(bannerText(el)).to.equal('');
    expect(el.status).to.equal('running');
    expect(badgeText(el)).to.contain('Running');
    expect(isEnabled(el, 'stop')).to.equal(true);
    expect(await serverStatus('web-01')).to.equal('running');
  });

  it('a request that times out reports it and leaves the status as the server last said', async () => {
    const { el, results } = await mount('web-01', { hub: { requestTimeoutMs: 300 }, confirm: '' });
    await live(el, 'running');
    peer.faults.stall('web-01', 3000);
    await clickAction(el, 'suspend');
    const o = await waitOutcome(el);
    expect(o.ok).to.equal(false);
    expect(o.text).to.match(/^Suspend failed: The server took too long to answer\./);
    expect(results[0]).to.include({ action: 'suspend', success: false, code: 'TIMEOUT' });
    expect(el.status).to.equal('running');
    expect(isEnabled(el, 'suspend')).to.equal(true);
  });

  describe('without a live socket (fetch works)', () => {
    // Every socket fails to open (a host the peer does not answer); REST still reaches the peer.
    const deadSockets: Partial<VmHubConfig> = {
      socketFactory: (_url, protocols) => peer.socketFactory('ws://127.0.0.1:9/unreachable', protocols),
      backoff: { initialMs: 60_000, maxMs: 60_000 },
    };

    it('start and stop go over REST; restart, suspend and resume are disabled with the reason', async () => {
      const { el, results } = await mount('db-01', { hub: deadSockets, confirm: '' });
      await waitUntil(() => el.status === 'stopped' && q(el, '.conn').getAttribute('data-state') !== 'live', 'no REST status');
      await waitUntil(() => q(el, '.conn').getAttribute('data-state') === 'reconnecting', `conn ${q(el, '.conn').getAttribute('data-state')}`);
      expect(q(el, '.conn').textContent).to.contain('REST only');
      expect(isEnabled(el, 'start')).to.equal(true);
      await clickAction(el, 'start');
      const o = await waitOutcome(el);
      expect(o.ok, o.text).to.equal(true);
      expect(o.text).to.contain('REST');
      expect(results[0]).to.include({ action: 'start', success: true, via: 'rest' });
      await waitUntil(() => el.status === 'running', 'status not refreshed over REST');
      expect(await serverStatus('db-01')).to.equal('running');
      for (const a of ['restart', 'suspend', 'resume']) {
        expect(isEnabled(el, a), a).to.equal(false);
        expect(reasonOf(el, a), a).to.match(/needs a live connection/);
      }
      expect(isEnabled(el, 'stop')).to.equal(true);
    });

    it('also when the server refuses upgrades (a proxy without WebSocket support)', async () => {
      peer.faults.refuseUpgrades(503, 1000);
      const { el } = await mount('web-01', { hub: { backoff: { initialMs: 60_000, maxMs: 60_000 } } });
      await waitUntil(() => el.status === 'running', 'no REST status');
      await waitUntil(() => q(el, '.conn').getAttribute('data-state') !== 'live' && reasonOf(el, 'restart') !== '', 'not offline');
      for (const a of ['restart', 'suspend']) expect(reasonOf(el, a), a).to.match(/needs a live connection/);
      expect(isEnabled(el, 'stop')).to.equal(true);
    });
  });

  it('an unknown status string is shown as "unknown" with the raw value, and offers no action', async () => {
    const { el } = await mount('web-01');
    await live(el, 'running');
    const frame = JSON.stringify({ type: 'status', timestamp: new Date().toISOString(), data: { status: 'migrating', uptime: 5, lastStateChange: new Date().toISOString() } });
    peer.faults.sendRaw('web-01', frame);
    await waitUntil(() => el.status === 'unknown', `status ${el.status}`);
    const badge = q(el, '[part="status-badge"]');
    expect(badge.textContent).to.contain('Unknown');
    expect(badge.getAttribute('title')).to.contain('migrating');
    for (const a of ['start', 'stop', 'restart', 'suspend', 'resume']) {
      expect(isEnabled(el, a), a).to.equal(false);
      expect(reasonOf(el, a)).to.match(/state is unknown/);
    }
  });
});
