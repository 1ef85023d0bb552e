/**
 * Many WebSockets in one Worker, whose frames reach the page in one message per batch window. A
 * fleet page holds up to its socket budget of monitor sockets (64), each sampling once a second:
 * in the page each frame is a task of its own, and 64 sockets cost 4.4-5.9 % of the main thread
 * in message dispatch alone, most of the 5 % a fleet page may spend idle. Gathered in a worker
 * and posted every 100 ms: 0.7 % (bench/fleet, scratch measurement of the dispatch floor). The
 * tiles draw once a second anyway (elements/vm-metrics/clocks.ts), so the wait is never seen.
 *
 * Lifecycle events (open, error, close) cross at once: a socket granted by the budget is live
 * without delay, and a closed one frees its place in the budget as soon as the worker knows.
 *
 * The worker comes from a Blob URL. Where that is not allowed (a CSP without `worker-src blob:`,
 * no Worker at all) every socket falls back to an ordinary WebSocket in the page, silently; the
 * page then stops trying the worker.
 */
import { browserSocketFactory, type SyncSocketFactory, type WebSocketLike } from './socket-factory.js';
import { pageSocketFor, workerSourceUrl } from './worker-support.js';

/** How long frames gather in the worker before they cross to the page together. */
export const BATCH_MS = 100;

/**
 * The worker's program: plain JavaScript, run as-is (tests run it in the page with a stand-in
 * `self`). Page to worker: `{t:'open', id, url, protocols}`, `{t:'send', id, data}`,
 * `{t:'close', id, code, reason}`. Worker to page: an array of events, each
 * `['o', id, protocol]`, `['m', id, data]`, `['b', id, bufferedAmount]`, `['e', id]` or
 * `['c', id, code, reason, wasClean]`, in the order they happened.
 */
export const MUX_WORKER_SOURCE = `
const W = self;
const socks = new Map();
let out = [], timer = 0, soon = false;
// Sockets with data still in their send buffer: reported with each batch until it drains.
const sending = new Set();
const flush = () => {
  timer = 0; soon = false;
  for (const id of sending) {
    const ws = socks.get(id);
    const b = ws ? ws.bufferedAmount : 0;
    out.push(['b', id, b]);
    if (b === 0) sending.delete(id);
  }
  if (out.length > 0) { const batch = out; out = []; W.postMessage(batch); }
  if (sending.size > 0) arm(false);
};
const arm = (now) => {
  if (timer && (soon || !now)) return;
  if (timer) W.clearTimeout(timer);
  soon = now;
  timer = W.setTimeout(flush, now ? 0 : ${BATCH_MS});
};
const emit = (ev, now) => { out.push(ev); arm(now); };
const open = (id, url, protocols) => {
  let ws;
  try {
    ws = protocols && protocols.length > 0 ? new W.WebSocket(url, protocols) : new W.WebSocket(url);
  } catch {
    emit(['e', id], true);
    emit(['c', id, 1006, '', false], true);
    return;
  }
  socks.set(id, ws);
  ws.onopen = () => emit(['o', id, ws.protocol], true);
  ws.onmessage = (ev) => emit(['m', id, ev.data], false);
  ws.onerror = () => emit(['e', id], true);
  ws.onclose = (ev) => { socks.delete(id); sending.delete(id); emit(['c', id, ev.code, ev.reason, ev.wasClean], true); };
};
W.onmessage = (e) => {
  const m = e.data;
  if (m.t === 'open') open(m.id, m.url, m.protocols);
  else {
    const ws = socks.get(m.id);
    if (!ws) return;
    if (m.t === 'send') { ws.send(m.data); if (ws.bufferedAmount > 0) { sending.add(m.id); arm(false); } }
    else if (m.t === 'close') ws.close(m.code, m.reason);
  }
};
`;

type MuxEvent =
  | ['o', number, string]
  | ['m', number, unknown]
  | ['b', number, number]
  | ['e', number]
  | ['c', number, number, string, boolean];

export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;

/** One worker and the sockets it holds for the page. */
export class SocketMux {
  private readonly sockets = new Map<number, MuxedWebSocket>();
  private nextId = 1;
  private heard = false;
  /** Set once the worker failed: the owner opens page sockets from then on. */
  failed = false;

  private worker: WorkerLike | null;

