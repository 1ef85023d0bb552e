/**
 * A WebSocket that lives in a dedicated Worker and hands the page its frames in coalesced
 * batches. A console flood arrives as thousands of 4 KiB frames; in the page each one is a task
 * of its own, competing with xterm for the one main thread. In the worker, frames that arrive
 * together are joined with `\n` — exactly how the LibGo server batches messages itself, so
 * `decode` needs no change — and posted as one message.
 *
 * The worker comes from a Blob URL. Where that is not allowed (a CSP without `worker-src blob:`,
 * no Worker at all) the socket falls back to an ordinary WebSocket in the page, silently: the only
 * difference is speed.
 */
import { browserSocketFactory, type SyncSocketFactory, type WebSocketLike } from './socket-factory.js';

// Plain JavaScript, kept tiny: it runs as-is in the worker.
const WORKER_SOURCE = `
let ws = null, queue = [], scheduled = false, polling = false;
const report = () => postMessage({ t: 'b', b: ws ? ws.bufferedAmount : 0 });
const flush = () => {
  scheduled = false;
  if (queue.length === 0) return;
  const data = queue.length === 1 ? queue[0] : queue.join('\\n');
  queue = [];
  postMessage({ t: 'm', data });
};
const poll = () => {
  report();
  if (ws && ws.bufferedAmount > 0) setTimeout(poll, 8); else polling = false;
};
onmessage = (e) => {
  const m = e.data;
  if (m.t === 'open') {
    try { ws = m.protocols ? new WebSocket(m.url, m.protocols) : new WebSocket(m.url); }
    catch { postMessage({ t: 'error' }); postMessage({ t: 'close', code: 1006, reason: '', wasClean: false }); return; }
    ws.onopen = () => postMessage({ t: 'open', protocol: ws.protocol });
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') { flush(); postMessage({ t: 'm', data: ev.data }); return; }
      queue.push(ev.data);
      if (!scheduled) { scheduled = true; setTimeout(flush, 0); }
    };
    ws.onerror = () => postMessage({ t: 'error' });
    ws.onclose = (ev) => { flush(); postMessage({ t: 'close', code: ev.code, reason: ev.reason, wasClean: ev.wasClean }); close(); };
  } else if (m.t === 'send' && ws) {
    ws.send(m.data);
    if (!polling) { polling = true; poll(); }
  } else if (m.t === 'close' && ws) {
    ws.close(m.code, m.reason);
  }
};
`;

let workerUrl: string | null | undefined;

function sourceUrl(): string | null {
  if (workerUrl !== undefined) return workerUrl;
  try {
    workerUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  } catch {
    workerUrl = null;
  }
  return workerUrl;
}

type WorkerEvent =
  | { t: 'open'; protocol: string }
  | { t: 'm'; data: unknown }
  | { t: 'b'; b: number }
  | { t: 'error' }
  | { t: 'close'; code: number; reason: string; wasClean: boolean };

class WorkerWebSocket implements WebSocketLike {
  readyState = 0;
  protocol = '';
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  private reported = 0;
  private sentSinceReport = 0;
  private worker: Worker | null;
  /** Set when the worker could not run: everything goes through a page WebSocket instead. */
  private direct: WebSocketLike | null = null;
  private heardFromWorker = false;

  constructor(
    private readonly url: string,
    private readonly protocols: string[] | undefined,
    worker: Worker,
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
      case 'm':
        this.onmessage?.(new MessageEvent('message', { data: m.data }));
        return;
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

  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    const ws = browserSocketFactory(this.url, this.protocols);
    this.direct = ws;
    ws.onopen = (ev) => {
      this.readyState = 1;
      this.protocol = ws.protocol;
      this.onopen?.(ev);
    };
    ws.onmessage = (ev) => this.onmessage?.(ev);
    ws.onerror = (ev) => this.onerror?.(ev);
    ws.onclose = (ev) => {
      this.readyState = 3;
      this.onclose?.(ev);
    };
  }
}

/**
 * A socket factory whose sockets run in a Worker (one worker per socket, ended with it); falls
 * back to `browserSocketFactory` where workers cannot be created.
 */
export const workerSocketFactory: SyncSocketFactory = (url, protocols) => {
  const src = typeof Worker === 'function' ? sourceUrl() : null;
  if (!src) return browserSocketFactory(url, protocols);
  let worker: Worker;
  try {
    worker = new Worker(src, { name: 'libgo-socket' });
  } catch {
    return browserSocketFactory(url, protocols);
  }
  return new WorkerWebSocket(url, protocols, worker);
};
