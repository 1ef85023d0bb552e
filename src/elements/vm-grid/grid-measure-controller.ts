/**
 * What `<vm-grid>` lays its pool out from: its own width, and the height a drawn
 * tile needs. One ResizeObserver watches a zero-height line across the grid (its width only: the
 * host's own height changes with every new row height, which would notify again in the same
 * frame, a "ResizeObserver loop") and the tile in slot 0 (column 0 of a pooled row, so it draws a
 * VM whenever there are tiles). The host is asked to update from the observer's callback only,
 * never while it renders.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class GridMeasureController implements ReactiveController {
  /** The grid's width, in px (0 until measured). */
  width = 0;
  /** The height a tile needs, in px (0 until one has drawn). */
  tileHeight = 0;
  private observer: ResizeObserver | null = null;
  private line: Element | null = null;
  private tile: Element | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Watches these two (after each render: the pool's slot 0 may be a new element, or gone). */
  watch(line: Element | null, tile: Element | null): void {
    if (!this.observer) return;
    if (line !== this.line) {
      if (this.line) this.observer.unobserve(this.line);
      if (line) this.observer.observe(line);
      this.line = line;
    }
    if (tile !== this.tile) {
      if (this.tile) this.observer.unobserve(this.tile);
      if (tile) this.observer.observe(tile, { box: 'border-box' });
      this.tile = tile;
    }
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => this.measured(entries));
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.line = this.tile = null;
  }

  private measured(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const e of entries) {
      if (e.target === this.line) {
        const width = e.contentRect.width;
        changed ||= width !== this.width;
        this.width = width;
      } else if (e.target === this.tile) {
        // A tile the browser skips (content-visibility, off-screen and never drawn) measures 0: not its height.
        const h = Math.ceil(e.borderBoxSize?.[0]?.blockSize ?? e.contentRect.height);
        if (h > 0 && h !== this.tileHeight) {
          this.tileHeight = h;
          changed = true;
        }
      }
    }
    if (changed) this.host.requestUpdate();
  }
}
