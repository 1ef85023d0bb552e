/**
 * A WebSocket whose server is the in-page simulation. It imitates what a page can observe of a real
 * one: asynchronous events in order, `readyState`, a `bufferedAmount` that drains at a set upload
 * rate (so paste pacing can be tested), refused upgrades as error + close 1006 with no reason,
 * the server's 8192-byte read limit as close 1009, and the selected subprotocol.
 */
import type { WebSocketLike } from '../transport/socket-factory.js';
import { WS_CLOSED, WS_CLOSING, WS_CONNECTING, WS_OPEN } from '../transport/socket-factory.js';
import type { Clock, TimerHandle } from './sim/clock.js';
import type { ConnectionSink, ConnectParams, SimConnection } from './sim/connection.js';
import { utf8Length } from './sim/go-json.js';
import type { UpgradeRequest, UpgradeResult } from './sim/upgrade.js';
import { domException, makeCloseEvent, makeMessageEvent } from './dom-events.js';

/** What the socket needs from its peer; kept narrow so the socket can be tested on its own. */
export interface InPageServer {
  readonly clock: Clock;
  /** `host[:port]` the socket must target, as in `ws://libgo.test`; anything else cannot connect. */
  readonly host: string;
  /** Bytes per millisecond the upload drains at; Infinity hands everything over on the next turn. */
  readonly uploadBytesPerMs: number;
  readonly latencyMs: number;
  authorizeUpgrade(request: UpgradeRequest): Promise<UpgradeResult>;
  connect(params: ConnectParams, sink: ConnectionSink): SimConnection;
  track(socket: InPageWebSocket): void;
  untrack(socket: InPageWebSocket): void;
}

/** How often a finite upload rate is applied; small enough for smooth `bufferedAmount` readings. */
const DRAIN_TICK_MS = 4;

export class InPageWebSocket extends EventTarget implements WebSocketLike {
  static readonly CONNECTING = WS_CONNECTING;
  static readonly OPEN = WS_OPEN;
  static readonly CLOSING = WS_CLOSING;
  static readonly CLOSED = WS_CLOSED;
  readonly CONNECTING = WS_CONNECTING;
  readonly OPEN = WS_OPEN;
  readonly CLOSING = WS_CLOSING;
  readonly CLOSED = WS_CLOSED;

  readonly url: string;
  readonly extensions = '';
  binaryType: BinaryType = 'blob';
  readyState: number = WS_CONNECTING;
  bufferedAmount = 0;
  protocol = '';
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;

  private conn: SimConnection | null = null;
  private readonly events: (() => void)[] = [];
  private pumping = false;
  private readonly outgoing: { text: string; remaining: number }[] = [];
  private drainTimer: TimerHandle | null = null;
  private lastDrain = 0;
  private closeRequested: { code: number; reason: string } | null = null;
  private readonly origin: string;

  constructor(
    url: string | URL,
    protocols: string | string[] | undefined,
    private readonly server: InPageServer,
  ) {
    super();
    const parsed = parseSocketUrl(String(url));
    this.url = parsed.href;
    this.origin = `${parsed.protocol}//${parsed.host}`;
    const offered = protocols === undefined ? [] : typeof protocols === 'string' ? [protocols] : [...protocols];
    if (new Set(offered).size !== offered.length || offered.some((p) => !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(p))) {
      throw domException(`Failed to construct 'WebSocket': The subprotocol '${offered.join(', ')}' is invalid.`, 'SyntaxError');
    }
    server.track(this);
    void this.handshake(parsed, offered);
  }

  send(data: string): void {
    if (this.readyState === WS_CONNECTING) {
      throw domException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.", 'InvalidStateError');
    }
    const bytes = utf8Length(String(data));
    // A browser counts data sent after closing in bufferedAmount and silently discards it.
    this.bufferedAmount += bytes;
    if (this.readyState !== WS_OPEN) return;
    this.outgoing.push({ text: String(data), remaining: bytes });
    this.scheduleDrain();
  }

