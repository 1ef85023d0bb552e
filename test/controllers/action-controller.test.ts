/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ActionController, OUTCOME_DISMISS_MS } from '../../src/controllers/action-controller.js';
import type { MonitorSession } from '../../src/hub/monitor-session.js';
import type { VmHub } from '../../src/hub/vm-hub.js';
import { VmError } from '../../src/protocol/errors.js';
import type { VmAction, VmStatus } from '../../src/protocol/types.js';

/** The part of a monitor session the controller reads: status, connection, pending actions, command. */
class StubSession {
  status: { status: VmStatus } | null = { status: 'running' };
  connection = { state: 'open', attempt: 0, nextRetryAt: null, lastError: null, lastCloseCode: null };
  pendingActions = new Set<VmAction>();
  sent: VmAction[] = [];
  answer: () => Promise<{ action: VmAction; message: string; via: 'socket' | 'rest'; status: VmStatus }> = async () => ({
    action: 'stop',
    message: '',
    via: 'socket',
    status: 'stopped',
  });
  command(action: VmAction) {
    this.sent.push(action);
    return this.answer();
  }
}

class ProbeActions extends LitElement {
  session: StubSession | null = new StubSession();
  confirm = 'stop';
  prepare: () => Promise<unknown> = async () => undefined;
  readonly actions = new ActionController(this, {
    vmName: () => 'web-01',
    session: () => this.session as unknown as MonitorSession | null,
    hub: () => ({ config: { restFallback: true, startStopOverRest: false } }) as unknown as VmHub,
    permissions: () => null,
    badName: () => false,
    confirmActions: () => this.confirm,
    dialog: () => this.renderRoot.querySelector('dialog'),
    prepareConfirm: () => this.prepare(),
  });
  protected override render() {
    const a = this.actions.confirming;
    return html`${this.actions.states().map(
        (s) => html`<button data-action=${s.action} ?disabled=${!s.enabled} @click=${(ev: Event) => this.actions.activate(s, ev.currentTarget as HTMLElement)}>${s.action}</button>`,
      )}
      <p class="outcome">${this.actions.outcome?.text ?? ''}</p>
      <dialog>${a ? html`<button class="ok" @click=${() => this.actions.closeConfirm(true)}>${a} web-01?</button>` : ''}</dialog>`;
  }
}
customElements.define('probe-actions', ProbeActions);

const button = (el: ProbeActions, action: VmAction) => el.renderRoot.querySelector<HTMLButtonElement>(`[data-action=${action}]`)!;
const settle = () => new Promise((r) => setTimeout(r));

