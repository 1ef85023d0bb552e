/**
 * Paces the re-renders that pushed samples cause: they come in the shared chart frame, not at once
 * (100 tiles fed on 100 phases would otherwise paint the page 100 times a second), and not at all
 * while the element cannot be seen: one render when it can be again (a dashboard of 100 tiles
 * would otherwise lay out 100 times a second off screen).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DrawClock } from '../../internal/draw-clock.js';

export interface PacedRenderOptions {
  /** The frame to render in (it may change with the element's mode). */
  clock: () => DrawClock;
  /** Whether a render would be seen now. */
  visible: () => boolean;
  /** Every clock `clock` may return, to cancel a queued render on leaving the page. */
  clocks: readonly DrawClock[];
}

export class PacedRenderController implements ReactiveController {
  /** Resolves after the queued render was asked for; null when none is queued. */
  pending: Promise<void> | null = null;
  private resolve: (() => void) | null = null;
  private stale = false;
  private readonly job = () => {
    const resolve = this.resolve;
    this.pending = null;
    this.resolve = null;
    this.host.requestUpdate();
    resolve?.();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PacedRenderOptions,
  ) {
    host.addController(this);
  }

  /** Renders in the next shared frame (once, however often asked before it). */
  queue(): void {
    if (this.pending) return;
    this.pending = new Promise((resolve) => (this.resolve = resolve));
    this.options.clock().request(this.job);
  }

  /** New data: rendered in the next frame if it would be seen, else once it can be. */
  changed(): void {
    if (this.options.visible()) this.queue();
    else this.stale = true;
  }

  /** The element may be seen again: renders what changed meanwhile. */
  catchUp(): void {
    if (this.stale && this.options.visible()) {
      this.stale = false;
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    if (!this.pending) return;
    for (const clock of this.options.clocks) clock.cancel(this.job);
    this.job();
  }
}
