/**
 * Pasting into `<vm-console>`: a paste with line breaks runs every line as a command in the guest,
 * so it is confirmed first (unless `confirm-paste="false"`), with a preview and its size; a
 * read-only console refuses it and says why. Bracketed paste and line-break conversion are the
 * terminal's (console-terminal.ts).
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { formatBytes } from '../../metrics/format.js';
import { isolate } from '../../internal/bidi.js';
import { onDialogKey } from './dialog-keys.js';
import { pasteLines } from './paste-lines.js';

export interface PendingPaste {
  text: string;
  lines: number;
}

export interface PasteGuardHost {
  readonly element: HTMLElement & { confirmMultilinePaste: boolean; readonly effectiveReadOnly: boolean; requestUpdate(): void };
  /** Refuses input in a read-only console: a notice that says why. */
  refuse(): void;
  /** Pastes for real (the terminal's paste). */
  commit(text: string): void;
  /** Gives the focus back to the terminal. */
  focusTerminal(): void;
}

/** `confirm-paste`: on unless set to "false" (an absent attribute is the default, on). */
export const confirmPasteConverter = {
  fromAttribute: (value: string | null) => value === null || value.trim().toLowerCase() !== 'false',
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

/** The first lines of a paste as the dialog shows them: six at most, long lines cut. */
export function pastePreview(text: string): string {
  const lines = pasteLines(text);
  const head = lines.slice(0, 6).map((l) => (l.length > 120 ? `${l.slice(0, 120)}…` : l));
  return head.join('\n') + (lines.length > 6 ? '\n…' : '');
}

export class PasteGuard {
  pending: PendingPaste | null = null;
  /** The dialog just opened: its primary button takes the focus after the render. */
  private focusDialog = false;

  constructor(private readonly host: PasteGuardHost) {}

  needsConfirmation(text: string): boolean {
    return this.host.element.confirmMultilinePaste && /[\r\n]/.test(text);
  }

  /** A paste asked for through the API: confirmed, refused or committed. */
  paste(text: string): void {
    if (typeof text !== 'string' || text === '') return;
    if (this.host.element.effectiveReadOnly) this.host.refuse();
    else if (this.needsConfirmation(text)) this.ask(text);
    else this.host.commit(text);
  }

  /** A paste event in the terminal (capture phase, before xterm sees it). */
  readonly onPaste = (e: ClipboardEvent): void => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (this.host.element.effectiveReadOnly) {
      e.preventDefault();
      e.stopImmediatePropagation();
      this.host.refuse();
      return;
    }
    if (text === '' || !this.needsConfirmation(text)) return; // xterm pastes it (bracketed when enabled)
    e.preventDefault();
    e.stopImmediatePropagation();
    this.ask(text);
  };

  /** Call after the host rendered. */
  updated(root: ParentNode): void {
    if (!this.focusDialog) return;
    this.focusDialog = false;
    root.querySelector<HTMLButtonElement>('.paste-dialog .primary')?.focus();
  }

  /** The confirmation, while one is asked; sizes in `locale`. */
  render(locale?: string): TemplateResult | null {
    const p = this.pending;
    if (!p) return null;
    const lines = p.lines;
    const size = isolate(formatBytes(new Blob([p.text]).size, locale));
    return html`<div class="overlay paste-overlay">
      <div class="card paste-dialog" role="dialog" aria-modal="true" aria-labelledby="paste-title" aria-describedby="paste-desc" @keydown=${(e: KeyboardEvent) => onDialogKey(e, this.cancel)}>
        <h2 id="paste-title">${p.lines === 1 ? msg('Paste 1 line?', { id: 'console.paste.one' }) : msg(str`Paste ${lines} lines?`, { id: 'console.paste.title' })}</h2>
        <p id="paste-desc">
          ${msg(str`Each line break acts like pressing Enter in the VM, so every line may run as a command (${size}).`, { id: 'console.paste.desc' })}
        </p>
        <pre aria-label=${msg('Beginning of the pasted text', { id: 'console.paste.preview' })}>${pastePreview(p.text)}</pre>
        <div class="actions">
          <button class="text-btn" data-action="paste-cancel" @click=${this.cancel}>${msg('Cancel', { id: 'common.cancel' })}</button>
          <button class="text-btn primary" data-action="paste-confirm" @click=${this.confirm}>${msg('Paste', { id: 'console.paste' })}</button>
        </div>
      </div>
    </div>`;
  }

  private ask(text: string): void {
    this.pending = { text, lines: pasteLines(text).length };
    this.focusDialog = true;
    this.host.element.requestUpdate();
  }

  private readonly confirm = (): void => {
    const p = this.pending;
    this.close();
    if (p) this.host.commit(p.text);
    this.host.focusTerminal();
  };

  private readonly cancel = (): void => {
    this.close();
    this.host.focusTerminal();
  };

  private close(): void {
    this.pending = null;
    this.host.element.requestUpdate();
  }
}
