/// <reference types="mocha" />
// <vm-connection>: hands its hub to the elements inside it, or builds one from its attributes.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import type { VmConnection } from '../../../src/elements/vm-connection/vm-connection.js';
import { resetDefaultHub } from '../../../src/hub/index.js';
import { preloadConnection } from '../../../src/transport/index.js';
import { ProbeMonitor, testHub } from '../../helpers/probe-monitor.js';

describe('<vm-connection>', () => {
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

  it('turns status and metrics sockets in one worker on with the monitor-worker attribute', async () => {
    const root = await fixture<VmConnection>(html`<vm-connection server="http://one.test"></vm-connection>`);
    expect(root.activeHub.config.monitorsInWorker).to.equal(false);
    root.setAttribute('monitor-worker', '');
    await root.updateComplete;
    expect(root.activeHub.config.monitorsInWorker).to.equal(true);
    expect(root.activeHub.config.consoleInWorker).to.equal(false);
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
});
