// Other ways of drawing compact tiles, for measuring side by side with the shipped one (SVG paths,
// sparkline.ts). Bench only: each swaps the element's sparkline factory (a private method, patched
// on the prototype), so nothing here ships. `useRenderer('shipped')` puts the element's own back.
import { VmMetrics } from '../../src/elements/vm-metrics/vm-metrics.js';
import { Sparkline, type SparklineSeries } from '../../src/elements/vm-metrics/sparkline.js';
import { SparklineRenderer } from '../../src/elements/vm-metrics/sparkline-renderer.js';
import { ChartDrawController } from '../../src/elements/vm-metrics/chart-draw-controller.js';
import { sparklineClock } from '../../src/elements/vm-metrics/clocks.js';
import { CanvasSparkline } from './canvas-sparkline.js';
import { PolySparkline } from './poly-sparkline.js';
import type { CurrentValue } from '../../src/elements/vm-metrics/metric-values.js';

interface Spark {
  resize(width: number, height: number, dpr: number): void;
  draw(series: readonly SparklineSeries[], fromT: number, toT: number, yMax: number): void;
  /** The shipped sparkline's hatch of the window's empty part; the other renderers draw none. */
  hatch?(width: number, colour: string): void;
  destroy(): void;
}
/** Makes what draws a card's sparkline, given the card's SVG element (the shipped one draws in it). */
type Factory = (svg: SVGSVGElement) => Spark;

// The element's sparklines are made in SparklineRenderer's private `ensure`: patched on its prototype.
const proto = SparklineRenderer.prototype as unknown as { ensure: (shown: readonly string[]) => void };
const shipped = proto.ensure;

/** `ensure` with another factory (the same logic as the renderer's own). */
function ensureWith(factory: Factory) {
  return function (this: { slots: Map<string, { spark: Spark; svg: SVGSVGElement; lines: unknown[] }>; root: () => ParentNode }, shown: readonly string[]) {
    const channels: Record<string, number> = { cpu: 1, memory: 1, network: 2, disk: 2 };
    for (const [s, slot] of this.slots) {
      if (shown.includes(s)) continue;
      slot.spark.destroy();
      this.slots.delete(s);
    }
    for (const s of shown) {
      const svg = this.root().querySelector<SVGSVGElement>(`svg[data-series="${s}"]`);
      const existing = this.slots.get(s);
      if (existing && existing.svg === svg) continue;
      existing?.spark.destroy();
      this.slots.delete(s);
      if (!svg) continue;
      const lines = Array.from({ length: channels[s] }, () => ({ points: [], colour: '', fill: null }));
      const spark = factory(svg);
      spark.hatch ??= () => undefined;
      this.slots.set(s, { spark, svg, lines });
    }
  };
}

/** The shipped SVG sparkline behind the bench's interface. */
const svgSpark = (svg: SVGSVGElement): Spark => {
  const spark = new Sparkline(svg);
  return { resize: (w, h) => spark.resize(w, h), draw: (...a) => spark.draw(...a), hatch: (...a) => spark.hatch(...a), destroy: () => spark.destroy() };
};

/**
 * A canvas over the card's plot, where the SVG element was (hidden), as the tiles drew before
 * SVG: the same sizing and position, the text alternative staying on the SVG element.
 */
function canvasOver(svg: SVGSVGElement): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:absolute;left:0;top:0;max-width:100%';
  svg.style.display = 'none';
  svg.after(canvas);
  return canvas;
}

/** A canvas per series (the tiles' renderer until SVG), the canvas removed with it. */
function canvasSpark(svg: SVGSVGElement, options?: CanvasRenderingContext2DSettings): Spark {
  const canvas = canvasOver(svg);
  if (options) canvas.getContext('2d', options);
  const spark = new CanvasSparkline(canvas);
  return { resize: (w, h, dpr) => spark.resize(w, h, dpr), draw: (...a) => spark.draw(...a), destroy: () => (spark.destroy(), canvas.remove(), (svg.style.display = '')) };
}

/**
 * One canvas per tile, over its grid of cards: each series card draws into its own band of it
 * (plot offsets read when a plot's size changes), so a tile is one layer instead of four.
 */
