/**
 * The terminal's lifecycle in `<vm-console>`: loads xterm on first connect, makes the terminal
 * (console-terminal.ts, loaded with it), keeps it through a move in the DOM and disposes of it a
 * while after the element was removed, and attaches it to the console session in use. Its ready
 * promise starts afresh after a disposal.
 */
import type { ReactiveControllerHost } from 'lit';
import { PageListenersController, mediaQuery } from '../../controllers/page-listeners-controller.js';
import type { ConsoleSession } from '../../hub/console.js';
import type { ConsoleTerminal, ConsoleTerminalHost } from './console-terminal.js';
import { PASTE_PROGRESS_CHARS } from './terminal-options.js';
import { loadXterm } from './xterm-loader.js';

/** A terminal kept this long after the element left the DOM survives a move without a reset. */
export const DISPOSE_AFTER_MS = 5000;

export interface TerminalControllerHost extends ConsoleTerminalHost {
  readonly element: ConsoleTerminalHost['element'] & ReactiveControllerHost;
  /** The console session to show (null: none). */
  session(): ConsoleSession | null;
}

export class TerminalController {
  /** The terminal, once xterm has loaded (null before, and after a disposal). */
  terminal: ConsoleTerminal | null = null;
  /** Why xterm could not be loaded. */
  loadError: string | null = null;
  private initializing = false;
  private disposeTimer: ReturnType<typeof setTimeout> | null = null;
  private resolveReady!: () => void;
  ready = this.readyPromise();

  constructor(private readonly host: TerminalControllerHost) {
    new PageListenersController(host.element)
      // A tab coming back to the foreground: sizes may have changed while nothing rendered.
      .onVisibility((hidden) => {
        if (!hidden) this.terminal?.scheduleFit();
      })
      // The terminal's colours come from CSS that may follow the colour scheme.
      .on(() => mediaQuery('(prefers-color-scheme: dark)'), 'change', () => this.terminal?.applyLook());
  }

  /** Call from connectedCallback (after super). */
  connected(): void {
    if (this.disposeTimer !== null) clearTimeout(this.disposeTimer);
    this.disposeTimer = null;
    const t = this.terminal;
    if (t) {
      void this.element.updateComplete.then(() => {
        if (!this.element.isConnected) return;
        t.observeSize();
        this.syncAttachment();
      });
    } else void this.load();
  }

  /** Call from disconnectedCallback (before super: the session is still leased). */
  disconnected(): void {
    this.terminal?.detach();
    this.terminal?.unobserveSize();
    // A move in the DOM reconnects at once and keeps the terminal; a removal frees it.
    this.disposeTimer = setTimeout(() => {
      this.disposeTimer = null;
      if (!this.element.isConnected) this.dispose();
    }, DISPOSE_AFTER_MS);
  }

  /** Attaches the terminal to the current session (or re-attaches after a move). */
  syncAttachment(): void {
    this.terminal?.attach(this.element.isConnected ? this.host.session() : null);
  }

  /**
   * Pastes as the terminal does (bracketed paste when the guest asked for it); before xterm has
   * loaded, the text is sent with the line-break conversion the terminal would make.
   */
  paste(text: string): void {
    const t = this.terminal;
    if (t) return t.paste(text);
    const data = text.replace(/\r?\n/g, '\r');
    this.host.sendInput(data, data.length > PASTE_PROGRESS_CHARS);
  }

  /** Resolves when every byte received so far has been parsed by the terminal. */
  async flushed(): Promise<void> {
    await this.ready;
    while (this.terminal && !this.terminal.queue.idle) await new Promise((r) => setTimeout(r, 10));
  }

  private get element() {
    return this.host.element as TerminalControllerHost['element'] & { updateComplete: Promise<boolean>; requestUpdate(): void };
  }

  private async load(): Promise<void> {
    if (this.terminal || this.initializing) return;
    this.initializing = true;
    let modules;
    try {
      modules = await loadXterm();
      this.loadError = null;
    } catch (e) {
      this.loadError = (e as Error)?.message ?? String(e);
      this.element.requestUpdate();
      return;
    } finally {
      this.initializing = false;
    }
    await this.element.updateComplete;
    if (!this.element.isConnected || this.terminal) return;
    const t = new modules.kit.ConsoleTerminal(this.host, modules);
    this.terminal = t;
    t.observeSize();
    // Also without a ResizeObserver callback (none comes in a background tab): open when sized.
    t.scheduleFit();
    this.syncAttachment();
    this.resolveReady();
    this.element.requestUpdate();
  }

  private dispose(): void {
    this.terminal?.dispose();
    this.terminal = null;
    // A later connection starts afresh.
    this.ready = this.readyPromise();
  }

  private readyPromise(): Promise<void> {
    return new Promise<void>((resolve) => (this.resolveReady = resolve));
  }
}
