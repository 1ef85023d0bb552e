// The page side of the console benchmark: <vm-console> fed by the reference server (end to end),
// and a bare xterm fed the same bytes directly, in the same page.
import '../../src/elements/vm-connection/vm-connection.define.js';
import '../../src/elements/vm-console/vm-console.define.js';
import type { VmConsole } from '../../src/elements/vm-console/vm-console.js';
import { VmHub } from '../../src/hub/index.js';
import { leaseConsole } from '../../src/hub/console.js';
import { floodText } from '../../src/testing/sim/flood-text.js';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { xtermStyles } from '../../src/elements/vm-console/xterm-styles.js';
import { DEFAULT_TERMINAL } from '../../src/elements/vm-console/terminal-theme.js';
import { buildSocketUrl } from '../../src/transport/urls.js';

const until = async (check: () => boolean, what: string, ms = 120_000) => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

let el: VmConsole | null = null;

/** Brackets a measured window for `bench/console/profile.mjs` (a CPU profile of just that window). */
function profileMark(label: string, start: boolean): void {
  if (!(window as { benchProfile?: boolean }).benchProfile) return;
  if (start) console.profile(label);
  else console.profileEnd(label);
}

async function mountConsole(serverUrl: string, token: string, consoleInWorker = false): Promise<void> {
  document.body.replaceChildren();
  const conn = document.createElement('vm-connection');
  (conn as unknown as { hub: VmHub }).hub = new VmHub({ serverUrl, tokenProvider: () => token, consoleInWorker });
  el = document.createElement('vm-console');
  el.vmName = 'web-01';
  el.style.cssText = 'width: 900px; height: 500px; display: flex';
  conn.appendChild(el);
  document.body.appendChild(conn);
  await el.ready;
  await until(() => el!.session?.connection.state === 'open', 'console open');
  await el.session!.sendInput('\r');
  await until(() => el!.getTranscript().includes('login:'), 'login prompt');
  await el.session!.sendInput('root\r');
  await until(() => el!.getTranscript().includes('Password:'), 'password prompt');
  await el.session!.sendInput('x\r');
  await until(() => el!.getTranscript().includes('root@web-01:~# '), 'shell prompt');
  await el.flushed();
}

/**
 * Experiments on the mounted element (bench only, for measuring side by side): `timeout` refills
 * xterm from a setTimeout task instead of a MessageChannel one; `scroll-listener` listens to
 * xterm's per-line onScroll, as the element did before it checked its scroll position per render.
 */
function experiment(name: string): void {
  if (name === 'scroll-listener') {
    el!.terminal!.onScroll(() => undefined);
    return;
  }
  const queue = (el as unknown as { terminalCtl: { terminal: { queue: { nextTask: (fn: () => void) => () => void } } } }).terminalCtl.terminal.queue;
  if (name === 'timeout')
    queue.nextTask = (fn) => {
      const id = setTimeout(fn, 0);
      return () => clearTimeout(id);
    };
  else throw new Error(`unknown experiment ${name}`);
}

/** Floods `bytes` through server → socket → hub → element → xterm; returns ms and what xterm got. */
async function endToEnd(bytes: number, chunk: number): Promise<{ ms: number; lost: number; dropped: number; writes: number }> {
  const term = el!.terminal!;
  const expected = floodText(bytes);
  const lastLine = expected.slice(expected.lastIndexOf('\r\n', expected.length - 3) + 2);
  const check = new FloodCheck(expected);
  const TAIL = lastLine.length + 256;
  let tail = '';
  let writes = 0;
  let doneAt = 0;
  const write = term.write.bind(term);
  term.write = ((data: string, cb?: () => void) => {
    check.add(data);
    writes++;
    tail = (tail + data.slice(-TAIL)).slice(-TAIL);
    const complete = tail.includes(lastLine);
    write(data, () => {
      cb?.();
      if (complete && !doneAt) doneAt = performance.now();
    });
  }) as typeof term.write;
  profileMark('e2e', true);
  const t0 = performance.now();
  await el!.session!.sendInput(`flood ${bytes} ${chunk}\r`);
  await until(() => doneAt > 0, 'flood end');
  profileMark('e2e', false);
  term.write = write;
  await el!.flushed();
  return { ms: doneAt - t0, lost: check.lost, dropped: el!.droppedBytes, writes };
}