const tileCanvases = new WeakMap<Element, { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; w: number; h: number; dpr: number }>();
class TileBand implements Spark {
  private readonly grid: HTMLElement;
  private readonly plot: HTMLElement;
  private x = 0;
  private y = 0;
  private w = 0;
  private h = 0;
  constructor(svg: SVGSVGElement) {
    this.plot = svg.parentElement!;
    this.grid = svg.closest('.grid')!;
    svg.style.display = 'none';
    if (!tileCanvases.has(this.grid)) {
      const c = document.createElement('canvas');
      c.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
      this.grid.style.position = 'relative';
      this.grid.append(c);
      tileCanvases.set(this.grid, { canvas: c, ctx: c.getContext('2d')!, w: 0, h: 0, dpr: 0 });
    }
  }
  private get shared() {
    return tileCanvases.get(this.grid)!;
  }
  resize(width: number, height: number, dpr: number): boolean {
    const t = this.shared;
    if (width === this.w && height === this.h && dpr === t.dpr) return false;
    this.w = width;
    this.h = height;
    this.x = this.plot.offsetLeft;
    this.y = this.plot.offsetTop;
    const gw = this.grid.clientWidth;
    const gh = this.grid.clientHeight;
    if (gw !== t.w || gh !== t.h || dpr !== t.dpr) {
      t.w = gw;
      t.h = gh;
      t.dpr = dpr;
      t.canvas.width = Math.round(gw * dpr);
      t.canvas.height = Math.round(gh * dpr);
      t.canvas.style.width = `${gw}px`;
      t.canvas.style.height = `${gh}px`;
    }
    return true;
  }
  draw(series: readonly SparklineSeries[], fromT: number, toT: number, yMax: number): void {
    const { ctx, dpr } = this.shared;
    ctx.setTransform(dpr, 0, 0, dpr, this.x * dpr, this.y * dpr);
    ctx.clearRect(0, 0, this.w, this.h);
    let top = yMax;
    for (const line of series) for (const p of line.points) if (p.y !== null && p.y > top) top = p.y;
    if (!(top > 0)) top = 1;
    const lw = 1.25;
    const bottom = this.h - lw / 2;
    const sx = this.w / (toT - fromT || 1);
    const sy = (this.h - lw) / top;
    ctx.lineWidth = lw;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    for (const { points, colour, fill } of series) {
      ctx.beginPath();
      let n = 0;
      let lastX = 0;
      const areaPath = new Path2D();
      for (let i = 0; i <= points.length; i++) {
        const p = i < points.length ? points[i] : null;
        if (p && p.y !== null) {
          const x = (p.x - fromT) * sx;
          const y = bottom - p.y * sy;
          if (n === 0) {
            ctx.moveTo(x, y);
            areaPath.moveTo(x, bottom);
          } else ctx.lineTo(x, y);
          areaPath.lineTo(x, y);
          lastX = x;
          n++;
        } else if (n > 0) {
          areaPath.lineTo(lastX, bottom);
          areaPath.closePath();
          n = 0;
        }
      }
      if (fill) {
        ctx.fillStyle = fill;
        ctx.fill(areaPath);
      }
      ctx.strokeStyle = colour;
      ctx.stroke();
    }
  }
  destroy(): void {
    const t = tileCanvases.get(this.grid);
    if (t?.canvas.isConnected && !this.grid.isConnected) t.canvas.remove();
  }
}

/**
 * One SVG root per tile, over its grid of cards: each card's sparkline is the shipped one, drawn
 * in a nested <svg> placed over the card's plot (its own SVG element stays, hidden, for its text
 * alternative and its size), so the browser lays out and paints one SVG per tile instead of four.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const tileSvgs = new WeakMap<Element, SVGSVGElement>();
class TileSvg implements Spark {
  private readonly grid: HTMLElement;
  private readonly plot: HTMLElement;
  private readonly inner: SVGSVGElement;
  private readonly spark: Sparkline;
  private w = 0;
  private h = 0;
  constructor(svg: SVGSVGElement) {
    this.plot = svg.parentElement!;
    this.grid = svg.closest<HTMLElement>('.grid')!;
    svg.style.visibility = 'hidden';
    let root = tileSvgs.get(this.grid);
    if (!root?.isConnected) {
      root = document.createElementNS(SVG_NS, 'svg');
      root.setAttribute('aria-hidden', 'true');
      root.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;overflow:hidden';
      this.grid.style.position = 'relative';
      this.grid.append(root);
      tileSvgs.set(this.grid, root);
    }
    this.inner = document.createElementNS(SVG_NS, 'svg');
    root.append(this.inner);
    this.spark = new Sparkline(this.inner);
  }
  resize(width: number, height: number): void {
    if (width === this.w && height === this.h) return;
    this.w = width;
    this.h = height;
    // Read only when the plot's size changes, as the shipped renderer reads nothing per draw.
    const g = this.grid.getBoundingClientRect();
    const p = this.plot.getBoundingClientRect();
    this.inner.setAttribute('x', String(p.left - g.left));
    this.inner.setAttribute('y', String(p.top - g.top));
    this.inner.setAttribute('width', String(width));
    this.inner.setAttribute('height', String(height));
    this.spark.resize(width, height);
  }
  draw(series: readonly SparklineSeries[], fromT: number, toT: number, yMax: number): void {
    this.spark.draw(series, fromT, toT, yMax);
  }
  destroy(): void {
    this.spark.destroy();
    this.inner.remove();
  }
}

export const RENDERERS: Record<string, Factory | null> = {
  shipped: null,
  'canvas per series': (svg) => canvasSpark(svg),
  'canvas per series, CPU-backed': (svg) => canvasSpark(svg, { willReadFrequently: true }),
  'one canvas per tile (bands)': (svg) => new TileBand(svg),
  'svg polylines': (svg) => new PolySparkline(svg),
  'one svg per tile': (svg) => new TileSvg(svg),
};

/** The shipped sparkline, sized as usual, that never draws. */
const noDraws: Factory = (svg) => {
  const spark = new Sparkline(svg);
  return { resize: (w, h) => spark.resize(w, h), draw: () => undefined, destroy: () => spark.destroy() };
};

