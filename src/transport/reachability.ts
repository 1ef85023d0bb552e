/**
 * Tells sockets waiting out their backoff that their server answers again, so they reconnect a
 * moment after it is back instead of up to a whole backoff period (30 s) later. One prober per
 * group of sockets (a hub passes one group per configuration): with 50 sockets waiting on one
 * server there is still one cheap `GET /health` in flight, never 50.
 *
 * The probes back off themselves (one every 1–2 s, jittered; every 5–10 s while the page is hidden),
 * and the browser's `online`, the page becoming visible and window focus probe at once. When a
 * probe finds the server answering, every waiting socket is woken, spread over a few hundred ms so
 * they do not all hit the server in the same millisecond. A server whose health route answers but
 * whose sockets keep failing gets fewer and fewer wake-ups (1, 2, 4 … 30 s apart) until a socket
 * opens: the probe can never turn into a reconnect storm.
 */
import type { FetchLike } from './socket-factory.js';
import { realTimers, type Timers } from './timers.js';
import { buildApiUrl } from './urls.js';

export interface ReachabilityOptions {
  serverUrl?: string;
  fetch?: FetchLike;
  timers?: Timers;
  random?: () => number;
}

/** Probe period while the server stays down: grows from `minMs` to `maxMs`, then ×0.5–1 jitter. */
const PROBE_MIN_MS = 1000;
const PROBE_MAX_MS = 2000;
/** A hidden page probes rarely; becoming visible again probes at once. */
const PROBE_HIDDEN_MS = 10_000;
/** A host that swallows packets makes fetch hang for minutes; a probe that slow means "down". */
const PROBE_TIMEOUT_MS = 3000;
/** Probes this far apart belong to different outages: the next one starts at the short period. */
const NEW_OUTAGE_AFTER_MS = 10_000;
/** Events (online, focus, visible) probe at once, but never more often than this. */
const EVENT_PROBE_GAP_MS = 500;
/** Woken sockets are spread over up to this long (20 ms per socket). */
const WAKE_SPREAD_MAX_MS = 500;
const WAKE_SPREAD_PER_SOCKET_MS = 20;
/** Gaps between wake-ups that did not lead to an open socket: 1, 2, 4 … 30 s. */
const FRUITLESS_WAKE_MIN_MS = 1000;
const FRUITLESS_WAKE_MAX_MS = 30_000;

/**
 * Whether an answer to `GET /health` shows that the server itself is up: any JSON answer below
 * 500. LibGo answers 200 there; a JSON 401/404 still comes from a live API server. A 5xx is a
 * failing server or a proxy whose upstream is down (502/503/504); an HTML or text answer comes
 * from something else (a proxy's error page, a captive portal, a single-page app's fallback).
 */
export function isServerAnswer(status: number, contentType: string | null): boolean {
  if (status === 204) return true;
  if (status < 200 || status >= 500) return false;
  return /^application\/([\w.+-]*\+)?json\b/i.test((contentType ?? '').trim());
}

interface Waiter {
  wake(): void;
  timer: unknown;
}

export class ServerReachability {
  private readonly fetchFn: FetchLike;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly healthUrl: string | null;
  private readonly waiters = new Set<Waiter>();
  private probeTimer: unknown = null;
  private inFlight = false;
  private lastProbeAt = -Infinity;
  private downStreak = 0;
  private fruitlessWakes = 0;
  private nextWakeAt = -Infinity;
  private listening = false;
  private probeCount = 0;

  constructor(options: ReachabilityOptions = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
    let url: string | null = null;
    try {
      // LibGo serves /health beside the API, outside its auth; a base path in serverUrl is kept.
      url = buildApiUrl(options.serverUrl, '/', '/health');
    } catch {
      // A bad server address: the sockets report it; there is nothing to probe.
    }
    this.healthUrl = url;
  }

  /** Probes sent so far (for benchmarks and diagnostics). */
  get probesSent(): number {
    return this.probeCount;
  }

  /** Sockets currently waiting to be woken. */
  get waiting(): number {
    return this.waiters.size;
  }

  /**
   * Calls `onReachable` once, when a probe finds the server answering. Returns a function that
   * cancels the wait (call it when the socket reconnects or closes for another reason).
   */
  wait(onReachable: () => void): () => void {
    const waiter: Waiter = { wake: onReachable, timer: null };
    if (this.healthUrl === null) return () => undefined;
    this.waiters.add(waiter);
    if (this.waiters.size === 1) this.start();
    return () => {
      if (waiter.timer !== null) this.timers.clearTimeout(waiter.timer);
      waiter.timer = null;
      if (this.waiters.delete(waiter) && this.waiters.size === 0) this.stop();
    };
  }

  /**
   * A socket of the group has stayed open a while: wake-ups were not in vain, the next outage
   * starts afresh. (Reported when the socket is stable, not when it opens, so a socket the server
   * drops right after accepting it gets fewer and fewer wake-ups instead of one every second.)
   */
  reportStable(): void {
    this.fruitlessWakes = 0;
    this.nextWakeAt = -Infinity;
  }

