/**
 * Runs a VM's lifecycle actions for an element the way the user sees them: a confirmation first
 * for the actions that ask for one, the `vm-action` / `vm-action-result` events, and the outcome
 * message (a success goes away by itself, a failure stays). The element renders the buttons (which
 * are enabled and why not: `hub/action-rules.ts`), the `<dialog>` and the message; any element
 * that offers start/stop uses this (through ActionController, or loaded after its first paint as
 * `<vm-detail>` does), so they all behave alike.
 *
 * No runtime imports: what it uses from modules an element's first paint has loaded comes in its
 * `kit`, so an element can import it after its paint without the bundler splitting those shared
 * modules into files of their own (each extra first-paint file costs gzip context).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { emit } from '../events/index.js';
import type { msg, str } from '../internal/msg.js';
import type { ActionSource, ActionState, parseConfirmActions } from '../hub/action-rules.js';
import type { actionPolicy } from '../hub/action-policy.js';
import type { MonitorSession } from '../hub/monitor-session.js';
import type { VmHub } from '../hub/vm-hub.js';
import type { ActionOutcome } from '../internal/action-words.js';
import type { VmAction } from '../protocol/types.js';

export type { ActionOutcome };

/** What the runner uses from modules the element has loaded already (ActionController passes them). */
export interface ActionKit {
  emit: typeof emit;
  /** The buttons' words (internal/action-words.ts). */
  label: Readonly<Record<VmAction, string>>;
  msg: typeof msg;
  str: typeof str;
  parseConfirmActions: typeof parseConfirmActions;
  /** How long an action's outcome is waited for (the "not confirmed" sentence says it). */
  actionPolicy: typeof actionPolicy;
}

export interface ActionControllerOptions extends ActionSource {
  session: () => MonitorSession | null;
  hub: () => VmHub | null;
  /** The actions that ask for confirmation first, as `confirm-actions` says them. */
  confirmActions: () => string;
  /** The `<dialog>` the host renders while `confirming` is set. */
  dialog: () => HTMLDialogElement | null;
  /** Makes the dialog's contents ready (they may load on demand); rejects when they cannot be. */
  prepareConfirm?: () => Promise<unknown>;
}

type Report = typeof import('./action-report.js');
let reportLoading: Promise<Report> | null = null;
function loadReport(): Promise<Report> {
  return (reportLoading ??= import('./action-report.js').catch((e: unknown) => {
    reportLoading = null; // tried again with the next action
    throw e;
  }));
}

/**
 * An outcome as it is reported: its words as a function, so `outcome.text` (a getter) is made in
 * the locale of the render that shows it.
 */
export interface ActionReport {
  action: VmAction;
  ok: boolean;
  text: () => string;
}

/** How long a success message stays (WCAG 2.2.1: hovering or focusing it holds it). */
export const OUTCOME_DISMISS_MS = 8000;

