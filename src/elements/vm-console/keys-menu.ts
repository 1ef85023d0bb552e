/**
 * The special keys menu of the console toolbar: a grid of keys a browser cannot type into a
 * terminal (Ctrl+Alt+Del, F-keys, …), three to a row, moved through with the arrow keys; Escape
 * closes it and gives its button the focus back, Tab or a click elsewhere closes it.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { PageListenersController } from '../../controllers/page-listeners-controller.js';
import { RovingFocusController } from '../../controllers/roving-focus-controller.js';
import { icons } from './icons.js';
import { SPECIAL_KEYS } from './special-keys.js';
import { msg } from '../../internal/msg.js';

export interface KeysMenuHost {
  readonly element: HTMLElement & ReactiveControllerHost & { readonly renderRoot: ParentNode };
  /** Sends a key and gives the terminal the focus. */
  send(id: string): void;
}

export class KeysMenu {
  isOpen = false;
  private focusFirst = false;
  private readonly grid: RovingFocusController;

  constructor(private readonly host: KeysMenuHost) {
    const el = host.element;
    this.grid = new RovingFocusController(el, {
      items: () => [...el.renderRoot.querySelectorAll<HTMLElement>('.menu [role="menuitem"]')],
      layout: 'grid',
      columns: 3,
    });
    new PageListenersController(el).on<PointerEvent>(
      () => document,
      'pointerdown',
      (e) => {
        if (!this.isOpen) return;
        const anchor = el.renderRoot.querySelector('.menu-anchor');
        if (anchor && !e.composedPath().includes(anchor)) this.setOpen(false);
      },
      { capture: true },
    );
  }

  setOpen(open: boolean): void {
    if (open === this.isOpen) return;
    this.isOpen = open;
    this.focusFirst = open;
    this.host.element.requestUpdate();
  }

  /** Call after the host rendered. */
  updated(): void {
    if (!this.focusFirst) return;
    this.focusFirst = false;
    this.host.element.renderRoot.querySelector<HTMLElement>('.menu [role="menuitem"]')?.focus();
  }

  /** The menu button and, while open, the menu. */
  render(disabled: boolean, title: string): TemplateResult {
    return html`<span class="menu-anchor">
      <button
        class="icon-btn keys-btn"
        data-action="keys"
        aria-label=${msg('Send a special key', { id: 'console.keys' })}
        title=${title}
        aria-haspopup="menu"
        aria-expanded=${this.isOpen ? 'true' : 'false'}
        ?disabled=${disabled}
        @click=${() => this.setOpen(!this.isOpen)}
      >
        ${icons.keyboard}
      </button>
      ${this.isOpen ? this.renderMenu() : nothing}
    </span>`;
  }

  private renderMenu(): TemplateResult {
    return html`<div class="menu" role="menu" aria-label=${msg('Special keys', { id: 'console.keys.menu' })} @keydown=${this.onKey}>
      ${SPECIAL_KEYS.map(
        (k) => html`<button
          role="menuitem"
          tabindex="-1"
          class=${k.id === 'ctrl-alt-del' ? 'wide' : ''}
          data-key=${k.id}
          title=${k.hint ?? k.label}
          @click=${() => {
            this.setOpen(false);
            this.host.send(k.id);
          }}
        >
          ${k.label}
        </button>`,
      )}
    </div>`;
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.setOpen(false);
      this.host.element.renderRoot.querySelector<HTMLElement>('.keys-btn')?.focus();
    } else if (e.key === 'Tab') this.setOpen(false);
    else this.grid.onKeydown(e);
  };
}
