/**
 * The fleet's status without a socket per VM: one paginated `GET /vms` per hub at an interval,
 * while someone wants it (a fleet view subscribed, or a session the socket budget left without a
 * socket). Paused while the page is hidden; backs off on errors. Sessions of a hub without
 * `serverUrl` never start it (the page's origin may have no LibGo API: host-pushed metrics); only a
 * fleet view that asks does.
 */
import { VmError } from '../protocol/errors.js';
import type { VmInfo } from '../protocol/types.js';
import type { Timers } from '../transport/timers.js';
import type { MonitorSession } from './monitor-session.js';
import type { SessionBase } from './session-base.js';

/** Fleet polling settings (see `VmHubConfig.fleetPollMs`). */
export const DEFAULT_FLEET_POLL_MS = 10_000;
/** Errors back off to at most this interval. */
const MAX_BACKOFF_MS = 5 * 60_000;

export interface FleetPollerOptions {
  /** Lists every VM (the REST client follows LibGo's pagination). */
  listVms: () => Promise<VmInfo[]>;
  intervalMs: number;
  timers: Timers;
  /**
   * True while polling is worth it although nobody subscribed. Default: while a session that
   * called `wake()` still waits in the page's socket budget's queue.
   */
  wanted?: () => boolean;
  /** Defaults to the page's visibility. */
  isHidden?: () => boolean;
}

export class FleetPoller {
  private list: readonly VmInfo[] | null = null;
  private byName = new Map<string, VmInfo>();
  private lastError: VmError | null = null;
  private updated: number | null = null;
  private failures = 0;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private disposed = false;
  private readonly listeners = new Set<() => void>();
  private readonly isHidden: () => boolean;
  private readonly wanted: () => boolean;
  /** Monitor sessions without a socket that take their status from the list. */
  private readonly starved = new Set<SessionBase>();
  private readonly onVisible = () => {
    // Back in front: the list may be an interval old; look now rather than at the next tick.
    if (!this.isHidden() && this.shouldPoll()) void this.refresh();
  };

  constructor(private readonly o: FleetPollerOptions) {
    this.isHidden = o.isHidden ?? (() => typeof document !== 'undefined' && document.visibilityState === 'hidden');
    // Only the budget's queue makes it poll: a session merely connecting or reconnecting has a
    // socket on its way, and a page load must not list the whole fleet for nothing.
    this.wanted =
      o.wanted ??
      (() => {
        this.prune();
        return this.starved.size > 0;
      });
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.onVisible);
    this.schedule(0);
  }

  /** Every VM as last listed, or null before the first answer. */
  get vms(): readonly VmInfo[] | null {
    return this.list;
  }

  /** Why the last poll failed, or null after a success. */
  get error(): VmError | null {
    return this.lastError;
  }

  /** When the list was last fetched (the hub's clock), or null. */
  get updatedAt(): number | null {
    return this.updated;
  }

  /** One VM as last listed. */
  vm(name: string): VmInfo | undefined {
    return this.byName.get(name);
  }

  /** Called on every new list or error; keeps the poller polling. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1 && this.list === null && !this.inFlight) this.schedule(0);
    return () => this.listeners.delete(listener);
  }

  /** Lists the fleet now (one request at a time). */
  refresh(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    return (this.inFlight ??= this.poll().finally(() => (this.inFlight = null)));
  }

  /**
   * @internal A session had to wait for a socket (the page's socket budget): until it has one, it
   * takes its status from the list — the last one at once — and the poller polls. A list is
   * fetched now if there is none yet.
   */
  wake(session?: SessionBase): void {
    if (session?.route === 'monitor') this.starved.add(session);
    if (this.list) this.feed();
    else if (!this.inFlight && !this.isHidden()) this.schedule(0);
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.listeners.clear();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisible);
  }

  private shouldPoll(): boolean {
    return !this.disposed && (this.listeners.size > 0 || this.wanted());
  }

  /** Forgets sessions that got a socket since, or were closed. */
  private prune(): void {
    for (const s of this.starved) if (s.connection.state !== 'queued') this.starved.delete(s);
  }

  /**
   * Sessions without a socket take the VM's status as listed (the socket's own is newer). Uptime
   * is kept while the status stays, else counted from zero.
   */
  private feed(): void {
    this.prune();
    for (const s of this.starved) {
      const vm = this.byName.get(s.vmName);
      const session = s as MonitorSession;
      const prev = session.status;
      if (!vm || (prev && prev.status === vm.status && prev.rawStatus === vm.rawStatus)) continue;
      session.setStatus({ status: vm.status, rawStatus: vm.rawStatus, uptime: 0, receivedAt: this.o.timers.now(), lastStateChange: prev?.lastStateChange ?? null });
    }
  }

  private async poll(): Promise<void> {
    try {
      const vms = await this.o.listVms();
      if (this.disposed) return;
      this.failures = 0;
      this.lastError = null;
      this.list = vms;
      this.byName = new Map(vms.map((v) => [v.name, v]));
      this.updated = this.o.timers.now();
      this.feed();
    } catch (e) {
      if (this.disposed) return;
      this.failures++;
      this.lastError = e instanceof VmError ? e : new VmError('NETWORK_ERROR', 'The VM list could not be loaded.');
    }
    for (const l of [...this.listeners]) l();
  }

  private schedule(delay: number): void {
    this.clearTimer();
    if (this.disposed) return;
    this.timer = this.o.timers.setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (this.shouldPoll() && !this.isHidden()) await this.refresh();
    // After n failures in a row: the interval times 2^n, capped.
    const delay = this.failures === 0 ? this.o.intervalMs : Math.min(MAX_BACKOFF_MS, this.o.intervalMs * 2 ** Math.min(this.failures, 10));
    this.schedule(delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.o.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
