/// <reference types="mocha" />
// <vm-list>'s quick actions (row-actions-controller.ts) on a host of its own: which buttons a row
// gets, which VM an action goes to, what the outcome says, and the session held while it acts.
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import type { VmHub } from '../../../src/hub/vm-hub.js';
import type { MonitorSession } from '../../../src/hub/monitor-session.js';
import type { ActionState } from '../../../src/hub/action-rules.js';
import type { VmStatus } from '../../../src/protocol/types.js';
import { ROW_ACTIONS, RowActionsController } from '../../../src/elements/vm-list/row-actions-controller.js';

function countingHub() {
  const taken: string[] = [];
  const released: string[] = [];
  const hub = {
    config: { restFallback: true },
    monitor(vmName: string) {
      taken.push(vmName);
      return { session: { vmName, connection: { state: 'open' }, pendingActions: new Set() }, release: () => released.push(vmName) };
    },
  } as unknown as VmHub;
  return { hub, taken, released };
}

class RowActionsHost extends LitElement {
  hub: VmHub | null = null;
  permissions: ReadonlySet<string> | null = null;
  readonly actions = new RowActionsController(this, {
    hub: () => this.hub,
    permissions: () => this.permissions,
    confirmActions: () => 'stop',
    dialog: () => this.renderRoot.querySelector('dialog'),
  });
  override render() {
    return html`${this.actions.renderOutcome()}${this.actions.renderConfirm()}`;
  }
}
customElements.define('row-actions-host', RowActionsHost);

async function mount(hub: VmHub | null): Promise<RowActionsHost> {
  const el = document.createElement('row-actions-host') as RowActionsHost;
  el.hub = hub;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const session = (state: string) => ({ connection: { state }, pendingActions: new Set() }) as unknown as MonitorSession;
const summary = (states: ActionState[]) => states.map((s) => `${s.action}:${s.enabled ? 'on' : (s.why?.kind ?? '?')}`).join(' ');

describe('<vm-list> row actions (row-actions-controller.ts)', () => {
  it('offers Start and Stop, each enabled only where the status, socket and permissions allow', async () => {
    const { hub } = countingHub();
    const el = await mount(hub);
    expect(ROW_ACTIONS).to.deep.equal(['start', 'stop']);
    /** [status, socket state (null: no session), permissions, buttons] */
    const table: [VmStatus, string | null, string[] | null, string][] = [
      ['running', 'open', null, 'start:status stop:on'],
      ['stopped', 'open', null, 'start:on stop:status'],
      ['running', null, null, 'start:status stop:on'],
      ['running', 'not-found', null, 'start:not-found stop:not-found'],
      ['stopped', 'open', ['read', 'stop'], 'start:permission stop:status'],
      ['running', 'open', ['read'], 'start:permission stop:permission'],
    ];
    for (const [status, state, permissions, buttons] of table) {
      el.permissions = permissions && new Set(permissions);
      expect(summary(el.actions.states('web-01', status, state ? session(state) : null)), `${status} ${state} ${permissions}`).to.equal(buttons);
    }
    el.remove();
  });

  it("sends an action for the VM asked, holds that VM's session while it acts, and lets go on leaving", async () => {
    const { hub, taken, released } = countingHub();
    const el = await mount(hub);
    const asked: string[] = [];
    el.addEventListener('vm-action', (e) => {
      asked.push(`${e.detail.action} ${e.detail.vmName}`);
      e.preventDefault(); // nothing is sent
    });
    expect(await el.actions.run('web-01', 'start')).to.equal(false);
    expect(await el.actions.run('web-01', 'stop')).to.equal(false);
    expect(await el.actions.run('db-01', 'start')).to.equal(false);
    expect(asked).to.deep.equal(['start web-01', 'stop web-01', 'start db-01']);
    expect([taken, released]).to.deep.equal([['web-01', 'db-01'], ['web-01']]);
    el.remove();
    expect(released).to.deep.equal(['web-01', 'db-01']);
  });

  it('says which VM an outcome is about, and ignores a press on a disabled button', async () => {
    const el = await mount(null);
    const asked: string[] = [];
    el.addEventListener('vm-action', (e) => asked.push(e.detail.vmName));
    let stopped = 0;
    const press = { stopPropagation: () => stopped++, currentTarget: null } as unknown as Event;
    el.actions.activate('web-01', { action: 'start', enabled: false, busy: false, why: { kind: 'offline' } } as ActionState, press);
    await el.updateComplete;
    expect([asked, stopped, el.renderRoot.querySelector('.outcome')]).to.deep.equal([[], 1, null]);
    // No hub: nothing to send with, and the outcome says so for the VM that was asked.
    expect(await el.actions.run('web-02', 'start')).to.equal(false);
    await el.updateComplete;
    const outcome = el.renderRoot.querySelector<HTMLElement>('.outcome')!;
    expect([outcome.dataset.ok, outcome.querySelector('span')!.textContent!.replace(/\s+/g, ' ').trim()]).to.deep.equal(['false', 'web-02: There is no connection to a VM.']);
    outcome.querySelector('button')!.click();
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.outcome')).to.equal(null);
    el.remove();
  });
});
