/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DetailActions } from '../../../src/elements/vm-detail/detail-actions.js';
import type { MonitorSession } from '../../../src/hub/monitor-session.js';
import type { VmHub } from '../../../src/hub/vm-hub.js';
import type { VmAction, VmStatus } from '../../../src/protocol/types.js';

/** The part of a monitor session the actions read: status, connection, pending actions, command. */
class StubSession {
  status: { status: VmStatus } | null = { status: 'stopped' };
  connection = { state: 'open', attempt: 0, nextRetryAt: null, lastError: null, lastCloseCode: null };
  pendingActions = new Set<VmAction>();
  sent: VmAction[] = [];
  command(action: VmAction) {
    this.sent.push(action);
    return Promise.resolve({ action, message: '', via: 'socket' as const, status: 'running' as VmStatus });
  }
}

class ProbeDetailActions extends LitElement {
  session: StubSession | null = new StubSession();
  confirm = '';
  announced: string[] = [];
  cancel = false;
  readonly options: ConstructorParameters<typeof DetailActions>[1] = {
    vmName: () => 'web-01',
    session: () => this.session as unknown as MonitorSession | null,
    hub: () => ({ config: { restFallback: true } }) as unknown as VmHub,
    permissions: () => null,
    confirmActions: () => this.confirm,
    dialog: () => this.renderRoot.querySelector('dialog'),
    prepareConfirm: async () => undefined,
  };
  readonly actions = new DetailActions(this, this.options);
  constructor() {
    super();
    this.addEventListener('vm-action', (e) => {
      this.announced.push(e.detail.action);
      if (this.cancel) e.preventDefault();
    });
  }
  protected override render() {
    return html`${this.actions.renderButtons((s) => (s.why ? `why not ${s.action}` : undefined))}
      <p class="outcome">${this.actions.outcome?.text ?? ''}</p>
      ${this.actions.renderConfirm((a, close) => html`<button class="ok" @click=${() => close(true)}>${a}?</button>`)}`;
  }
}
customElements.define('probe-detail-actions', ProbeDetailActions);

const button = (el: ProbeDetailActions, action: VmAction) => el.renderRoot.querySelector<HTMLButtonElement>(`[data-action=${action}]`)!;

describe('<vm-detail> actions (detail-actions.ts)', () => {
  it('renders every action, enabled as the session allows, with the reason of a disabled one as its tooltip', async () => {
    const el = await fixture<ProbeDetailActions>(html`<probe-detail-actions></probe-detail-actions>`);
    expect([...el.renderRoot.querySelectorAll('[part="action-button"]')].map((b) => b.getAttribute('data-action'))).to.deep.equal(['start', 'stop', 'restart', 'suspend', 'resume']);
    expect(button(el, 'start').getAttribute('aria-disabled')).to.equal('false');
    expect(button(el, 'start').hasAttribute('aria-describedby')).to.equal(false);
    const stop = button(el, 'stop');
    expect(stop.getAttribute('aria-disabled')).to.equal('true');
    expect(stop.classList.contains('danger')).to.equal(true);
    expect(el.renderRoot.querySelector(`#${stop.getAttribute('aria-describedby')}`)!.textContent).to.equal('why not stop');
  });

  it('announces an action at once when the runner is not here yet, and sends it when it arrives', async () => {
    const el = await fixture<ProbeDetailActions>(html`<probe-detail-actions></probe-detail-actions>`);
    // A fresh runner-less instance: its load starts with this call.
    const actions = new DetailActions(el, el.options);
    const done = actions.run('start');
    expect(el.announced).to.deep.equal(['start']);
    expect(el.session!.sent).to.deep.equal([]);
    expect(await done).to.equal(true);
    expect(el.session!.sent).to.deep.equal(['start']);
    expect(el.announced, 'announced once').to.deep.equal(['start']);
  });

  it('a cancelled vm-action sends nothing, with or without the runner', async () => {
    const el = await fixture<ProbeDetailActions>(html`<probe-detail-actions></probe-detail-actions>`);
    el.cancel = true;
    const fresh = new DetailActions(el, el.options);
    expect(await fresh.run('start')).to.equal(false);
    await el.actions.load();
    button(el, 'start').click();
    await new Promise((r) => setTimeout(r, 20));
    expect(el.announced).to.deep.equal(['start', 'start']);
    expect(el.session!.sent).to.deep.equal([]);
  });

  it('a click runs the action (after its confirmation when asked) and shows the outcome', async () => {
    const el = await fixture<ProbeDetailActions>(html`<probe-detail-actions></probe-detail-actions>`);
    el.confirm = 'start';
    button(el, 'start').click();
    await waitUntil(() => el.renderRoot.querySelector<HTMLDialogElement>('dialog')!.open, 'no confirmation', { timeout: 5000 });
    expect(el.actions.confirming).to.equal('start');
    expect(el.announced).to.deep.equal([]);
    el.renderRoot.querySelector<HTMLButtonElement>('dialog .ok')!.click();
    expect(el.announced).to.deep.equal(['start']);
    await waitUntil(() => el.actions.outcome?.ok === true, 'no outcome', { timeout: 5000 });
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.outcome')!.textContent).to.contain('Start done.');
    el.actions.clear();
    expect(el.actions.outcome).to.equal(null);
  });

  it('without a session, says there is no connection (and announces nothing)', async () => {
    const el = await fixture<ProbeDetailActions>(html`<probe-detail-actions></probe-detail-actions>`);
    el.session = null;
    expect(await el.actions.run('start')).to.equal(false);
    expect(el.announced).to.deep.equal([]);
    expect(el.actions.outcome?.text).to.equal('There is no connection to a VM.');
  });
});
