/**
 * A WebSocket that lives in a dedicated Worker and hands the page its frames in coalesced
 * batches. A console flood arrives as thousands of 4 KiB frames; in the page each one is a task
 * of its own, competing with xterm for the one main thread. In the worker, frames that arrive
 * together are joined with `\n` — exactly how the LibGo server batches messages itself, so
 * `decode` needs no change — and posted as one message.
 *
 * Flow control, so that a page that falls behind delays output instead of losing it: the worker
 * posts only as much as the page has granted (a credit window of `CREDIT_CHARS`); once more than
 * half of it is unanswered (the page is busy), frames that arrive wait and cross together in the
 * next message. Posting every frame as it came (a task each, in the worker) gave a busy page one
 * message per 4 KiB frame and the worker 0.68-0.81 x a bare terminal's throughput at maxBatch 1
 * (bench:console); batching from the first frame on (one batch at a time) left the page idle
 * between batches: 0.81. With half the window free to flow: 0.99-1.08. The page grants
 * credit back as it handles each batch, and stops granting while `pauseReading(true)` is in force
 * (its terminal is behind). Out of credit, the worker stops reading: with `WebSocketStream` (where
 * the browser has it) unread frames stay in the browser's socket and TCP holds the server back,
 * as a guest is held back by a slow serial reader; with a plain WebSocket the worker keeps what
 * arrives in its own memory. Either way nothing is dropped and order is kept.
 *
 * The worker comes from a Blob URL. Where that is not allowed (a CSP without `worker-src blob:`,
 * no Worker at all) the socket falls back to an ordinary WebSocket in the page, silently: the only
 * difference is speed, and that a page socket cannot pause.
 */
import { browserSocketFactory, type SyncSocketFactory, type WebSocketLike } from './socket-factory.js';
import { pageSocketFor, workerSourceUrl } from './worker-support.js';

/** Characters of output the worker may post before the page grants more. */
export const CREDIT_CHARS = 128 * 1024;
/** Milliseconds without a post after which the worker posts a frame at once rather than batching. */
export const QUIET_MS = 4;

/**
 * The worker's program. Plain JavaScript, kept small: it runs as-is in the worker, where `self` is
 * the worker's global scope (tests run it in the page with a stand-in `self`).
 */
export const WORKER_SOURCE = `
const W = self;
let credit = ${CREDIT_CHARS};
let items = [], queued = 0, scheduled = false, lastPost = -1e9;
const now = () => (W.performance ? W.performance.now() : Date.now());
let sock = null, reader = null, reading = false, buffered = 0, polling = false, finished = false;
const post = (m) => W.postMessage(m);
const size = (d) => typeof d === 'string' ? d.length : (d.byteLength || 0);
const report = () => post({ t: 'b', b: sock ? sock.buffered() : 0 });
// Posts what is queued within the credit (at least one frame), joining text frames with \\n.
const flush = (all) => {
  scheduled = false;
  lastPost = now();
  while (items.length > 0 && (all || credit > 0)) {
    if (typeof items[0] !== 'string') {
      const d = items.shift(); queued -= size(d); credit -= size(d);
      post({ t: 'm', data: d });
      continue;
    }
    const batch = [];
    let n = -1;
    while (items.length > 0 && typeof items[0] === 'string' && (all || batch.length === 0 || n + 1 + items[0].length <= credit)) {
      const d = items.shift(); queued -= d.length; n += 1 + d.length; batch.push(d);
    }
    credit -= n;
    post({ t: 'm', data: batch.length === 1 ? batch[0] : batch.join('\\n') });
  }
};
// Posts soon, unless more than half the window is unanswered: what arrives meanwhile joins the
// next batch, so a flood of small frames reaches a busy page in a few large messages. A frame
// after a quiet spell (an echo) goes at once: a timer would only add a task to its way.
const kick = () => {
  if (scheduled || items.length === 0 || credit < ${CREDIT_CHARS / 2}) return;
  if (now() - lastPost >= ${QUIET_MS}) { flush(false); return; }
  scheduled = true; W.setTimeout(() => flush(false), 0);
};
const enqueue = (d) => { items.push(d); queued += size(d); kick(); };
// Stream mode: read only while the page has room; unread frames stay in the browser and TCP.
const pump = async () => {
  if (reading || !reader) return;
  reading = true;
  try {
    while (!finished && queued < credit) {
      const r = await reader.read();
      if (r.done) break;
      enqueue(r.value);
    }
  } catch {}
  reading = false;
};
const finish = async (code, reason, wasClean, error) => {
  if (finished) return;
  finished = true;
  // Everything the socket delivered reaches the page before the close, credit or not.
  if (reader) { try { for (;;) { const r = await reader.read(); if (r.done) break; enqueue(r.value); } } catch {} }
  flush(true);
  if (error) post({ t: 'error' });
  post({ t: 'close', code, reason, wasClean });
  W.close();
};
const openStream = (url, protocols) => {
  const wss = new W.WebSocketStream(url, protocols ? { protocols } : undefined);
  let writer = null;
  sock = {
    buffered: () => buffered,
    send: (data) => {
      if (!writer) return;
      buffered += data.length;
      writer.write(data).then(() => { buffered -= data.length; report(); }, () => {});
      report();
    },
    close: (code, reason) => {
      try { wss.close(code === undefined ? undefined : { closeCode: code, reason: reason || '' }); } catch { wss.close(); }
    },
  };
  wss.opened.then((o) => {
    reader = o.readable.getReader();
    writer = o.writable.getWriter();
    post({ t: 'open', protocol: o.protocol || '' });
    pump();
  }, () => {});
  wss.closed.then(
    (c) => finish(c && c.closeCode ? c.closeCode : 1005, (c && c.reason) || '', true, false),
    () => finish(1006, '', false, true),
  );
};
const openSocket = (url, protocols) => {
  const ws = protocols ? new W.WebSocket(url, protocols) : new W.WebSocket(url);
  const poll = () => { report(); if (ws.bufferedAmount > 0) W.setTimeout(poll, 8); else polling = false; };
  sock = {
    buffered: () => ws.bufferedAmount,
    send: (data) => { ws.send(data); if (!polling) { polling = true; poll(); } },
    close: (code, reason) => ws.close(code, reason),
  };
  ws.onopen = () => post({ t: 'open', protocol: ws.protocol });
  // A plain WebSocket cannot stop reading: what the page has no room for waits here.
  ws.onmessage = (ev) => enqueue(ev.data);
  ws.onerror = () => { if (!finished) post({ t: 'error' }); };
  ws.onclose = (ev) => finish(ev.code, ev.reason, ev.wasClean, false);
};
W.onmessage = (e) => {
  const m = e.data;
  if (m.t === 'open') {
    try {
      if (typeof W.WebSocketStream === 'function') openStream(m.url, m.protocols);
      else openSocket(m.url, m.protocols);
    } catch { finished = true; post({ t: 'error' }); post({ t: 'close', code: 1006, reason: '', wasClean: false }); W.close(); }
  } else if (m.t === 'credit') {
    credit += m.n;
    kick();
    pump();
  } else if (m.t === 'send' && sock) {
    sock.send(m.data);
  } else if (m.t === 'close' && sock) {
    sock.close(m.code, m.reason);
  }
};
`;

