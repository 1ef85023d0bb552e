/**
 * One client socket as the Go server's hub sees it: a bounded send queue drained by a "write pump"
 * that puts everything queued into one text frame joined with `\n`.
 */
import type { Claims } from './auth.js';
import type { Clock, TimerHandle } from './clock.js';
import { encodeServerMessage, utf8Length } from './go-json.js';

/** What a transport (ws in Node, the fake WebSocket in a page) gives the simulation. */
export interface ConnectionSink {
  send(frameText: string): void;
  /**
   * 1005 means "close frame without a status" and 1006 "drop the TCP connection without a close
   * frame"; a transport must map them to what a browser would then observe.
   */
  close(code: number, reason: string): void;
  /**
   * Bytes sent and not yet taken by the network (the `ws` socket's `bufferedAmount`), where the
   * transport can tell: a guest's output is held back by TCP, so long outputs wait on it.
   */
  bufferedAmount?(): number;
}

export type Route = 'monitor' | 'console';

export interface ConnectParams {
  vmName: string;
  route: Route;
  user: Claims;
}

/** The simulation's side of a socket, handed back to the transport. */
export interface SimConnection {
  readonly id: number;
  readonly vmName: string;
  readonly route: Route;
  readonly user: Claims;
  readonly closed: boolean;
  /** A text frame from the client. */
  receive(text: string): void;
  /** The client went away (its socket closed); nothing more is sent to the sink. */
  disconnect(): void;
}

/** gorilla/websocket's read limit as the real server sets it. */
export const READ_LIMIT_BYTES = 8192;
/** The Go client's `send` channel capacity: one more queued message drops the client. */
export const SEND_BUFFER_MESSAGES = 256;
/** Queue length at which the modelled write pump catches up without waiting for a timer. */
const WRITER_CATCH_UP = SEND_BUFFER_MESSAGES / 2;

export interface ConnectionHost {
  readonly clock: Clock;
  timestamp(): string;
  maxBatch(): number;
  /**
   * True while the simulation models a writer that cannot keep up (a slow client). Otherwise
   * the queue is drained as it fills, as gorilla's write pump does concurrently with the reader:
   * in Node the reader handles a whole burst of input frames before any timer could flush.
   */
  writerBlocked(): boolean;
  inbound(conn: ClientConnection, text: string): void;
  released(conn: ClientConnection): void;
}

let nextId = 1;

export class ClientConnection implements SimConnection {
  readonly id = nextId++;
  closed = false;
  private queue: string[] = [];
  private flushTimer: TimerHandle | null = null;
  private stalledUntil = 0;
  private readonly timers = new Set<TimerHandle>();

  constructor(
    private readonly host: ConnectionHost,
    readonly vmName: string,
    readonly route: Route,
    readonly user: Claims,
    private readonly sink: ConnectionSink,
  ) {}

  get queued(): number {
    return this.queue.length;
  }

  /** Bytes the transport holds for this client (0 where it cannot tell). */
  get transportBuffered(): number {
    return this.closed ? 0 : (this.sink.bufferedAmount?.() ?? 0);
  }

  get stalled(): boolean {
    return this.host.clock.now() < this.stalledUntil;
  }

  /** Queue a message for the next flush; overflowing the buffer drops the client like the Go hub. */
  enqueue(type: string, data: unknown): void {
    this.enqueueEncoded(encodeServerMessage(type, data, this.host.timestamp()));
  }

  enqueueEncoded(message: string): void {
    if (this.closed) return;
    if (this.queue.length >= SEND_BUFFER_MESSAGES) {
      this.close(1005, '');
      return;
    }
    this.queue.push(message);
    if (this.queue.length >= WRITER_CATCH_UP && !this.host.writerBlocked() && !this.stalled) {
      this.flush();
      return;
    }
    this.scheduleFlush(0);
  }

  receive(text: string): void {
    if (this.closed) return;
    if (utf8Length(text) > READ_LIMIT_BYTES) {
      this.close(1009, '');
      return;
    }
    this.host.inbound(this, text);
  }

  /** Writes a frame as is, after whatever is already queued, bypassing batching (fault injection). */
  sendRaw(text: string): void {
    if (this.closed) return;
    this.flush();
    this.sink.send(text);
  }

  stall(ms: number): void {
    this.stalledUntil = this.host.clock.now() + ms;
  }

  /** A timer that dies with the connection (the per-socket status/metrics ticker). */
  every(ms: number, fn: () => void): void {
    this.timers.add(this.host.clock.setInterval(fn, ms));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.release();
    this.sink.close(code, reason);
  }

  disconnect(): void {
    if (this.closed) return;
    this.release();
  }

  private release(): void {
    this.closed = true;
    this.queue = [];
    if (this.flushTimer !== null) this.host.clock.clearTimeout(this.flushTimer);
    this.flushTimer = null;
    for (const t of this.timers) this.host.clock.clearInterval(t);
    this.timers.clear();
    this.host.released(this);
  }

  private scheduleFlush(ms: number): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = this.host.clock.setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, ms);
  }

  /** Back to back frames until the queue is empty, each with at most `maxBatch` messages. */
  private flush(): void {
    const wait = this.stalledUntil - this.host.clock.now();
    if (wait > 0) {
      this.scheduleFlush(wait);
      return;
    }
    while (!this.closed && this.queue.length > 0) {
      const n = Math.max(1, Math.min(this.host.maxBatch(), this.queue.length));
      const frame = this.queue.splice(0, n).join('\n');
      this.sink.send(frame);
    }
  }
}
