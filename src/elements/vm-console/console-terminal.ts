/**
 * The terminal of a `<vm-console>` once xterm.js is there: the xterm instance and its addons, the
 * write queue that feeds it, fitting it to the element, its look, and its attachment to a console
 * session (resumed without duplicates after a move, started over for another VM). Loaded with
 * xterm (terminal-kit.ts), so none of it is in the element's first paint.
 */
import type { PropertyValues } from 'lit';
import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import type { SearchAddon } from '@xterm/addon-search';
import type { ConsoleAttachment, ConsoleSession, ConsoleSink } from '../../hub/console.js';
import { installCsiGuard } from './csi-guard.js';
import { StyleMirror } from './style-mirror.js';
import { frameScheduler } from './terminal-clock.js';
import { PASTE_PROGRESS_CHARS, effectiveFontSize, validMaxPending, validScrollback } from './terminal-options.js';
import { readTerminalLook } from './terminal-theme.js';
import { urlLinkProvider } from './url-links.js';
import { WriteQueue } from './write-queue.js';
import type { XtermModules } from './xterm-loader.js';

const SEARCH_DECORATIONS = {
  matchBackground: '#6b5a16',
  matchOverviewRuler: '#d4b32f',
  activeMatchBackground: '#c27c0e',
  activeMatchColorOverviewRuler: '#ff9f1a',
};

/** The element's properties that the terminal follows. */
export interface TerminalProps {
  scrollback: number;
  fontSize: number | undefined;
  screenReader: boolean;
  maxPendingBytes: number;
  readOnly: boolean;
  readonly effectiveReadOnly: boolean;
}

/** What the terminal needs from its element. */
export interface ConsoleTerminalHost {
  /** The element: its CSS custom properties give the look; its shadow root gets xterm's styles. */
  readonly element: HTMLElement & TerminalProps;
  /** The element that holds the terminal. */
  container(): HTMLDivElement | null;
  /** The user lacks the console permission (as the hub's permission check said). */
  permissionDenied(): boolean;
  /** links="off": no OSC 8 or plain-URL links. */
  linksOff(): boolean;
  sendInput(data: string, showProgress?: boolean): void;
  activateLink(url: string, source: 'hyperlink' | 'text'): void;
  /** xterm's custom key handler: false keeps a key from the guest. */
  onKey(e: KeyboardEvent): boolean;
  onPaste(e: ClipboardEvent): void;
  /** Focus came to the terminal or left it. */
  onFocus(focused: boolean): void;
  onSearchResults(index: number, count: number): void;
  onEof(): void;
  /** The text written where output was dropped. */
  marker(bytes: number): string;
  /** Something the element shows changed (size, scroll, selection, first output). */
  requestUpdate(): void;
}

export class ConsoleTerminal {
  readonly term: Terminal;
  readonly queue: WriteQueue;
  private readonly fitAddon: FitAddon;
  private readonly searchAddon: SearchAddon;
  private styleMirror: StyleMirror | null = null;
  private opened = false;
  private attachment: { session: ConsoleSession; handle: ConsoleAttachment } | null = null;
  /** Where a detached attachment stopped, to continue without duplicates on the same terminal. */
  private resumeAt: { session: ConsoleSession; seq: number } | null = null;
  /** The session whose output the terminal shows. */
  private shownSession: ConsoleSession | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private fitFrame: (() => void) | null = null;
  private scrollFrame: (() => void) | null = null;
  /** `readOnly` and `permissionDenied` as the terminal's input switch last followed them. */
  private inputKey: string;
  size: { cols: number; rows: number };
  /** False until the terminal shows its first output: a serial console is silent until then. */
  hasOutput = false;
  scrolledUp = false;
  hasSelection = false;

