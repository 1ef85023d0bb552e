/**
 * The rows' quick actions (Start/Stop) of `<vm-list>`: which are enabled and why not, the
 * confirmation, the outcome message and the words for disabled buttons. The shared action
 * controller acts on one VM at a time, the one whose button was pressed last; its session is held
 * here while it acts, whether or not its row still holds one (it may scroll away).
 */
import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { MonitorSession } from '../../hub/monitor-session.js';
import type { SessionLease, VmHub } from '../../hub/vm-hub.js';
import type { VmAction, VmStatus } from '../../protocol/types.js';
// The action rules, words and running every element shares; the confirmation and the disabled
// reasons load after the first paint (internal/deferred-parts.ts), as on <vm-detail>.
import { actionState, type ActionState } from '../../hub/action-rules.js';
import { ActionController } from '../../controllers/action-controller.js';
import { renderConfirmDialog } from '../../internal/confirm-dialog.js';
import { addStyles, afterPaint, kit, loadConfirm, loadTexts } from '../../internal/deferred-parts.js';
import { msg } from '../../internal/msg.js';

/** The quick actions a row offers; the rest live in `<vm-detail>`. */
export const ROW_ACTIONS: readonly VmAction[] = ['start', 'stop'];

export interface RowActionsOptions {
  hub: () => VmHub | null;
  /** What the user may do; null when not known (the server decides). */
  permissions: () => ReadonlySet<string> | null;
  confirmActions: () => string;
  dialog: () => HTMLDialogElement | null;
}

export class RowActionsController implements ReactiveController {
  /** The VM whose button was pressed last. */
  private vmName = '';
  private lease: SessionLease<MonitorSession> | null = null;
  private leaseHub: VmHub | null = null;
  private texts: Awaited<ReturnType<typeof loadTexts>> | null = null;
  private confirmView: Awaited<ReturnType<typeof loadConfirm>> | null = null;
  private textsAsked = false;
  private readonly actions: ActionController;

  constructor(
    private readonly host: LitElement,
    private readonly options: RowActionsOptions,
  ) {
    host.addController(this);
    this.actions = new ActionController(host, {
      vmName: () => this.vmName,
      session: () => this.session(),
      hub: options.hub,
      permissions: options.permissions,
      confirmActions: options.confirmActions,
      dialog: options.dialog,
      prepareConfirm: () =>
        loadConfirm().then((m) => {
          addStyles(host.renderRoot as ShadowRoot, m.sheet);
          this.confirmView = m;
          this.host.requestUpdate();
        }),
    });
  }

  hostUpdated(): void {
    if (this.textsAsked) return;
    this.textsAsked = true;
    // The disabled reasons come right after the first paint, as on <vm-detail>.
    afterPaint(() => {
      if (!this.host.isConnected) return;
      loadTexts().then(
        (m) => {
          addStyles(this.host.renderRoot as ShadowRoot, m.sheet);
          this.texts = m;
          this.host.requestUpdate();
        },
        (e: unknown) => console.warn('<vm-list>: could not load the disabled-action reasons:', e),
      );
    });
  }

  hostDisconnected(): void {
    this.lease?.release();
    this.lease = null;
  }

  /** The row's buttons as the user may use them now. */
  states(vmName: string, status: VmStatus, s: MonitorSession | null): ActionState[] {
    const input = {
      status,
      permissions: this.options.permissions(),
      connection: s?.connection ?? null,
      restFallback: this.options.hub()?.config.restFallback !== false,
      pending: s?.pendingActions ?? new Set<VmAction>(),
      vmName,
    };
    return ROW_ACTIONS.map((a) => actionState(a, input));
  }

  /** Why a button is disabled, in words (once they have loaded). */
  reason(st: ActionState, vmName: string): string | undefined {
    return st.why ? this.texts?.reasonText(st.action, st.why, vmName, kit) : undefined;
  }

  /** A row's button was pressed: confirm first where asked, then send. */
  activate(vmName: string, st: ActionState, ev: Event): void {
    ev.stopPropagation();
    if (!st.enabled) return;
    this.vmName = vmName;
    this.actions.activate(st, ev.currentTarget as HTMLElement);
  }

  /** Sends an action without confirmation; resolves with whether it succeeded. */
  run(vmName: string, action: VmAction): Promise<boolean> {
    this.vmName = vmName;
    return this.actions.run(action);
  }

  private session(): MonitorSession | null {
    const hub = this.options.hub();
    if (!hub || !this.vmName) return null;
    if (this.lease?.session.vmName !== this.vmName || this.leaseHub !== hub) {
      this.lease?.release();
      this.lease = hub.monitor(this.vmName);
      this.leaseHub = hub;
    }
    return this.lease.session;
  }

  renderOutcome(): TemplateResult {
    const o = this.actions.outcome;
    // The shared controller words it for one VM's page; a list says which VM.
    return html`<div class="outcome-region" role="status" aria-live="polite">
      ${o
        ? html`<div class="outcome ${o.ok ? 'ok' : 'failed'}" data-ok=${String(o.ok)}>
            <span>${this.vmName}: ${o.text}</span
            ><button class="link" aria-label=${msg('Dismiss message', { id: 'texts.dismiss' })} @click=${() => this.actions.clear()}>✕</button>
          </div>`
        : nothing}
    </div>`;
  }

  renderConfirm(): TemplateResult {
    const view = this.confirmView;
    return renderConfirmDialog(this.actions, view ? (a, close) => view.render(a, this.vmName, close, kit) : null);
  }
}
