/**
 * A compact tile drawn on one canvas: every card's sparkline, the hatch of what the window has no
 * data for yet, and the current values. The tile's DOM then changes only with its state (live,
 * reconnecting, stopped), never with a sample: 100 tiles whose digits changed in the DOM every
 * second cost the browser a style, layout, paint and layerize pass per second that took 2-3 times
 * what drawing them here does (bench:metrics, "compact ×100", side by side with SVG paths and
 * values as text).
 *
 * Where things go is read from the DOM, which keeps the boxes: a card's `.plot` for its sparkline,
 * its `.tile-value` for its values (font, colour and direction read from that box's computed
 * style, so themes, forced colours and right-to-left pages draw as CSS says). Boxes are measured
 * only when the layout may have moved (`layoutVersion`), never per sample. The numbers stay in the
 * DOM for assistive technology in each plot's text alternative.
 */
import type { ChartPoint } from './downsample.js';
import type { MetricSeries } from './series-specs.js';
import { withAlpha } from './chart-theme.js';

export interface SparklineSeries {
  points: readonly ChartPoint[];
  /** Line colour (any CSS colour). */
  colour: string;
  /** Fill under the line, or null for none. */
  fill: string | null;
}

/** One card's drawing. */
export interface TileCard {
  key: MetricSeries;
  series: readonly SparklineSeries[];
  fromT: number;
  toT: number;
  /** The y value at the top edge (raised to the largest value drawn; 0: the data's maximum). */
  yMax: number;
  /** The share of the plot, from its start, that the window has no data for (0: none). */
  unfilled: number;
  /** The values' lines ("12.5%", or "↓ 1 MiB/s" and "↑ 2 KiB/s"). */
  texts: readonly string[];
}

/** A card whose plot is as drawn last: only its values are drawn again. */
export interface TileValues {
  key: MetricSeries;
  texts: readonly string[];
}

/** What the last draw of a card drew: for tests and tooling, as the canvas cannot be read back as text. */
export interface DrawnCard {
  /** Per series, the number of points of each unbroken run (a run of 1 is drawn as a dot). */
  runs: number[][];
  /** Per series, the colour of its line. */
  colours: string[];
  yMax: number;
  /** Each value line, and whether it was wider than its box (and so cut off). */
  texts: { text: string; cut: boolean }[];
  /** Width of the hatch, CSS px. */
  unfilledWidth: number;
  dim: boolean;
  /** How many times the card's plot was drawn since the canvas was last cleared whole. */
  plotDraws: number;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface CardLayout {
  plot: Box;
  value: Box;
  dim: () => boolean;
}

interface TextStyle {
  font: string;
  colour: string;
  direction: CanvasDirection;
  lineHeight: number;
  hatch: string;
  hatchEdge: string;
}

/** Stroke width of a line, in CSS px. */
const LINE_WIDTH = 1.25;
/** The hatch's period across its stripes (the CSS of an empty card: 8 px clear, 1 px line). */
const HATCH_PERIOD = 9;
const registry = new WeakMap<Element, TileCanvas>();

export class TileCanvas {
  /** The tile canvas drawing on `canvas`, if any (for tests and tooling). */
  static of(canvas: Element): TileCanvas | undefined {
    return registry.get(canvas);
  }

  /** What each card's last draw drew. */
  readonly drawn = new Map<MetricSeries, DrawnCard>();
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly cards = new Map<MetricSeries, CardLayout>();
  private measuredLayout = -1;
  private styledVersion = -1;
  private text: TextStyle | null = null;
  private width = 0;
  private height = 0;
  private dpr = 0;

  constructor(
    readonly canvas: HTMLCanvasElement,
    /** The cards' container, the canvas's own box. */
    private readonly grid: HTMLElement,
  ) {
    this.ctx = canvas.getContext('2d');
    registry.set(canvas, this);
  }

  /**
   * Starts a draw: measures the boxes if the layout may have moved since (`layoutVersion`), reads
   * the text style if the theme may have (`styleVersion`), and clears the whole canvas when either
   * changed or `whole` is asked. Returns whether it did: then every card's plot must be drawn.
   */
  begin(layoutVersion: number, styleVersion: number, whole = false): boolean {
    let cleared = whole;
    if (layoutVersion !== this.measuredLayout) {
      this.measure(layoutVersion);
      cleared = true;
    }
    if (styleVersion !== this.styledVersion || !this.text) {
      this.restyle(styleVersion);
      cleared = true;
    }
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(this.width * dpr);
    const h = Math.round(this.height * dpr);
    if (dpr !== this.dpr || this.canvas.width !== w || this.canvas.height !== h) {
      this.dpr = dpr;
      // Setting a size clears the canvas too.
      this.canvas.width = w;
      this.canvas.height = h;
      cleared = true;
    } else if (cleared && this.ctx) {
      // The last card's offset is still set: clear the whole canvas, not a shifted part of it.
      this.ctx.setTransform(1, 0, 0, 1, 0, 0);
      this.ctx.clearRect(0, 0, w, h);
    }
    if (cleared) this.drawn.clear();
    return cleared;
  }

