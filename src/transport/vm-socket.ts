/**
 * One WebSocket to one (server, VM, route), kept alive for as long as someone wants it:
 * heartbeat and dead-peer detection, reconnect with backoff and jitter, diagnosis of refused
 * upgrades through one REST probe, and request/response correlation with timeouts. While it waits
 * out a backoff, a reachability probe shared with the other sockets of its group wakes it as soon
 * as the server answers again.
 */
import {
  VmError,
  commandMessage,
  decode,
  encode,
  heartbeatMessage,
  type ClientMessage,
  type DecodeError,
  type ResponseData,
  type ServerMessage,
  type VmAction,
  type VmRoute,
} from '../protocol/index.js';
import { obtainToken, type AuthMode, type TokenProvider } from './auth.js';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './backoff.js';
import { Emitter } from './emitter.js';
import { RestClient } from './rest-client.js';
import {
  WS_OPEN,
  browserSocketFactory,
  type FetchLike,
  type SocketFactory,
  type WebSocketLike,
} from './socket-factory.js';
import { reachabilityFor, type ServerReachability } from './reachability.js';
import { realTimers, type Timers } from './timers.js';
import { buildSocketUrl, tokenSubprotocols, validateVmName } from './urls.js';
import type { SocketClaim } from './socket-budget-config.js';

/**
 * - `connecting`: a socket is being opened (first time or after a wait);
 * - `open`: the welcome can flow; requests are accepted;
 * - `reconnecting`: waiting `nextRetryAt` before the next attempt;
 * - `offline`: the browser says it is offline; retries when it comes back;
 * - `unauthorized` / `not-found`: the server refused and retrying would not help; stopped;
 * - `closed`: closed by its owner (or never opened); `idle` before the first `connect()`;
 * - `queued`: a hub session waits for the page's socket budget to grant it a socket (never a
 *   VmSocket's own state).
 */
export type SocketState =
  | 'idle'
  | 'connecting'
  | 'open'
  | 'reconnecting'
  | 'offline'
  | 'unauthorized'
  | 'not-found'
  | 'closed'
  | 'queued';

export interface SocketSnapshot {
  readonly state: SocketState;
  /** Consecutive failed attempts since the last stable connection. */
  readonly attempt: number;
  /** When the next attempt starts (ms since epoch), while `reconnecting`. */
  readonly nextRetryAt: number | null;
  readonly lastError: VmError | null;
  readonly lastCloseCode: number | null;
}

export interface VmSocketOptions {
  /** Its owner's place in the page's socket budget (see `SocketClaim`); without one, a console counts as a console, a monitor as shown. */
  claim?: SocketClaim;
  serverUrl?: string;
  vmName: string;
  route: VmRoute;
  authMode?: AuthMode;
  tokenProvider?: TokenProvider;
  wsPath?: string;
  apiPath?: string;
  socketFactory?: SocketFactory;
  fetch?: FetchLike;
  /** App-level heartbeat period; two silent periods mean the peer is dead. Default 30 s. */
  heartbeatMs?: number;
  requestTimeoutMs?: number;
  backoff?: Partial<BackoffOptions>;
  /** A connection open this long resets the backoff. Default 10 s. */
  stableAfterMs?: number;
  /** Failed attempts before open that trigger the REST probe. Default 2. */
  probeAfterFailures?: number;
  random?: () => number;
  timers?: Timers;
  /**
   * Sockets given the same object share one reachability probe (`GET /health` every 1–2 s while
   * any of them waits to retry) and reconnect as soon as it finds the server answering, instead of
   * at the end of their backoff. A hub passes one per configuration. Without it the socket retries
   * on its backoff alone.
   */
  reachabilityGroup?: object;
}

export interface VmSocketEvents extends Record<string, unknown> {
  state: SocketSnapshot;
  message: ServerMessage;
  'decode-error': DecodeError;
  open: undefined;
}

interface PendingRequest {
  resolve(data: ResponseData): void;
  reject(error: VmError): void;
  timer: unknown;
}