  constructor(
    private readonly host: ConsoleTerminalHost,
    modules: XtermModules,
  ) {
    const look = readTerminalLook(host.element);
    const term = new modules.Terminal({
      scrollback: validScrollback(host.element.scrollback),
      fontFamily: look.fontFamily,
      fontSize: effectiveFontSize(host.element.fontSize, look.fontSize),
      // At 1.0 the underscore falls outside the row at common sizes (x86_64 reads "x86 64").
      lineHeight: 1.2,
      theme: look.theme,
      screenReaderMode: host.element.screenReader,
      disableStdin: host.element.effectiveReadOnly,
      cursorBlink: true,
      allowProposedApi: true,
      rightClickSelectsWord: false,
      // Every OSC 8 link comes to the policy, which refuses what is not http(s) and says why.
      linkHandler: { activate: (_e, uri) => host.activateLink(uri, 'hyperlink'), allowNonHttpProtocols: true },
    });
    // links="off": OSC 8 is swallowed, so its text is plain text.
    term.parser.registerOscHandler(8, () => host.linksOff());
    term.registerLinkProvider(urlLinkProvider(term, { enabled: () => !host.linksOff(), activate: (url) => host.activateLink(url, 'text') }));
    // Before any output: a guest's CSI counts are bounded before xterm loops on them.
    installCsiGuard(term);
    this.fitAddon = new modules.FitAddon();
    this.searchAddon = new modules.SearchAddon();
    term.loadAddon(this.fitAddon);
    term.loadAddon(this.searchAddon);
    this.searchAddon.onDidChangeResults((r) => host.onSearchResults(r.resultIndex, r.resultCount));
    term.onData((data) => {
      if (data.length > PASTE_PROGRESS_CHARS) host.sendInput(data, true);
      else host.sendInput(data);
    });
    term.onResize(({ cols, rows }) => {
      this.size = { cols, rows };
      host.requestUpdate();
    });
    // Whether the view is scrolled up, checked once per frame xterm draws: every scroll, the user's
    // or the output's, is drawn. Not onScroll: it fires per line scrolled (a flood scrolls 250,000
    // lines a second), and subscribing once adds a forwarding call per line for good
    // (bench:console profiled it at about 2 % of the main thread during floods).
    term.onRender(() => this.checkScroll());
    term.onSelectionChange(() => this.set('hasSelection', term.hasSelection()));
    term.attachCustomKeyEventHandler((e) => host.onKey(e));
    this.term = term;
    this.inputKey = this.readInputKey();
    this.size = { cols: term.cols, rows: term.rows };
    this.queue = new WriteQueue({
      write: (data, done) => term.write(data, () => {
        done();
        this.checkScroll();
      }),
      maxPendingBytes: validMaxPending(host.element.maxPendingBytes),
      marker: (bytes) => host.marker(bytes),
      // Behind: hold output upstream (lossless where the socket can pause) rather than drop it.
      hold: (held) => this.attachment?.handle.hold(held) ?? false,
    });
  }

  /** True once xterm is in the DOM (it opens when its container first has a size). */
  get isOpen(): boolean {
    return this.opened;
  }

  /** Follows the element's properties after it rendered. */
  update(changed: PropertyValues): void {
    const { term, host } = this;
    if (changed.has('scrollback')) term.options.scrollback = validScrollback(host.element.scrollback);
    if (changed.has('screenReader')) term.options.screenReaderMode = host.element.screenReader;
    const inputKey = this.readInputKey();
    if (inputKey !== this.inputKey) {
      this.inputKey = inputKey;
      term.options.disableStdin = host.element.effectiveReadOnly;
    }
    if (changed.has('theme')) this.applyLook();
    else if (changed.has('fontSize')) this.applyFontSize();
    if (changed.has('maxPendingBytes')) this.queue.maxPendingBytes = validMaxPending(host.element.maxPendingBytes);
  }

  /** Fits the terminal to its container now, opening it the first time the container has a size. */
  fit(): void {
    const el = this.host.container();
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    if (width <= 0 || height <= 0) return;
    if (!this.opened) this.open(el);
    const dims = this.fitAddon.proposeDimensions();
    if (!dims || !(dims.cols > 0) || !(dims.rows > 0)) return;
    if (dims.cols !== this.term.cols || dims.rows !== this.term.rows) this.term.resize(dims.cols, dims.rows);
  }

  scheduleFit(): void {
    if (this.fitFrame !== null) return;
    // Out of the ResizeObserver callback (resizing inside it would loop); a timer stands in for
    // the frame in a background tab, where frames do not run.
    this.fitFrame = frameScheduler(() => {
      this.fitFrame = null;
      this.fit();
    });
  }

  observeSize(): void {
    const el = this.host.container();
    if (!el) return;
    this.resizeObserver ??= new ResizeObserver(() => this.scheduleFit());
    this.resizeObserver.observe(el);
  }

  unobserveSize(): void {
    this.resizeObserver?.disconnect();
  }

  applyLook(): void {
    const look = readTerminalLook(this.host.element);
    this.term.options.theme = look.theme;
    this.term.options.fontFamily = look.fontFamily;
    this.term.options.fontSize = effectiveFontSize(this.host.element.fontSize, look.fontSize);
    this.scheduleFit();
  }