describe('ActionController', () => {
  it('offers what the session allows and disables everything without a session', async () => {
    const el = await fixture<ProbeActions>(html`<probe-actions></probe-actions>`);
    expect(el.actions.states().filter((s) => s.enabled).map((s) => s.action)).to.deep.equal(['stop', 'restart', 'suspend']);
    el.session = null;
    const states = el.actions.states();
    expect(states.every((s) => !s.enabled && s.why?.kind === 'no-session')).to.equal(true);
  });

  it('runs an action without confirmation, reports it and shows the outcome', async () => {
    const el = await fixture<ProbeActions>(html`<probe-actions></probe-actions>`);
    el.confirm = '';
    const events: string[] = [];
    el.addEventListener('vm-action', (e) => events.push(`${e.type}:${e.detail.action}`));
    el.addEventListener('vm-action-result', (e) => events.push(`${e.type}:${e.detail.action}:${e.detail.success}:${e.detail.via}`));
    button(el, 'restart').click();
    expect(el.session!.sent).to.deep.equal(['restart']);
    // The outcome's report loads while the action runs (action-report.ts).
    await waitUntil(() => events.length === 2, 'no vm-action-result');
    await el.updateComplete;
    expect(events).to.deep.equal(['vm-action:restart', 'vm-action-result:restart:true:socket']);
    expect(el.renderRoot.querySelector('.outcome')!.textContent).to.equal('Restart done.');
  });

  it('asks first for an action that needs confirmation, then runs it and gives focus back', async () => {
    const el = await fixture<ProbeActions>(html`<probe-actions></probe-actions>`);
    const stop = button(el, 'stop');
    stop.focus();
    stop.click();
    await settle();
    await el.updateComplete;
    const dialog = el.renderRoot.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('stop web-01?');
    expect(el.session!.sent).to.deep.equal([]);
    el.renderRoot.querySelector<HTMLButtonElement>('.ok')!.click();
    await settle();
    expect(dialog.open).to.equal(false);
    expect(el.session!.sent).to.deep.equal(['stop']);
    expect(el.shadowRoot!.activeElement).to.equal(stop);
  });

  it('sends nothing when the confirmation is cancelled or vm-action is prevented', async () => {
    const el = await fixture<ProbeActions>(html`<probe-actions></probe-actions>`);
    button(el, 'stop').click();
    await settle();
    el.actions.closeConfirm(false);
    el.addEventListener('vm-action', (e) => e.preventDefault());
    expect(await el.actions.run('restart')).to.equal(false);
    expect(el.session!.sent).to.deep.equal([]);
  });

  it('says an action was not sent when its confirmation cannot load', async () => {
    const el = await fixture<ProbeActions>(html`<probe-actions></probe-actions>`);
    el.prepare = () => Promise.reject(new Error('offline'));
    button(el, 'stop').click();
    await settle();
    await el.updateComplete;
    expect(el.actions.confirming).to.equal(null);
    expect(el.renderRoot.querySelector('.outcome')!.textContent).to.contain('Stop was not sent');
    expect(el.session!.sent).to.deep.equal([]);
  });

  it('keeps a failure on screen, names how it was sent and remembers its message', async () => {
    const el = await fixture<ProbeActions>(html`<probe-actions></probe-actions>`);
    el.session!.answer = () => Promise.reject(new VmError('COMMAND_FAILED', 'guest refused', { detail: 'guest refused' }));
    const results: unknown[] = [];
    el.addEventListener('vm-action-result', (e) => results.push(e.detail));
    expect(await el.actions.run('suspend')).to.equal(false);
    await el.updateComplete;
    expect(results).to.deep.equal([{ vmName: 'web-01', action: 'suspend', success: false, message: 'guest refused', via: 'socket', code: 'COMMAND_FAILED' }]);
    expect(el.renderRoot.querySelector('.outcome')!.textContent).to.equal('Suspend failed: guest refused');
    expect(el.actions.lastError).to.equal('guest refused');
    el.actions.clear();
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.outcome')!.textContent).to.equal('');
  });

  // The outcome of an action sent over REST: the library's own English never reaches the screen.
  it('says a REST success the server gave no words for, and a refused permission, in its own words', async () => {
    const el = await fixture<ProbeActions>(html`<probe-actions></probe-actions>`);
    el.session!.answer = async () => ({ action: 'stop', message: '', via: 'rest', status: 'stopped' });
    expect(await el.actions.run('stop')).to.equal(true);
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.outcome')!.textContent).to.equal('Stop done. (sent over the REST API)');
    el.session!.answer = () => Promise.reject(new VmError('PERMISSION_DENIED', 'Permission denied (HTTP 403).', { status: 403 }));
    expect(await el.actions.run('restart')).to.equal(false);
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.outcome')!.textContent).to.equal('Restart failed: Your account is not allowed to restart the VM web-01.');
    el.session!.answer = () => Promise.reject(new VmError('INVALID_INPUT', '"reboot" is not a VM action.'));
    expect(await el.actions.run('suspend')).to.equal(false);
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.outcome')!.textContent).to.equal('Suspend failed: The page asked for something this library does not support.');
  });

  it('lets a success go after its delay, but not while it is held', async () => {
    const el = await fixture<ProbeActions>(html`<probe-actions></probe-actions>`);
    const real = { set: window.setTimeout, clear: window.clearTimeout };
    const timers: [() => void, number][] = [];
    const cleared: number[] = [];
    window.setTimeout = ((fn: () => void, ms: number) => (timers.push([fn, ms]), -timers.length)) as typeof setTimeout;
    window.clearTimeout = ((id: number) => void cleared.push(id)) as typeof clearTimeout;
    try {
      await el.actions.run('restart');
      el.actions.hold(true);
      el.actions.hold(false);
    } finally {
      window.setTimeout = real.set;
      window.clearTimeout = real.clear;
    }
    // Held: the first timer is stopped; let go: the full delay starts again.
    expect(timers.map(([, ms]) => ms)).to.deep.equal([OUTCOME_DISMISS_MS, OUTCOME_DISMISS_MS]);
    expect(cleared).to.include(-1);
    timers[1]![0]();
    expect(el.actions.outcome).to.equal(null);
  });
});
