/** What a panel shows while its contents are on their way (a failed load: internal/deferred-texts.ts). */
import { html, type TemplateResult } from 'lit';

export function renderSkeleton(): TemplateResult {
  return html`<div class="skeleton" aria-busy="true" aria-label="Loading the VM's details">
    ${[1, 2, 3, 4].map(() => html`<div class="sk-card"><div class="sk-line short"></div><div class="sk-line"></div></div>`)}
    <div class="sk-line wide"></div><div class="sk-line wide"></div>
  </div>`;
}

/** `what`: the part's name in a sentence ("live charts"). */
export function renderLoading(what: string): TemplateResult {
  return html`<div class="empty" aria-busy="true"><span class="spinner" aria-hidden="true"></span> Loading the ${what}…</div>`;
}
