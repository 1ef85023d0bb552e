// A minimal element with a VmMonitorController (what any monitoring element is, without its
// looks), registered as <probe-monitor>, and a hub on fake sockets to give it: shared by the
// controller tests and <vm-connection>'s.
import { LitElement, html } from 'lit';
import { VmMonitorController } from '../../src/controllers/index.js';
import { VmHub } from '../../src/hub/index.js';
import { fakeSocketFactory } from './fake-socket.js';

export class ProbeMonitor extends LitElement {
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

export function testHub() {
  const f = fakeSocketFactory();
  return { ...f, hub: new VmHub({ serverUrl: 'http://libgo.test', socketFactory: f.factory, lingerMs: 0, tokenProvider: () => 't' }) };
}