  /** Attaches the terminal's sink to `session` (or re-attaches after a move); null detaches. */
  attach(session: ConsoleSession | null): void {
    if (this.attachment && this.attachment.session === session) return;
    this.detach();
    if (!session) return;
    const queue = this.queue;
    let from: number | undefined;
    if (this.resumeAt && this.resumeAt.session === session && this.shownSession === session) {
      from = this.resumeAt.seq;
    } else if (this.shownSession !== null && this.shownSession !== session) {
      // Another VM's output is on screen: start over with this one's full replay.
      queue.clear();
      this.term.reset();
    }
    this.resumeAt = null;
    this.shownSession = session;
    this.set('hasOutput', session.replayBytes > 0 || queue.writtenBytes > 0);
    const sink: ConsoleSink = {
      write: (text) => {
        if (!this.hasOutput) this.set('hasOutput', true);
        queue.push(text);
      },
      missed: (bytes) => queue.reportLoss(bytes),
      eof: () => this.host.onEof(),
    };
    this.attachment = { session, handle: session.attach(sink, from) };
    if (queue.held) this.attachment.handle.hold(true);
  }

  detach(): void {
    if (!this.attachment) return;
    const { session, handle } = this.attachment;
    this.attachment = null;
    this.resumeAt = { session, seq: handle.detach() };
  }

  dispose(): void {
    this.detach();
    this.queue.dispose();
    this.styleMirror?.dispose();
    // A frame still to come must not read a disposed terminal.
    this.fitFrame?.();
    this.scrollFrame?.();
    this.term.dispose();
    this.resizeObserver?.disconnect();
  }

  /** Searches the scrollback; returns whether a match was found. */
  search(text: string, backwards = false): boolean {
    if (!this.opened || text === '') return false;
    const opts = { decorations: SEARCH_DECORATIONS };
    return backwards ? this.searchAddon.findPrevious(text, opts) : this.searchAddon.findNext(text, opts);
  }

  clearSearch(): void {
    this.searchAddon.clearDecorations();
  }

  /** The scrollback and screen as text, wrapped lines joined, trailing blank lines removed. */
  transcript(): string {
    const buffer = this.term.buffer.active;
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

  /** Pastes as a user paste: line breaks as Enter, bracketed when the guest asked for it. */
  paste(text: string): void {
    // term.paste() converts line breaks to CR and wraps in ESC[200~…ESC[201~ when the guest turned
    // bracketed paste on; the result comes back through onData.
    if (this.opened) {
      this.term.paste(text);
      return;
    }
    // Not on screen yet (xterm has no input element): the same conversion, done here.
    const body = text.replace(/\r?\n/g, '\r');
    const data = this.term.modes.bracketedPasteMode ? `\x1b[200~${body.replace(/\x1b\[20[01]~/g, '')}\x1b[201~` : body;
    this.host.sendInput(data, data.length > PASTE_PROGRESS_CHARS);
  }

  clear(): void {
    this.term.clear();
    this.set('scrolledUp', false);
  }

  jumpToLatest(): void {
    this.term.scrollToBottom();
    this.set('scrolledUp', false);
    this.term.focus();
  }

  /** Opens xterm into the shadow DOM once the container has a size (never while display:none). */
  private open(el: HTMLDivElement): void {
    this.opened = true;
    this.term.open(el);
    this.styleMirror = new StyleMirror(this.host.element.shadowRoot!, el);
    el.addEventListener('paste', (e) => this.host.onPaste(e), true);
    this.term.textarea?.setAttribute('aria-describedby', 'keyboard-help');
    el.addEventListener('focusin', () => this.host.onFocus(true));
    el.addEventListener('focusout', () => this.host.onFocus(false));
    el.addEventListener('wheel', () => this.scheduleScrollCheck(), { passive: true });
  }

  private readInputKey(): string {
    return `${this.host.element.readOnly}/${this.host.permissionDenied()}`;
  }

  private applyFontSize(): void {
    this.term.options.fontSize = effectiveFontSize(this.host.element.fontSize, readTerminalLook(this.host.element).fontSize);
    this.scheduleFit();
  }

  private scheduleScrollCheck(): void {
    if (this.scrollFrame) return;
    this.scrollFrame = frameScheduler(() => {
      this.scrollFrame = null;
      this.checkScroll();
    });
  }

  private checkScroll(): void {
    const b = this.term.buffer.active;
    this.set('scrolledUp', b.viewportY < b.baseY);
  }

  private set<K extends 'hasOutput' | 'scrolledUp' | 'hasSelection'>(key: K, value: boolean): void {
    if (this[key] === value) return;
    this[key] = value;
    this.host.requestUpdate();
  }
}
