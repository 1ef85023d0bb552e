import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import type { SearchAddon } from '@xterm/addon-search';
import { VmConsoleController } from '../../controllers/vm-console-controller.js';
import { emit } from '../../events/index.js';
import { formatBytes } from '../../metrics/format.js';
import type { SocketState, VmStatus } from '../../hub/index.js';
import type { ConsoleAttachment, ConsoleSession, ConsoleSink } from '../../hub/console.js';
import { connectionLabel } from '../../styles/connection-label.js';
import { themeTokens } from '../../styles/theme.js';
import { icons } from './icons.js';
import { SPECIAL_KEYS, findSpecialKey } from './special-keys.js';
import { DEFAULT_TERMINAL, readTerminalLook } from './terminal-theme.js';
import { consoleStyles } from './vm-console.styles.js';
import { pasteLines } from './paste-lines.js';
import { KEYBOARD_EXIT_HELP, KeyboardExit } from './keyboard-exit.js';
import { checkLink, openLink, parseLinkPolicy, type LinkPolicy } from './link-policy.js';
import type { WriteQueue } from './write-queue.js';
import type { StyleMirror } from './style-mirror.js';
import { frameScheduler } from './terminal-clock.js';
import type * as TerminalKit from './terminal-kit.js';
import { loadXterm } from './xterm-loader.js';
import { xtermStyles } from './xterm-styles.js';

type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'busy' | 'muted';

interface ConnectionView {
  kind:
    | 'none'
    | 'invalid'
    | 'connecting'
    | 'connected'
    | 'reconnecting'
    | 'offline'
    | 'unauthorized'
    | 'no-permission'
    | 'not-found'
    | 'not-running'
    | 'closed';
  label: string;
  tone: Tone;
}

interface Notice {
  tone: 'info' | 'warn' | 'danger';
  /** Text, or a function for text that changes while shown (a countdown). */
  text: string | (() => string);
  /** What caused it, so the notice can be withdrawn when the cause goes away. */
  cause: 'reconnect' | 'vm-status' | 'eof' | 'input' | 'read-only' | 'paste' | 'clipboard' | 'link';
}

interface PendingLink {
  url: string;
  host: string;
}

interface PendingPaste {
  text: string;
  lines: number;
}

/**
 * A LibGo server cannot be slowed down (it drops a client whose 256-message queue overflows), so a
 * flood must be absorbed here while xterm catches up: a 20 MB flood arriving at twice xterm's parse
 * speed leaves about 11 MB waiting. 16 MiB covers that; beyond it the oldest output is dropped.
 */
const DEFAULT_MAX_PENDING_BYTES = 16 * 1024 * 1024;
const MIN_FONT_SIZE = 8;
const MAX_FONT_SIZE = 32;
/** A terminal kept this long after the element left the DOM survives a move without a reset. */
const DISPOSE_AFTER_MS = 5000;
/** Pastes bigger than this show their progress in the status strip. */
const PASTE_PROGRESS_CHARS = 16 * 1024;

const STATUS_WORDS: Partial<Record<VmStatus, string>> = {
  stopped: 'VM stopped',
  shutdown: 'VM shut down',
  paused: 'VM paused',
  suspended: 'VM suspended',
  crashed: 'VM crashed',
  error: 'VM in error',
  unknown: 'VM state unknown',
};

