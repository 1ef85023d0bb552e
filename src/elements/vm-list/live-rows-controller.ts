/**
 * Which of `<vm-list>`'s rows hold live sessions, and how often their values re-render. It follows
 * the virtualizer's ranges (row-ranges.ts), leases sessions for the rows that settled
 * (row-leases.ts), lets the page's socket budget know whether the list is on screen, and paces the
 * renders that live values cause. Everything it holds is released when the element leaves the page.
 */
import type { LitElement, ReactiveController } from 'lit';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { VmHub } from '../../hub/vm-hub.js';
import { FrameBatcher } from '../../internal/frame-batcher.js';
import { LeaseVisibilityController } from '../../controllers/lease-visibility-controller.js';
import type { FleetRow } from './fleet-view.js';
import { RowLeases } from './row-leases.js';
import { RowRanges, type RowRange } from './row-ranges.js';

/**
 * Live values re-render the rows at most this often: their samples come once a second at best, and
 * each render lays out and paints every row on screen. A status change renders in the next frame,
 * or while the list scrolls with the next look at its rows (renderNews).
 */
export const RENDER_MS = 1000;
/** A row must stay rendered this long before it takes a session: a fling opens no sockets. */
export const SETTLE_MS = 250;

export interface LiveRowsOptions {
  /** The rows in the order shown (the virtualizer's indexes point into it). */
  rows: () => readonly FleetRow[];
  /** The hub to lease sessions from. */
  hub: () => VmHub | null;
  /** The virtualizer rendered another range (before it renders it). */
  rangeChanged?: () => void;
  /**
   * The rows inside the list's own scroll box, looked at when the rows settle. Without it, the
   * virtualizer's visible range is used (which is empty while the list is below the fold).
   */
  inView?: () => RowRange;
}

export class LiveRowsController implements ReactiveController {
  private readonly batcher: FrameBatcher;
  /**
   * Samples re-render the rows at most every RENDER_MS: forty live rows at 1 Hz arrive at forty
   * different moments, and one render per frame for each cost a quarter of the main thread.
   */
  readonly leases = new RowLeases((urgent) => (urgent ? this.renderNews() : this.renderSoon()));
  readonly ranges = new RowRanges();
  /** The first rendered item's index: rows are keyed by their place after it. */
  slotBase = 0;
  private shown = false;
  /** A status or socket changed while a look was due: that look renders it. */
  private newsWaiting = false;
  private renderTimer: ReturnType<typeof setTimeout> | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: LitElement,
    private readonly options: LiveRowsOptions,
  ) {
    this.batcher = new FrameBatcher(host);
    host.addController(this);
    new LeaseVisibilityController(host, {
      setVisible: (v) => {
        this.shown = v;
        this.leases.setShown(v);
        this.syncTicker();
      },
    });
  }

  hostDisconnected(): void {
    this.leases.releaseAll();
    this.batcher.cancel();
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = null;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    this.stopTicker();
  }

  readonly onRange = (e: RangeChangedEvent): void => {
    // Before the virtualizer renders the new range (its listener comes after this one).
    this.slotBase = e.first;
    this.ranges.setRendered(e);
    this.options.rangeChanged?.();
    this.scheduleSettle();
  };

  readonly onVisibleRange = (e: VisibilityChangedEvent): void => {
    if (!this.options.inView) this.ranges.setShown(e);
    this.scheduleSettle();
  };

  /** Looks at the rows again after SETTLE_MS (on new rows, a new hub, a moved range). */
  scheduleSettle(): void {
    if (this.settleTimer || !this.host.isConnected) return;
    this.settleTimer = setTimeout(() => this.settle(), SETTLE_MS);
  }

  /**
   * Leases sessions for the rows rendered since the last look (a row that came and went within
   * SETTLE_MS, as in a fling, never opens a socket); the rows on screen ask for theirs first.
   */
  private settle(): void {
    this.settleTimer = null;
    if (this.options.inView) this.ranges.setShown(this.options.inView());
    const { stable, shown, moving } = this.ranges.look(this.options.rows(), (r) => r.vm.name);
    const changed = this.leases.sync(this.host.isConnected ? this.options.hub() : null, stable, shown);
    // Still moving: look again, so rows that stay get their session without waiting for a stop.
    if (moving) this.scheduleSettle();
    this.syncTicker();
    // Rows show their session's values once they hold one. Rendering the whole list on every look
    // (four a second while it scrolls) cost more than the rows it changed.
    if (changed || this.newsWaiting) this.host.requestUpdate();
    this.newsWaiting = false;
  }

  /**
   * A row's status or socket changed: rendered in the next frame, or with the next look if one is
   * due (the list is moving). Scrolled, rows take sessions a few a second and each socket opens in
   * steps: a render per step was most of the list's renders.
   */
  private renderNews(): void {
    if (this.settleTimer) this.newsWaiting = true;
    else this.batcher.schedule();
  }

  private renderSoon(): void {
    if (this.renderTimer) return;
    this.renderTimer = setTimeout(() => {
      this.renderTimer = null;
      this.batcher.schedule();
    }, RENDER_MS);
  }

  /** The uptime counts on while a running VM is on screen. */
  private syncTicker(): void {
    const wants = this.shown && this.leases.size > 0;
    if (wants && !this.ticker) this.ticker = setInterval(() => this.renderSoon(), 1000);
    else if (!wants) this.stopTicker();
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }
}
