/**
 * `<vm-detail>`'s lifecycle actions: the buttons in the header, the confirmation `<dialog>` and the
 * runner behind them (controllers/action-runner.ts, shared with `<vm-list>`).
 *
 * The buttons are in the first paint (which are enabled, and why not: hub/action-rules.ts); the
 * runner is not: it loads when the page is idle, or when the pointer or the focus reaches an
 * action button. A click before it has arrived waits for it.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ActionControllerOptions, ActionRunner } from '../../controllers/action-runner.js';
import { emit } from '../../events/index.js';
import { actionPolicy } from '../../hub/action-policy.js';
import { actionStates, parseConfirmActions, type ActionState } from '../../hub/action-rules.js';
import { msg, str } from '../../internal/msg.js';
import type { VmAction } from '../../protocol/types.js';
import { ACTION_LABEL, ACTION_PROGRESS, type ActionOutcome } from '../../internal/action-words.js';
import { renderConfirmDialog } from '../../internal/confirm-dialog.js';

/** Why a disabled action is disabled, in words (they load after the first paint: empty until then). */
export type ReasonText = (s: ActionState) => string | undefined;

export class DetailActions {
  /** The runner, once its code has loaded (null before: nothing has run, nothing is shown). */
  private runner: ActionRunner | null = null;
  private loading: Promise<ActionRunner> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ActionControllerOptions,
  ) {}

  /** The message after the last action the user ran; null when there is none. */
  get outcome(): ActionOutcome | null {
    return this.runner?.outcome ?? null;
  }

  /** The message of the last failed action: the banner does not repeat it. */
  get lastError(): string {
    return this.runner?.lastError ?? '';
  }

  /** The action whose confirmation is open (or loading). */
  get confirming(): VmAction | null {
    return this.runner?.confirming ?? null;
  }

  /**
   * Loads the runner (once per element; a failed load is tried again on the next call). Called
   * when the page is idle, on the first hover or focus of a button, and by every use.
   */
  load(): Promise<ActionRunner> {
    return (this.loading ??= import('../../controllers/action-runner.js').then(
      ({ ActionRunner }) => (this.runner = new ActionRunner(this.host, this.options, { emit, label: ACTION_LABEL, msg, str, parseConfirmActions, actionPolicy })),
      (e: unknown) => {
        this.loading = null;
        console.warn('<vm-detail>: could not load the action runner:', e);
        throw e;
      },
    ));
  }

  /**
   * Sends an action without confirmation; resolves with whether it succeeded. Before the runner
   * is here, `vm-action` fires at once, as it always has (a host may cancel it), and the action
   * is sent when the runner arrives.
   */
  run(action: VmAction): Promise<boolean> {
    if (this.runner) return this.runner.run(action);
    const session = this.options.session();
    const vmName = this.options.vmName();
    if (session && !emit(this.host, 'vm-action', { vmName, action }, { cancelable: true })) return Promise.resolve(false);
    return this.load().then(
      (runner) => runner.run(action, !!session),
      () => {
        // Announced, never sent: the host hears how it ended (the console says why).
        if (session) emit(this.host, 'vm-action-result', { vmName, action, success: false, message: 'The action code could not be loaded.', via: null, code: 'NETWORK_ERROR' });
        return false;
      },
    );
  }

  /** Removes the outcome message. */
  clear(): void {
    this.runner?.clear();
  }

  /** Whether the outcome is being read (hovered or focused): it stays until it is not. */
  hold(held: boolean): void {
    this.runner?.hold(held);
  }

  closeConfirm(confirmed: boolean): void {
    this.runner?.closeConfirm(confirmed);
  }

  /** A button was pressed: its action runs (after its confirmation) once the runner is here. */
  private activate(s: ActionState, trigger: HTMLElement): void {
    if (!s.enabled) return;
    if (this.runner) return this.runner.activate(s, trigger);
    if (!parseConfirmActions(this.options.confirmActions()).actions.has(s.action)) {
      void this.run(s.action);
      return;
    }
    this.load().then(
      (runner) => runner.activate(s, trigger),
      () => undefined, // said in the console; the next click tries again
    );
  }

  /** The first hover or focus of a button loads the runner, if idle time has not already. */
  private readonly warm = (): void => void this.load().catch(() => undefined);

  /** The buttons, in display order; `reason` says why a disabled one is (on hover and focus). */
  renderButtons(reason: ReasonText): TemplateResult[] {
    const states = actionStates(this.options);
    // A button that can be pressed will be: its runner is wanted now, idle or not.
    if (!this.loading && states.some((s) => s.enabled)) this.warm();
    return states.map((s) => this.renderButton(s, reason(s)));
  }

  /** The dialog, always rendered; `content` is its inside (null until its code has loaded). */
  renderConfirm(content: ((action: VmAction, close: (confirmed: boolean) => void) => TemplateResult) | null): TemplateResult {
    return renderConfirmDialog(this, content);
  }

  private renderButton(s: ActionState, why: string | undefined): TemplateResult {
    const tipId = `tip-${s.action}`;
    const danger = s.action === 'stop' || s.action === 'restart';
    return html`<span class="action-wrap">
      <button
        part="action-button"
        class="action ${danger ? 'danger' : ''}"
        data-action=${s.action}
        aria-disabled=${s.enabled ? 'false' : 'true'}
        aria-describedby=${why ? tipId : nothing}
        aria-busy=${s.busy ? 'true' : 'false'}
        @click=${(ev: Event) => this.activate(s, ev.currentTarget as HTMLElement)}
        @pointerenter=${this.warm}
        @focus=${this.warm}
      >
        ${s.busy ? html`<span class="spinner" aria-hidden="true"></span>${ACTION_PROGRESS[s.action]}` : ACTION_LABEL[s.action]}
      </button>
      ${why ? html`<span class="tip" role="tooltip" id=${tipId}>${why}</span>` : nothing}
    </span>`;
  }
}