/**
 * The shipped sparkline drawn once; every later draw only moves the drawing a pixel left (`move`,
 * given the shift in path units), as a sparkline that scrolls instead of being drawn anew would on
 * most draws: the least such a renderer could cost (it would also append each new sample's segment).
 */
const drawnOnceThenMoved =
  (move: (svg: SVGSVGElement, shift: number) => void, cleanUp?: (svg: SVGSVGElement) => void): Factory =>
  (svg) => {
    const spark = new Sparkline(svg);
    let shift = 0;
    return {
      resize: (w, h) => spark.resize(w, h),
      draw: (...a) => {
        if (shift === 0) spark.draw(...a);
        else move(svg, shift);
        shift += 10;
      },
      destroy: () => {
        spark.destroy();
        cleanUp?.(svg);
      },
    };
  };

/** Moved by its viewBox. */
const viewBoxShiftOnly = drawnOnceThenMoved((svg, shift) => {
  const [, y, w, h] = svg.getAttribute('viewBox')!.split(' ');
  svg.setAttribute('viewBox', `${shift} ${y} ${w} ${h}`);
});

/**
 * Moved by the CSS transform of a group holding the drawing: whether a transform-only change
 * spares the paths' layout and paint.
 */
const transformShiftOnly = drawnOnceThenMoved((svg, shift) => {
  let group = svg.querySelector('g');
  if (!group) {
    group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    group.append(...svg.childNodes);
    svg.append(group);
  }
  group.style.transform = `translateX(${-shift}px)`;
}, (svg) => svg.querySelector('g')?.remove());

/**
 * The shipped sparkline redrawn at most every `ms`: what pacing redraws to whole-pixel shifts
 * would save (5 min over a 60 px card moves a pixel every 5 s).
 */
const pacedDraws =
  (ms: number): Factory =>
  (svg) => {
    const spark = new Sparkline(svg);
    let last = -Infinity;
    let drew = false;
    return {
      resize: (w, h) => spark.resize(w, h),
      draw: (...args) => {
        const now = performance.now();
        drew = now - last >= ms;
        if (!drew) return;
        last = now;
        spark.draw(...args);
      },
      // The hatch with the lines it goes with (the renderer asks right after each draw).
      hatch: (...a) => (drew ? spark.hatch(...a) : undefined),
      destroy: () => spark.destroy(),
    };
  };

/**
 * The shipped sparkline's path data made in every draw but never written: what building the
 * strings costs, apart from what writing them costs the page.
 */
const pathDataOnly: Factory = (svg) => {
  const spark = new Sparkline(svg);
  const data = (spark as unknown as { pathData: (...a: unknown[]) => [string, string] }).pathData.bind(spark);
  if (typeof data !== 'function') throw new Error('Sparkline.pathData is gone: update renderers.ts');
  return {
    resize: (w, h) => spark.resize(w, h),
    draw: (series, fromT, toT, yMax) => {
      let top = yMax;
      for (const s of series) for (const p of s.points) if (p.y !== null && p.y > top) top = p.y;
      for (const s of series) data(s.points, fromT, toT, top > 0 ? top : 1, []);
    },
    destroy: () => spark.destroy(),
  };
};

/** The shipped sparkline without the fill under each line: what the area paths cost. */
const linesOnly: Factory = (svg) => {
  const spark = new Sparkline(svg);
  return {
    resize: (w, h) => spark.resize(w, h),
    draw: (series, ...rest) => spark.draw(series.map((s) => ({ ...s, fill: null })), ...rest),
    hatch: (...a) => spark.hatch(...a),
    destroy: () => spark.destroy(),
  };
};