export class ActionRunner implements ReactiveController {
  /** The message after the last action the user ran; null when there is none (or it went away). */
  outcome: ActionOutcome | null = null;
  /** The action whose confirmation is open (or loading). */
  confirming: VmAction | null = null;
  /** The message of the last failed action: the banner does not repeat it. */
  lastError = '';
  /** @internal */
  readonly host: ReactiveControllerHost & HTMLElement;
  /** @internal */
  readonly options: ActionControllerOptions;
  /**
   * @internal What it and action-report.ts use from modules the first paint has loaded already:
   * handed over, not imported, so that the bundler does not split them into extra first-paint files.
   */
  readonly kit: ActionKit;
  private outcomeTimer: ReturnType<typeof setTimeout> | null = null;
  private held = false;
  private returnFocus: HTMLElement | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ActionControllerOptions, kit: ActionKit) {
    this.host = host;
    this.options = options;
    this.kit = kit;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stopTimer();
  }

  /** A button was pressed: runs its action, after the confirmation when it asks for one. */
  activate(state: ActionState, trigger: HTMLElement | null): void {
    if (!state.enabled) return;
    const action = state.action;
    if (!this.kit.parseConfirmActions(this.options.confirmActions()).actions.has(action)) {
      void this.run(action);
      return;
    }
    this.returnFocus = trigger;
    this.confirming = action;
    this.host.requestUpdate();
    // The dialog's contents may load on first use (usually preloaded already); the click is kept.
    Promise.resolve(this.options.prepareConfirm?.())
      .then(() => this.host.updateComplete)
      .then(
        () => {
          const d = this.options.dialog();
          if (this.confirming === action && d?.isConnected && !d.open) d.showModal();
        },
        () => {
          if (this.confirming !== action) return;
          this.confirming = null;
          this.returnFocus = null;
          this.show({
            action,
            ok: false,
            text: () => {
              const { label, msg, str } = this.kit;
              const name = label[action];
              return msg(str`${name} was not sent: the confirmation could not be loaded. Check the network, then try again.`, { id: 'action.notSent' });
            },
          });
        },
      );
  }

  /** The confirmation was answered (or cancelled): focus goes back to the button. */
  closeConfirm(confirmed: boolean): void {
    const action = this.confirming;
    this.confirming = null;
    this.host.requestUpdate();
    const d = this.options.dialog();
    if (d?.open) d.close();
    this.returnFocus?.focus();
    this.returnFocus = null;
    if (confirmed && action) void this.run(action);
  }

  /**
   * Sends an action without confirmation. Resolves with whether it succeeded; the outcome is
   * shown and reported as `vm-action-result` (a cancelled `vm-action` sends nothing).
   * `announced`: its `vm-action` has fired already and was not cancelled (`<vm-detail>` fires it
   * at the click, before this code has loaded).
   */
  async run(action: VmAction, announced = false): Promise<boolean> {
    const { emit, label, msg, str } = this.kit;
    const session = this.options.session();
    const vmName = this.options.vmName();
    if (!session) {
      this.show({ action, ok: false, text: () => msg('There is no connection to a VM.', { id: 'action.noConnection' }) });
      emit(this.host, 'vm-action-result', { vmName, action, success: false, message: 'Not connected to a VM.', via: null, code: 'NOT_CONNECTED' });
      return false;
    }
    if (!announced && !emit(this.host, 'vm-action', { vmName, action }, { cancelable: true })) return false;
    this.clear();
    const done = session.command(action);
    done.catch(() => undefined); // judged by the report below
    // Reporting the outcome loads while the action runs (which takes a round trip at least).
    const report = await loadReport().catch(() => null);
    if (report) return report.reportOutcome(this, action, session, done);
    this.show({
      action,
      ok: false,
      text: () => {
        const name = label[action];
        return msg(str`${name} was sent; its outcome cannot be shown (its code did not load).`, { id: 'action.noReport' });
      },
    });
    return done.then(
      () => true,
      () => false,
    );
  }

  /** Removes the outcome message (the user dismissed it, or the VM changed). */
  clear(): void {
    this.stopTimer();
    if (this.outcome === null) return;
    this.outcome = null;
    this.host.requestUpdate();
  }

  /** Whether the message is being read (hovered or focused): it stays until it is not. */
  hold(held: boolean): void {
    this.held = held;
    this.dismissLater();
  }

  /** @internal Shows an action's outcome (action-report.ts calls it). */
  show({ action, ok, text }: ActionReport): void {
    this.outcome = {
      action,
      ok,
      get text() {
        return text();
      },
    };
    this.held = false;
    this.host.requestUpdate();
    this.dismissLater();
  }

  /** A success goes away by itself after the full delay (again after it was held); a failure stays. */
  private dismissLater(): void {
    this.stopTimer();
    if (!this.outcome?.ok || this.held) return;
    this.outcomeTimer = setTimeout(() => {
      this.outcomeTimer = null;
      this.outcome = null;
      this.host.requestUpdate();
    }, OUTCOME_DISMISS_MS);
  }

  private stopTimer(): void {
    if (this.outcomeTimer) clearTimeout(this.outcomeTimer);
    this.outcomeTimer = null;
  }
}
