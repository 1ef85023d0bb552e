import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Terminal } from '@xterm/xterm';
import { VmConsoleController } from '../../controllers/vm-console-controller.js';
import { ConnectionViewController } from '../../controllers/connection-view-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import type { ConsoleSession } from '../../hub/console.js';
import { themeTokens } from '../../styles/theme.js';
import { ConsoleInput } from './console-input.js';
import { ConsoleSearch } from './console-search.js';
import { renderOverlay } from './console-overlay.js';
import { ConsoleStatus } from './console-status.js';
import { ConsoleToolbar } from './console-toolbar.js';
import { droppedMarker } from './dropped-marker.js';
import { exitHint, keyboardExitHelp } from './keyboard-exit.js';
import { LinkDialog } from './link-dialog.js';
import type { LinkPolicy } from './link-policy.js';
import { PasteGuard, confirmPasteConverter } from './paste-guard.js';
import { findSpecialKey } from './special-keys.js';
import { TerminalController } from './terminal-controller.js';
import { renderLayers } from './terminal-layers.js';
import { TerminalKeys } from './terminal-keys.js';
import { DEFAULT_MAX_PENDING_BYTES, effectiveFontSize, steppedFontSize } from './terminal-options.js';
import { downloadText, transcriptFileName } from './transcript.js';
import { consoleStyles } from './vm-console.styles.js';
import { xtermStyles } from './xterm-styles.js';

export { droppedMarker } from './dropped-marker.js';