// Close codes a proxy or a patched server may use to say "retrying will not help".
const AUTH_CLOSE_CODES = new Set([1008, 4001, 4003, 4401, 4403]);
const NOT_FOUND_CLOSE_CODES = new Set([4004, 4404]);
// Errors the server sends without a requestId that can only be about the oldest command.
const COMMAND_ERROR_CODES = new Set(['INVALID_COMMAND', 'INVALID_MESSAGE', 'AUTH_ERROR']);

export class VmSocket {
  readonly vmName: string;
  readonly route: VmRoute;
  readonly events = new Emitter<VmSocketEvents>();

  private readonly o: Required<Omit<VmSocketOptions, 'serverUrl' | 'tokenProvider' | 'wsPath' | 'apiPath' | 'fetch' | 'backoff' | 'reachabilityGroup' | 'claim'>> &
    Pick<VmSocketOptions, 'serverUrl' | 'tokenProvider' | 'wsPath' | 'apiPath' | 'fetch'>;
  private readonly backoff: BackoffOptions;
  private readonly rest: RestClient;
  private readonly reachability: ServerReachability | null;
  private cancelWait: (() => void) | null = null;
  private ws: WebSocketLike | null = null;
  private snapshot: SocketSnapshot = { state: 'idle', attempt: 0, nextRetryAt: null, lastError: null, lastCloseCode: null };
  /** Bumped whenever an attempt is abandoned, so late async results of old attempts are ignored. */
  private generation = 0;
  private failuresBeforeOpen = 0;
  private probedThisStreak = false;
  private forceRefresh = false;
  private retryTimer: unknown = null;
  private heartbeatTimer: unknown = null;
  private stableTimer: unknown = null;
  private lastHeard = 0;
  private lastSent = 0;
  private readonly pending = new Map<string, PendingRequest>();
  private requestCounter = 0;
  private onlineListener: (() => void) | null = null;
  private readingPaused = false;

  constructor(options: VmSocketOptions) {
    this.vmName = validateVmName(options.vmName);
    this.route = options.route;
    this.o = {
      ...options,
      authMode: options.authMode ?? 'query',
      socketFactory: options.socketFactory ?? browserSocketFactory,
      heartbeatMs: options.heartbeatMs ?? 30_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      stableAfterMs: options.stableAfterMs ?? 10_000,
      probeAfterFailures: options.probeAfterFailures ?? 2,
      random: options.random ?? Math.random,
      timers: options.timers ?? realTimers,
    };
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.rest = new RestClient({
      serverUrl: options.serverUrl,
      apiPath: options.apiPath,
      authMode: this.o.authMode,
      tokenProvider: options.tokenProvider,
      fetch: options.fetch,
    });
    this.reachability = options.reachabilityGroup
      ? reachabilityFor(options.reachabilityGroup, { serverUrl: options.serverUrl, fetch: options.fetch, timers: this.o.timers, random: this.o.random })
      : null;
  }

  get state(): SocketSnapshot {
    return this.snapshot;
  }

  get isOpen(): boolean {
    return this.snapshot.state === 'open';
  }

  /** Bytes the browser has not yet put on the wire; 0 when there is no socket. */
  get bufferedAmount(): number {
    return this.ws?.bufferedAmount ?? 0;
  }

  /** True when the socket in use can stop reading (`WebSocketLike.pauseReading`). */
  get canPauseReading(): boolean {
    return typeof this.ws?.pauseReading === 'function';
  }

  /**
   * Stops (`true`) or resumes reading messages, where the socket can (the worker socket can; a
   * page WebSocket cannot, and this is then a no-op). Kept across reconnects.
   */
  pauseReading(paused: boolean): void {
    this.readingPaused = paused;
    this.ws?.pauseReading?.(paused);
  }

  connect(): void {
    const s = this.snapshot.state;
    if (s === 'connecting' || s === 'open' || s === 'reconnecting' || s === 'offline') return;
    this.failuresBeforeOpen = 0;
    this.probedThisStreak = false;
    this.setState({ state: 'connecting', attempt: 0, nextRetryAt: null, lastError: null });
    void this.attempt();
  }

