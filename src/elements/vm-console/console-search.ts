/**
 * The console's scrollback search row: opened with Ctrl+Shift+F or the toolbar, Enter and
 * Shift+Enter for the next and previous match, Escape to close (the terminal gets the focus
 * back), and a live count of the matches.
 */
import { html, type TemplateResult } from 'lit';
import { icons } from './icons.js';
import { iconButton } from './icon-button.js';
import { msg, str } from '../../internal/msg.js';

export interface SearchResult {
  index: number;
  count: number;
}

export interface ConsoleSearchHost {
  readonly element: HTMLElement & { requestUpdate(): void; readonly renderRoot: ParentNode };
  /** Searches the scrollback (false: no match, or no terminal yet). */
  find(text: string, backwards: boolean): boolean;
  /** Removes the match highlights. */
  clearHighlights(): void;
  /** Removes the highlights and the selection, and gives the terminal the focus (on close). */
  reset(): void;
}

/** The count as the search row says it. */
export function searchCountText(r: SearchResult | null): string {
  if (r === null) return '';
  const { index, count } = r;
  if (count === 0) return msg('No matches', { id: 'console.search.none' });
  if (index < 0) return msg(str`${count}+ matches`, { id: 'console.search.many' });
  const n = index + 1;
  return msg(str`${n} of ${count}`, { id: 'console.search.nth' });
}

export class ConsoleSearch {
  isOpen = false;
  result: SearchResult | null = null;
  private focusInput = false;

  constructor(private readonly host: ConsoleSearchHost) {}

  private get input(): HTMLInputElement | null {
    return this.host.element.renderRoot.querySelector<HTMLInputElement>('.search input');
  }

  open(): void {
    if (this.isOpen) this.input?.select();
    else {
      this.isOpen = true;
      this.focusInput = true;
      this.host.element.requestUpdate();
    }
  }

  close(): void {
    this.isOpen = false;
    this.result = null;
    this.host.element.requestUpdate();
    this.host.reset();
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  /** The terminal's search addon counted the matches. */
  results(index: number, count: number): void {
    this.result = { index, count };
    this.host.element.requestUpdate();
  }

  /** Call after the host rendered. */
  updated(): void {
    if (!this.focusInput) return;
    this.focusInput = false;
    this.input?.focus();
  }

  render(): TemplateResult {
    const find = (backwards: boolean) => this.host.find(this.input?.value ?? '', backwards);
    const label = msg('Search the scrollback', { id: 'console.search' });
    return html`<div class="search" part="search" role="search">
      <input
        type="search"
        aria-label=${label}
        placeholder=${label}
        @keydown=${this.onKey}
        @input=${(e: Event) => {
          const value = (e.target as HTMLInputElement).value;
          if (value === '') {
            this.result = null;
            this.host.element.requestUpdate();
            this.host.clearHighlights();
          } else this.host.find(value, false);
        }}
      />
      <span class="count" aria-live="polite">${searchCountText(this.result)}</span>
      ${iconButton('search-prev', msg('Previous match (Shift+Enter)', { id: 'console.search.prev' }), icons.up, () => find(true), false)}
      ${iconButton('search-next', msg('Next match (Enter)', { id: 'console.search.next' }), icons.down, () => find(false), false)}
      ${iconButton('search-close', msg('Close the search (Esc)', { id: 'console.search.close' }), icons.close, () => this.close(), false)}
    </div>`;
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.host.find((e.target as HTMLInputElement).value, e.shiftKey);
    }
  };
}