/**
 * A serial console for one LibGo VM, built on xterm.js (loaded on first use). Output is written
 * with flow control (batched per animation frame, bounded, never reordered; a visible marker
 * where a flood forced output to be dropped), input is sent in order and chunked under the
 * server's frame limit, and the terminal survives reconnects, moves in the DOM and hidden tabs.
 *
 * Special keys menu (bytes sent) — see `special-keys.ts` for the full table: Ctrl+C `03`,
 * Ctrl+D `04`, Ctrl+Z `1a`, Ctrl+\ `1c`, Ctrl+L `0c`, Esc `1b`, Tab `09`, arrows `ESC[A`–`ESC[D`
 * (`ESCOA`… in application cursor mode), Home/End `ESC[H`/`ESC[F`, Insert/Delete `ESC[2~`/`ESC[3~`,
 * PgUp/PgDn `ESC[5~`/`ESC[6~`, F1–F4 `ESCOP`–`ESCOS`, F5–F12 `ESC[15~`…`ESC[24~`, Ctrl+Alt+Del
 * `ESC[3;7~` (a serial line has no reboot signal; this is only the key sequence).
 *
 * Keyboard: Ctrl+Shift+F opens the search, Ctrl+Shift+C copies the selection; Escape then Tab
 * leaves the terminal (Escape then Shift+Tab goes to its toolbar), said to screen readers as the
 * terminal's description; everything else goes to the guest (Tab and Escape too).
 *
 * @tagname vm-console
 * @summary xterm.js serial console of a VM, with flow control, search, special keys and transcript.
 *
 * @fires {CustomEvent<VmConsoleConnectDetail>} vm-console-connect - The console socket opened (`detail.vmName`).
 * @fires {CustomEvent<VmConsoleDisconnectDetail>} vm-console-disconnect - The console socket stopped being open (`detail.reason`, `detail.code`).
 * @fires {CustomEvent<VmConsoleEofDetail>} vm-console-eof - The guest closed the console (the VM stopped).
 * @fires {CustomEvent<VmLinkDetail>} vm-link - A link in the output was activated (`detail.url`, `detail.host`, `detail.source`);
 *   cancelable: `preventDefault()` keeps the console from confirming or opening it.
 *
 * @csspart base - The outermost wrapper: toolbar, notice strip and terminal.
 * @csspart toolbar - The toolbar (status, actions).
 * @csspart status-pill - The connection state pill in the toolbar.
 * @csspart notice - The notice strip that tells of state changes (disconnects, VM stopped, EOF, a paste in progress).
 * @csspart status - Deprecated alias of `notice` (the same element; kept so host CSS written for 0.1 still applies).
 * @csspart terminal - The element that holds the xterm.js terminal.
 * @csspart hint - The "press Enter for a prompt" hint over a connected terminal that has shown no output yet.
 * @csspart search - The search row.
 *
 * @cssproperty [--vm-console-background=#0f1419] - Terminal background (dark in both themes).
 * @cssproperty [--vm-console-foreground=#d6dde6] - Terminal text colour.
 * @cssproperty [--vm-console-cursor=#7cc4fa] - Cursor colour.
 * @cssproperty [--vm-console-selection=rgba(124, 196, 250, 0.32)] - Selection background (may be translucent).
 * @cssproperty --vm-console-font-family - Terminal font (unset: a monospace stack, `ui-monospace` first).
 * @cssproperty --vm-console-font-size - Initial terminal font size in px (the `font-size` attribute wins; unset: 14).
 * @cssproperty [--vm-console-black=#1c2128] - ANSI colour 0 (black).
 * @cssproperty [--vm-console-red=#f47067] - ANSI colour 1 (red).
 * @cssproperty [--vm-console-green=#57ab5a] - ANSI colour 2 (green).
 * @cssproperty [--vm-console-yellow=#c69026] - ANSI colour 3 (yellow).
 * @cssproperty [--vm-console-blue=#539bf5] - ANSI colour 4 (blue).
 * @cssproperty [--vm-console-magenta=#b083f0] - ANSI colour 5 (magenta).
 * @cssproperty [--vm-console-cyan=#39c5cf] - ANSI colour 6 (cyan).
 * @cssproperty [--vm-console-white=#adbac7] - ANSI colour 7 (white).
 * @cssproperty [--vm-console-bright-black=#8b949e] - ANSI colour 8 (bright black).
 * @cssproperty [--vm-console-bright-red=#ff938a] - ANSI colour 9 (bright red).
 * @cssproperty [--vm-console-bright-green=#6bc46d] - ANSI colour 10 (bright green).
 * @cssproperty [--vm-console-bright-yellow=#daaa3f] - ANSI colour 11 (bright yellow).
 * @cssproperty [--vm-console-bright-blue=#6cb6ff] - ANSI colour 12 (bright blue).
 * @cssproperty [--vm-console-bright-magenta=#dcbdfb] - ANSI colour 13 (bright magenta).
 * @cssproperty [--vm-console-bright-cyan=#56d4dd] - ANSI colour 14 (bright cyan).
 * @cssproperty [--vm-console-bright-white=#cdd9e5] - ANSI colour 15 (bright white).
 * @cssproperty --vm-color-bg - Background of the notice strip and dialogs (shared theme token, like those below).
 * @cssproperty --vm-color-surface - Toolbar, search row and special-keys menu.
 * @cssproperty --vm-color-border - Borders and dividers.
 * @cssproperty --vm-color-text - Text.
 * @cssproperty --vm-color-text-muted - Secondary text.
 * @cssproperty --vm-color-accent - Primary buttons, active toolbar buttons.
 * @cssproperty --vm-color-accent-text - Text on the accent colour.
 * @cssproperty --vm-color-success - Connected.
 * @cssproperty --vm-color-warning - Reconnecting, warnings.
 * @cssproperty --vm-color-danger - Errors.
 * @cssproperty --vm-color-info - Informational notices.
 * @cssproperty --vm-color-focus - Focus ring.
 * @cssproperty --vm-radius - Corner radius.
 * @cssproperty --vm-font-family - Font of the toolbar and dialogs.
 * @cssproperty --vm-font-mono - Monospace font outside the terminal (keys menu, dialogs).
 * @cssproperty --vm-font-size - Base font size of the toolbar and dialogs.
 */
export class VmConsole extends LitElement {
  static override styles = [themeTokens, xtermStyles, consoleStyles];

