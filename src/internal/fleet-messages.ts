/**
 * What a fleet view (`<vm-list>`, `<vm-grid>`) shows instead of its VMs: loading, no list, empty, nothing matching the filter, and why
 * the list could not be loaded (a stale list stays below that last one).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { VmError } from '../protocol/errors.js';
import { invalidWords } from './error-words.js';
import { msg, str } from './msg.js';

export function renderMessage(state: string, title: string, text: string, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<div class="message" part="message" data-state=${state} role="status">
    <strong>${title}</strong><span>${text}</span>${extra}
  </div>`;
}

export function renderLoading(): TemplateResult {
  return html`<div class="message loading" part="message" data-state="loading" role="status" aria-busy="true">
    <span class="spinner" aria-hidden="true"></span><span>${msg('Loading the VM list…', { id: 'list.loading' })}</span>
    <div class="skeleton" aria-hidden="true">${[0, 1, 2, 3, 4].map(() => html`<div class="bone"></div>`)}</div>
  </div>`;
}

/** The hub never lists VMs (`fleetPollMs: false`): there is no list to show. */
export function renderNoFleet(): TemplateResult {
  return renderMessage(
    'none',
    msg('No VM list here', { id: 'list.none.title' }),
    msg('Listing VMs is switched off for this connection (its hub has fleetPollMs: false).', { id: 'list.none' }),
  );
}

/** The list came back empty: no VMs, or none this user may see (the server does not say which). */
export function renderEmpty(): TemplateResult {
  return renderMessage('empty', msg('No VMs', { id: 'list.empty.title' }), msg('This server has no VMs, or none you are allowed to see.', { id: 'list.empty' }));
}

export function renderNoMatch(clear: () => void): TemplateResult {
  return html`<div class="message" part="message" data-state="no-match" role="status">
    <strong>${msg('No VM matches the filter.', { id: 'list.noMatch' })}</strong>
    <button class="btn" @click=${clear}>${msg('Clear filters', { id: 'list.clearFilters' })}</button>
  </div>`;
}

/**
 * The list could not be loaded: why, in words. `server` is the address the page talks to; `stale`
 * when an older list is still shown below.
 */
export function renderListError(e: VmError, stale: boolean, server: string, retry: () => void): TemplateResult {
  const again = html`<button class="btn" @click=${retry}>${msg('Retry now', { id: 'detail.retryNow' })}</button>`;
  if (e.code === 'AUTH_ERROR') return renderMessage('unauthorized', msg('Not signed in', { id: 'connection.notSignedIn' }), msg('Sign in again to see the VMs.', { id: 'list.signIn' }), again);
  if (e.code === 'PERMISSION_DENIED') {
    return renderMessage('forbidden', msg('No permission', { id: 'connection.noPermission' }), msg('Your account is not allowed to list VMs.', { id: 'list.denied' }), again);
  }
  const unreachable = e.code === 'NETWORK_ERROR' || e.code === 'TIMEOUT';
  const address = server.replace(/\/+$/, '');
  // The server's words, else the HTTP status; never the transport's own message, which is English.
  const detail = e.detail ?? (e.status ? `HTTP ${e.status}` : '');
  // A setting the library refused (a bad server address) is said from its reason: its message is English.
  const what = e.code === 'INVALID_CONFIG' || e.code === 'INVALID_INPUT'
    ? invalidWords(e, { msg, str })
    : unreachable
    ? msg(str`The server at ${address} cannot be reached.`, { id: 'list.unreachable' })
    : detail
    ? msg(str`The server could not list the VMs (${detail}).`, { id: 'list.failed' })
    : msg('The server could not list the VMs.', { id: 'list.failed.plain' });
  if (stale) {
    return html`<div class="message stale" part="message" data-state=${unreachable ? 'unreachable' : 'error'} role="status">
      <span>${what} ${msg('The list below may be out of date; the page keeps trying.', { id: 'list.stale' })}</span>${again}
    </div>`;
  }
  const title = unreachable ? msg('Server unreachable', { id: 'list.unreachable.title' }) : msg('The list could not be loaded', { id: 'list.failed.title' });
  return renderMessage(unreachable ? 'unreachable' : 'error', title, `${what} ${msg('The page keeps trying.', { id: 'list.keepsTrying' })}`, again);
}
