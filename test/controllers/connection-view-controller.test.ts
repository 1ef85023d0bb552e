/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  ConnectionViewController,
  describeConnection,
  type ConnectionFacts,
  type ConnectionView,
} from '../../src/controllers/connection-view-controller.js';
import { VmError } from '../../src/protocol/errors.js';
import type { VmStatus } from '../../src/protocol/types.js';
import type { SocketSnapshot } from '../../src/transport/vm-socket.js';

const snap = (s: Partial<SocketSnapshot>): SocketSnapshot => ({ state: 'idle', attempt: 0, nextRetryAt: null, lastError: null, lastCloseCode: null, ...s });
const facts = (connection: Partial<SocketSnapshot> | null, vmStatus: VmStatus | null = null, more: Partial<ConnectionFacts> = {}): ConnectionFacts => ({
  vmName: 'web-01',
  nameError: null,
  session: connection ? { connection: snap(connection), vmStatus } : null,
  now: 0,
  ...more,
});

describe('describeConnection', () => {
  it('gives a kind, words, tone and announcement for each state', () => {
    const table: [ConnectionFacts, string, string, string, string][] = [
      [facts(null, null, { vmName: '  ' }), 'none', 'No VM selected', 'muted', 'No VM selected'],
      [facts(null, null, { nameError: new VmError('INVALID_INPUT', 'bad') }), 'invalid', 'Invalid VM name', 'danger', 'Invalid VM name'],
      [facts(null), 'connecting', 'Connecting…', 'busy', 'Connecting'],
      [facts({ state: 'open' }), 'connected', 'Connected', 'ok', 'Connected'],
      [facts({ state: 'open' }, 'running'), 'connected', 'Connected', 'ok', 'Connected'],
      [facts({ state: 'open' }, 'stopped'), 'not-running', 'VM stopped', 'warn', 'VM stopped'],
      [facts({ state: 'open' }, 'shutdown'), 'not-running', 'VM shut down', 'warn', 'VM shut down'],
      [facts({ state: 'idle' }), 'connecting', 'Connecting…', 'busy', 'Connecting'],
      [facts({ state: 'connecting', attempt: 1 }), 'connecting', 'Reconnecting…', 'busy', 'Reconnecting'],
      [facts({ state: 'reconnecting', nextRetryAt: 4000 }), 'reconnecting', 'Reconnecting in 4 s', 'warn', 'Disconnected, reconnecting'],
      [facts({ state: 'offline' }), 'offline', 'Offline', 'warn', 'Offline'],
      [facts({ state: 'unauthorized', lastError: new VmError('PERMISSION_DENIED', 'x') }), 'no-permission', 'No permission', 'danger', 'No permission'],
      [facts({ state: 'unauthorized' }), 'unauthorized', 'Not signed in', 'danger', 'Not signed in'],
      [facts({ state: 'not-found' }), 'not-found', 'VM not found', 'danger', 'VM not found'],
      [facts({ state: 'closed' }), 'closed', 'Disconnected', 'muted', 'Disconnected'],
    ];
    const seen = table.map(([f]) => {
      const v = describeConnection(f);
      return [v.kind, v.label, v.tone, v.announce];
    });
    expect(seen).to.deep.equal(table.map(([, ...rest]) => rest));
  });

  it('ticks only while it counts down to a reconnect', () => {
    const ticking = (['open', 'idle', 'connecting', 'reconnecting', 'offline', 'unauthorized', 'not-found', 'closed'] as const).filter(
      (state) => describeConnection(facts({ state, nextRetryAt: 3000 })).ticking,
    );
    expect(ticking).to.deep.equal(['reconnecting']);
  });
});

class ProbeConnectionView extends LitElement {
  view: ConnectionView<string> = { kind: 'a', label: 'A', tone: 'ok', announce: 'A said', ticking: false };
  renders = 0;
  readonly connection = new ConnectionViewController(this, { describe: () => this.view, tickMs: 20 });
  protected override render() {
    this.renders++;
    return html`<span class="label">${this.connection.view.label}</span><div role="status">${this.connection.announcement}</div>`;
  }
}
customElements.define('probe-connection-view', ProbeConnectionView);

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ConnectionViewController', () => {
  it('announces a change of kind once, not a change of words within a kind', async () => {
    const el = await fixture<ProbeConnectionView>(html`<probe-connection-view></probe-connection-view>`);
    const region = () => el.shadowRoot!.querySelector('[role="status"]')!.textContent;
    el.connection.sync();
    await el.updateComplete;
    expect(region()).to.equal('A said');
    el.view = { ...el.view, label: 'A again', announce: 'A said again' };
    el.connection.sync();
    await el.updateComplete;
    expect(region()).to.equal('A said');
    el.view = { kind: 'b', label: 'B', tone: 'warn', announce: 'B said', ticking: false };
    el.connection.sync();
    await el.updateComplete;
    expect(region()).to.equal('B said');
    el.connection.announce('Something else');
    await el.updateComplete;
    expect(region()).to.equal('Something else');
  });

  it('re-renders the host while the view ticks, and stops when it does not or the host leaves', async () => {
    const el = await fixture<ProbeConnectionView>(html`<probe-connection-view></probe-connection-view>`);
    el.view = { ...el.view, ticking: true };
    el.requestUpdate();
    await el.updateComplete;
    let before = el.renders;
    await wait(150);
    expect(el.renders - before, 'renders while ticking').to.be.greaterThan(1);
    el.view = { ...el.view, ticking: false };
    el.requestUpdate();
    await el.updateComplete;
    before = el.renders;
    await wait(150);
    expect(el.renders - before, 'renders after ticking stopped').to.equal(0);
    el.view = { ...el.view, ticking: true };
    el.requestUpdate();
    await el.updateComplete;
    el.remove();
    before = el.renders;
    await wait(150);
    expect(el.renders - before, 'renders after removal').to.equal(0);
  });
});