  /**
   * Name of the VM whose console to show.
   * @required
   */
  @property({ attribute: 'vm-name', reflect: true }) vmName = '';

  /** Shows output but sends no input. Also in effect when the user lacks the console permission. */
  @property({ type: Boolean, attribute: 'read-only', reflect: true }) readOnly = false;

  /** Pastes text with line breaks at once, without asking first (by default such a paste is confirmed). */
  @property({ type: Boolean, attribute: 'no-paste-confirm' }) noPasteConfirm = false;

  /**
   * The opposite of `noPasteConfirm`, kept for 0.1 pages: `confirm-paste="false"` is
   * `no-paste-confirm`. When both attributes are set, the one set last wins.
   * @deprecated Use `no-paste-confirm` (`noPasteConfirm`).
   */
  @property({ attribute: 'confirm-paste', converter: confirmPasteConverter })
  get confirmMultilinePaste(): boolean {
    return !this.noPasteConfirm;
  }
  set confirmMultilinePaste(value: boolean) {
    this.noPasteConfirm = !value;
  }

  /**
   * What links in the output (OSC 8 hyperlinks and http(s) URLs in the text) do when clicked:
   * `confirm` (default) asks in the console, showing the full address, then opens it in a new tab
   * without access to this page; `open` opens it at once; `off` makes no links. Only http: and
   * https: addresses are ever opened. A `vm-link` event comes first and can cancel it.
   */
  @property({ reflect: true }) links: LinkPolicy = 'confirm';

  /** Lines of scrollback the terminal keeps. */
  @property({ type: Number }) scrollback = 5000;

  /** Turns on xterm's screen reader mode (an accessible text tree of the screen). */
  @property({ type: Boolean, attribute: 'screen-reader' }) screenReader = false;

  /** Font size in px; A-/A+ change it. Unset: `--vm-console-font-size`, else 14. */
  @property({ type: Number, attribute: 'font-size' }) fontSize: number | undefined;

  /** `light` or `dark` for the toolbar; unset follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** Bound on output waiting to be written to the terminal, in bytes; beyond it the oldest is dropped. */
  @property({ attribute: false }) maxPendingBytes = DEFAULT_MAX_PENDING_BYTES;

  @query('.term') private termEl!: HTMLDivElement;

  /** The locale of its words: `setLocale()`'s, else the nearest `lang` attribute. */
  private readonly l10n = new LocaleController(this);

  private readonly controller = new VmConsoleController(this, {
    vmName: () => this.vmName,
    onChange: () => this.status.changed(),
    onSession: () => this.onSessionSwap(),
  });

  private readonly connection = new ConnectionViewController(this, {
    describe: () => this.controller.describe(this.vmName),
    run: (fn) => this.l10n.run(fn),
  });

  private readonly status = new ConsoleStatus({
    element: this,
    session: () => this.controller.session,
    hub: () => this.controller.hub,
    announce: (words) => this.connection.announce(words),
    syncView: () => this.connection.sync(),
  });

  private readonly input = new ConsoleInput({ element: this, session: () => this.controller.session, status: this.status });

  private readonly keys = new TerminalKeys(this, (s) => (s === 'search' ? this.finder.open() : void this.copySelection()));

  private readonly terminalCtl = new TerminalController({
    element: this,
    container: () => this.termEl,
    permissionDenied: () => this.status.permissionDenied,
    linksOff: () => this.linkDialog.policy === 'off',
    session: () => this.controller.session,
    sendInput: (data, progress) => void this.sendInput(data, progress),
    activateLink: (url, source) => this.linkDialog.activate(url, source),
    onKey: (e) => this.keys.onKey(e),
    onPaste: (e) => this.pasteGuard.onPaste(e),
    onFocus: (focused) => this.keys.onFocus(focused),
    onSearchResults: (index, count) => this.finder.results(index, count),
    onEof: () => this.status.eof(),
    marker: (bytes) => this.l10n.run(() => droppedMarker(bytes)),
    requestUpdate: () => this.requestUpdate(),
  });