/**
 * Compares what the terminal is handed with the flood as sent, piece by piece as it is written.
 * Nothing is kept: holding every written string (the earlier way) made the page's garbage
 * collector copy all of them while the flood was being timed, a cost of the harness that the bare
 * page does not pay, and one that grows as writes get smaller than V8's large-object size.
 */
class FloodCheck {
  /** Output before the flood's first line (the command's echo), until the flood is found. */
  private before = '';
  /** Position in the expected text of the next character; -1 until the flood's start is seen. */
  private pos = -1;
  private skipped = 0;

  constructor(private readonly expected: string) {}

  add(data: string): void {
    const expected = this.expected;
    if (this.pos < 0) {
      if (this.before.length > 1 << 20) return;
      this.before += data;
      const start = this.before.indexOf(expected.slice(0, 80));
      if (start < 0) return;
      data = this.before.slice(start);
      this.before = '';
      this.pos = 0;
    }
    const part = data.slice(0, expected.length - this.pos);
    if (part === '') return;
    if (expected.startsWith(part, this.pos)) {
      this.pos += part.length;
      return;
    }
    // Out of step (output lost or a marker in its place): pick up where this piece's end is.
    const end = part.slice(-Math.min(80, part.length));
    const at = expected.indexOf(end, this.pos);
    if (at < 0) {
      this.skipped += part.length;
      return;
    }
    // A bound, as before: the whole stretch up to there counts as not arrived as sent.
    this.skipped += at + end.length - this.pos;
    this.pos = at + end.length;
  }

  /** Characters of the flood that did not reach the terminal as sent. */
  get lost(): number {
    return this.pos < 0 ? this.expected.length : this.expected.length - this.pos + this.skipped;
  }
}

/**
 * The transport alone: the same flood through server → socket → hub into a sink that only counts,
 * on a session of its own (run before the console is mounted).
 */
async function socketOnly(serverUrl: string, token: string, bytes: number, chunk: number, consoleInWorker = false): Promise<{ ms: number; received: number }> {
  const hub = new VmHub({ serverUrl, tokenProvider: () => token, consoleInWorker });
  const lease = leaseConsole(hub, 'web-01');
  const s = lease.session;
  await until(() => s.connection.state === 'open', 'socket open');
  let text = '';
  const attachment = s.attach({ write: (t) => (text += t) });
  const send = (x: string) => s.sendInput(x);
  await send('\r');
  await until(() => text.includes('login:'), 'login prompt');
  await send('root\r');
  await until(() => text.includes('Password:'), 'password');
  await send('x\r');
  await until(() => text.includes('root@web-01:~# '), 'prompt');
  let received = 0;
  const expected = floodText(bytes);
  const lastLine = expected.slice(expected.lastIndexOf('\r\n', expected.length - 3) + 2);
  let tail = '';
  let doneAt = 0;
  attachment.detach();
  const counting = s.attach(
    {
      write: (t) => {
        received += t.length;
        tail = (tail + t).slice(-200);
        if (!doneAt && tail.includes(lastLine)) doneAt = performance.now();
      },
    },
    Number.MAX_SAFE_INTEGER,
  );
  const t0 = performance.now();
  await send(`flood ${bytes} ${chunk}\r`);
  await until(() => doneAt > 0, 'flood end (socket only)');
  counting.detach();
  await send('exit\r');
  hub.dispose();
  return { ms: doneAt - t0, received };
}

/** A bare xterm of the element's size over the page, for one flood; `remove()` disposes of it. */
function freshTerminal(): { term: Terminal; remove(): void } {
  // xterm's own stylesheet, as the element has in its shadow root: without it the bare terminal's
  // viewport, screen and helper elements are laid out unstyled, a different page to render.
  if (!document.getElementById('bare-xterm-styles')) {
    const style = document.createElement('style');
    style.id = 'bare-xterm-styles';
    style.textContent = xtermStyles.cssText;
    document.head.appendChild(style);
  }
  const host = document.createElement('div');
  host.style.cssText = 'width: 900px; height: 460px; position: fixed; top: 0; left: 0; z-index: 10; background: #000';
  document.body.appendChild(host);
  // The element's font and line height too: the DOM renderer's cost per row depends on them, and
  // xterm's defaults (courier-new at 15 px, line height 1.0) are not what the element draws.
  const look = el?.terminal?.options;
  const term = new Terminal({
    scrollback: look?.scrollback ?? 5000,
    cols: el?.cols ?? 100,
    rows: el?.rows ?? 24,
    ...(look ? { fontFamily: look.fontFamily, fontSize: look.fontSize, lineHeight: look.lineHeight, theme: look.theme, cursorBlink: look.cursorBlink } : {}),
  });
  term.open(host);
  return {
    term,
    remove: () => {
      term.dispose();
      host.remove();
    },
  };
}

