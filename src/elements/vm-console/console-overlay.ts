/**
 * The card over the terminal when there is nothing to show in it: no VM, an invalid name, no
 * permission, not signed in, an unknown VM, or xterm that could not be loaded.
 */
import { html, type TemplateResult } from 'lit';
import type { ConnectionKind } from '../../controllers/connection-view-controller.js';

export interface OverlayFacts {
  kind: ConnectionKind;
  vmName: string;
  loadError: string | null;
  /** The permission check said no, and the socket is not open (it would be the better judge). */
  deniedAndClosed: boolean;
  nameError: string | null;
  authError: string | null;
}

export function renderOverlay(f: OverlayFacts): TemplateResult | null {
  let title: string;
  let body: TemplateResult | string;
  if (f.loadError) {
    title = 'The terminal could not be loaded';
    body = html`${f.loadError}`;
  } else if (f.kind === 'none') {
    title = 'No VM selected';
    body = 'Set the vm-name attribute to show a VM console.';
  } else if (f.kind === 'invalid') {
    title = 'Invalid VM name';
    body = f.nameError ?? 'That VM name cannot be used.';
  } else if (f.kind === 'no-permission' || f.deniedAndClosed) {
    title = 'No console permission';
    body = html`Your account can see <strong>${f.vmName}</strong> but may not use its console. Ask an administrator
      for the <code>console</code> permission.`;
  } else if (f.kind === 'unauthorized') {
    title = 'Not signed in';
    body = f.authError ?? 'Sign in again to use the console.';
  } else if (f.kind === 'not-found') {
    title = 'VM not found';
    body = html`There is no VM named <strong>${f.vmName}</strong> on this server.`;
  } else return null;
  return html`<div class="overlay" data-kind=${f.kind}>
    <div class="card">
      <h2>${title}</h2>
      <p>${body}</p>
    </div>
  </div>`;
}