  /** Skips the wait (or leaves `unauthorized`/`not-found`) and tries at once. */
  reconnectNow(): void {
    if (this.snapshot.state === 'closed' || this.snapshot.state === 'idle') {
      this.connect();
      return;
    }
    this.dropSocket();
    this.clearRetry();
    this.failuresBeforeOpen = 0;
    this.probedThisStreak = false;
    this.setState({ state: 'connecting', nextRetryAt: null });
    void this.attempt();
  }

  /** Closes for good: no more retries. Pending requests are rejected. */
  close(): void {
    this.generation++;
    this.clearRetry();
    this.dropSocket(1000, 'client closed');
    this.rejectAll(new VmError('SOCKET_CLOSED', 'The connection was closed.'));
    this.setState({ state: 'closed', nextRetryAt: null });
  }

  /** Sends a message now; false when the socket is not open (nothing is queued behind its back). */
  send(message: ClientMessage): boolean {
    if (!this.ws || this.ws.readyState !== WS_OPEN || this.snapshot.state !== 'open') return false;
    this.ws.send(encode(message));
    this.lastSent = this.o.timers.now();
    return true;
  }

  /** Sends a command and resolves with the server's `response` (whatever its `success`). */
  request(action: VmAction): Promise<ResponseData> {
    if (this.snapshot.state !== 'open') {
      return Promise.reject(new VmError('NOT_CONNECTED', `Cannot ${action} ${this.vmName}: there is no live connection.`));
    }
    const requestId = `c${Date.now().toString(36)}-${(++this.requestCounter).toString(36)}-${Math.floor(this.o.random() * 1e9).toString(36)}`;
    return new Promise<ResponseData>((resolve, reject) => {
      const timer = this.o.timers.setTimeout(() => {
        this.pending.delete(requestId);
        reject(new VmError('TIMEOUT', `The server did not answer the ${action} request within ${Math.round(this.o.requestTimeoutMs / 1000)} s.`));
      }, this.o.requestTimeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
      if (!this.send(commandMessage(action, requestId))) {
        this.settle(requestId)?.reject(new VmError('NOT_CONNECTED', `Cannot ${action} ${this.vmName}: there is no live connection.`));
      }
    });
  }

  private setState(patch: Partial<SocketSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.events.emit('state', this.snapshot);
  }

  private async attempt(): Promise<void> {
    const gen = ++this.generation;
    let url: string;
    let protocols: string[] | undefined;
    try {
      const token = this.o.authMode === 'cookie' ? null : await obtainToken(this.o.tokenProvider, this.forceRefresh);
      if (gen !== this.generation) return;
      url = buildSocketUrl({
        serverUrl: this.o.serverUrl,
        wsPath: this.o.wsPath,
        vmName: this.vmName,
        route: this.route,
        token: this.o.authMode === 'query' ? token : null,
      });
      protocols = this.o.authMode === 'subprotocol' && token ? tokenSubprotocols(token) : undefined;
    } catch (e) {
      if (gen !== this.generation) return;
      const error = e instanceof VmError ? e : new VmError('INVALID_CONFIG', 'The connection could not be set up.');
      // A configuration or token problem does not fix itself by retrying.
      this.setState({ state: error.code === 'AUTH_ERROR' ? 'unauthorized' : 'closed', lastError: error, nextRetryAt: null });
      return;
    }
    let ws: WebSocketLike;
    try {
      ws = await this.o.socketFactory(url, protocols);
      if (gen !== this.generation) {
        ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
        ws.close(1000);
        return;
      }
    } catch {
      // The browser's own message may quote the URL, and with it the token: never pass it on.
      this.setState({ state: 'closed', lastError: new VmError('INVALID_CONFIG', 'The browser refused to open a WebSocket to the server address.', { reason: 'socket-refused' }) });
      return;
    }
    this.ws = ws;
    if (this.readingPaused) ws.pauseReading?.(true);
    ws.onopen = () => gen === this.generation && this.handleOpen();
    ws.onmessage = (ev) => gen === this.generation && this.handleFrame(ev.data);
    ws.onclose = (ev) => gen === this.generation && this.handleClose(ev.code, false);
    // An error is always followed by a close; the close decides what happens.
    ws.onerror = () => undefined;
  }

  private handleOpen(): void {
    const t = this.o.timers;
    this.lastHeard = t.now();
    this.lastSent = t.now();
    this.failuresBeforeOpen = 0;
    this.probedThisStreak = false;
    this.forceRefresh = false;
    this.setState({ state: 'open', nextRetryAt: null, lastError: null });
    this.events.emit('open', undefined);
    const tick = Math.max(50, Math.floor(this.o.heartbeatMs / 2));
    this.heartbeatTimer = t.setInterval(() => this.heartbeatTick(), tick);
    this.stableTimer = t.setTimeout(() => {
      if (this.snapshot.state !== 'open') return;
      this.reachability?.reportStable();
      this.setState({ attempt: 0 });
    }, this.o.stableAfterMs);
  }

  private heartbeatTick(): void {
    const now = this.o.timers.now();
    // While reading is paused the silence is ours (output waits unread), not a dead peer's.
    if (this.readingPaused && this.canPauseReading) this.lastHeard = now;
    if (now - this.lastHeard >= 2 * this.o.heartbeatMs) {
      // Silent for two periods: the TCP connection may look open for minutes; replace it now.
      this.handleClose(4000, true);
      return;
    }
    if (now - this.lastSent >= this.o.heartbeatMs) this.send(heartbeatMessage);
  }

  private handleFrame(data: unknown): void {
    this.lastHeard = this.o.timers.now();
    const { messages, errors } = decode(data);
    for (const error of errors) this.events.emit('decode-error', error);
    for (const message of messages) {
      if (message.type === 'response') {
        const pending = this.settle(message.data.requestId);
        pending?.resolve(message.data);
      } else if (message.type === 'error' && COMMAND_ERROR_CODES.has(message.data.code) && this.pending.size > 0) {
        const oldest = this.pending.keys().next().value as string;
        this.settle(oldest)?.reject(new VmError(message.data.code, message.data.message || 'The server refused the command.', { detail: message.data.message }));
      }
      this.events.emit('message', message);
    }
  }

  private settle(requestId: string): PendingRequest | undefined {
    const pending = this.pending.get(requestId);
    if (!pending) return undefined;
    this.pending.delete(requestId);
    this.o.timers.clearTimeout(pending.timer);
    return pending;
  }

  private rejectAll(error: VmError): void {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
  }

  private handleClose(code: number, deadPeer: boolean): void {
    const wasOpen = this.snapshot.state === 'open';
    this.generation++;
    this.dropSocket(deadPeer ? 4000 : undefined, deadPeer ? 'heartbeat timeout' : undefined);
    this.rejectAll(new VmError('SOCKET_CLOSED', 'The connection was lost before the server answered.'));
    this.snapshot = { ...this.snapshot, lastCloseCode: code };
    if (AUTH_CLOSE_CODES.has(code)) return void this.handleAuthFailure();
    if (NOT_FOUND_CLOSE_CODES.has(code)) return this.stopNotFound();
    if (!wasOpen) this.failuresBeforeOpen++;
    const lastError = deadPeer
      ? new VmError('SOCKET_CLOSED', 'The server stopped answering; reconnecting.')
      : new VmError('SOCKET_CLOSED', wasOpen ? 'The connection was lost; reconnecting.' : 'Could not connect to the server; retrying.');
    if (!wasOpen && this.failuresBeforeOpen >= this.o.probeAfterFailures && !this.probedThisStreak) {
      this.probedThisStreak = true;
      void this.probe(lastError);
      return;
    }
    this.scheduleRetry(lastError);
  }

  /** A refused upgrade is just "1006" in a browser; the REST API tells why. */
  private async probe(fallbackError: VmError): Promise<void> {
    const gen = this.generation;
    this.setState({ state: 'connecting', lastError: fallbackError });
    let status: number | 'network';
    try {
      const token = this.o.authMode === 'cookie' ? null : await obtainToken(this.o.tokenProvider, this.forceRefresh);
      status = await this.rest.probeVm(this.vmName, token);
    } catch (e) {
      status = e instanceof VmError && e.code === 'AUTH_ERROR' ? 401 : 'network';
    }
    if (gen !== this.generation) return;
    if (status === 401 || status === 403) return void this.handleAuthFailure(status);
    if (status === 404) return this.stopNotFound();
    if (status === 200 && this.route === 'console') {
      // Signed in, the VM exists, yet the console upgrade is refused: the server checks a
      // separate `console` permission that the REST API cannot show. Retrying will not help.
      this.forceRefresh = true;
      return void this.handleAuthFailure(403);
    }
    this.scheduleRetry(
      status === 200 ? new VmError('SOCKET_CLOSED', 'The server answers but refuses the live connection; retrying.') : fallbackError,
    );
  }

  private async handleAuthFailure(status: number = 401): Promise<void> {
    if (!this.forceRefresh && this.o.tokenProvider) {
      // One more try with a token the provider must not take from its cache.
      this.forceRefresh = true;
      this.probedThisStreak = false;
      this.failuresBeforeOpen = 0;
      this.setState({ state: 'connecting', nextRetryAt: null });
      void this.attempt();
      return;
    }
    const message =
      status === 403
        ? `You do not have permission to open the ${this.route === 'console' ? 'console' : 'monitor'} of ${this.vmName}.`
        : 'The server did not accept your credentials. Sign in again.';
    this.setState({ state: 'unauthorized', nextRetryAt: null, lastError: new VmError(status === 403 ? 'PERMISSION_DENIED' : 'AUTH_ERROR', message, { status }) });
  }

  private stopNotFound(): void {
    this.setState({ state: 'not-found', nextRetryAt: null, lastError: new VmError('VM_NOT_FOUND', `There is no VM named "${this.vmName}".`, { status: 404 }) });
  }

  private scheduleRetry(lastError: VmError): void {
    if (typeof navigator !== 'undefined' && navigator.onLine === false && typeof window !== 'undefined') {
      this.setState({ state: 'offline', nextRetryAt: null, lastError });
      const retry = () => {
        this.clearRetry();
        this.setState({ state: 'connecting', nextRetryAt: null });
        void this.attempt();
      };
      if (this.reachability) {
        // The probe checks the server on `online` and wakes the group spread out, not all at once.
        this.cancelWait = this.reachability.wait(retry);
        return;
      }
      this.onlineListener = retry;
      window.addEventListener('online', this.onlineListener, { once: true });
      return;
    }
    const attempt = this.snapshot.attempt;
    const delay = backoffDelay(attempt, this.o.random, this.backoff);
    const t = this.o.timers;
    this.setState({ state: 'reconnecting', attempt: attempt + 1, nextRetryAt: t.now() + delay, lastError });
    const retry = () => {
      this.clearRetry();
      this.setState({ state: 'connecting', nextRetryAt: null });
      void this.attempt();
    };
    this.retryTimer = t.setTimeout(retry, delay);
    this.cancelWait = this.reachability?.wait(retry) ?? null;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.o.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.cancelWait?.();
    this.cancelWait = null;
    if (this.onlineListener && typeof window !== 'undefined') window.removeEventListener('online', this.onlineListener);
    this.onlineListener = null;
  }

  /** Detaches and closes the current socket without waiting for its close handshake. */
  private dropSocket(code?: number, reason?: string): void {
    const t = this.o.timers;
    if (this.heartbeatTimer !== null) t.clearInterval(this.heartbeatTimer);
    if (this.stableTimer !== null) t.clearTimeout(this.stableTimer);
    this.heartbeatTimer = null;
    this.stableTimer = null;
    const ws = this.ws;
    this.ws = null;
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    try {
      ws.close(code ?? 1000, reason);
    } catch {
      // Closing an already closing socket is harmless.
    }
  }
}