const booleanDefaultTrue = {
  fromAttribute: (value: string | null) => value === null || value.trim().toLowerCase() !== 'false',
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

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
 * @fires vm-console-connect - The console socket opened (`detail.vmName`).
 * @fires vm-console-disconnect - The console socket stopped being open (`detail.reason`, `detail.code`).
 * @fires vm-console-eof - The guest closed the console (the VM stopped).
 * @fires vm-link - A link in the output was activated (`detail.url`, `detail.host`, `detail.source`);
 *   cancelable: `preventDefault()` keeps the console from confirming or opening it.
 *
 * @csspart toolbar - The toolbar (status, actions).
 * @csspart status-pill - The connection state pill in the toolbar.
 * @csspart status - The status strip that shows state changes (disconnects, VM stopped, EOF).
 * @csspart terminal - The element that holds the xterm.js terminal.
 * @csspart search - The search row.
 *
 * @cssproperty --vm-console-background - Terminal background (default #0f1419, dark in both themes).
 * @cssproperty --vm-console-foreground - Terminal text colour.
 * @cssproperty --vm-console-cursor - Cursor colour.
 * @cssproperty --vm-console-selection - Selection background (may be translucent).
 * @cssproperty --vm-console-font-family - Terminal font (monospace).
 * @cssproperty --vm-console-font-size - Initial terminal font size in px (the `font-size` attribute wins).
 * @cssproperty --vm-console-black - ANSI colour 0; likewise `-red`, `-green`, `-yellow`, `-blue`,
 *   `-magenta`, `-cyan`, `-white` and their `-bright-*` variants (8–15).
 * @cssproperty --vm-color-bg - Toolbar and dialog background (shared theme token); see the theme docs for the rest.
 */
export class VmConsole extends LitElement {
  static override styles = [themeTokens, xtermStyles, consoleStyles];

  /** Name of the VM whose console to show. */
  @property({ attribute: 'vm-name', reflect: true }) vmName = '';

  /** Shows output but sends no input. Also in effect when the user lacks the console permission. */
  @property({ type: Boolean, attribute: 'read-only', reflect: true }) readOnly = false;

  /** Ask before pasting text with line breaks (`confirm-paste="false"` turns it off). */
  @property({ attribute: 'confirm-paste', converter: booleanDefaultTrue }) confirmMultilinePaste = true;

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

  @state() private loadError: string | null = null;
  @state() private notice: Notice | null = null;
  /** False until the terminal shows its first output: a serial console is silent until then. */
  @state() private hasOutput = false;
  @state() private searchOpen = false;
  @state() private searchResult: { index: number; count: number } | null = null;
  @state() private keysOpen = false;
  /** The toolbar button that holds the toolbar's one tab stop (the one used last). */
  private toolbarCurrent: HTMLButtonElement | null = null;
  @state() private pendingPaste: PendingPaste | null = null;
  @state() private pendingLink: PendingLink | null = null;
  @state() private scrolledUp = false;
  @state() private hasSelection = false;
  @state() private fullscreenMode: 'native' | 'fallback' | null = null;
  @state() private permissionDenied = false;
  @state() private announcement = '';
  @state() private size = { cols: 80, rows: 24 };
  private readonly keyboardExit = new KeyboardExit();

  @query('.term') private termEl!: HTMLDivElement;
  @query('.search input') private searchInput?: HTMLInputElement;

  private readonly controller = new VmConsoleController(this, {
    vmName: () => this.vmName,
    onChange: () => this.onSessionChange(),
    onSession: () => this.onSessionSwap(),
  });

  private term: Terminal | null = null;
  private fitAddon: FitAddon | null = null;
  private searchAddon: SearchAddon | null = null;
  private queue: WriteQueue | null = null;
  private styleMirror: StyleMirror | null = null;
  /** The helpers that load with xterm (terminal-kit.ts). */
  private kit: typeof TerminalKit | null = null;
  private opened = false;
  private initializing = false;
  private attachment: { session: ConsoleSession; handle: ConsoleAttachment } | null = null;
  /** Where a detached attachment stopped, to continue without duplicates on the same terminal. */
  private resumeAt: { session: ConsoleSession; seq: number } | null = null;
  /** The session whose output the terminal shows. */
  private shownSession: ConsoleSession | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private fitFrame: (() => void) | null = null;
  private disposeTimer: ReturnType<typeof setTimeout> | null = null;
  private countdownTimer: ReturnType<typeof setInterval> | null = null;
  private lastSocketState: SocketState | null = null;
  private lastVmStatus: VmStatus | null = null;
  private lastViewKind: ConnectionView['kind'] | null = null;
  private permissionCheck = 0;
  private readyResolve!: () => void;
  private readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  private colorScheme: MediaQueryList | null = null;
  private readonly onColorScheme = () => this.applyLook();
  /** A tab coming back to the foreground: sizes may have changed while nothing rendered. */
  private readonly onVisibility = () => {
    if (!document.hidden) this.scheduleFit();
  };
  private readonly onFullscreenChange = () => {
    this.fullscreenMode = document.fullscreenElement === this ? 'native' : this.fullscreenMode === 'fallback' ? 'fallback' : null;
  };
  private readonly onDocumentPointerDown = (e: PointerEvent) => {
    if (!this.keysOpen) return;
    const anchor = this.renderRoot.querySelector('.menu-anchor');
    if (anchor && !e.composedPath().includes(anchor)) this.keysOpen = false;
  };

  // ---- public API --------------------------------------------------------------------------------

  /** Resolves once the terminal exists (xterm loaded); output is then being written. */
  get ready(): Promise<void> {
    return this.readyPromise;
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
    return this.size.cols;
  }

  get rows(): number {
    return this.size.rows;
  }

  /** Bytes of output dropped because the terminal could not keep up (or evicted before it loaded). */
  get droppedBytes(): number {
    return this.queue?.droppedBytes ?? 0;
  }

  /** Bytes of output waiting to be written to the terminal. */
  get pendingBytes(): number {
    return this.queue?.pendingBytes ?? 0;
  }

  /** True when input is blocked: the `read-only` attribute, or no console permission. */
  get effectiveReadOnly(): boolean {
    return this.readOnly || this.permissionDenied || this.isPermissionDeniedBySocket();
  }

  /** Resolves when every byte received so far has been parsed by the terminal. */
  async flushed(): Promise<void> {
    await this.ready;
    while (this.queue && !this.queue.idle) await new Promise((r) => setTimeout(r, 10));
  }

  /** The scrollback and screen as text, wrapped lines joined, trailing blank lines removed. */
  getTranscript(): string {
    const term = this.term;
    if (!term) return '';
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      if (!line) continue;
      const next = buffer.getLine(i + 1);
      // A row that continues on the next one keeps its trailing spaces.
      const text = line.translateToString(!next?.isWrapped);
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  /** Saves the transcript as a .txt file. */
  downloadTranscript(filename = this.transcriptName()): void {
    const blob = new Blob([this.getTranscript() + '\n'], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.style.display = 'none';
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** Clears the screen and scrollback (and the session's replay, so it does not come back). */
  clear(): void {
    this.term?.clear();
    this.controller.session?.clearReplay();
    this.scrolledUp = false;
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
    if (typeof text !== 'string' || text === '') return;
    if (this.effectiveReadOnly) {
      this.showNotice({ tone: 'info', cause: 'read-only', text: this.readOnlyReason() + ' The paste was not sent.' });
      return;
    }
    if (this.needsPasteConfirmation(text)) {
      this.pendingPaste = { text, lines: pasteLines(text).length };
      return;
    }
    this.commitPaste(text);
  }

  /** Searches the scrollback; returns whether a match was found. */
  search(text: string, options: { backwards?: boolean } = {}): boolean {
    const addon = this.searchAddon;
    if (!addon || !this.opened || text === '') return false;
    const opts = { decorations: this.searchDecorations() };
    return options.backwards ? addon.findPrevious(text, opts) : addon.findNext(text, opts);
  }

  /** Fits the terminal to the element now (it also does so by itself on every resize). */
  fit(): void {
    if (!this.term || !this.fitAddon || !this.termEl) return;
    const { width, height } = this.termEl.getBoundingClientRect();
    if (width <= 0 || height <= 0) return;
    if (!this.opened) this.openTerminal();
    const dims = this.fitAddon.proposeDimensions();
    if (!dims || !(dims.cols > 0) || !(dims.rows > 0)) return;
    if (dims.cols !== this.term.cols || dims.rows !== this.term.rows) this.term.resize(dims.cols, dims.rows);
  }

  override focus(options?: FocusOptions): void {
    if (this.term && this.opened) this.term.focus();
    else super.focus(options);
  }

  // ---- lifecycle ---------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.disposeTimer !== null) clearTimeout(this.disposeTimer);
    this.disposeTimer = null;
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    document.addEventListener('visibilitychange', this.onVisibility);
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    this.colorScheme = window.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
    this.colorScheme?.addEventListener('change', this.onColorScheme);
    if (this.term) {
      void this.updateComplete.then(() => {
        if (!this.isConnected) return;
        this.observeSize();
        this.syncAttachment();
      });
    } else void this.initTerminal();
  }

  override disconnectedCallback(): void {
    this.detach();
    this.resizeObserver?.disconnect();
    this.stopCountdown();
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    document.removeEventListener('visibilitychange', this.onVisibility);
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    this.colorScheme?.removeEventListener('change', this.onColorScheme);
    if (this.fullscreenMode === 'fallback') this.fullscreenMode = null;
    this.lastSocketState = null;
    super.disconnectedCallback();
    // A move in the DOM reconnects at once and keeps the terminal; a removal frees it.
    this.disposeTimer = setTimeout(() => {
      this.disposeTimer = null;
      if (!this.isConnected) this.disposeTerminal();
    }, DISPOSE_AFTER_MS);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('maxPendingBytes') && this.queue) {
      this.queue.maxPendingBytes = this.validMaxPending();
    }
  }

  protected override updated(changed: PropertyValues): void {
    const term = this.term;
    if (term) {
      if (changed.has('scrollback')) term.options.scrollback = this.validScrollback();
      if (changed.has('screenReader')) term.options.screenReaderMode = this.screenReader;
      if (changed.has('readOnly') || changed.has('permissionDenied')) term.options.disableStdin = this.effectiveReadOnly;
      if (changed.has('theme')) this.applyLook();
      else if (changed.has('fontSize')) this.applyFontSize();
    }
    if (changed.has('fullscreenMode')) {
      if (this.fullscreenMode === 'fallback') this.dataset.fullscreen = 'fallback';
      else delete this.dataset.fullscreen;
    }
    if (changed.has('searchOpen') && this.searchOpen) this.searchInput?.focus();
    if (changed.has('pendingLink') && this.pendingLink) {
      this.renderRoot.querySelector<HTMLButtonElement>('.link-dialog [data-action="link-cancel"]')?.focus();
    }
    if (changed.has('pendingPaste') && this.pendingPaste) {
      this.renderRoot.querySelector<HTMLButtonElement>('.paste-dialog .primary')?.focus();
    }
    if (changed.has('keysOpen') && this.keysOpen) {
      this.renderRoot.querySelector<HTMLElement>('.menu [role="menuitem"]')?.focus();
    }
    this.syncToolbarStop();
    this.syncCountdown();
  }

  // ---- terminal ----------------------------------------------------------------------------------

  private async initTerminal(): Promise<void> {
    if (this.term || this.initializing) return;
    this.initializing = true;
    let modules;
    try {
      modules = await loadXterm();
      this.loadError = null;
    } catch (e) {
      this.loadError = `The terminal could not be loaded: ${(e as Error)?.message ?? String(e)}`;
      return;
    } finally {
      this.initializing = false;
    }
    await this.updateComplete;
    if (!this.isConnected || this.term) return;
    const look = readTerminalLook(this);
    const term = new modules.Terminal({
      scrollback: this.validScrollback(),
      fontFamily: look.fontFamily,
      fontSize: this.effectiveFontSize(look.fontSize),
      // At 1.0 the underscore falls outside the row at common sizes (x86_64 reads "x86 64").
      lineHeight: 1.2,
      theme: look.theme,
      screenReaderMode: this.screenReader,
      disableStdin: this.effectiveReadOnly,
      cursorBlink: true,
      allowProposedApi: true,
      rightClickSelectsWord: false,
      // Every OSC 8 link comes to the policy, which refuses what is not http(s) and says why.
      linkHandler: { activate: (_e, uri) => this.activateLink(uri, 'hyperlink'), allowNonHttpProtocols: true },
    });
    // links="off": OSC 8 is swallowed, so its text is plain text.
    term.parser.registerOscHandler(8, () => this.linkPolicy === 'off');
    term.registerLinkProvider(modules.kit.urlLinkProvider(term, { enabled: () => this.linkPolicy !== 'off', activate: (url) => this.activateLink(url, 'text') }));
    // Before any output: a guest's CSI counts are bounded before xterm loops on them.
    modules.kit.installCsiGuard(term);
    this.fitAddon = new modules.FitAddon();
    this.searchAddon = new modules.SearchAddon();
    term.loadAddon(this.fitAddon);
    term.loadAddon(this.searchAddon);
    this.searchAddon.onDidChangeResults((r) => {
      this.searchResult = { index: r.resultIndex, count: r.resultCount };
    });
    term.onData((data) => {
      if (data.length > PASTE_PROGRESS_CHARS) void this.sendInput(data, true);
      else void this.sendInput(data);
    });
    term.onResize(({ cols, rows }) => {
      this.size = { cols, rows };
    });
    term.onScroll(() => this.checkScroll());
    term.onSelectionChange(() => {
      this.hasSelection = term.hasSelection();
    });
    term.attachCustomKeyEventHandler((e) => this.onTerminalKey(e));
    this.term = term;
    this.kit = modules.kit;
    this.size = { cols: term.cols, rows: term.rows };
    this.queue = new modules.kit.WriteQueue({
      write: (data, done) => term.write(data, () => {
        done();
        this.checkScroll();
      }),
      maxPendingBytes: this.validMaxPending(),
      marker: (bytes) => droppedMarker(bytes),
      // Behind: hold output upstream (lossless where the socket can pause) rather than drop it.
      hold: (held) => this.attachment?.handle.hold(held) ?? false,
    });
    this.observeSize();
    // Also without a ResizeObserver callback (none comes in a background tab): open when sized.
    this.scheduleFit();
    this.syncAttachment();
    this.readyResolve();
    this.requestUpdate();
  }

  /** Opens xterm into the shadow DOM once the container has a size (never while display:none). */
  private openTerminal(): void {
    if (!this.term || this.opened) return;
    this.opened = true;
    this.term.open(this.termEl);
    this.styleMirror = new this.kit!.StyleMirror(this.shadowRoot!, this.termEl);
    this.termEl.addEventListener('paste', (e) => this.onPaste(e), true);
    this.term.textarea?.setAttribute('aria-describedby', 'keyboard-help');
    // The hint shows from focus until the first key; toggled on the element itself, because focus
    // also moves during updates (dialogs take it), where changing state would re-render.
    this.termEl.addEventListener('focusin', () => {
      this.keyboardExit.reset();
      this.showExitHint(true);
    });
    this.termEl.addEventListener('focusout', () => {
      this.keyboardExit.reset();
      this.showExitHint(false);
    });
    this.termEl.addEventListener('wheel', () => requestAnimationFrame(() => this.checkScroll()), { passive: true });
  }

  private observeSize(): void {
    if (!this.termEl) return;
    this.resizeObserver ??= new ResizeObserver(() => this.scheduleFit());
    this.resizeObserver.observe(this.termEl);
  }

  private scheduleFit(): void {
    if (this.fitFrame !== null) return;
    // Out of the ResizeObserver callback (resizing inside it would loop); a timer stands in for
    // the frame in a background tab, where frames do not run.
    this.fitFrame = frameScheduler(() => {
      this.fitFrame = null;
      this.fit();
    });
  }

  private disposeTerminal(): void {
    this.detach();
    this.resumeAt = null;
    this.shownSession = null;
    this.queue?.dispose();
    this.queue = null;
    this.styleMirror?.dispose();
    this.styleMirror = null;
    this.term?.dispose();
    this.term = null;
    this.fitAddon = null;
    this.searchAddon = null;
    this.opened = false;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    // A later connection starts afresh.
    this.readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  }

  private applyLook(): void {
    if (!this.term) return;
    const look = readTerminalLook(this);
    this.term.options.theme = look.theme;
    this.term.options.fontFamily = look.fontFamily;
    this.term.options.fontSize = this.effectiveFontSize(look.fontSize);
    this.scheduleFit();
  }

  private applyFontSize(): void {
    if (!this.term) return;
    this.term.options.fontSize = this.effectiveFontSize(readTerminalLook(this).fontSize);
    this.scheduleFit();
  }

  private effectiveFontSize(fromCss: number | null): number {
    const size = this.fontSize ?? fromCss ?? DEFAULT_TERMINAL.fontSize;
    return Number.isFinite(size) ? Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, size)) : DEFAULT_TERMINAL.fontSize;
  }

  private validScrollback(): number {
    const n = Math.floor(Number(this.scrollback));
    return Number.isFinite(n) && n >= 0 ? Math.min(n, 1_000_000) : 5000;
  }

  private validMaxPending(): number {
    const n = Number(this.maxPendingBytes);
    return Number.isFinite(n) && n >= 1024 ? n : DEFAULT_MAX_PENDING_BYTES;
  }

  private checkScroll(): void {
    const term = this.term;
    if (!term) return;
    const b = term.buffer.active;
    const up = b.viewportY < b.baseY;
    if (up !== this.scrolledUp) this.scrolledUp = up;
  }

  private jumpToLatest(): void {
    this.term?.scrollToBottom();
    this.scrolledUp = false;
    this.term?.focus();
  }

  // ---- session -----------------------------------------------------------------------------------

  /** Attaches the terminal's sink to the current session (or re-attaches after a move). */
  private syncAttachment(): void {
    const session = this.isConnected ? this.controller.session : null;
    if (this.attachment && this.attachment.session === session) return;
    this.detach();
    if (!session || !this.term || !this.queue) return;
    let from: number | undefined;
    if (this.resumeAt && this.resumeAt.session === session && this.shownSession === session) {
      from = this.resumeAt.seq;
    } else if (this.shownSession !== null && this.shownSession !== session) {
      // Another VM's output is on screen: start over with this one's full replay.
      this.queue.clear();
      this.term.reset();
    }
    this.resumeAt = null;
    this.shownSession = session;
    const queue = this.queue;
    this.hasOutput = session.replayBytes > 0 || (this.queue?.writtenBytes ?? 0) > 0;
    const sink: ConsoleSink = {
      write: (text) => {
        if (!this.hasOutput) this.hasOutput = true;
        queue.push(text);
      },
      missed: (bytes) => queue.reportLoss(bytes),
      eof: () => this.onEof(),
    };
    this.attachment = { session, handle: session.attach(sink, from) };
    if (queue.held) this.attachment.handle.hold(true);
  }

  private detach(): void {
    if (!this.attachment) return;
    const { session, handle } = this.attachment;
    this.attachment = null;
    this.resumeAt = { session, seq: handle.detach() };
  }

  private onSessionSwap(): void {
    const previous = this.lastSocketState;
    if (previous === 'open') {
      emit(this, 'vm-console-disconnect', { vmName: this.vmName, reason: 'The console was closed.', code: null });
    }
    this.lastSocketState = null;
    this.lastVmStatus = null;
    this.notice = null;
    this.permissionDenied = false;
    this.syncAttachment();
    void this.checkPermissions();
    this.onSessionChange();
  }

  private async checkPermissions(): Promise<void> {
    const token = ++this.permissionCheck;
    const hub = this.controller.hub;
    if (!hub || !this.controller.session) return;
    const perms = await hub.permissions().catch(() => null);
    if (token !== this.permissionCheck) return;
    this.permissionDenied = perms !== null && !perms.has('console');
  }

  /** Synchronous on every session change: events and the status strip. */
  private onSessionChange(): void {
    const session = this.controller.session;
    if (!session) return;
    const c = session.connection;
    const prev = this.lastSocketState;
    if (c.state !== prev) {
      this.lastSocketState = c.state;
      if (c.state === 'open') {
        emit(this, 'vm-console-connect', { vmName: session.vmName });
        if (this.notice?.cause === 'reconnect') this.notice = null;
      } else if (prev === 'open') {
        const reason = c.lastError?.message ?? connectionLabel(c);
        emit(this, 'vm-console-disconnect', { vmName: session.vmName, reason, code: c.lastCloseCode });
        if (c.state === 'reconnecting' || c.state === 'connecting') {
          this.showNotice({
            tone: 'warn',
            cause: 'reconnect',
            text: () => {
              const now = this.controller.session?.connection;
              if (!now || now.state === 'connecting') return 'Disconnected — reconnecting now…';
              if (now.state !== 'reconnecting') return `Disconnected — ${connectionLabel(now).toLowerCase()}`;
              const s = now.nextRetryAt === null ? 0 : Math.max(0, Math.ceil((now.nextRetryAt - Date.now()) / 1000));
              return `Disconnected — reconnecting in ${s} s`;
            },
          });
        }
      }
    }
    const status = session.vmStatus;
    if (status !== this.lastVmStatus) {
      const before = this.lastVmStatus;
      this.lastVmStatus = status;
      if (status && status !== 'running') {
        this.showNotice({ tone: 'warn', cause: 'vm-status', text: `${STATUS_WORDS[status] ?? `VM ${status}`}: the console has no guest to talk to.` });
      } else if (status === 'running' && before !== null && before !== 'running') {
        if (this.notice?.cause === 'vm-status' || this.notice?.cause === 'eof') this.notice = null;
      }
    }
    this.announceIfChanged();
  }

  private onEof(): void {
    this.showNotice({ tone: 'info', cause: 'eof', text: 'Console closed by the guest (EOF).' });
    emit(this, 'vm-console-eof', { vmName: this.controller.session?.vmName ?? this.vmName });
  }

  private isPermissionDeniedBySocket(): boolean {
    const c = this.controller.session?.connection;
    return c?.state === 'unauthorized' && c.lastError?.code === 'PERMISSION_DENIED';
  }

  private connectionView(): ConnectionView {
    if (this.vmName.trim() === '') return { kind: 'none', label: 'No VM selected', tone: 'muted' };
    if (this.controller.nameError) return { kind: 'invalid', label: 'Invalid VM name', tone: 'danger' };
    const session = this.controller.session;
    if (!session) return { kind: 'connecting', label: 'Connecting…', tone: 'busy' };
    const c = session.connection;
    switch (c.state) {
      case 'open': {
        const status = session.vmStatus;
        if (status && status !== 'running') return { kind: 'not-running', label: STATUS_WORDS[status] ?? `VM ${status}`, tone: 'warn' };
        return { kind: 'connected', label: 'Connected', tone: 'ok' };
      }
      case 'idle':
      case 'connecting':
        return { kind: 'connecting', label: c.attempt > 0 ? 'Reconnecting…' : 'Connecting…', tone: 'busy' };
      case 'reconnecting':
        return { kind: 'reconnecting', label: connectionLabel(c), tone: 'warn' };
      case 'offline':
        return { kind: 'offline', label: 'Offline', tone: 'warn' };
      case 'unauthorized':
        return c.lastError?.code === 'PERMISSION_DENIED'
          ? { kind: 'no-permission', label: 'No permission', tone: 'danger' }
          : { kind: 'unauthorized', label: 'Not signed in', tone: 'danger' };
      case 'not-found':
        return { kind: 'not-found', label: 'VM not found', tone: 'danger' };
      case 'closed':
        return { kind: 'closed', label: 'Disconnected', tone: 'muted' };
      case 'queued':
        return { kind: 'connecting', label: 'Waiting for a connection…', tone: 'busy' };
    }
  }

  private announceIfChanged(): void {
    const view = this.connectionView();
    if (view.kind === this.lastViewKind) return;
    this.lastViewKind = view.kind;
    // The countdown changes every second; the announcement says it once.
    this.announcement = view.kind === 'reconnecting' ? 'Disconnected, reconnecting' : view.label.replace('…', '');
  }

  private syncCountdown(): void {
    const needs = this.controller.session?.connection.state === 'reconnecting';
    if (needs && this.countdownTimer === null) this.countdownTimer = setInterval(() => this.requestUpdate(), 500);
    else if (!needs) this.stopCountdown();
  }

  private stopCountdown(): void {
    if (this.countdownTimer !== null) clearInterval(this.countdownTimer);
    this.countdownTimer = null;
  }

  private showNotice(notice: Notice): void {
    this.notice = notice;
    const text = typeof notice.text === 'function' ? notice.text() : notice.text;
    this.announcement = text.replace(/ — reconnecting in \d+ s$/, ', reconnecting');
  }

  // ---- input -------------------------------------------------------------------------------------

  private sendInput(data: string, showProgress = false): Promise<void> {
    if (this.effectiveReadOnly) {
      if (this.notice?.cause !== 'read-only') {
        this.showNotice({ tone: 'info', cause: 'read-only', text: `${this.readOnlyReason()} Input is not sent.` });
      }
      return Promise.resolve();
    }
    const session = this.controller.session;
    if (!session) return Promise.resolve();
    const onProgress = showProgress
      ? ({ sentChars, totalChars }: { sentChars: number; totalChars: number }) => {
          const pct = Math.floor((sentChars / totalChars) * 100);
          this.notice =
            sentChars >= totalChars
              ? null
              : { tone: 'info', cause: 'paste', text: `Pasting… ${pct} % of ${formatBytes(totalChars)}` };
        }
      : undefined;
    return session.sendInput(data, onProgress).catch((e: unknown) => {
      this.showNotice({ tone: 'danger', cause: 'input', text: (e as Error)?.message ?? 'The input was not sent.' });
    });
  }

  private readOnlyReason(): string {
    if (this.permissionDenied || this.isPermissionDeniedBySocket()) return 'You do not have the console permission for this VM.';
    return 'This console is read-only.';
  }

  private needsPasteConfirmation(text: string): boolean {
    return this.confirmMultilinePaste && /[\r\n]/.test(text);
  }

  private onPaste(e: ClipboardEvent): void {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (this.effectiveReadOnly) {
      e.preventDefault();
      e.stopImmediatePropagation();
      this.showNotice({ tone: 'info', cause: 'read-only', text: `${this.readOnlyReason()} The paste was not sent.` });
      return;
    }
    if (text === '' || !this.needsPasteConfirmation(text)) return; // xterm pastes it (bracketed when enabled)
    e.preventDefault();
    e.stopImmediatePropagation();
    this.pendingPaste = { text, lines: pasteLines(text).length };
  }

  private commitPaste(text: string): void {
    // term.paste() converts line breaks to CR and wraps in ESC[200~…ESC[201~ when the guest turned
    // bracketed paste on; the result comes back through onData.
    if (this.term && this.opened) {
      this.term.paste(text);
      return;
    }
    // Not on screen yet (xterm has no input element): the same conversion, done here.
    const body = text.replace(/\r?\n/g, '\r');
    const data = this.term?.modes.bracketedPasteMode ? `\x1b[200~${body.replace(/\x1b\[20[01]~/g, '')}\x1b[201~` : body;
    void this.sendInput(data, data.length > PASTE_PROGRESS_CHARS);
  }

  private confirmPaste(): void {
    const p = this.pendingPaste;
    this.pendingPaste = null;
    if (p) this.commitPaste(p.text);
    this.term?.focus();
  }

  private cancelPaste(): void {
    this.pendingPaste = null;
    this.term?.focus();
  }

  private showExitHint(show: boolean): void {
    const hint = this.renderRoot.querySelector<HTMLElement>('.exit-hint');
    if (hint) hint.hidden = !show;
  }

  private get linkPolicy(): LinkPolicy {
    return parseLinkPolicy(this.links);
  }

  private activateLink(text: string, source: 'hyperlink' | 'text'): void {
    const policy = this.linkPolicy;
    if (policy === 'off') return;
    const check = checkLink(text);
    if (!check.ok) {
      this.showNotice({ tone: 'warn', cause: 'link', text: `The link was not opened: ${check.reason}.` });
      return;
    }
    const detail = { vmName: this.vmName, url: check.url, host: check.host, source };
    if (!emit(this, 'vm-link', detail, { cancelable: true })) return;
    if (policy === 'open') openLink(check.url);
    else this.pendingLink = { url: check.url, host: check.host };
  }

  private confirmLink(): void {
    const link = this.pendingLink;
    this.pendingLink = null;
    if (link) openLink(link.url);
    this.term?.focus();
  }

  private cancelLink(): void {
    this.pendingLink = null;
    this.term?.focus();
  }

  private onLinkDialogKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.cancelLink();
    } else if (e.key === 'Tab') {
      const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.link-dialog button')];
      const i = buttons.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
      e.preventDefault();
      buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus();
    }
  }

  private onTerminalKey(e: KeyboardEvent): boolean {
    if (e.type !== 'keydown') return true;
    if (!['Escape', 'Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) this.showExitHint(false);
    if (!this.keyboardExit.handle(e)) return false;
    if (e.ctrlKey && e.shiftKey && !e.altKey && (e.key === 'F' || e.key === 'f')) {
      e.preventDefault();
      this.openSearch();
      return false;
    }
    if (e.ctrlKey && e.shiftKey && !e.altKey && (e.key === 'C' || e.key === 'c')) {
      e.preventDefault();
      void this.copySelection();
      return false;
    }
    return true;
  }

  // ---- toolbar actions ---------------------------------------------------------------------------

  private async copySelection(): Promise<void> {
    const text = this.term?.getSelection() ?? '';
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      this.showNotice({ tone: 'info', cause: 'clipboard', text: `Copied ${formatBytes(new Blob([text]).size)} to the clipboard.` });
    } catch {
      this.showNotice({ tone: 'danger', cause: 'clipboard', text: 'The browser did not allow copying; use Ctrl+C in the selection menu instead.' });
    }
  }

  private async toggleFullscreen(): Promise<void> {
    if (document.fullscreenElement === this) {
      await document.exitFullscreen().catch(() => undefined);
      return;
    }
    if (this.fullscreenMode === 'fallback') {
      this.fullscreenMode = null;
      return;
    }
    if (document.fullscreenEnabled && typeof this.requestFullscreen === 'function') {
      try {
        await this.requestFullscreen();
        this.fullscreenMode = 'native';
        return;
      } catch {
        // Not allowed here (an iframe without allowfullscreen): fill the viewport instead.
      }
    }
    this.fullscreenMode = 'fallback';
  }

  private changeFont(delta: number): void {
    const current = this.term?.options.fontSize ?? this.effectiveFontSize(null);
    this.fontSize = Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, current + delta));
  }

  private openSearch(): void {
    if (this.searchOpen) this.searchInput?.select();
    this.searchOpen = true;
  }

  private closeSearch(): void {
    this.searchOpen = false;
    this.searchResult = null;
    this.searchAddon?.clearDecorations();
    this.term?.clearSelection();
    this.term?.focus();
  }

  private onSearchKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.closeSearch();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.search((e.target as HTMLInputElement).value, { backwards: e.shiftKey });
    }
  }

  private searchDecorations() {
    return {
      matchBackground: '#6b5a16',
      matchOverviewRuler: '#d4b32f',
      activeMatchBackground: '#c27c0e',
      activeMatchColorOverviewRuler: '#ff9f1a',
    };
  }

  private onMenuKey(e: KeyboardEvent): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('.menu [role="menuitem"]')];
    const i = items.indexOf(this.renderRoot.querySelector<HTMLElement>('.menu [role="menuitem"]:focus') ?? items[0]!);
    const cols = 3;
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowRight':
        next = (i + 1) % items.length;
        break;
      case 'ArrowLeft':
        next = (i - 1 + items.length) % items.length;
        break;
      case 'ArrowDown':
        next = Math.min(items.length - 1, i + cols);
        break;
      case 'ArrowUp':
        next = Math.max(0, i - cols);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Escape':
        e.preventDefault();
        this.keysOpen = false;
        this.renderRoot.querySelector<HTMLElement>('.keys-btn')?.focus();
        return;
      case 'Tab':
        this.keysOpen = false;
        return;
      default:
        return;
    }
    e.preventDefault();
    items[next]?.focus();
  }

  /** The toolbar's enabled buttons, in order. */
  private toolbarButtons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.toolbar .tools > button, .toolbar .tools .menu-anchor > button')].filter(
      (b) => !b.disabled,
    );
  }

  /**
   * The toolbar is one tab stop (WAI-ARIA toolbar pattern): Tab reaches the button used last (or
   * the first), arrows, Home and End move between buttons, and Tab again leaves for the terminal.
   */
  private syncToolbarStop(): void {
    const buttons = this.toolbarButtons();
    const current = this.toolbarCurrent && buttons.includes(this.toolbarCurrent) ? this.toolbarCurrent : buttons[0];
    for (const b of this.renderRoot.querySelectorAll<HTMLButtonElement>('.toolbar .tools button')) {
      if (b.closest('.menu')) continue;
      b.tabIndex = b === current ? 0 : -1;
    }
  }

  private onToolbarFocus(e: FocusEvent): void {
    const button = (e.target as HTMLElement).closest('button');
    if (!button || button.closest('.menu') || !this.toolbarButtons().includes(button)) return;
    this.toolbarCurrent = button;
    this.syncToolbarStop();
  }

  private onToolbarKey(e: KeyboardEvent): void {
    if (!['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(e.key)) return;
    if ((e.target as HTMLElement).closest('.menu')) return;
    const buttons = this.toolbarButtons();
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    if (i < 0) return;
    e.preventDefault();
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
  }

  private onSpecialKey(id: string): void {
    this.keysOpen = false;
    void this.sendKey(id);
    this.term?.focus();
  }

  private onDialogKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.cancelPaste();
      return;
    }
    if (e.key === 'Tab') {
      // Keep focus inside the dialog.
      const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.paste-dialog button')];
      const i = buttons.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
      e.preventDefault();
      buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus();
    }
  }

  private transcriptName(): string {
    const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');
    const name = (this.vmName || 'console').replace(/[^A-Za-z0-9._-]+/g, '_');
    return `${name}-console-${stamp}.txt`;
  }

  // ---- render ------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const view = this.connectionView();
    const readOnly = this.effectiveReadOnly;
    const canReconnect = !!this.controller.session && view.kind !== 'connected' && view.kind !== 'not-running';
    const overlay = this.renderOverlay(view);
    const fs = this.fullscreenMode !== null;
    // Everything sits in .frame, so the layout does not depend on the host's display (hosts often
    // set vm-console { display: block }).
    return html`<div class="frame">
      <div class="toolbar" part="toolbar" role="toolbar" aria-label="Console of ${this.vmName || 'no VM'}" @keydown=${this.onToolbarKey} @focusin=${this.onToolbarFocus}>
        <div class="title">
          <span class="pill" part="status-pill" data-tone=${view.tone}>
            <span class="dot"></span><span class="label">${view.label}</span>
          </span>
          ${this.vmName ? html`<span class="vm-name" title=${this.vmName}>${this.vmName}</span>` : nothing}
          ${readOnly ? html`<span class="badge" title=${this.readOnlyReason()}>${icons.lock} Read-only</span>` : nothing}
        </div>
        <div class="tools">
          ${this.iconButton('reconnect', 'Reconnect now', icons.reconnect, () => this.reconnect(), !canReconnect)}
          <span class="sep" aria-hidden="true"></span>
          ${this.iconButton('search', 'Search the scrollback (Ctrl+Shift+F)', icons.search, () => (this.searchOpen ? this.closeSearch() : this.openSearch()), !this.term, this.searchOpen)}
          ${this.iconButton('copy', 'Copy the selection (Ctrl+Shift+C)', icons.copy, () => void this.copySelection(), !this.hasSelection)}
          ${this.iconButton('download', 'Download the transcript', icons.download, () => this.downloadTranscript(), !this.term)}
          ${this.iconButton('clear', 'Clear the terminal', icons.clear, () => this.clear(), !this.term)}
          <span class="sep" aria-hidden="true"></span>
          ${this.iconButton('font-smaller', 'Smaller text', icons.fontSmaller, () => this.changeFont(-1), !this.term)}
          <span class="font-size" aria-hidden="true">${this.term?.options.fontSize ?? this.effectiveFontSize(null)}</span>
          ${this.iconButton('font-larger', 'Larger text', icons.fontLarger, () => this.changeFont(1), !this.term)}
          <span class="sep" aria-hidden="true"></span>
          <span class="menu-anchor">
            <button
              class="icon-btn keys-btn"
              data-action="keys"
              aria-label="Send a special key"
              title=${readOnly ? this.readOnlyReason() : 'Send a special key'}
              aria-haspopup="menu"
              aria-expanded=${this.keysOpen ? 'true' : 'false'}
              ?disabled=${readOnly || !this.controller.session}
              @click=${() => (this.keysOpen = !this.keysOpen)}
            >
              ${icons.keyboard}
            </button>
            ${this.keysOpen ? this.renderKeysMenu() : nothing}
          </span>
          ${this.iconButton('fullscreen', fs ? 'Exit full screen' : 'Full screen', fs ? icons.exitFullscreen : icons.fullscreen, () => void this.toggleFullscreen(), false, fs)}
        </div>
      </div>
      ${this.searchOpen ? this.renderSearch() : nothing}
      ${this.renderNotice()}
      <div class="body">
        <div class="term" part="terminal"></div>
        ${!this.term && !this.loadError && !overlay ? html`<div class="loading">Loading terminal…</div>` : nothing}
        ${this.term && !overlay && !this.hasOutput && view.kind === 'connected' && !readOnly
          ? html`<div class="quiet-hint" part="hint">Connected. A serial console shows output only when the guest prints: press Enter for a prompt.</div>`
          : nothing}
        ${overlay}
        ${this.scrolledUp && !overlay
          ? html`<button class="jump" data-action="jump" @click=${this.jumpToLatest}>${icons.arrowDown} Jump to latest</button>`
          : nothing}
        ${this.pendingPaste ? this.renderPasteDialog(this.pendingPaste) : nothing}
        ${this.pendingLink ? this.renderLinkDialog(this.pendingLink) : nothing}
        <div class="exit-hint" aria-hidden="true" hidden><kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the console</div>
      </div>
      <p id="keyboard-help" class="visually-hidden">${KEYBOARD_EXIT_HELP}</p>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private iconButton(action: string, label: string, icon: TemplateResult, onClick: () => void, disabled: boolean, pressed?: boolean): TemplateResult {
    return html`<button
      class="icon-btn"
      data-action=${action}
      aria-label=${label}
      title=${label}
      aria-pressed=${pressed === undefined ? nothing : pressed ? 'true' : 'false'}
      ?disabled=${disabled}
      @click=${onClick}
    >
      ${icon}
    </button>`;
  }

  private renderKeysMenu(): TemplateResult {
    return html`<div class="menu" role="menu" aria-label="Special keys" @keydown=${this.onMenuKey}>
      ${SPECIAL_KEYS.map(
        (k) => html`<button
          role="menuitem"
          tabindex="-1"
          class=${k.id === 'ctrl-alt-del' ? 'wide' : ''}
          data-key=${k.id}
          title=${k.hint ?? k.label}
          @click=${() => this.onSpecialKey(k.id)}
        >
          ${k.label}
        </button>`,
      )}
    </div>`;
  }

  private renderSearch(): TemplateResult {
    const r = this.searchResult;
    const count = r === null ? '' : r.count === 0 ? 'No matches' : r.index < 0 ? `${r.count}+ matches` : `${r.index + 1} of ${r.count}`;
    return html`<div class="search" part="search" role="search">
      <input
        type="search"
        aria-label="Search the scrollback"
        placeholder="Search the scrollback"
        @keydown=${this.onSearchKey}
        @input=${(e: Event) => {
          const value = (e.target as HTMLInputElement).value;
          if (value === '') {
            this.searchResult = null;
            this.searchAddon?.clearDecorations();
          } else this.search(value);
        }}
      />
      <span class="count" aria-live="polite">${count}</span>
      ${this.iconButton('search-prev', 'Previous match (Shift+Enter)', icons.up, () => this.search(this.searchInput?.value ?? '', { backwards: true }), false)}
      ${this.iconButton('search-next', 'Next match (Enter)', icons.down, () => this.search(this.searchInput?.value ?? ''), false)}
      ${this.iconButton('search-close', 'Close the search (Esc)', icons.close, () => this.closeSearch(), false)}
    </div>`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const n = this.notice;
    if (!n) return nothing;
    const text = typeof n.text === 'function' ? n.text() : n.text;
    return html`<div class="notice" part="status" data-tone=${n.tone} data-cause=${n.cause}>
      <span class="text">${text}</span>
      ${n.cause === 'reconnect'
        ? html`<button class="text-btn" data-action="notice-reconnect" @click=${() => this.reconnect()}>Reconnect now</button>`
        : nothing}
      <button class="icon-btn" aria-label="Dismiss" title="Dismiss" @click=${() => (this.notice = null)}>${icons.close}</button>
    </div>`;
  }

  private renderOverlay(view: ConnectionView): TemplateResult | null {
    let title: string;
    let body: TemplateResult | string;
    if (this.loadError) {
      title = 'The terminal could not be loaded';
      body = html`${this.loadError}`;
    } else if (view.kind === 'none') {
      title = 'No VM selected';
      body = 'Set the vm-name attribute to show a VM console.';
    } else if (view.kind === 'invalid') {
      title = 'Invalid VM name';
      body = this.controller.nameError?.message ?? 'That VM name cannot be used.';
    } else if (view.kind === 'no-permission' || (this.permissionDenied && this.controller.session?.connection.state !== 'open')) {
      title = 'No console permission';
      body = html`Your account can see <strong>${this.vmName}</strong> but may not use its console. Ask an administrator
        for the <code>console</code> permission.`;
    } else if (view.kind === 'unauthorized') {
      title = 'Not signed in';
      body = this.controller.session?.error?.message ?? 'Sign in again to use the console.';
    } else if (view.kind === 'not-found') {
      title = 'VM not found';
      body = html`There is no VM named <strong>${this.vmName}</strong> on this server.`;
    } else return null;
    return html`<div class="overlay" data-kind=${view.kind}>
      <div class="card">
        <h2>${title}</h2>
        <p>${body}</p>
      </div>
    </div>`;
  }

  private renderLinkDialog(link: PendingLink): TemplateResult {
    return html`<div class="overlay link-overlay">
      <div class="card link-dialog" role="dialog" aria-modal="true" aria-labelledby="link-title" aria-describedby="link-desc" @keydown=${this.onLinkDialogKey}>
        <h2 id="link-title">Open a link to ${link.host}?</h2>
        <p id="link-desc">The output of ${this.vmName || 'the VM'} links to this address. It opens in a new tab.</p>
        <p class="link-url" data-url=${link.url}>${link.url}</p>
        <div class="actions">
          <button class="text-btn" data-action="link-cancel" @click=${this.cancelLink}>Cancel</button>
          <button class="text-btn primary" data-action="link-open" @click=${this.confirmLink}>Open link</button>
        </div>
      </div>
    </div>`;
  }

  private renderPasteDialog(p: PendingPaste): TemplateResult {
    const preview = pasteLines(p.text).slice(0, 6).map((l) => (l.length > 120 ? `${l.slice(0, 120)}…` : l)).join('\n');
    return html`<div class="overlay paste-overlay">
      <div class="card paste-dialog" role="dialog" aria-modal="true" aria-labelledby="paste-title" aria-describedby="paste-desc" @keydown=${this.onDialogKey}>
        <h2 id="paste-title">Paste ${p.lines} ${p.lines === 1 ? 'line' : 'lines'}?</h2>
        <p id="paste-desc">
          Each line break acts like pressing Enter in the VM, so every line may run as a command
          (${formatBytes(new Blob([p.text]).size)}).
        </p>
        <pre aria-label="Beginning of the pasted text">${preview}${p.lines > 6 ? '\n…' : ''}</pre>
        <div class="actions">
          <button class="text-btn" data-action="paste-cancel" @click=${this.cancelPaste}>Cancel</button>
          <button class="text-btn primary" data-action="paste-confirm" @click=${this.confirmPaste}>Paste</button>
        </div>
      </div>
    </div>`;
  }
}

/** The line written where output was dropped: reset attributes, then dim inverse text. */
export function droppedMarker(bytes: number): string {
  return `\x1b[0m\r\n\x1b[2;7m[… ${formatBytes(bytes)} of output dropped: the terminal could not keep up …]\x1b[0m\r\n`;
}