  constructor(
    worker: WorkerLike,
    /** Called when the last socket closed or the worker failed: the worker is gone. */
    private readonly ended: (mux: SocketMux) => void,
  ) {
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<MuxEvent[]>) => {
      this.heard = true;
      for (const ev of e.data) this.dispatch(ev);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.fail();
    };
  }

  open(url: string, protocols: string[] | undefined): MuxedWebSocket {
    const id = this.nextId++;
    const socket = new MuxedWebSocket(this, id, url, protocols);
    this.sockets.set(id, socket);
    this.worker?.postMessage({ t: 'open', id, url, protocols });
    return socket;
  }

  /** @internal */
  post(message: { t: 'send'; id: number; data: string } | { t: 'close'; id: number; code?: number; reason?: string }): void {
    this.worker?.postMessage(message);
  }

  private dispatch(ev: MuxEvent): void {
    const socket = this.sockets.get(ev[1]);
    if (!socket) return;
    try {
      socket.receive(ev);
    } catch (e) {
      // One socket's handler failing must not cost the others their frames.
      console.error(e);
    }
    if (ev[0] === 'c') this.forget(ev[1]);
  }

  private forget(id: number): void {
    this.sockets.delete(id);
    if (this.sockets.size === 0) this.end();
  }

  /**
   * The worker could not run (refused by a CSP before it ever answered) or died: sockets not yet
   * open go to the page; open ones close as a dropped connection would, and reconnect.
   */
  private fail(): void {
    this.failed = !this.heard;
    const sockets = [...this.sockets.values()];
    this.sockets.clear();
    this.end();
    for (const socket of sockets) socket.workerLost(!this.heard);
  }

  private end(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ended(this);
  }
}

export class MuxedWebSocket implements WebSocketLike {
  readyState = 0;
  protocol = '';
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  private reported = 0;
  private sentSinceReport = 0;
  /** Set when the worker could not run: everything goes through a page WebSocket instead. */
  private direct: WebSocketLike | null = null;

  constructor(
    private readonly mux: SocketMux,
    private readonly id: number,
    private readonly url: string,
    private readonly protocols: string[] | undefined,
  ) {}

  get bufferedAmount(): number {
    return this.direct ? this.direct.bufferedAmount : this.reported + this.sentSinceReport;
  }

  send(data: string): void {
    if (this.direct) return this.direct.send(data);
    if (this.readyState !== 1) throw new DOMException('WebSocket is not open', 'InvalidStateError');
    this.sentSinceReport += data.length;
    this.mux.post({ t: 'send', id: this.id, data });
  }

  close(code?: number, reason?: string): void {
    if (this.direct) return this.direct.close(code, reason);
    if (this.readyState >= 2) return;
    this.readyState = 2;
    this.mux.post({ t: 'close', id: this.id, code, reason });
  }

  /** @internal */
  receive(ev: MuxEvent): void {
    switch (ev[0]) {
      case 'o':
        this.readyState = 1;
        this.protocol = ev[2];
        this.onopen?.(new Event('open'));
        return;
      case 'm':
        this.onmessage?.(new MessageEvent('message', { data: ev[2] }));
        return;
      case 'b':
        this.reported = ev[2];
        this.sentSinceReport = 0;
        return;
      case 'e':
        this.onerror?.(new Event('error'));
        return;
      case 'c':
        this.readyState = 3;
        this.onclose?.(new CloseEvent('close', { code: ev[2], reason: ev[3], wasClean: ev[4] }));
        return;
    }
  }

  /** @internal `beforeAnswer`: the worker never ran, so this socket opens in the page instead. */
  workerLost(beforeAnswer: boolean): void {
    if (this.readyState === 3) return;
    if (beforeAnswer && this.readyState === 0) {
      this.fallBack();
      return;
    }
    this.readyState = 3;
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close', { code: 1006, reason: '', wasClean: false }));
  }

  private fallBack(): void {
    this.direct = pageSocketFor(this, this.url, this.protocols);
  }
}

let current: SocketMux | null = null;
/** The worker was refused once: it would be refused again. */
let refused = false;

function mux(): SocketMux | null {
  if (current) return current;
  const src = !refused && typeof Worker === 'function' ? workerSourceUrl(MUX_WORKER_SOURCE) : null;
  if (!src) return null;
  let worker: Worker;
  try {
    worker = new Worker(src, { name: 'libgo-sockets' });
  } catch {
    refused = true;
    return null;
  }
  current = new SocketMux(worker, (ended) => {
    if (ended.failed) refused = true;
    if (current === ended) current = null;
  });
  return current;
}

/**
 * A socket factory whose sockets all live in one Worker of the page (ended when its last socket
 * closes), their frames posted in batches every `BATCH_MS`; falls back to `browserSocketFactory`
 * where workers cannot be created.
 */
export const batchedWorkerSocketFactory: SyncSocketFactory = (url, protocols) =>
  mux()?.open(url, protocols) ?? browserSocketFactory(url, protocols);