/** The shipped sparkline in a tile whose shadow root has `css` added (a what-if of the styles). */
const withCss =
  (css: string): Factory =>
  (svg) => {
    const root = svg.getRootNode() as ShadowRoot;
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const spark = svgSpark(svg);
    return { ...spark, destroy: () => (spark.destroy(), (root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet))) };
  };
const sheets = new Map<string, CSSStyleSheet>();

/** Not renderers: what the shipped one costs without the hatch updates, or with contained plots. */
const EXPERIMENTS: Record<string, Factory> = {
  'x: no unfilled hatch': svgSpark,
  'x: no sparkline draws': noDraws,
  'x: sparklines every 5 s': pacedDraws(5000),
  'x: path data only': pathDataOnly,
  'x: lines only': linesOnly,
  // The shipped sparklines drawn for every sample, as before tiles waited for a whole pixel.
  'x: every sample': svgSpark,
  'x: no plots': (svg) => {
    svg.style.display = 'none';
    return { resize: () => undefined, draw: () => undefined, destroy: () => undefined };
  },
  // Tile values drawn once and never changed (the sparklines still move): what the values' text
  // costs per frame, the most that drawing them some other way (into the canvas) could save.
  'x: values frozen': svgSpark,
  // Neither values nor sparklines change: what a frame of the page costs with nothing new to show.
  'x: nothing changes': noDraws,
  // The bench's 1 Hz timers still fire, and the element ignores what they push: the floor of the
  // measurement (the timers' own tasks), what no change to the element can save.
  'x: pushes ignored': svgSpark,
  // The plots' text alternatives written once and never changed: what re-labelling costs.
  'x: alt frozen': svgSpark,
  // Each tile one relayout boundary, as a grid of fixed-size tiles could make it.
  'x: tiles contain strict': (svg) => {
    const host = (svg.getRootNode() as ShadowRoot).host as HTMLElement;
    if (!host.style.contain) {
      host.style.height = `${host.offsetHeight}px`;
      host.style.contain = 'strict';
    }
    return svgSpark(svg);
  },
  // Each value's line its own layout container: text changes laid out no faster (Layout traced).
  'x: value lines contained': withCss('.tile-value > span { contain: strict; height: 1.3em; overflow: hidden; }'),
  // The most a tile drawn whole on one canvas (lines, values, hatch) could save: a DOM that never
  // changes (values frozen, no hatch) and one canvas per tile, redrawn at whole-pixel moves, or with
  // every sample as a canvas showing the values would be. Drawing the values' text is not in it.
  'x: canvas tile with values frozen': (svg) => new TileBand(svg),
  'x: svg with values frozen and no hatch': svgSpark,
  'x: canvas tile every sample with values frozen': (svg) => new TileBand(svg),
  // The same without paint containment (which would clip a line's round caps at the plot's edge):
  // 1.06-1.09 of the shipped cost, like 'contain strict' (1.12-1.18; two rounds, 6 Dec 2026).
  'x: plots contain size layout': withCss(':host([compact]) .plot { contain: size layout style; }'),
  'x: viewBox shift only': viewBoxShiftOnly,
  'x: transform shift only': transformShiftOnly,
  // Every other point dropped: what the length of the path data costs (written, parsed, laid out).
  'x: half the points': (svg) => {
    const spark = svgSpark(svg);
    return { ...spark, draw: (series, ...rest) => spark.draw(series.map((s) => ({ ...s, points: s.points.filter((_, i) => i % 2 === 0) })), ...rest) };
  },
  // Tiles drawn (values and sparklines) at most every 2 or 3 s instead of every second: what a
  // slower cadence for a page of many tiles would cost (paceTiles).
  'x: tiles every 2 s': svgSpark,
  'x: tiles every 3 s': svgSpark,
  'x: plots contain strict': (svg) => {
    svg.parentElement!.style.contain = 'strict';
    return svgSpark(svg);
  },
};
/**
 * The tiles' clock held to at most one frame per `ms` (0: as shipped): jobs asked of it wait here
 * and are handed to it together once `ms` has passed since the last hand-over.
 */
const clockRequest = sparklineClock.request;
const clockCancel = sparklineClock.cancel;
function paceTiles(ms: number): void {
  if (ms === 0) {
    sparklineClock.request = clockRequest;
    sparklineClock.cancel = clockCancel;
    return;
  }
  const held = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  sparklineClock.request = (job) => {
    held.add(job);
    timer ??= setTimeout(
      () => {
        timer = null;
        last = performance.now();
        for (const j of held) clockRequest(j);
        held.clear();
      },
      Math.max(0, last + ms - performance.now()),
    );
  };
  sparklineClock.cancel = (job) => {
    held.delete(job);
    clockCancel(job);
  };
}