/** The same bytes written straight into a bare xterm in `chunk`-sized writes. */
async function raw(bytes: number, chunk: number): Promise<{ ms: number }> {
  const { term, remove } = freshTerminal();
  const text = floodText(bytes);
  profileMark('bare', true);
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    for (let i = 0; i < text.length; i += chunk) {
      const last = i + chunk >= text.length;
      term.write(text.slice(i, i + chunk), last ? resolve : undefined);
    }
  });
  const ms = performance.now() - t0;
  profileMark('bare', false);
  remove();
  return { ms };
}

/**
 * The floor any page pays for the same flood over a socket: a raw WebSocket whose messages are
 * split and parsed as LibGo sends them and written straight into a fresh bare xterm (as `raw`'s),
 * timed like `endToEnd` from the command until xterm has parsed the last line. The server and the
 * socket then share the machine with the terminal, as they do for the element.
 */
async function bareSocket(serverUrl: string, token: string, bytes: number, chunk: number, vmName: string): Promise<{ ms: number; lost: number }> {
  const { term, remove } = freshTerminal();
  const expected = floodText(bytes);
  const lastLine = expected.slice(expected.lastIndexOf('\r\n', expected.length - 3) + 2);
  // The same loss check as the element's: it proves the floor got everything too, and the harness
  // then costs both sides alike (about 1 % of a flood).
  const check = new FloodCheck(expected);
  const TAIL = lastLine.length + 256;
  let tail = '';
  let transcript = '';
  let doneAt = 0;
  const ws = new WebSocket(buildSocketUrl({ serverUrl, vmName, route: 'console', token }));
  ws.onmessage = (ev) => {
    for (const line of String(ev.data).split('\n')) {
      const m = JSON.parse(line) as { type: string; data?: { content?: string } };
      const content = m.type === 'console' ? m.data?.content : undefined;
      if (!content) continue;
      if (transcript.length < 4096) transcript += content;
      check.add(content);
      tail = (tail + content.slice(-TAIL)).slice(-TAIL);
      const complete = tail.includes(lastLine);
      term.write(content, complete ? () => (doneAt ||= performance.now()) : undefined);
    }
  };
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  const send = (content: string) => ws.send(JSON.stringify({ type: 'console_input', data: { content } }));
  const prompt = `root@${vmName}:~# `;
  send('\r');
  await until(() => transcript.includes('login:') || transcript.includes(prompt), 'bare socket: a prompt');
  if (!transcript.includes(prompt)) {
    send('root\r');
    await until(() => transcript.includes('Password:'), 'bare socket: password prompt');
    send('x\r');
    await until(() => transcript.includes(prompt), 'bare socket: shell prompt');
  }
  profileMark('bare-socket', true);
  const t0 = performance.now();
  send(`flood ${bytes} ${chunk}\r`);
  await until(() => doneAt > 0, 'bare socket: flood end');
  profileMark('bare-socket', false);
  ws.close();
  remove();
  return { ms: doneAt - t0, lost: check.lost };
}

/** Empties the element's terminal (scrollback and screen), so that every timed flood starts alike. */
function resetTerminal(): void {
  el!.terminal!.reset();
}

