/**
 * A keyboard-only way out of the terminal (WCAG 2.1.2, no keyboard trap). A terminal needs Tab,
 * Shift+Tab and Escape for the guest (shell completion, back-tab, vi), so none of them may leave
 * by itself. As in CodeMirror: Escape goes to the guest as always, and when the very next key is
 * Tab or Shift+Tab, that key moves the focus instead of being sent (forward out of the console,
 * backward to its toolbar) — the browser's own focus navigation does the moving. Any other key in
 * between cancels; lone modifier keys (the Shift of Shift+Tab) do not. No time limit: a screen
 * reader user may take a while between the two.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { RICH, richText } from '../../internal/rich-text.js';

/** How to leave, said as the terminal's description. */
export function keyboardExitHelp(): string {
  return msg('To leave the console, press Escape, then Tab (or Shift+Tab for its toolbar).', { id: 'console.exitHelp' });
}

/** How to leave, shown (with its keys) when Escape has been pressed in the terminal. */
export function exitHint(): TemplateResult | string {
  const keys = [html`<kbd>${msg('Esc', { id: 'key.esc' })}</kbd>`, html`<kbd>${msg('Tab', { id: 'key.tab' })}</kbd>`];
  return richText(msg(str`${RICH[0]} then ${RICH[1]} leaves the console`, { id: 'console.exitHint' }), keys);
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

export class KeyboardExit {
  private armed = false;

  /**
   * Sees every key the terminal gets (xterm's custom key handler). Returns false for a Tab that
   * leaves the terminal: xterm then neither sends it nor cancels it, and the browser moves focus.
   */
  handle(e: KeyboardEvent): boolean {
    if (e.type !== 'keydown' || MODIFIERS.has(e.key)) return true;
    if (e.key === 'Escape' && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) {
      this.armed = true;
      return true;
    }
    const leave = this.armed && e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey;
    this.armed = false;
    return !leave;
  }

  /** Focus left the terminal (or came back): an Escape pressed before does not count. */
  reset(): void {
    this.armed = false;
  }
}