const placeUnfilled = (VmMetrics.prototype as unknown as { placeUnfilled: unknown }).placeUnfilled;
// Tiles hatch the window's empty part in their sparkline (the other renderers here do not).
const hatch = Sparkline.prototype.hatch;
type CurrentValueOf = (this: object, key: string, snapshot: unknown) => CurrentValue;
const currentValue = (VmMetrics.prototype as unknown as { currentValue: CurrentValueOf }).currentValue;
type AltTextOf = (this: object, key: string, snapshot: unknown) => string;
const altText = (VmMetrics.prototype as unknown as { altText: AltTextOf }).altText;
const frozenAlts = new WeakMap<object, Map<string, string>>();
const frozenAltText: AltTextOf = function (key, snapshot) {
  let byKey = frozenAlts.get(this);
  if (!byKey) frozenAlts.set(this, (byKey = new Map()));
  if (!byKey.has(key) && snapshot) byKey.set(key, altText.call(this, key, snapshot));
  return byKey.get(key) ?? altText.call(this, key, snapshot);
};
/** The experiments that keep each tile's first values. */
const FROZEN_VALUES = new Set(['x: values frozen', 'x: nothing changes', 'x: canvas tile with values frozen', 'x: canvas tile every sample with values frozen', 'x: svg with values frozen and no hatch']);
const frozenValues = new WeakMap<object, Map<string, CurrentValue>>();
const frozenCurrentValue: CurrentValueOf = function (key, snapshot) {
  let byKey = frozenValues.get(this);
  if (!byKey) frozenValues.set(this, (byKey = new Map()));
  const value = currentValue.call(this, key, snapshot);
  // The first value with numbers in it is kept, not the one-character placeholder before a sample.
  if (!byKey.has(key) && (value.parts.length > 0 || value.primary.length > 1)) byKey.set(key, value);
  return byKey.get(key) ?? value;
};

// Whether a tile draws is decided by the draw key (chart-draw-controller.ts): with the history's
// version in it, every sample draws.
type DrawKeyOf = (this: { options: { history: () => { version: number } | null } }) => string | null;
const drawKey = (ChartDrawController.prototype as unknown as { drawKey: DrawKeyOf }).drawKey;
const everySampleKey: DrawKeyOf = function () {
  const key = drawKey.call(this);
  return key === null ? null : `${key}|${this.options.history()?.version ?? -1}`;
};

const metricsSetter = Object.getOwnPropertyDescriptor(VmMetrics.prototype, 'metrics')!;

export function useRenderer(name: string): void {
  // A patch of a method that is gone would measure the shipped renderer under every name.
  if (typeof shipped !== 'function' || typeof hatch !== 'function' || typeof drawKey !== 'function' || typeof placeUnfilled !== 'function' || typeof currentValue !== 'function' || typeof altText !== 'function') throw new Error('renderers.ts patches methods the element no longer has: update it');
  const factory = name in RENDERERS ? RENDERERS[name] : EXPERIMENTS[name];
  if (factory === undefined) throw new Error(`unknown renderer ${name}; one of ${Object.keys(RENDERERS).join(', ')}`);
  proto.ensure = factory ? ensureWith(factory) : shipped;
  const noHatch = name === 'x: no unfilled hatch' || name.startsWith('x: canvas tile') || name === 'x: svg with values frozen and no hatch';
  (VmMetrics.prototype as unknown as { placeUnfilled: unknown }).placeUnfilled = noHatch ? () => undefined : placeUnfilled;
  Sparkline.prototype.hatch = noHatch ? () => undefined : hatch;
  (VmMetrics.prototype as unknown as { currentValue: unknown }).currentValue = FROZEN_VALUES.has(name) ? frozenCurrentValue : currentValue;
  Object.defineProperty(VmMetrics.prototype, 'metrics', name === 'x: pushes ignored' ? { ...metricsSetter, set: () => undefined } : metricsSetter);
  (VmMetrics.prototype as unknown as { altText: unknown }).altText = name === 'x: alt frozen' ? frozenAltText : altText;
  paceTiles(name === 'x: tiles every 2 s' ? 2000 : name === 'x: tiles every 3 s' ? 3000 : 0);
  (ChartDrawController.prototype as unknown as { drawKey: unknown }).drawKey = name === 'x: every sample' || name === 'x: canvas tile every sample with values frozen' ? everySampleKey : drawKey;
}
export const EXPERIMENT_NAMES = Object.keys(EXPERIMENTS);
