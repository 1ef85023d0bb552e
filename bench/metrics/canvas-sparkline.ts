/**
 * Bench only: the canvas sparkline compact <vm-metrics> tiles drew with until they drew SVG paths
 * (src/elements/vm-metrics/sparkline.ts), kept to measure the two side by side (renderers.ts).
 *
 * A tiny canvas sparkline for compact <vm-metrics> tiles: polylines over downsampled points (see
 * downsample.ts), a faint fill under each, null points as gaps. No axes, no legend, no tooltips,
 * no animation: a dashboard of 100 tiles only needs the shape, and Chart.js's general machinery
 * (scales, layout, plugins, element objects per point) costs milliseconds per chart per update.
 *
 * Per draw: no layout reads (the element hands over the size its ResizeObserver measured), no
 * canvas resize unless that size or devicePixelRatio changed, and no allocations beyond reusing
 * the arrays that record the drawn runs.
 */
import type { SparklineSeries } from '../../src/elements/vm-metrics/sparkline.js';

const LINE_WIDTH = 1.25;
const registry = new WeakMap<HTMLCanvasElement, CanvasSparkline>();

export class CanvasSparkline {
  /** The sparkline drawing on `canvas`, if any (like `Chart.getChart`; for tests and tooling). */
  static of(canvas: HTMLCanvasElement): CanvasSparkline | undefined {
    return registry.get(canvas);
  }

  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private cssWidth = 0;
  private cssHeight = 0;
  private dpr = 0;
  /**
   * What the last draw drew: per series, the number of points of each unbroken run (a run of 1 is
   * drawn as a dot). Reused between draws.
   */
  readonly runs: number[][] = [];
  /** The y value at the top edge in the last draw. */
  yMax = 0;

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    registry.set(canvas, this);
  }

  /** Sizes the backing store for a CSS box of width × height; a no-op when nothing changed. */
  resize(width: number, height: number, dpr: number): boolean {
    if (width === this.cssWidth && height === this.cssHeight && dpr === this.dpr) return false;
    this.cssWidth = width;
    this.cssHeight = height;
    this.dpr = dpr;
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    return true;
  }

  /**
   * Draws `series` over x = fromT…toT and y = 0…yMax (raised to the largest value drawn when a
   * value goes beyond; a yMax of 0 becomes the data's maximum, or 1 when all is 0).
   */
  draw(series: readonly SparklineSeries[], fromT: number, toT: number, yMax: number): void {
    const ctx = this.ctx;
    const w = this.cssWidth;
    const h = this.cssHeight;
    this.runs.length = series.length;
    for (let s = 0; s < series.length; s++) {
      const runs = (this.runs[s] ??= []);
      runs.length = 0;
    }
    if (!ctx || w <= 0 || h <= 0) return;
    let top = yMax;
    for (const line of series) {
      for (const p of line.points) if (p.y !== null && p.y > top) top = p.y;
    }
    if (!(top > 0)) top = 1;
    this.yMax = top;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const span = toT - fromT || 1;
    const sx = w / span;
    // Half a line width inside the top and bottom edges, so a flat 0 % or 100 % line shows whole.
    const inset = LINE_WIDTH / 2;
    const bottom = h - inset;
    const sy = (h - LINE_WIDTH) / top;
    ctx.lineWidth = LINE_WIDTH;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';

    for (let s = 0; s < series.length; s++) {
      const { points, colour, fill } = series[s];
      const runs = this.runs[s];
      if (fill) {
        ctx.beginPath();
        let start = -1;
        for (let i = 0; i <= points.length; i++) {
          const p = i < points.length ? points[i] : null;
          if (p && p.y !== null) {
            const x = (p.x - fromT) * sx;
            const y = bottom - p.y * sy;
            if (start < 0) {
              start = i;
              ctx.moveTo(x, bottom);
            }
            ctx.lineTo(x, y);
          } else if (start >= 0) {
            ctx.lineTo((points[i - 1].x - fromT) * sx, bottom);
            ctx.closePath();
            start = -1;
          }
        }
        ctx.fillStyle = fill;
        ctx.fill();
      }
      ctx.beginPath();
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      let n = 0;
      for (let i = 0; i <= points.length; i++) {
        const p = i < points.length ? points[i] : null;
        if (p && p.y !== null) {
          const x = (p.x - fromT) * sx;
          const y = bottom - p.y * sy;
          if (n === 0) ctx.moveTo(x, y);
          else ctx.lineTo(x, y);
          n++;
        } else if (n > 0) {
          // A lone sample between gaps: a dot, or it would not show at all.
          if (n === 1) {
            const q = points[i - 1];
            ctx.fillRect((q.x - fromT) * sx - inset, bottom - (q.y as number) * sy - inset, LINE_WIDTH, LINE_WIDTH);
          }
          runs.push(n);
          n = 0;
        }
      }
      ctx.stroke();
    }
  }

  /** Blanks the canvas and forgets it (the element shows a placeholder instead). */
  destroy(): void {
    registry.delete(this.canvas);
    this.runs.length = 0;
    if (this.ctx) {
      this.ctx.setTransform(1, 0, 0, 1, 0, 0);
      this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    }
  }
}
