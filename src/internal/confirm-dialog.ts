/**
 * The confirmation `<dialog>` of an element that runs actions through ActionController (vm-detail,
 * vm-list): Escape answers "no", the content (loaded after the first paint) is the element's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { VmAction } from '../protocol/types.js';

/** What the dialog needs of the action runner (controllers/action-controller.ts). */
export interface ConfirmingActions {
  readonly confirming: VmAction | null;
  closeConfirm(confirmed: boolean): void;
}

export function renderConfirmDialog(
  actions: ConfirmingActions,
  content: ((action: VmAction, close: (confirmed: boolean) => void) => TemplateResult) | null,
): TemplateResult {
  const action = actions.confirming;
  return html`<dialog
    class="confirm"
    aria-labelledby="confirm-title"
    aria-describedby="confirm-text"
    @cancel=${(ev: Event) => {
      ev.preventDefault();
      actions.closeConfirm(false);
    }}
  >
    ${action && content ? content(action, (ok) => actions.closeConfirm(ok)) : nothing}
  </dialog>`;
}
