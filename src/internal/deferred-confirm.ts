/**
 * The confirmation dialog's contents and styles, loaded when an action that needs confirmation is
 * first clicked (and preloaded when the page is idle). The `<dialog>` itself is always rendered.
 */
import type { TemplateResult } from 'lit';
import type { VmAction } from '../hub/index.js';
import type { Kit } from './deferred-kit.js';

// Plain text and injected Lit (`Kit`): no runtime imports, see vm-detail's overview.ts.
export const styles = `
  .confirm { border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); color: var(--_text); padding: 18px 20px; max-width: min(420px, calc(100vw - 32px)); box-shadow: 0 10px 30px rgb(0 0 0 / 0.25); }
  .confirm::backdrop { background: rgb(0 0 0 / 0.35); }
  .confirm h2 { margin: 0 0 8px; font-size: 1.1em; }
  .confirm p { margin: 0 0 16px; }
  .confirm-buttons { display: flex; justify-content: flex-end; gap: 8px; }
  .btn.primary { background: var(--_accent); border-color: var(--_accent); color: var(--_accent-text); }
  .btn.primary.danger { background: var(--_danger); border-color: var(--_danger); color: var(--_bg); }
`;

/** What the action will do, said of the VM. */
function consequence(action: VmAction, vm: string, { msg, str }: Kit): string {
  switch (action) {
    case 'stop':
      return msg(str`${vm} will be shut down. Unsaved work inside the VM may be lost.`, { id: 'confirm.stop' });
    case 'restart':
      return msg(str`${vm} will be stopped and started again. Connected users will be interrupted.`, { id: 'confirm.restart' });
    case 'suspend':
      return msg(str`${vm} will be paused until it is resumed.`, { id: 'confirm.suspend' });
    case 'start':
      return msg(str`${vm} will be started.`, { id: 'confirm.start' });
    case 'resume':
      return msg(str`${vm} will continue running.`, { id: 'confirm.resume' });
  }
}

export function render(action: VmAction, vmName: string, close: (confirmed: boolean) => void, kit: Kit): TemplateResult {
  const { html, label: labels, msg, str } = kit;
  const label = labels[action];
  return html`<h2 id="confirm-title">${msg(str`${label} ${vmName}?`, { id: 'confirm.title' })}</h2>
    <p id="confirm-text">${consequence(action, vmName, kit)}</p>
    <div class="confirm-buttons">
      <button class="btn" data-confirm="cancel" autofocus @click=${() => close(false)}>${msg('Cancel', { id: 'common.cancel' })}</button>
      <button class="btn primary ${action === 'stop' || action === 'restart' ? 'danger' : ''}" data-confirm="ok" @click=${() => close(true)}>${label}</button>
    </div>`;
}
