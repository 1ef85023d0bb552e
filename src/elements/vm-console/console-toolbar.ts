/**
 * `<vm-console>`'s toolbar: the connection pill, the VM's name, the read-only badge and the tools
 * (reconnect, search, copy, download, clear, text size, special keys, full screen). One tab stop
 * (WAI-ARIA toolbar pattern): Tab reaches the button used last (or the first), arrows, Home and
 * End move between buttons, and Tab again leaves for the terminal.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { RovingFocusController } from '../../controllers/roving-focus-controller.js';
import type { ConnectionTone } from '../../controllers/connection-view-controller.js';
import { msg, str } from '../../internal/msg.js';
import { ConsoleFullscreen } from './fullscreen.js';
import { iconButton } from './icon-button.js';
import { icons } from './icons.js';
import { KeysMenu } from './keys-menu.js';

export interface ConsoleToolbarHost {
  readonly element: HTMLElement & ReactiveControllerHost & { readonly renderRoot: ParentNode };
  reconnect(): void;
  toggleSearch(): void;
  copy(): void;
  download(): void;
  clear(): void;
  /** Makes the text one step larger (1) or smaller (-1). */
  changeFont(delta: number): void;
  /** Sends a special key (and gives the terminal the focus). */
  sendKey(id: string): void;
}

/** What the toolbar shows, read at each render. */
export interface ToolbarState {
  vmName: string;
  /** The connection pill. */
  tone: ConnectionTone;
  label: string;
  readOnly: boolean;
  readOnlyReason: () => string;
  canReconnect: boolean;
  /** There is a terminal (xterm has loaded). */
  hasTerminal: boolean;
  hasSelection: boolean;
  hasSession: boolean;
  searchOpen: boolean;
  fontSize: number;
}

export class ConsoleToolbar {
  private readonly focus: RovingFocusController;
  private readonly keysMenu: KeysMenu;
  private readonly fullscreen: ConsoleFullscreen;

  constructor(private readonly host: ConsoleToolbarHost) {
    const el = host.element;
    this.focus = new RovingFocusController(el, {
      items: () => [...el.renderRoot.querySelectorAll<HTMLButtonElement>('.toolbar .tools > button, .toolbar .tools .menu-anchor > button')].filter((b) => !b.disabled),
      tabStop: true,
      members: () => [...el.renderRoot.querySelectorAll<HTMLButtonElement>('.toolbar .tools button')].filter((b) => !b.closest('.menu')),
    });
    this.keysMenu = new KeysMenu({ element: el, send: (id) => host.sendKey(id) });
    this.fullscreen = new ConsoleFullscreen(el);
  }

  /** Call after the host rendered (the keys menu focuses its first key when it opens). */
  updated(): void {
    this.keysMenu.updated();
  }

  render(s: ToolbarState): TemplateResult {
    const h = this.host;
    const fs = this.fullscreen.mode !== null;
    const noTerm = !s.hasTerminal;
    const vm = s.vmName || msg('no VM', { id: 'console.noVm' });
    return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label=${msg(str`Console of ${vm}`, { id: 'console.toolbar' })} @keydown=${this.focus.onKeydown} @focusin=${this.focus.onFocusin}>
      <div class="title">
        <span class="pill" part="status-pill" data-tone=${s.tone}>
          <span class="dot"></span><span class="label">${s.label}</span>
        </span>
        ${s.vmName ? html`<span class="vm-name" title=${s.vmName}>${s.vmName}</span>` : nothing}
        ${s.readOnly ? html`<span class="badge" title=${s.readOnlyReason()}>${icons.lock} ${msg('Read-only', { id: 'console.readOnly.badge' })}</span>` : nothing}
      </div>
      <div class="tools">
        ${iconButton('reconnect', msg('Reconnect now', { id: 'console.reconnect' }), icons.reconnect, () => h.reconnect(), !s.canReconnect)}
        <span class="sep" aria-hidden="true"></span>
        ${iconButton('search', msg('Search the scrollback (Ctrl+Shift+F)', { id: 'console.tool.search' }), icons.search, () => h.toggleSearch(), noTerm, s.searchOpen)}
        ${iconButton('copy', msg('Copy the selection (Ctrl+Shift+C)', { id: 'console.tool.copy' }), icons.copy, () => h.copy(), !s.hasSelection)}
        ${iconButton('download', msg('Download the transcript', { id: 'console.tool.download' }), icons.download, () => h.download(), noTerm)}
        ${iconButton('clear', msg('Clear the terminal', { id: 'console.tool.clear' }), icons.clear, () => h.clear(), noTerm)}
        <span class="sep" aria-hidden="true"></span>
        ${iconButton('font-smaller', msg('Smaller text', { id: 'console.tool.smaller' }), icons.fontSmaller, () => h.changeFont(-1), noTerm)}
        <span class="font-size" aria-hidden="true">${s.fontSize}</span>
        ${iconButton('font-larger', msg('Larger text', { id: 'console.tool.larger' }), icons.fontLarger, () => h.changeFont(1), noTerm)}
        <span class="sep" aria-hidden="true"></span>
        ${this.keysMenu.render(s.readOnly || !s.hasSession, s.readOnly ? s.readOnlyReason() : msg('Send a special key', { id: 'console.keys' }))}
        ${iconButton(
          'fullscreen',
          fs ? msg('Exit full screen', { id: 'console.tool.exitFullscreen' }) : msg('Full screen', { id: 'console.tool.fullscreen' }),
          fs ? icons.exitFullscreen : icons.fullscreen,
          () => void this.fullscreen.toggle(),
          false,
          fs,
        )}
      </div>
    </div>`;
  }
}