  private readonly pasteGuard = new PasteGuard({
    element: this,
    refuse: () => this.status.pasteRefused(),
    commit: (text) => this.terminalCtl.paste(text),
    focusTerminal: () => this.term?.focus(),
  });

  private readonly linkDialog = new LinkDialog({
    element: this,
    refused: (reason) => this.status.linkRefused(reason),
    focusTerminal: () => this.term?.focus(),
  });

  private readonly finder = new ConsoleSearch({
    element: this,
    find: (text, backwards) => this.search(text, { backwards }),
    clearHighlights: () => this.terminalCtl.terminal?.clearSearch(),
    reset: () => {
      this.terminalCtl.terminal?.clearSearch();
      this.term?.clearSelection();
      this.term?.focus();
    },
  });

  private readonly toolbar = new ConsoleToolbar({
    element: this,
    reconnect: () => this.reconnect(),
    toggleSearch: () => this.finder.toggle(),
    copy: () => void this.copySelection(),
    download: () => this.downloadTranscript(),
    clear: () => this.clear(),
    changeFont: (delta) => (this.fontSize = steppedFontSize(this.term?.options.fontSize ?? effectiveFontSize(this.fontSize, null), delta)),
    sendKey: (id) => {
      void this.sendKey(id);
      this.term?.focus();
    },
  });

  // ---- public API --------------------------------------------------------------------------------

  /** Resolves once the terminal exists (xterm loaded); output is then being written. */
  get ready(): Promise<void> {
    return this.terminalCtl.ready;
  }

  /** The xterm.js terminal, once loaded (null before). */
  get terminal(): Terminal | null {
    return this.term;
  }

  /** The console session of the current VM (shared through the hub), if any. */
  get session(): ConsoleSession | null {
    return this.controller.session;
  }

  get cols(): number {
    return this.terminalCtl.terminal?.size.cols ?? 80;
  }

  get rows(): number {
    return this.terminalCtl.terminal?.size.rows ?? 24;
  }

  /** Bytes of output dropped because the terminal could not keep up (or evicted before it loaded). */
  get droppedBytes(): number {
    return this.terminalCtl.terminal?.queue.droppedBytes ?? 0;
  }

  /** Bytes of output waiting to be written to the terminal. */
  get pendingBytes(): number {
    return this.terminalCtl.terminal?.queue.pendingBytes ?? 0;
  }

  /** True when input is blocked: the `read-only` attribute, or no console permission. */
  get effectiveReadOnly(): boolean {
    return this.readOnly || this.status.denied;
  }

  /** Resolves when every byte received so far has been parsed by the terminal. */
  async flushed(): Promise<void> {
    await this.terminalCtl.flushed();
  }

  /** The scrollback and screen as text, wrapped lines joined, trailing blank lines removed. */
  getTranscript(): string {
    return this.terminalCtl.terminal?.transcript() ?? '';
  }

  /** Saves the transcript as a .txt file. */
  downloadTranscript(filename = transcriptFileName(this.vmName)): void {
    downloadText(this.renderRoot, filename, this.getTranscript() + '\n');
  }

  /** Clears the screen and scrollback (and the session's replay, so it does not come back). */
  clear(): void {
    this.terminalCtl.terminal?.clear();
    this.controller.session?.clearReplay();
  }

  /** Reconnects the console socket now, without waiting for the backoff. */
  reconnect(): void {
    this.controller.session?.reconnect();
  }

  /**
   * Sends a special key by id (`ctrl-c`, `ctrl-d`, `ctrl-z`, `ctrl-backslash`, `ctrl-l`, `esc`,
   * `tab`, `up`, `down`, `right`, `left`, `home`, `end`, `insert`, `delete`, `pgup`, `pgdn`,
   * `f1`…`f12`, `ctrl-alt-del`).
   */
  sendKey(id: string): Promise<void> {
    const key = findSpecialKey(id);
    if (!key) return Promise.reject(new RangeError(`Unknown special key "${id}".`));
    return this.sendInput(key.bytes(this.term?.modes.applicationCursorKeysMode ?? false));
  }

