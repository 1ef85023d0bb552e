/// <reference types="mocha" />
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import { VmMonitorController } from '../../src/controllers/index.js';
import '../../src/elements/vm-connection/vm-connection.define.js';
import type { VmConnection } from '../../src/elements/vm-connection/vm-connection.js';
import { VmHub, configureDefaultHub, getDefaultHub, resetDefaultHub } from '../../src/hub/index.js';
import { preloadConnection } from '../../src/transport/index.js';
import { fakeSocketFactory, line } from '../helpers/fake-socket.js';

class ProbeMonitor extends LitElement {
  static override properties = { vmName: { attribute: 'vm-name' } };
  declare vmName: string;
  renders = 0;
  readonly monitor = new VmMonitorController(this, { vmName: () => this.vmName });
  protected override render() {
    this.renders++;
    return html`${this.monitor.session?.status?.status ?? 'none'}`;
  }
}
customElements.define('probe-monitor', ProbeMonitor);

/** A host that batches its own renders (as <vm-metrics> does with its page-wide draw clock). */
class ProbeScheduled extends LitElement {
  static override properties = { vmName: { attribute: 'vm-name' } };
  declare vmName: string;
  renders = 0;
  scheduled = 0;
  readonly monitor = new VmMonitorController(this, {
    vmName: () => this.vmName,
    scheduleUpdate: () => this.scheduled++,
  });
  protected override render() {
    this.renders++;
    return html`${this.monitor.session?.status?.status ?? 'none'}`;
  }
}
customElements.define('probe-scheduled', ProbeScheduled);

function testHub() {
  const f = fakeSocketFactory();
  return { ...f, hub: new VmHub({ serverUrl: 'http://libgo.test', socketFactory: f.factory, lingerMs: 0, tokenProvider: () => 't' }) };
}