  /** Draws one card (after `begin`); a card without boxes (not rendered) is skipped. */
  drawCard(card: TileCard): void {
    const layout = this.cards.get(card.key);
    const ctx = this.ctx;
    if (!layout || !ctx || !this.text) return;
    const dim = layout.dim();
    const runs: number[][] = [];
    let top = card.yMax;
    for (const s of card.series) for (const p of s.points) if (p.y !== null && p.y > top) top = p.y;
    if (!(top > 0)) top = 1;
    const { plot } = layout;
    const unfilledWidth = card.unfilled > 0 ? Math.round(plot.w * Math.min(1, card.unfilled)) : 0;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, plot.x * this.dpr, plot.y * this.dpr);
    // Only this plot's box: the other cards keep what they show.
    ctx.clearRect(0, 0, plot.w, plot.h);
    if (unfilledWidth > 0) this.hatch(ctx, unfilledWidth, plot.h);
    if (plot.w > 0 && plot.h > 0) {
      ctx.save();
      // A round cap past the box's edge would be left behind by the next draw's clear.
      ctx.beginPath();
      ctx.rect(0, 0, plot.w, plot.h);
      ctx.clip();
      if (dim) {
        // As the plot of a tile that is not live: faint and grey, the placeholder over it.
        ctx.globalAlpha = 0.45;
        ctx.filter = 'grayscale(0.7)';
      }
      for (const s of card.series) runs.push(this.line(ctx, s, card.fromT, card.toT, top, plot));
      ctx.restore();
    } else for (const _ of card.series) runs.push([]);
    const texts = this.values(ctx, card.texts, layout.value);
    const plotDraws = (this.drawn.get(card.key)?.plotDraws ?? 0) + 1;
    this.drawn.set(card.key, { runs, colours: card.series.map((s) => s.colour), yMax: top, texts, unfilledWidth, dim, plotDraws });
  }

  /**
   * Draws one card's values again and leaves its plot as it is: a sample that does not move the
   * sparkline a whole pixel changes only the digits. False when the card has no plot drawn since
   * the canvas was cleared (draw it whole with `drawCard`).
   */
  drawValues(card: TileValues): boolean {
    const layout = this.cards.get(card.key);
    const last = this.drawn.get(card.key);
    if (!layout || !this.ctx || !this.text || !last) return false;
    last.texts = this.values(this.ctx, card.texts, layout.value);
    return true;
  }

  /** Lets go of the canvas (the element left, or stopped being compact). */
  destroy(): void {
    registry.delete(this.canvas);
    this.drawn.clear();
    this.cards.clear();
  }