  /** Pastes text as a user paste would: confirmation for line breaks, bracketed paste when enabled. */
  paste(text: string): void {
    this.pasteGuard.paste(text);
  }

  /** Searches the scrollback; returns whether a match was found. */
  search(text: string, options: { backwards?: boolean } = {}): boolean {
    return this.terminalCtl.terminal?.search(text, options.backwards) ?? false;
  }

  /** Fits the terminal to the element now (it also does so by itself on every resize). */
  fit(): void {
    this.terminalCtl.terminal?.fit();
  }

  override focus(options?: FocusOptions): void {
    if (this.terminalCtl.terminal?.isOpen) this.term!.focus();
    else super.focus(options);
  }

  // ---- lifecycle ---------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.terminalCtl.connected();
  }

  override disconnectedCallback(): void {
    this.terminalCtl.disconnected();
    this.status.disconnected();
    super.disconnectedCallback();
  }

  protected override updated(changed: PropertyValues): void {
    this.terminalCtl.terminal?.update(changed);
    this.finder.updated();
    this.linkDialog.updated(this.renderRoot);
    this.pasteGuard.updated(this.renderRoot);
    this.toolbar.updated();
  }

  private get term(): Terminal | null {
    return this.terminalCtl.terminal?.term ?? null;
  }

  private onSessionSwap(): void {
    this.status.swapped();
    this.terminalCtl.syncAttachment();
    void this.status.checkPermissions();
    this.status.changed();
  }

  private sendInput(data: string, showProgress = false): Promise<void> {
    return this.input.send(data, showProgress);
  }

  private copySelection(): Promise<void> {
    return this.input.copy(this.term?.getSelection() ?? '');
  }

  // ---- render ------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const view = this.connection.view;
    const readOnly = this.effectiveReadOnly;
    const t = this.terminalCtl.terminal;
    const session = this.controller.session;
    const canReconnect = !!session && view.kind !== 'connected' && view.kind !== 'not-running';
    const overlay = renderOverlay({
      kind: view.kind,
      vmName: this.vmName,
      loadError: this.terminalCtl.loadError,
      deniedAndClosed: this.status.permissionDenied && session?.connection.state !== 'open',
      // The transport's messages are English (for logs and events): the overlay says its own words
      // (a bad name from its reason), quoting only what the server said.
      nameError: this.controller.nameError,
      authError: session?.error?.detail ?? null,
    });
    // Everything sits in .frame, so the layout does not depend on the host's display (hosts often
    // set vm-console { display: block }).
    return html`<div class="frame" part="base">
      ${this.toolbar.render({
        vmName: this.vmName,
        tone: view.tone,
        label: view.label,
        readOnly,
        readOnlyReason: () => this.status.readOnlyReason(),
        canReconnect,
        hasTerminal: !!t,
        hasSelection: !!t?.hasSelection,
        hasSession: !!session,
        searchOpen: this.finder.isOpen,
        fontSize: this.term?.options.fontSize ?? effectiveFontSize(this.fontSize, null),
      })}
      ${this.finder.isOpen ? this.finder.render() : nothing}
      ${this.status.render(() => this.reconnect())}
      <div class="body">
        <div class="term" part="terminal"></div>
        ${renderLayers({ terminal: t, loadError: this.terminalCtl.loadError, overlay, connected: view.kind === 'connected', readOnly })}
        ${this.pasteGuard.render(this.l10n.locale) ?? nothing}
        ${this.linkDialog.render() ?? nothing}
        <div class="exit-hint" aria-hidden="true" hidden>${exitHint()}</div>
      </div>
      <p id="keyboard-help" class="visually-hidden">${keyboardExitHelp()}</p>
      <div class="visually-hidden" role="status" aria-live="polite">${this.connection.announcement}</div>
    </div>`;
  }
}