type WorkerEvent =
  | { t: 'open'; protocol: string }
  | { t: 'm'; data: unknown }
  | { t: 'b'; b: number }
  | { t: 'error' }
  | { t: 'close'; code: number; reason: string; wasClean: boolean };

export class WorkerWebSocket implements WebSocketLike {
  readyState = 0;
  protocol = '';
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  private reported = 0;
  private sentSinceReport = 0;
  private worker: Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'> | null;
  /** Set when the worker could not run: everything goes through a page WebSocket instead. */
  private direct: WebSocketLike | null = null;
  private heardFromWorker = false;
  private paused = false;
  /** Credit for batches handled while paused, granted when reading resumes. */
  private owed = 0;

  constructor(
    private readonly url: string,
    private readonly protocols: string[] | undefined,
    worker: Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>,
  ) {
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<WorkerEvent>) => {
      this.heardFromWorker = true;
      this.handle(e.data);
    };
    // A worker blocked by CSP fails asynchronously, before it ever answers.
    worker.onerror = (e) => {
      e.preventDefault();
      if (!this.heardFromWorker && this.readyState === 0) this.fallBack();
    };
    worker.postMessage({ t: 'open', url, protocols });
  }

  get bufferedAmount(): number {
    return this.direct ? this.direct.bufferedAmount : this.reported + this.sentSinceReport;
  }

  send(data: string): void {
    if (this.direct) return this.direct.send(data);
    if (this.readyState !== 1) throw new DOMException('WebSocket is not open', 'InvalidStateError');
    // UTF-16 length is close enough for pacing (the exact count is the worker's next report).
    this.sentSinceReport += data.length;
    this.worker?.postMessage({ t: 'send', data });
  }

  close(code?: number, reason?: string): void {
    if (this.direct) return this.direct.close(code, reason);
    if (this.readyState >= 2) return;
    this.readyState = 2;
    this.worker?.postMessage({ t: 'close', code, reason });
  }

  private handle(m: WorkerEvent): void {
    switch (m.t) {
      case 'open':
        this.readyState = 1;
        this.protocol = m.protocol;
        this.onopen?.(new Event('open'));
        return;
      case 'm': {
        this.onmessage?.(new MessageEvent('message', { data: m.data }));
        // Handled (the terminal may have asked to pause while it was): give the room back.
        const n = typeof m.data === 'string' ? m.data.length : m.data instanceof ArrayBuffer ? m.data.byteLength : 0;
        if (this.paused) this.owed += n;
        else this.grant(n);
        return;
      }
      case 'b':
        this.reported = m.b;
        this.sentSinceReport = 0;
        return;
      case 'error':
        this.onerror?.(new Event('error'));
        return;
      case 'close':
        this.readyState = 3;
        this.worker?.terminate();
        this.worker = null;
        this.onclose?.(new CloseEvent('close', { code: m.code, reason: m.reason, wasClean: m.wasClean }));
        return;
    }
  }

  /** Stops (`true`) or resumes granting the worker credit: paused, it stops reading the socket. */
  pauseReading? = (paused: boolean): void => {
    this.paused = paused;
    if (!paused && this.owed > 0) {
      const n = this.owed;
      this.owed = 0;
      this.grant(n);
    }
  };

  private grant(n: number): void {
    if (n > 0) this.worker?.postMessage({ t: 'credit', n });
  }

  private fallBack(): void {
    // A page WebSocket cannot pause: say so, so nothing relies on it.
    this.pauseReading = undefined;
    this.worker?.terminate();
    this.worker = null;
    this.direct = pageSocketFor(this, this.url, this.protocols);
  }
}

/**
 * A socket factory whose sockets run in a Worker (one worker per socket, ended with it); falls
 * back to `browserSocketFactory` where workers cannot be created.
 */
export const workerSocketFactory: SyncSocketFactory = (url, protocols) => {
  const src = typeof Worker === 'function' ? workerSourceUrl(WORKER_SOURCE) : null;
  if (!src) return browserSocketFactory(url, protocols);
  let worker: Worker;
  try {
    worker = new Worker(src, { name: 'libgo-socket' });
  } catch {
    return browserSocketFactory(url, protocols);
  }
  return new WorkerWebSocket(url, protocols, worker);
};