function pasteText(bytes: number): string {
  const unit = 'The quick brown fox jumps over the lazy dog 0123456789 ';
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

function paste(bytes: number): void {
  el!.paste(pasteText(bytes));
}

// ---- Latency: what a person typing at the console feels, for the element and a bare page ----

/**
 * The bare page: a raw WebSocket and the same xterm, same size and font as the element, writing
 * every message's content as it arrives and sending every key at once. The floor to compare with.
 */
let bare: { term: Terminal; ws: WebSocket } | null = null;

async function mountBare(serverUrl: string, token: string): Promise<void> {
  document.body.replaceChildren();
  const style = document.createElement('style');
  style.textContent = xtermStyles.cssText;
  document.head.appendChild(style);
  const host = document.createElement('div');
  host.style.cssText = 'width: 900px; height: 500px; display: flex';
  const inner = document.createElement('div');
  inner.style.cssText = 'flex: 1; min-width: 0; min-height: 0';
  host.appendChild(inner);
  document.body.appendChild(host);
  const term = new Terminal({
    scrollback: 5000,
    fontFamily: DEFAULT_TERMINAL.fontFamily,
    fontSize: DEFAULT_TERMINAL.fontSize,
    lineHeight: 1.2,
    cursorBlink: true,
    theme: { background: DEFAULT_TERMINAL.background, foreground: DEFAULT_TERMINAL.foreground },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(inner);
  fit.fit();
  const ws = new WebSocket(buildSocketUrl({ serverUrl, vmName: 'web-01', route: 'console', token }));
  let transcript = '';
  ws.onmessage = (ev) => {
    for (const line of String(ev.data).split('\n')) {
      const m = JSON.parse(line) as { type: string; data?: { content?: string } };
      if (m.type === 'console' && m.data?.content) {
        if (transcript.length < 4096) transcript += m.data.content;
        term.write(m.data.content);
      }
    }
  };
  term.onData((content) => ws.send(JSON.stringify({ type: 'console_input', data: { content } })));
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  bare = { term, ws };
  const send = (content: string) => ws.send(JSON.stringify({ type: 'console_input', data: { content } }));
  send('\r');
  await until(() => transcript.includes('login:'), 'bare: login prompt');
  send('root\r');
  await until(() => transcript.includes('Password:'), 'bare: password prompt');
  send('x\r');
  await until(() => transcript.includes('root@web-01:~# '), 'bare: shell prompt');
}

/** The terminal of the mode under test, and how to send input without a key. */
function current(): { term: Terminal; send(text: string): void; dropped(): number; backlog(): number } {
  // Characters xterm has been handed and not parsed yet (private, read for diagnosis only).
  const unparsed = (t: Terminal) => (t as unknown as { _core?: { _writeBuffer?: { _pendingData?: number } } })._core?._writeBuffer?._pendingData ?? 0;
  if (bare) {
    const b = bare;
    return {
      term: b.term,
      send: (t) => b.ws.send(JSON.stringify({ type: 'console_input', data: { content: t } })),
      dropped: () => 0,
      backlog: () => unparsed(b.term),
    };
  }
  const e = el!;
  return { term: e.terminal!, send: (t) => void e.session!.sendInput(t), dropped: () => e.droppedBytes, backlog: () => e.pendingBytes + unparsed(e.terminal!) };
}

/**
 * Watches one terminal: counts a marker character in what xterm has PARSED (write callbacks), and
 * notes when xterm paints after a wanted condition became true (its onRender, in the frame).
 */
interface Probe {
  parsedMarks: number;
  /** Characters xterm has parsed so far. */
  parsedChars: number;
  parsedText: string;
  /** Frames xterm has rendered so far. */
  renders: number;
  onParsed: (() => void) | null;
  paintWaiters: (() => void)[];
}
let probe: Probe | null = null;
const keyLog: { key: string; ctrl: boolean; at: number; wait: number; backlog: number; parsed: number; renders: number }[] = [];
let longTasks: PerformanceEntry[] = [];
let longTaskObserver: PerformanceObserver | null = null;

function installProbe(marker: string): void {
  const { term } = current();
  const p: Probe = { parsedMarks: 0, parsedChars: 0, parsedText: '', renders: 0, onParsed: null, paintWaiters: [] };
  const write = term.write.bind(term);
  term.write = ((data: string | Uint8Array, cb?: () => void) => {
    write(data, () => {
      cb?.();
      const text = typeof data === 'string' ? data : '';
      p.parsedChars += text.length;
      for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) p.parsedMarks++;
      p.parsedText = (p.parsedText + text.slice(-256)).slice(-256);
      p.onParsed?.();
    });
  }) as typeof term.write;
  term.onRender(() => {
    p.renders++;
    const waiters = p.paintWaiters.splice(0);
    const at = performance.now();
    for (const w of waiters) w();
    void at;
  });
  probe = p;
  // Every key the page sees: when it happened (the event's own time) and how long it waited for
  // the main thread before a handler could run.
  const { backlog } = current();
  window.addEventListener(
    'keydown',
    (e) => {
      keyLog.push({ key: e.key, ctrl: e.ctrlKey, at: e.timeStamp, wait: performance.now() - e.timeStamp, backlog: backlog(), parsed: p.parsedChars, renders: p.renders });
    },
    { capture: true },
  );
  current().term.focus();
}

/** Resolves with the time xterm painted, once `parsed()` holds after a write. */
function paintedWhen(parsed: () => boolean): Promise<number> {
  const p = probe!;
  return new Promise((resolve) => {
    const armPaint = () => {
      p.onParsed = null;
      p.paintWaiters.push(() => resolve(performance.now()));
    };
    if (parsed()) armPaint();
    else
      p.onParsed = () => {
        if (parsed()) armPaint();
      };
  });
}

let echoPainted: Promise<number> | null = null;

/** Arms a wait for the next echo of the marker to be painted (call before pressing the key). */
function armEcho(): void {
  const p = probe!;
  const want = p.parsedMarks + 1;
  keyLog.length = 0;
  echoPainted = paintedWhen(() => p.parsedMarks >= want);
}

/** After the key press: key (event time) → echo painted, in ms. */
async function echoLatency(): Promise<number> {
  const painted = await echoPainted!;
  const key = keyLog.find((k) => !k.ctrl);
  if (!key) throw new Error('the key press never reached the page');
  return painted - key.at;
}

/** Starts a flood that only Ctrl+C ends, and watches long tasks. */
function startFlood(): { droppedBefore: number } {
  longTasks = [];
  longTaskObserver?.disconnect();
  longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  longTaskObserver.observe({ type: 'longtask' });
  keyLog.length = 0;
  const c = current();
  const droppedBefore = c.dropped();
  c.send('flood 1073741824 4096\r');
  return { droppedBefore };
}

/** Bytes xterm has parsed so far: to see that the flood is flowing. */
function parsedCount(): number {
  return probe!.parsedMarks;
}

let stopPainted: Promise<number> | null = null;

/** Arms a wait for the prompt that follows ^C to be painted: the flood has stopped on screen. */
function armStop(): void {
  const p = probe!;
  stopPainted = paintedWhen(() => /\^C\r\nroot@web-01:~# $/.test(p.parsedText));
}

/** After Ctrl+C: key → output stopped on screen (ms), key waits during the flood, long tasks. */
async function floodResult(droppedBefore: number): Promise<{ stopMs: number; keyWaits: number[]; longTasks: number[]; dropped: number; backlog: number; afterChars: number; afterRenders: number; heapMiB: number; nodes: number; queue: string }> {
  const painted = await stopPainted!;
  const parsedAtStop = probe!.parsedChars;
  const rendersAtStop = probe!.renders;
  const ctrlC = keyLog.find((k) => k.ctrl && k.key.toLowerCase() === 'c');
  if (!ctrlC) throw new Error('Ctrl+C never reached the page');
  // Let the last output settle, then stop watching.
  await new Promise((r) => setTimeout(r, 300));
  longTaskObserver?.disconnect();
  longTaskObserver = null;
  return {
    stopMs: painted - ctrlC.at,
    backlog: ctrlC.backlog,
    afterChars: parsedAtStop - ctrlC.parsed,
    afterRenders: rendersAtStop - ctrlC.renders,
    // For spotting growth across floods (Chromium only; 0 elsewhere).
    heapMiB: ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576,
    nodes: document.getElementsByTagName('*').length,
    // The element's write queue (private; read for diagnosis only): slice size and writes so far.
    queue: (() => {
      const q = (el as unknown as { terminalCtl?: { terminal?: { queue?: { sliceChars: number; batchCount: number } } } } | null)?.terminalCtl?.terminal?.queue;
      return q && !bare ? `slice ${q.sliceChars}, ${q.batchCount} writes` : '';
    })(),
    keyWaits: keyLog.map((k) => k.wait),
    longTasks: longTasks.map((t) => t.duration),
    dropped: current().dropped() - droppedBefore,
  };
}

Object.assign(window, {
  bench: {
    mountConsole,
    experiment,
    endToEnd,
    raw,
    bareSocket,
    resetTerminal,
    paste,
    pasteText,
    socketOnly,
    mountBare,
    installProbe,
    armEcho,
    echoLatency,
    startFlood,
    parsedCount,
    armStop,
    floodResult,
  },
});
