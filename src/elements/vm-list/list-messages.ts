/**
 * What the list shows instead of its rows: loading, empty, nothing matching the filter, and why
 * the list could not be loaded (a stale list stays below that last one).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { VmError } from '../../protocol/errors.js';

export function renderMessage(state: string, title: string, text: string, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<div class="message" part="message" data-state=${state} role="status">
    <strong>${title}</strong><span>${text}</span>${extra}
  </div>`;
}

export function renderLoading(): TemplateResult {
  return html`<div class="message loading" part="message" data-state="loading" role="status" aria-busy="true">
    <span class="spinner" aria-hidden="true"></span><span>Loading the VM list…</span>
    <div class="skeleton" aria-hidden="true">${[0, 1, 2, 3, 4].map(() => html`<div class="bone"></div>`)}</div>
  </div>`;
}

export function renderNoMatch(clear: () => void): TemplateResult {
  return html`<div class="message" part="message" data-state="no-match" role="status">
    <strong>No VM matches the filter.</strong>
    <button class="btn" @click=${clear}>Clear filters</button>
  </div>`;
}

/**
 * The list could not be loaded: why, in words. `server` is the address the page talks to; `stale`
 * when an older list is still shown below.
 */
export function renderListError(e: VmError, stale: boolean, server: string, retry: () => void): TemplateResult {
  const again = html`<button class="btn" @click=${retry}>Retry now</button>`;
  if (e.code === 'AUTH_ERROR') return renderMessage('unauthorized', 'Not signed in', 'Sign in again to see the VMs.', again);
  if (e.code === 'PERMISSION_DENIED') return renderMessage('forbidden', 'No permission', 'Your account is not allowed to list VMs.', again);
  const unreachable = e.code === 'NETWORK_ERROR' || e.code === 'TIMEOUT';
  const what = unreachable ? `The server at ${server.replace(/\/+$/, '')} cannot be reached.` : `The server could not list the VMs (${e.message}).`;
  if (stale) {
    return html`<div class="message stale" part="message" data-state=${unreachable ? 'unreachable' : 'error'} role="status">
      <span>${what} The list below may be out of date; the page keeps trying.</span>${again}
    </div>`;
  }
  return renderMessage(unreachable ? 'unreachable' : 'error', unreachable ? 'Server unreachable' : 'The list could not be loaded', `${what} The page keeps trying.`, again);
}
