/**
 * Whether `<vm-metrics>` is near the screen, and how big its plots are, from one intersection and
 * one resize observer held while it is connected. Sizes are kept as the observer reported them:
 * reading clientWidth in a frame would force a layout per element, 100 layouts a frame for 100.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PlotWatchOptions {
  /** The plots to measure, as rendered now. */
  plots: () => Element[];
  /** The element came near the screen or left it (`onScreen`). */
  onScreenChange: () => void;
  /** A plot's size changed. */
  onResize: () => void;
}

export class PlotWatch implements ReactiveController {
  /** Near the screen (200 px ahead of scrolling into view, so a chart is drawn by the time it shows). */
  onScreen = true;
  private intersection: IntersectionObserver | null = null;
  private resize: ResizeObserver | null = null;
  private readonly sizes = new WeakMap<Element, [number, number]>();
  private observed: Element[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean },
    private readonly options: PlotWatchOptions,
  ) {
    host.addController(this);
  }

  /** The plots measured, in order. */
  get plots(): readonly Element[] {
    return this.observed;
  }

  /** A plot's size as last reported ([0, 0] before then). */
  size(plot: Element): [number, number] {
    return this.sizes.get(plot) ?? [0, 0];
  }

  hostConnected(): void {
    this.intersection = new IntersectionObserver(
      (entries) => {
        this.onScreen = entries[entries.length - 1]!.isIntersecting;
        this.options.onScreenChange();
      },
      { rootMargin: '200px 0px' },
    );
    this.intersection.observe(this.host);
    this.resize = new ResizeObserver((entries) => {
      for (const e of entries) {
        const box = e.contentBoxSize?.[0];
        this.sizes.set(e.target, box ? [Math.round(box.inlineSize), Math.round(box.blockSize)] : [0, 0]);
      }
      this.options.onResize();
    });
    this.observed = [];
    if (this.host.hasUpdated) this.observePlots();
  }

  hostUpdated(): void {
    this.observePlots();
  }

  hostDisconnected(): void {
    this.intersection?.disconnect();
    this.intersection = null;
    this.resize?.disconnect();
    this.resize = null;
  }

  /** Observes the plots; only when the set of plots changed (observing reports a size at once). */
  private observePlots(): void {
    if (!this.resize) return;
    const plots = this.options.plots();
    if (plots.length === this.observed.length && plots.every((p, i) => p === this.observed[i])) return;
    this.resize.disconnect();
    for (const plot of plots) this.resize.observe(plot);
    this.observed = plots;
  }
}