  private start(): void {
    // Sockets leave the wait for each of their own attempts; a probe already scheduled keeps its
    // time (else sockets retrying faster than the probe period would starve it).
    const sinceLast = this.timers.now() - this.lastProbeAt;
    const sameOutage = sinceLast <= NEW_OUTAGE_AFTER_MS;
    if (!sameOutage) this.downStreak = 0;
    this.listen(true);
    if (this.probeTimer !== null || this.inFlight) return;
    const delay = this.probeDelay();
    this.schedule(sameOutage ? Math.max(0, delay - sinceLast) : delay);
  }

  /** Nothing waits: no more listening; a scheduled probe finds nobody waiting and sends nothing. */
  private stop(): void {
    this.listen(false);
  }

  private probeDelay(): number {
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    const cap = hidden ? PROBE_HIDDEN_MS : Math.min(PROBE_MAX_MS, PROBE_MIN_MS * 2 ** this.downStreak);
    return Math.floor(cap * (0.5 + 0.5 * this.random()));
  }

  private schedule(ms: number): void {
    this.clearProbeTimer();
    this.probeTimer = this.timers.setTimeout(() => {
      this.probeTimer = null;
      void this.probe();
    }, ms);
  }

  private clearProbeTimer(): void {
    if (this.probeTimer !== null) this.timers.clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private readonly onSignal = (event: Event): void => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'visible') return;
    if (event.type === 'online') this.downStreak = 0;
    if (this.waiters.size === 0 || this.inFlight) return;
    if (this.timers.now() - this.lastProbeAt < EVENT_PROBE_GAP_MS) return;
    this.clearProbeTimer();
    void this.probe();
  };

  private listen(on: boolean): void {
    if (on === this.listening || typeof window === 'undefined' || typeof window.addEventListener !== 'function') return;
    this.listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('online', this.onSignal);
    window[method]('focus', this.onSignal);
    if (typeof document !== 'undefined') document[method]('visibilitychange', this.onSignal);
  }

  private async probe(): Promise<void> {
    if (this.inFlight || this.waiters.size === 0 || this.healthUrl === null) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      // No network at all: nothing to ask until `online` (or the next period, should it not come).
      this.downStreak++;
      this.schedule(this.probeDelay());
      return;
    }
    this.inFlight = true;
    this.lastProbeAt = this.timers.now();
    this.probeCount++;
    const up = await this.ask(this.healthUrl);
    this.inFlight = false;
    if (this.waiters.size === 0) return;
    if (!up) {
      this.downStreak++;
      this.schedule(this.probeDelay());
      return;
    }
    this.downStreak = 0;
    const wait = this.nextWakeAt - this.timers.now();
    if (wait > 0) {
      // The server answered before, yet the sockets woken then did not open: let them breathe.
      this.schedule(wait);
      return;
    }
    this.wakeAll();
  }

  private async ask(url: string): Promise<boolean> {
    const abort = new AbortController();
    const timer = this.timers.setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS);
    try {
      const res = await Promise.race([
        this.fetchFn(url, {
          method: 'GET',
          // Accept is a CORS-safelisted header and no token is sent: no preflight, nothing to leak.
          headers: { Accept: 'application/json' },
          cache: 'no-store',
          credentials: 'same-origin',
          signal: abort.signal,
        }),
        // A fetch that ignores its signal (a test double, a polyfill) must not stall the prober.
        new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => reject(new Error('timeout')), { once: true })),
      ]);
      const up = isServerAnswer(res.status, res.headers.get('content-type'));
      // The body is not needed; a hostile one must not be downloaded.
      res.body?.cancel().catch(() => undefined);
      return up;
    } catch {
      return false;
    } finally {
      this.timers.clearTimeout(timer);
    }
  }

  private wakeAll(): void {
    const woken = [...this.waiters];
    this.waiters.clear();
    this.clearProbeTimer();
    this.stop();
    this.fruitlessWakes++;
    this.nextWakeAt = this.timers.now() + Math.min(FRUITLESS_WAKE_MAX_MS, FRUITLESS_WAKE_MIN_MS * 2 ** (this.fruitlessWakes - 1));
    const spread = Math.min(WAKE_SPREAD_MAX_MS, WAKE_SPREAD_PER_SOCKET_MS * (woken.length - 1));
    for (const waiter of woken) {
      waiter.timer = this.timers.setTimeout(() => {
        waiter.timer = null;
        waiter.wake();
      }, Math.floor(this.random() * spread));
    }
  }
}

const groups = new WeakMap<object, ServerReachability>();

/**
 * The prober shared by every socket given the same `group` object; made from the first socket's
 * options (a hub makes a new group whenever its configuration changes).
 */
export function reachabilityFor(group: object, options: ReachabilityOptions): ServerReachability {
  let r = groups.get(group);
  if (!r) {
    r = new ServerReachability(options);
    groups.set(group, r);
  }
  return r;
}
