// Bench only: compact-tile sparklines as inline SVG paths (no canvas, so no compositor layer per
// chart), measured against the shipped canvas renderer with `--renderers`. It lost on the main
// thread (style and layout of the path data cost more than the canvas layers saved), so it does
// not ship. Coordinates are whole tenths of a CSS pixel in a viewBox of the box × 10 (integers are
// cheaper to write and parse than decimals); a path whose data did not change is not touched.
import type { ChartPoint } from '../../src/elements/vm-metrics/downsample.js';
import type { SparklineSeries } from '../../src/elements/vm-metrics/sparkline.js';

/** Stroke width of a sparkline line, in CSS px. */
const LINE_WIDTH = 1.25;

interface SparklinePath {
  /** Path data of the line: one subpath per run; a run of one point is a dot (`h0`, round caps). */
  line: string;
  /** Path data of the area under the line, one closed subpath per run of two or more points. */
  area: string;
  /** Points in each unbroken run, in order. */
  runs: number[];
}

interface SparklineFrame {
  fromT: number;
  toT: number;
  /** The value at the top edge (see `topOf`). */
  top: number;
  width: number;
  height: number;
}

/**
 * The value at the top edge: `yMax` raised to the largest value drawn when one goes beyond; a
 * `yMax` of 0 becomes the data's maximum, or 1 when all is 0 (a flat line on the bottom edge).
 */
function topOf(lines: readonly (readonly ChartPoint[])[], yMax: number): number {
  let top = yMax;
  for (const points of lines) for (const p of points) if (p.y !== null && p.y > top) top = p.y;
  return top > 0 ? top : 1;
}

/**
 * Path coordinates are in tenths of a CSS pixel (the SVG's viewBox is its box × SCALE): finer than
 * any screen shows, and whole numbers, which are far cheaper to write and to parse than decimals.
 */
const SCALE = 10;

/** Path data of one series over x = fromT…toT and y = 0…top; null points break the line. */
function sparklinePath(points: readonly ChartPoint[], { fromT, toT, top, width, height }: SparklineFrame): SparklinePath {
  const runs: number[] = [];
  if (!(width > 0 && height > 0)) return { line: '', area: '', runs };
  const sx = (width * SCALE) / (toT - fromT || 1);
  // Half a line width inside the top and bottom edges, so a flat 0 % or 100 % line shows whole.
  const bottom = Math.round((height - LINE_WIDTH / 2) * SCALE);
  const sy = ((height - LINE_WIDTH) * SCALE) / top;
  let line = '';
  let area = '';
  let segs = '';
  let n = 0;
  let x0 = 0;
  let y0 = 0;
  let px = 0;
  let py = 0;
  for (let i = 0; i <= points.length; i++) {
    const p = i < points.length ? points[i] : null;
    if (p && p.y !== null) {
      const x = Math.round((p.x - fromT) * sx);
      const y = Math.round(bottom - p.y * sy);
      // Each point relative to the one before: short whole numbers, no rounding carried along.
      if (n === 0) {
        x0 = x;
        y0 = y;
        segs = '';
      } else segs += `l${x - px} ${y - py}`;
      px = x;
      py = y;
      n++;
    } else if (n > 0) {
      // A lone sample between gaps: a dot (round caps on a zero-length line), or it would not show.
      line += `M${x0} ${y0}${n === 1 ? 'h0' : segs}`;
      if (n > 1) area += `M${x0} ${bottom}V${y0}${segs}V${bottom}Z`;
      runs.push(n);
      n = 0;
    }
  }
  return { line, area, runs };
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const registry = new WeakMap<Element, SvgSparkline>();

interface Pair {
  area: SVGPathElement;
  line: SVGPathElement;
  /** What the attributes hold, so equal values are not written again. */
  d: [string, string];
  paint: [string, string];
}

export class SvgSparkline {
  /** The sparkline drawing in `svg`, if any (for tests and tooling). */
  static of(svg: Element): SvgSparkline | undefined {
    return registry.get(svg);
  }

  readonly svg: SVGSVGElement;
  private width = 0;
  private height = 0;
  private readonly pairs: Pair[] = [];
  /** Per series, the number of points of each unbroken run in the last draw. */
  readonly runs: number[][] = [];
  /** The y value at the top edge in the last draw. */
  yMax = 0;

  constructor(svg: SVGSVGElement) {
    this.svg = svg;
    // The viewBox follows the measured box; between a resize and the next draw, stretch a frame.
    svg.setAttribute('preserveAspectRatio', 'none');
    registry.set(svg, this);
  }

  /** The CSS box the paths are laid out in; true when it changed. */
  resize(width: number, height: number): boolean {
    if (width === this.width && height === this.height) return false;
    this.width = width;
    this.height = height;
    this.svg.setAttribute('viewBox', `0 0 ${width * SCALE} ${height * SCALE}`);
    return true;
  }

  draw(series: readonly SparklineSeries[], fromT: number, toT: number, yMax: number): void {
    const top = topOf(
      series.map((s) => s.points),
      yMax,
    );
    this.yMax = top;
    this.runs.length = series.length;
    while (this.pairs.length < series.length) this.pairs.push(this.addPair());
    while (this.pairs.length > series.length) {
      const p = this.pairs.pop()!;
      p.area.remove();
      p.line.remove();
    }
    const frame = { fromT, toT, top, width: this.width, height: this.height };
    series.forEach(({ points, colour, fill }, s) => {
      const { line, area, runs } = sparklinePath(points, frame);
      this.runs[s] = runs;
      const pair = this.pairs[s];
      set(pair.area, 'd', area, pair.d, 0);
      set(pair.line, 'd', line, pair.d, 1);
      set(pair.area, 'fill', fill ?? 'none', pair.paint, 0);
      set(pair.line, 'stroke', colour, pair.paint, 1);
    });
  }

  /** Removes the paths and forgets the element (the tile shows a placeholder instead). */
  destroy(): void {
    registry.delete(this.svg);
    for (const p of this.pairs) {
      p.area.remove();
      p.line.remove();
    }
    this.pairs.length = 0;
    this.runs.length = 0;
  }

  private addPair(): Pair {
    const area = document.createElementNS(SVG_NS, 'path');
    const line = document.createElementNS(SVG_NS, 'path');
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke-width', String(LINE_WIDTH * SCALE));
    line.setAttribute('stroke-linejoin', 'round');
    line.setAttribute('stroke-linecap', 'round');
    this.svg.append(area, line);
    return { area, line, d: ['', ''], paint: ['', ''] };
  }
}

function set(el: SVGPathElement, name: string, value: string, cache: [string, string], i: 0 | 1): void {
  if (cache[i] === value && el.hasAttribute(name)) return;
  cache[i] = value;
  el.setAttribute(name, value);
}