  close(code?: number, reason = ''): void {
    if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
      throw domException(
        `Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. ${code} is neither.`,
        'InvalidAccessError',
      );
    }
    if (utf8Length(reason) > 123) {
      throw domException("Failed to execute 'close' on 'WebSocket': The close reason must not be greater than 123 UTF-8 bytes.", 'SyntaxError');
    }
    if (this.readyState === WS_CLOSING || this.readyState === WS_CLOSED) return;
    const wasConnecting = this.readyState === WS_CONNECTING;
    this.readyState = WS_CLOSING;
    this.closeRequested = { code: code ?? 1005, reason };
    if (wasConnecting) return; // the handshake notices and fails the connection
    // Data already queued goes out before the close frame, as on a real socket.
    this.stopDrain();
    for (const item of this.outgoing.splice(0)) this.conn?.receive(item.text);
    this.bufferedAmount = 0;
    this.conn?.disconnect();
    this.conn = null;
    this.queueEvent(() => this.finish(code ?? 1005, reason, true));
  }

  private async handshake(url: URL, offered: string[]): Promise<void> {
    let result: UpgradeResult;
    if (this.server.latencyMs > 0) await new Promise((r) => this.server.clock.setTimeout(() => r(undefined), this.server.latencyMs));
    if (url.host !== this.server.host) {
      result = { ok: false, status: 0 };
    } else {
      try {
        result = await this.server.authorizeUpgrade({ path: url.pathname, query: url.search, headers: {}, protocols: offered });
      } catch {
        result = { ok: false, status: 500 };
      }
    }
    this.queueEvent(() => {
      if (this.closeRequested || !result.ok) {
        // A browser learns nothing about why: no status, no reason.
        this.fail();
        return;
      }
      this.readyState = WS_OPEN;
      this.protocol = result.selectedProtocol ?? '';
      this.emit(new Event('open'), this.onopen);
      const { vmName, route, user } = result;
      this.conn = this.server.connect({ vmName, route, user }, this.sink());
    });
  }

  private sink(): ConnectionSink {
    return {
      send: (frame) => this.queueEvent(() => {
        if (this.readyState === WS_OPEN) this.emit(makeMessageEvent(frame, this.origin), this.onmessage);
      }),
      close: (code, reason) => {
        this.conn = null;
        this.stopDrain();
        this.outgoing.length = 0;
        if (code === 1006) this.queueEvent(() => this.fail());
        else this.queueEvent(() => this.finish(code, code === 1005 ? '' : reason, true));
      },
    };
  }

  private fail(): void {
    if (this.readyState === WS_CLOSED) return;
    this.readyState = WS_CLOSED;
    this.emit(new Event('error'), this.onerror);
    this.emitClose(1006, '', false);
  }

  private finish(code: number, reason: string, wasClean: boolean): void {
    if (this.readyState === WS_CLOSED) return;
    this.readyState = WS_CLOSED;
    this.emitClose(code, reason, wasClean);
  }

  private emitClose(code: number, reason: string, wasClean: boolean): void {
    this.server.untrack(this);
    this.emit(makeCloseEvent(code, reason, wasClean), this.onclose);
  }

  private emit<E extends Event>(event: E, handler: ((ev: E) => void) | null): void {
    handler?.call(this, event);
    this.dispatchEvent(event);
  }

  /**
   * Events are delivered in order on a later task, each followed by a microtask checkpoint, as a
   * browser does between tasks; a handler that awaits something sees it settle before the next event.
   */
  private queueEvent(fn: () => void): void {
    this.events.push(fn);
    if (this.pumping) return;
    this.pumping = true;
    this.server.clock.setTimeout(() => void this.pump(), 0);
  }

  private async pump(): Promise<void> {
    while (this.events.length > 0) {
      const fn = this.events.shift()!;
      try {
        fn();
      } catch (error) {
        // A throwing handler must not stop delivery, as in a browser; report it like one would.
        setTimeout(() => {
          throw error;
        }, 0);
      }
      await Promise.resolve();
    }
    this.pumping = false;
  }

  private scheduleDrain(): void {
    if (this.drainTimer !== null) return;
    const rate = this.server.uploadBytesPerMs;
    this.lastDrain = this.server.clock.now();
    const tick = () => {
      this.drainTimer = null;
      const now = this.server.clock.now();
      let budget = Number.isFinite(rate) ? Math.max(1, Math.floor(rate * Math.max(now - this.lastDrain, DRAIN_TICK_MS))) : Infinity;
      this.lastDrain = now;
      while (budget > 0 && this.outgoing.length > 0 && this.readyState === WS_OPEN) {
        const head = this.outgoing[0]!;
        const used = Math.min(budget, head.remaining);
        head.remaining -= used;
        budget -= used;
        this.bufferedAmount -= used;
        if (head.remaining === 0) {
          this.outgoing.shift();
          this.conn?.receive(head.text);
        }
      }
      if (this.outgoing.length > 0 && this.readyState === WS_OPEN) {
        this.drainTimer = this.server.clock.setTimeout(tick, DRAIN_TICK_MS);
      }
    };
    this.drainTimer = this.server.clock.setTimeout(tick, Number.isFinite(rate) ? DRAIN_TICK_MS : 0);
  }

  private stopDrain(): void {
    if (this.drainTimer !== null) this.server.clock.clearTimeout(this.drainTimer);
    this.drainTimer = null;
  }
}

/** The checks a browser's WebSocket constructor makes, with its error messages. */
function parseSocketUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw domException(`Failed to construct 'WebSocket': The URL '${url}' is invalid.`, 'SyntaxError');
  }
  if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
  if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    throw domException(
      `Failed to construct 'WebSocket': The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '${parsed.protocol.slice(0, -1)}' is not allowed.`,
      'SyntaxError',
    );
  }
  if (parsed.hash !== '' || url.includes('#')) {
    // Chrome puts the whole URL (token included) in this message; tests can check nobody logs it.
    throw domException(
      `Failed to construct 'WebSocket': The URL contains a fragment identifier ('${parsed.hash}'). Fragment identifiers are not allowed in WebSocket URLs.`,
      'SyntaxError',
    );
  }
  return parsed;
}
