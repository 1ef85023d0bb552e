/**
 * What a monitor session does with metrics once the first sample has arrived (or, with
 * VmHubConfig.persistHistory, once the session starts): the history (series, rates), samples that
 * wait for a kept history, the gaps where the connection broke, and keeping the history across
 * page loads. Loaded then, with the history code, never with the page: a status badge or an
 * Overview tab needs none of it, and no sample can arrive before the socket code, which itself
 * loads after the first paint. Until it is here, MonitorSession queues samples and gaps in order.
 */
import type { MetricsMessage } from '../protocol/types.js';
import { VmMetricsHistory } from '../metrics/vm-metrics-history.js';
import type { VmSocketOptions } from '../transport/vm-socket.js';
import type { HistoryPersistence } from './history-persistence.js';
import type { KeptSession } from './history-store.js';
import type { MonitorSession } from './monitor-session.js';

/** A sample as it arrived (receive time on the session's monotonic clock), or a gap (null). */
export type Waiting = { message: MetricsMessage; receivedAt: number } | null;

/** Live samples wait at most this long for a kept history to be read. */
const RESTORE_WAIT_MS = 3000;

export class MetricsIntake implements KeptSession {
  history: VmMetricsHistory | null = null;
  /** Keeps the history across page loads (history-persistence.ts); null until its code is here. */
  private kept: HistoryPersistence | null = null;
  /** Samples wait for the kept history (it goes first), but never longer than RESTORE_WAIT_MS. */
  private restoring = false;
  private restoreBegun = false;
  private disposed = false;
  /** Wall-clock time at which the newest sample arrived, saved with the history. */
  private lastReceivedWall = NaN;

  constructor(
    private readonly session: MonitorSession,
    /** Samples and gaps that arrived before this code; bounded by the session. */
    private pending: Waiting[],
    /** Notifies the session's subscribers. */
    private readonly changed: () => void,
  ) {}

  /**
   * Stores the samples that waited (or first looks for a kept history, when `restore`) and tells
   * the subscribers. Not in the constructor: a subscriber told from there asked the session for
   * its history before the session held this intake, saw none, and a tile said "Live" only with
   * the next sample (5 s later on LibGo).
   */
  start(restore: boolean): void {
    if (restore) this.beginRestore();
    if (!this.restoring) {
      this.drainPending();
      this.changed();
    }
  }

  get socketOptions(): VmSocketOptions {
    return this.session.socketOptions;
  }

  get metricsCapacity(): number {
    return this.session.metricsCapacity;
  }

  get clock(): KeptSession['clock'] {
    return this.session.clock;
  }

  user(): Promise<string | null> {
    return this.session.user();
  }

  /** The session ended, or was asked not to keep its history. */
  get dropped(): boolean {
    return this.session.persistOff || this.disposed;
  }

  /** Stores a sample; true when it was stored now (false: refused, or waiting for a kept history). */
  add(message: MetricsMessage, receivedAt: number): boolean {
    // While samples wait for the kept history, later ones queue behind them: order is kept.
    if (!this.history && this.pending.length === 0 && !this.restoring) this.createHistory();
    if (!this.history) {
      this.pending.push({ message, receivedAt });
      if (this.pending.length > this.metricsCapacity + 1) this.pending.shift();
      return false;
    }
    if (!this.history.addMessage(message, receivedAt)) return false;
    this.accepted();
    return true;
  }

  /** The chart must break where the connection did, not draw a line across the outage. */
  markGap(): void {
    if (this.history) this.history.markGap();
    // Before the first sample there is no line to break.
    else if (this.pending.length > 0) this.pending.push(null);
  }

  createHistory(): VmMetricsHistory {
    return (this.history ??= new VmMetricsHistory({ capacity: this.metricsCapacity }));
  }

  /**
   * New socket options: the kept history decides whether it is still this user's; when nothing
   * was kept, looks again (a token provider set after the elements loaded: signed in only now).
   */
  rebind(options: VmSocketOptions): void {
    if (this.kept?.rebind(options)) return;
    if (!this.history && !this.restoring) {
      this.restoreBegun = false;
      this.beginRestore();
    }
  }

  /** What was kept is deleted (see MonitorSession.disablePersistence). */
  forget(): void {
    this.kept?.forget();
  }

  dispose(): void {
    this.disposed = true;
    this.pending = [];
    this.kept?.flush(this.history, this.lastReceivedWall);
  }

  private accepted(): void {
    this.lastReceivedWall = this.clock.wall();
    this.kept?.save(this.history, this.lastReceivedWall);
  }

  /**
   * Looks for this VM's history as an earlier page left it (see VmHubConfig.persistHistory).
   * Runs once, when the first subscriber arrives; its code loads then, never with the page.
   */
  beginRestore(): void {
    const persist = this.session.persistence();
    if (this.restoreBegun || this.session.persistOff || !persist) return;
    this.restoreBegun = this.restoring = true;
    const restore = import('./history-persistence.js').then((m) => {
      if (this.dropped) return;
      this.kept = new m.HistoryPersistence(this, () => this.session.persistence() !== null);
      return this.kept.restore(persist);
    });
    // Storage that hangs must not hold live samples back for long.
    void Promise.race([restore, new Promise((resolve) => setTimeout(resolve, RESTORE_WAIT_MS))])
      .catch(() => undefined)
      .then(() => {
        this.restoring = false;
        if (this.disposed) return;
        if (this.pending.length > 0) this.drainPending();
        if (this.history) this.changed();
      });
  }

  /** Feeds the samples (and gaps) that waited for this code or for the kept history. */
  private drainPending(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    const history = this.createHistory();
    this.pending = [];
    let any = false;
    for (const m of pending) {
      if (!m) history.markGap();
      else if (history.addMessage(m.message, m.receivedAt)) any = true;
    }
    if (any) this.accepted();
  }
}
