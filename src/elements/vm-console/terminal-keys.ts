/**
 * The keys the console keeps from the guest: Ctrl+Shift+F (search), Ctrl+Shift+C (copy), and the
 * keyboard exit (Escape then Tab, keyboard-exit.ts) with its hint, shown from focus until the
 * first key.
 */
import { KeyboardExit } from './keyboard-exit.js';

export type ConsoleShortcut = 'search' | 'copy';

/** The console's own shortcut for a keydown, if it is one. */
export function consoleShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'shiftKey' | 'altKey'>): ConsoleShortcut | null {
  if (!e.ctrlKey || !e.shiftKey || e.altKey) return null;
  if (e.key === 'F' || e.key === 'f') return 'search';
  if (e.key === 'C' || e.key === 'c') return 'copy';
  return null;
}

const HINT_KEEPERS = ['Escape', 'Shift', 'Control', 'Alt', 'Meta'];

export class TerminalKeys {
  private readonly exit = new KeyboardExit();

  constructor(
    private readonly host: { readonly renderRoot: ParentNode },
    private readonly shortcut: (s: ConsoleShortcut) => void,
  ) {}

  /** xterm's custom key handler: false keeps the key from the guest. */
  onKey(e: KeyboardEvent): boolean {
    if (e.type !== 'keydown') return true;
    if (!HINT_KEEPERS.includes(e.key)) this.showHint(false);
    if (!this.exit.handle(e)) return false;
    const s = consoleShortcut(e);
    if (!s) return true;
    e.preventDefault();
    this.shortcut(s);
    return false;
  }

  /**
   * Focus came to the terminal or left it. The hint is toggled on the element itself, because
   * focus also moves during updates (dialogs take it), where changing state would re-render.
   */
  onFocus(focused: boolean): void {
    this.exit.reset();
    this.showHint(focused);
  }

  private showHint(show: boolean): void {
    const hint = this.host.renderRoot.querySelector<HTMLElement>('.exit-hint');
    if (hint) hint.hidden = !show;
  }
}
