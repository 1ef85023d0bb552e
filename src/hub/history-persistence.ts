/**
 * Keeps a monitor session's metrics history across page loads (VmHubConfig.persistHistory): the
 * restore when the session starts, a save after each accepted sample, a new look when the token
 * changes, and the last write when the session ends. Loaded with a session's first subscriber
 * when persistence is on, never with the page: MonitorSession only holds the flags samples wait on.
 */
import type { VmMetricsHistory } from '../metrics/vm-metrics-history.js';
import type { VmSocketOptions } from '../transport/vm-socket.js';
import type { HistoryPersistOptions } from './config.js';
import { restoreSession, type HistoryKeeper, type KeptSession } from './history-store.js';

export class HistoryPersistence {
  /** Where the history is kept; null while unknown, off or unavailable. */
  private keeper: HistoryKeeper | null = null;

  constructor(
    private readonly session: KeptSession,
    /** Whether the hub still keeps histories (its settings may change). */
    private readonly enabled: () => boolean,
  ) {}

  /** Gives the session what an earlier page kept, and keeps it from now on (when a user is known). */
  async restore(persist: HistoryPersistOptions): Promise<void> {
    const keeper = await restoreSession(this.session, persist);
    if (!this.session.dropped) this.keeper = keeper;
  }

  /** Saves the history with the store's next batch; `receivedAt`: wall time of its newest sample. */
  save(history: VmMetricsHistory | null, receivedAt: number): void {
    if (this.keeper && history && this.enabled()) this.keeper.saveHistory(history, receivedAt);
  }

  /**
   * New socket options (a new token may be another user: the history in memory is not theirs to
   * keep). False when nothing was kept so far: the session looks again, as a user may be known now.
   */
  rebind(options: VmSocketOptions): boolean {
    const kept = this.keeper;
    this.keeper = null;
    if (!kept) return false;
    void this.session.user().then((user) => {
      if (kept.stillFor(options, user) && !this.session.dropped) this.keeper = kept;
    });
    return true;
  }

  /** Deletes what is kept for this VM and keeps nothing more. */
  forget(): void {
    void this.keeper?.forget();
    this.keeper = null;
  }

  /** The session ends: its last state is written now, so the next page starts where it ended. */
  flush(history: VmMetricsHistory | null, receivedAt: number): void {
    this.save(history, receivedAt);
    void this.keeper?.flush();
  }
}
