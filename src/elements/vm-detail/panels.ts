/** What a panel shows while its contents are on their way (a failed load: internal/deferred-texts.ts). */
import { html, type TemplateResult } from 'lit';
import type { DeferredPart } from '../../internal/deferred-texts.js';
import { msg } from '../../internal/msg.js';

export function renderSkeleton(): TemplateResult {
  return html`<div class="skeleton" aria-busy="true" aria-label=${msg("Loading the VM's details", { id: 'detail.loading' })}>
    ${[1, 2, 3, 4].map(() => html`<div class="sk-card"><div class="sk-line short"></div><div class="sk-line"></div></div>`)}
    <div class="sk-line wide"></div><div class="sk-line wide"></div>
  </div>`;
}

/** "Loading the live charts…" */
export function renderLoading(what: DeferredPart): TemplateResult {
  const words =
    what === 'charts'
      ? msg('Loading the live charts…', { id: 'detail.loading.charts' })
      : what === 'console'
        ? msg('Loading the console…', { id: 'detail.loading.console' })
        : msg("Loading the VM's details…", { id: 'detail.loading.details' });
  return html`<div class="empty" aria-busy="true"><span class="spinner" aria-hidden="true"></span> ${words}</div>`;
}
