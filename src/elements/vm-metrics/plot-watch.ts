/**
 * Whether `<vm-metrics>` is near the screen, and how big its plots are. One intersection and one
 * resize observer serve every element of the page: a fleet page has a thousand tiles, and a
 * thousand observers each cost Chromium a pass per frame (bench:fleet traced it). Sizes are kept
 * as the observer reported them: reading clientWidth in a frame would force a layout per element,
 * 100 layouts a frame for 100.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeWhileRendered } from '../../controllers/observe-while-rendered.js';

export interface PlotWatchOptions {
  /** The plots to measure, as rendered now. */
  plots: () => Element[];
  /** The element came near the screen or left it (`onScreen`). */
  onScreenChange: () => void;
  /** A plot's size changed. */
  onResize: () => void;
}

/** Who watches what: a host for the intersection observer, a plot for the resize observer. */
const byHost = new Map<Element, PlotWatch>();
const byPlot = new Map<Element, PlotWatch>();
let intersection: IntersectionObserver | null = null;
let resize: ResizeObserver | null = null;

function sharedIntersection(): IntersectionObserver {
  intersection ??= new IntersectionObserver(
    (entries) => {
      // The last entry of a target is its state now (several can queue between two callbacks).
      const latest = new Map<Element, boolean>();
      for (const e of entries) latest.set(e.target, e.isIntersecting);
      for (const [el, on] of latest) byHost.get(el)?.screenChanged(on);
    },
    // Near the screen: 200 px ahead of scrolling into view, so a chart is drawn by the time it shows.
    { rootMargin: '200px 0px' },
  );
  return intersection;
}

function sharedResize(): ResizeObserver {
  resize ??= new ResizeObserver((entries) => {
    const touched = new Set<PlotWatch>();
    for (const e of entries) {
      const w = byPlot.get(e.target);
      if (!w) continue;
      const box = e.contentBoxSize?.[0];
      w.sized(e.target, box ? [Math.round(box.inlineSize), Math.round(box.blockSize)] : [0, 0]);
      touched.add(w);
    }
    for (const w of touched) w.resized();
  });
  return resize;
}

/** Lets the shared observers go when the last element has (a page that drops its tiles keeps none). */
function releaseIfUnused(): void {
  if (byHost.size === 0) {
    intersection?.disconnect();
    intersection = null;
  }
  if (byPlot.size === 0) {
    resize?.disconnect();
    resize = null;
  }
}

export class PlotWatch implements ReactiveController {
  /** Near the screen (200 px ahead of scrolling into view, so a chart is drawn by the time it shows). */
  onScreen = true;
  private connected = false;
  private readonly sizes = new WeakMap<Element, [number, number]>();
  private observed: Element[] = [];
  private stopObserving: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean },
    private readonly options: PlotWatchOptions,
  ) {
    host.addController(this);
  }

  /** The plots measured, in order (none while far off screen). */
  get plots(): readonly Element[] {
    return this.observed;
  }

  /** A plot's size as last reported ([0, 0] before then). */
  size(plot: Element): [number, number] {
    return this.sizes.get(plot) ?? [0, 0];
  }

  hostConnected(): void {
    this.connected = true;
    byHost.set(this.host, this);
    this.stopObserving = observeWhileRendered(this.host, sharedIntersection(), () => this.screenChanged(false));
    this.observed = [];
    if (this.host.hasUpdated) this.observePlots();
  }

  hostUpdated(): void {
    this.observePlots();
  }

  hostDisconnected(): void {
    this.connected = false;
    byHost.delete(this.host);
    this.stopObserving?.();
    this.stopObserving = null;
    this.unobservePlots();
    this.observed = [];
    releaseIfUnused();
  }

  /** @internal the shared intersection observer's answer for this element. */
  screenChanged(on: boolean): void {
    this.onScreen = on;
    // Plots far off screen are not measured: the resize observer looks at every plot it holds in
    // every frame, and a scrolled fleet page of 1,000 tiles holds 4,000 (bench:fleet traced it).
    // Observed again on return, a plot's size is reported at once.
    if (on) this.observePlots();
    else {
      this.unobservePlots();
      this.observed = [];
    }
    this.options.onScreenChange();
  }

  /** @internal the shared resize observer's size of one of this element's plots. */
  sized(plot: Element, size: [number, number]): void {
    this.sizes.set(plot, size);
  }

  /** @internal called once per resize callback in which this element's plots changed size. */
  resized(): void {
    this.options.onResize();
  }

  /** Observes the plots; only when the set of plots changed (observing reports a size at once). */
  private observePlots(): void {
    if (!this.connected || !this.onScreen) return;
    const plots = this.options.plots();
    if (plots.length === this.observed.length && plots.every((p, i) => p === this.observed[i])) return;
    this.unobservePlots();
    const ro = sharedResize();
    for (const plot of plots) {
      byPlot.set(plot, this);
      ro.observe(plot);
    }
    this.observed = plots;
  }

  private unobservePlots(): void {
    for (const plot of this.observed) {
      if (byPlot.get(plot) === this) byPlot.delete(plot);
      resize?.unobserve(plot);
    }
  }
}
