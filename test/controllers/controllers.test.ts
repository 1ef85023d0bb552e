/// <reference types="mocha" />
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import { VmMonitorController } from '../../src/controllers/index.js';
import '../../src/elements/vm-connection/vm-connection.define.js';
import type { VmConnection } from '../../src/elements/vm-connection/vm-connection.js';
import { configureDefaultHub, getDefaultHub, resetDefaultHub } from '../../src/hub/index.js';
import { preloadConnection } from '../../src/transport/index.js';
import { fakeSocketFactory, line } from '../helpers/fake-socket.js';
import { ProbeMonitor, testHub } from '../helpers/probe-monitor.js';

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

describe('controllers', () => {
  // The socket code loads on first connect; load it once so tests can count sockets synchronously.
  before(() => preloadConnection());

  afterEach(() => resetDefaultHub());

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