  /** Reads each card's boxes, relative to the grid (whose box the canvas fills). */
  private measure(version: number): void {
    this.measuredLayout = version;
    this.cards.clear();
    const g = this.grid.getBoundingClientRect();
    // A transformed ancestor scales the client rects: boxes are kept in the grid's own CSS px.
    const scale = this.grid.offsetWidth > 0 ? g.width / this.grid.offsetWidth : 1;
    this.width = this.grid.offsetWidth;
    this.height = this.grid.offsetHeight;
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { x: (r.left - g.left) / scale, y: (r.top - g.top) / scale, w: r.width / scale, h: r.height / scale };
    };
    for (const card of this.grid.querySelectorAll<HTMLElement>('.card[data-series]')) {
      const plot = card.querySelector('.plot');
      const value = card.querySelector('.tile-value');
      if (!plot || !value) continue;
      this.cards.set(card.dataset.series as MetricSeries, { plot: box(plot), value: box(value), dim: () => plot.hasAttribute('data-dim') });
    }
  }

  private restyle(version: number): void {
    this.styledVersion = version;
    const el = this.grid.querySelector('.tile-value');
    if (!el) return;
    const cs = getComputedStyle(el);
    const size = parseFloat(cs.fontSize) || 12;
    const lineHeight = parseFloat(cs.lineHeight);
    const muted = getComputedStyle(this.grid).getPropertyValue('--_muted').trim() || '#5b6470';
    this.text = {
      font: `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`,
      colour: cs.color,
      direction: cs.direction === 'rtl' ? 'rtl' : 'ltr',
      lineHeight: Number.isFinite(lineHeight) ? lineHeight : size * 1.3,
      hatch: withAlpha(muted, 0.22),
      hatchEdge: withAlpha(muted, 0.45),
    };
  }

  /** Hatches the plot's first `width` px (no data yet there), with a dashed edge where data starts. */
  private hatch(ctx: CanvasRenderingContext2D, width: number, height: number): void {
    const { hatch, hatchEdge } = this.text!;
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, width, height);
    ctx.clip();
    ctx.strokeStyle = hatch;
    ctx.lineWidth = 1;
    ctx.beginPath();
    // Stripes rising to the right, HATCH_PERIOD px apart across them.
    const step = HATCH_PERIOD * Math.SQRT2;
    for (let x = -height; x < width; x += step) {
      ctx.moveTo(x, height);
      ctx.lineTo(x + height, 0);
    }
    ctx.stroke();
    ctx.strokeStyle = hatchEdge;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(width - 0.5, 0);
    ctx.lineTo(width - 0.5, height);
    ctx.stroke();
    ctx.restore();
  }

  /**
   * One series' line and the fill under it, over x = fromT…toT and y = 0…top; null points break
   * both. Returns the runs drawn.
   */
  private line(ctx: CanvasRenderingContext2D, s: SparklineSeries, fromT: number, toT: number, top: number, plot: Box): number[] {
    const runs: number[] = [];
    const sx = plot.w / (toT - fromT || 1);
    // Half a line width inside the top and bottom edges, so a flat 0 % or 100 % line shows whole.
    const bottom = plot.h - LINE_WIDTH / 2;
    const sy = (plot.h - LINE_WIDTH) / top;
    const line = new Path2D();
    const area = new Path2D();
    const dots = new Path2D();
    let n = 0;
    let x0 = 0;
    let y0 = 0;
    let px = 0;
    const points = s.points;
    for (let i = 0; i <= points.length; i++) {
      const p = i < points.length ? points[i]! : null;
      if (p && p.y !== null) {
        const x = (p.x - fromT) * sx;
        const y = bottom - p.y * sy;
        if (n === 0) {
          x0 = x;
          y0 = y;
          line.moveTo(x, y);
          area.moveTo(x, bottom);
          area.lineTo(x, y);
        } else {
          line.lineTo(x, y);
          area.lineTo(x, y);
        }
        px = x;
        n++;
      } else if (n > 0) {
        if (n === 1) {
          // A lone sample between gaps: a dot, or it would not show.
          dots.moveTo(x0 + LINE_WIDTH / 2, y0);
          dots.arc(x0, y0, LINE_WIDTH / 2, 0, 2 * Math.PI);
        } else {
          area.lineTo(px, bottom);
          area.closePath();
        }
        runs.push(n);
        n = 0;
      }
    }
    if (runs.length === 0) return runs;
    if (s.fill) {
      ctx.fillStyle = s.fill;
      ctx.fill(area);
    }
    ctx.lineWidth = LINE_WIDTH;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.strokeStyle = s.colour;
    ctx.stroke(line);
    ctx.fillStyle = s.colour;
    ctx.fill(dots);
    return runs;
  }

  /** The values' lines, each on a line of the box, at its end (right, or left right-to-left), clipped to it. */
  private values(ctx: CanvasRenderingContext2D, texts: readonly string[], box: Box): { text: string; cut: boolean }[] {
    const { font, colour, direction, lineHeight } = this.text!;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, box.x * this.dpr, box.y * this.dpr);
    ctx.clearRect(0, 0, box.w, box.h);
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, box.w, box.h);
    ctx.clip();
    ctx.font = font;
    ctx.fillStyle = colour;
    ctx.direction = direction;
    ctx.textAlign = 'end';
    ctx.textBaseline = 'middle';
    const x = direction === 'rtl' ? 0 : box.w;
    const drawn = texts.map((text, i) => {
      ctx.fillText(text, x, (i + 0.5) * lineHeight);
      return { text, cut: ctx.measureText(text).width > box.w + 0.5 || (i + 1) * lineHeight > box.h + 0.5 };
    });
    ctx.restore();
    return drawn;
  }
}