describe('controllers and <vm-connection>', () => {
  // The socket code loads on first connect; load it once so tests can count sockets synchronously.
  before(() => preloadConnection());

  afterEach(() => resetDefaultHub());

  it('gives elements inside <vm-connection> its hub, one socket for many widgets', async () => {
    const { hub, sockets } = testHub();
    const root = await fixture<VmConnection>(html`<vm-connection .hub=${hub}>
      ${Array.from({ length: 10 }, () => html`<probe-monitor vm-name="web-01"></probe-monitor>`)}
    </vm-connection>`);
    const probes = [...root.querySelectorAll('probe-monitor')] as ProbeMonitor[];
    expect(probes.every((p) => p.monitor.hub === hub)).to.equal(true);
    await new Promise((r) => setTimeout(r));
    expect(sockets.length).to.equal(1);
  });

  it('builds its own hub from attributes and reconfigures it when they change', async () => {
    const root = await fixture<VmConnection>(html`<vm-connection server="http://one.test" auth-mode="subprotocol"><probe-monitor vm-name="x"></probe-monitor></vm-connection>`);
    const probe = root.querySelector('probe-monitor') as ProbeMonitor;
    expect(probe.monitor.hub).to.equal(root.activeHub);
    expect(root.activeHub.config.serverUrl).to.equal('http://one.test');
    expect(root.activeHub.config.authMode).to.equal('subprotocol');
    root.server = 'http://two.test';
    await root.updateComplete;
    expect(root.activeHub.config.serverUrl).to.equal('http://two.test');
  });

  it('turns console sockets in a worker on with the console-worker attribute', async () => {
    const root = await fixture<VmConnection>(html`<vm-connection server="http://one.test"></vm-connection>`);
    expect(root.activeHub.config.consoleInWorker).to.equal(false);
    root.setAttribute('console-worker', '');
    await root.updateComplete;
    expect(root.activeHub.config.consoleInWorker).to.equal(true);
  });

  it('keeps the previous configuration and fires vm-error on an invalid auth-mode', async () => {
    const root = await fixture<VmConnection>(html`<vm-connection server="http://one.test"></vm-connection>`);
    let detail: unknown = null;
    root.addEventListener('vm-error', (e) => (detail = e.detail));
    const origError = console.error;
    console.error = () => undefined;
    try {
      root.setAttribute('auth-mode', 'telepathy');
      await root.updateComplete;
    } finally {
      console.error = origError;
    }
    expect(detail).to.deep.include({ code: 'INVALID_CONFIG' });
    expect(root.activeHub.config.authMode).to.equal('query');
  });

  it('falls back to the page-wide default hub without a provider, configurable in one call', async () => {
    const f = fakeSocketFactory();
    configureDefaultHub({ serverUrl: 'http://default.test', socketFactory: f.factory, lingerMs: 0 });
    const probe = await fixture<ProbeMonitor>(html`<probe-monitor vm-name="web-01"></probe-monitor>`);
    expect(probe.monitor.hub).to.equal(getDefaultHub());
    await new Promise((r) => setTimeout(r));
    expect(f.sockets[0]!.url).to.equal('ws://default.test/ws/vms/web-01');
  });

  it('waits for a provider that is defined after its children connect', async () => {
    const { hub } = testHub();
    class LateProvider extends (customElements.get('vm-connection') as typeof VmConnection) {}
    // A provider tag the resolver knows but that is not defined yet in this page: vm-detail
    // (each test file runs in its own page, so this definition stays here).
    expect(customElements.get('vm-detail')).to.equal(undefined);
    const wrapper = await fixture(html`<div><vm-detail><probe-monitor vm-name="web-01"></probe-monitor></vm-detail></div>`);
    const probe = wrapper.querySelector('probe-monitor') as ProbeMonitor;
    expect(probe.monitor.hub).to.equal(null);
    customElements.define('vm-detail', class extends LateProvider {
      constructor() {
        super();
        this.hub = hub;
      }
    });
    await new Promise((r) => setTimeout(r));
    expect(probe.monitor.hub).to.equal(hub);
  });

  it('renders at most once per animation frame however many messages arrive', async () => {
    const { hub, sockets } = testHub();
    const root = await fixture<VmConnection>(html`<vm-connection .hub=${hub}><probe-monitor vm-name="web-01"></probe-monitor></vm-connection>`);
    const probe = root.querySelector('probe-monitor') as ProbeMonitor;
    await new Promise((r) => setTimeout(r));
    sockets[0]!.open();
    await nextFrame();
    const before = probe.renders;
    for (let i = 0; i < 200; i++) sockets[0]!.receive(line('status', { status: i % 2 ? 'running' : 'paused', uptime: i }));
    await nextFrame();
    await nextFrame();
    expect(probe.renders - before).to.be.at.most(2);
    expect(probe.shadowRoot!.textContent).to.equal('running');
  });

  it('leaves the re-render to the host when it schedules its own updates', async () => {
    const { hub, sockets } = testHub();
    const root = await fixture<VmConnection>(html`<vm-connection .hub=${hub}><probe-scheduled vm-name="web-01"></probe-scheduled></vm-connection>`);
    const probe = root.querySelector('probe-scheduled') as ProbeScheduled;
    await new Promise((r) => setTimeout(r));
    sockets[0]!.open();
    await nextFrame();
    await nextFrame();
    const before = { renders: probe.renders, scheduled: probe.scheduled };
    sockets[0]!.receive(line('status', { status: 'paused', uptime: 1 }));
    await nextFrame();
    await nextFrame();
    expect(probe.scheduled, 'asked the host').to.be.greaterThan(before.scheduled);
    expect(probe.renders, 'no render of its own').to.equal(before.renders);
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('paused');
  });

  it('releases its session when removed, and follows a vm-name change', async () => {
    const { hub, sockets } = testHub();
    const root = await fixture<VmConnection>(html`<vm-connection .hub=${hub}><probe-monitor vm-name="a"></probe-monitor></vm-connection>`);
    const probe = root.querySelector('probe-monitor') as ProbeMonitor;
    probe.vmName = 'b';
    await probe.updateComplete;
    await new Promise((r) => setTimeout(r, 10));
    expect(sockets.map((s) => new URL(s.url).pathname)).to.deep.equal(['/ws/vms/a', '/ws/vms/b']);
    expect(sockets[0]!.closedWith).not.to.equal(null);
    probe.remove();
    await new Promise((r) => setTimeout(r, 10));
    expect(hub.sessionCount).to.equal(0);
    expect(sockets[1]!.closedWith).not.to.equal(null);
  });

  it('reports an invalid vm-name instead of opening anything', async () => {
    const { hub, sockets } = testHub();
    const root = await fixture<VmConnection>(html`<vm-connection .hub=${hub}><probe-monitor vm-name=".."></probe-monitor></vm-connection>`);
    const probe = root.querySelector('probe-monitor') as ProbeMonitor;
    expect(probe.monitor.nameError?.code).to.equal('INVALID_INPUT');
    expect(sockets.length).to.equal(0);
  });
});
