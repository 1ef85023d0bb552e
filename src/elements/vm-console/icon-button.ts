/** A toolbar button of the console: an icon, its label as name and tooltip, optionally pressed. */
import { html, nothing, type TemplateResult } from 'lit';

export function iconButton(action: string, label: string, icon: TemplateResult, onClick: () => void, disabled: boolean, pressed?: boolean): TemplateResult {
  return html`<button
    class="icon-btn"
    data-action=${action}
    aria-label=${label}
    title=${label}
    aria-pressed=${pressed === undefined ? nothing : pressed ? 'true' : 'false'}
    ?disabled=${disabled}
    @click=${onClick}
  >
    ${icon}
  </button>`;
}
