/**
 * The card over the terminal when there is nothing to show in it: no VM, an invalid name, no
 * permission, not signed in, an unknown VM, or xterm that could not be loaded.
 */
import { html, type TemplateResult } from 'lit';
import type { ConnectionKind } from '../../controllers/connection-view-controller.js';
import { msg, str } from '../../internal/msg.js';
import { nameErrorWords } from '../../internal/name-words.js';
import type { InvalidReason } from '../../protocol/errors.js';
import { RICH, richText } from '../../internal/rich-text.js';

export interface OverlayFacts {
  kind: ConnectionKind;
  vmName: string;
  loadError: string | null;
  /** The permission check said no, and the socket is not open (it would be the better judge). */
  deniedAndClosed: boolean;
  /** Said from its reason: its message is English, for logs and events. */
  nameError: { readonly reason?: InvalidReason | undefined } | null;
  authError: string | null;
}

export function renderOverlay(f: OverlayFacts): TemplateResult | null {
  let title: string;
  let body: TemplateResult | string;
  if (f.loadError) {
    title = msg('The terminal could not be loaded', { id: 'console.overlay.loadFailed' });
    const reason = f.loadError;
    body = msg(str`The terminal could not be loaded: ${reason}`, { id: 'console.overlay.loadFailed.body' });
  } else if (f.kind === 'none') {
    title = msg('No VM selected', { id: 'connection.noVm' });
    body = msg('Set the vm-name attribute to show a VM console.', { id: 'console.overlay.none' });
  } else if (f.kind === 'invalid') {
    title = msg('Invalid VM name', { id: 'connection.invalidName' });
    body = nameErrorWords(f.nameError ?? {}, { msg, str });
  } else if (f.kind === 'no-permission' || f.deniedAndClosed) {
    title = msg('No console permission', { id: 'console.overlay.denied.title' });
    const text = msg(str`Your account can see ${RICH[0]} but may not use its console. Ask an administrator for the ${RICH[1]} permission.`, { id: 'console.overlay.denied' });
    body = richText(text, [html`<strong>${f.vmName}</strong>`, html`<code>console</code>`]);
  } else if (f.kind === 'unauthorized') {
    title = msg('Not signed in', { id: 'connection.notSignedIn' });
    body = f.authError ?? msg('Sign in again to use the console.', { id: 'console.overlay.signIn' });
  } else if (f.kind === 'not-found') {
    title = msg('VM not found', { id: 'connection.notFound' });
    body = richText(msg(str`There is no VM named ${RICH[0]} on this server.`, { id: 'console.overlay.notFound' }), [html`<strong>${f.vmName}</strong>`]);
  } else return null;
  return html`<div class="overlay" data-kind=${f.kind}>
    <div class="card">
      <h2>${title}</h2>
      <p>${body}</p>
    </div>
  </div>`;
}
