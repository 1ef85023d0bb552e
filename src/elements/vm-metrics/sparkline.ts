/**
 * A compact tile's sparkline as inline SVG paths: polylines over downsampled points (see
 * downsample.ts), a faint fill under each, null points as gaps. No axes, no legend, no tooltips,
 * no animation: a dashboard of 100 tiles only needs the shape, and Chart.js's general machinery
 * (scales, layout, plugins, element objects per point) costs milliseconds per chart per update.
 *
 * SVG, not a canvas: every canvas is a compositor layer of its own, re-committed in every frame
 * of a scroll; a fleet page with 70 tiles in view scrolled at 70–80 % main-thread busy with four
 * canvases per tile, and at 52–55 % with these paths (bench:fleet, side by side).
 *
 * Per draw: no layout reads (the element hands over the size its ResizeObserver measured), and
 * an attribute is written only when its value changed. Coordinates are whole tenths of a CSS pixel
 * in a viewBox of the box × 10: short integers are cheaper to write and to parse than decimals.
 */
import type { ChartPoint } from './downsample.js';

export interface SparklineSeries {
  points: readonly ChartPoint[];
  /** Line colour (any CSS colour). */
  colour: string;
  /** Fill under the line, or null for none. */
  fill: string | null;
}

/** Stroke width of a line, in CSS px. */
const LINE_WIDTH = 1.25;
/** Distance between the hatch's stripes, across them, in CSS px: the full panels' hatch (styles). */
const HATCH_GAP = 9;
/** Path units per CSS pixel. */
const SCALE = 10;
const SVG_NS = 'http://www.w3.org/2000/svg';
const registry = new WeakMap<Element, Sparkline>();

/**
 * One series' two paths, and what their attributes hold: compared here, not read back from the
 * DOM (getAttribute copies a path's data, a kilobyte, on every draw of every tile).
 */
interface SeriesPaths {
  area: SVGPathElement;
  line: SVGPathElement;
  areaD: string;
  lineD: string;
  fill: string;
  stroke: string;
}

/** The hatch of the part of the window with no data yet: stripes, and a dashed edge at the data. */
interface HatchPaths {
  stripes: SVGPathElement;
  edge: SVGPathElement;
  stripesD: string;
  edgeD: string;
  colour: string;
}

export class Sparkline {
  /** The sparkline drawing in `svg`, if any (for tests and tooling). */
  static of(svg: Element): Sparkline | undefined {
    return registry.get(svg);
  }

  readonly svg: SVGSVGElement;
  private width = 0;
  private height = 0;
  private readonly paths: SeriesPaths[] = [];
  /**
   * What the last draw drew: per series, the number of points of each unbroken run (a run of 1 is
   * drawn as a dot). Reused between draws.
   */
  readonly runs: number[][] = [];
  /** The y value at the top edge in the last draw. */
  yMax = 0;
  /** Made when a window first needs hatching (most tiles' windows are full). */
  private hatching: HatchPaths | null = null;

  constructor(svg: SVGSVGElement) {
    this.svg = svg;
    // The viewBox follows the measured box; between a resize and the next draw, a frame stretches.
    svg.setAttribute('preserveAspectRatio', 'none');
    registry.set(svg, this);
  }

  /** The CSS box the paths are drawn in (a no-op when it did not change). */
  resize(width: number, height: number): void {
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    this.svg.setAttribute('viewBox', `0 0 ${Math.round(width * SCALE)} ${Math.round(height * SCALE)}`);
  }

  /**
   * Draws `series` over x = fromT…toT and y = 0…yMax (raised to the largest value drawn when a
   * value goes beyond; a yMax of 0 becomes the data's maximum, or 1 when all is 0).
   */
  draw(series: readonly SparklineSeries[], fromT: number, toT: number, yMax: number): void {
    let top = yMax;
    for (const s of series) for (const p of s.points) if (p.y !== null && p.y > top) top = p.y;
    if (!(top > 0)) top = 1;
    this.yMax = top;
    while (this.paths.length < series.length) this.paths.push(this.addPaths());
    while (this.paths.length > series.length) {
      const gone = this.paths.pop()!;
      gone.area.remove();
      gone.line.remove();
    }
    this.runs.length = series.length;
    for (let s = 0; s < series.length; s++) {
      const runs = (this.runs[s] ??= []);
      runs.length = 0;
      const { points, colour, fill } = series[s]!;
      const [area, line] = this.width > 0 && this.height > 0 ? this.pathData(points, fromT, toT, top, runs) : ['', ''];
      // Only what changed is written: an equal write would still repaint the tile.
      const p = this.paths[s]!;
      if (p.areaD !== area) p.area.setAttribute('d', (p.areaD = area));
      if (p.lineD !== line) p.line.setAttribute('d', (p.lineD = line));
      if (p.fill !== (fill ?? 'none')) p.area.setAttribute('fill', (p.fill = fill ?? 'none'));
      if (p.stroke !== colour) p.line.setAttribute('stroke', (p.stroke = colour));
    }
  }

  /**
   * Hatches the `width` CSS px at the left of the window that have no data yet (0: none), under
   * the lines. Drawn in the SVG, not as a hatched box over it: a box whose width changes is laid
   * out and its gradient painted again on every draw of every tile; these paths change in the
   * frame the lines change anyway (bench:metrics, side by side).
   */
  hatch(width: number, colour: string): void {
    const w = this.width > 0 && this.height > 0 && width > 0 ? Math.round(Math.min(width, this.width) * SCALE) : 0;
    if (w <= 0 && !this.hatching) return;
    const h = (this.hatching ??= this.addHatch());
    let stripes = '';
    let edge = '';
    if (w > 0) {
      const height = Math.round(this.height * SCALE);
      // Stripes rising to the right at 45°, anchored to the plot's left edge so that they stay in
      // place while the edge of the data moves over them; each cut at x = 0 and x = w.
      const step = HATCH_GAP * Math.SQRT2 * SCALE;
      for (let k = Math.ceil(-height / step); k * step < w; k++) {
        const x = Math.round(k * step);
        const x0 = Math.max(x, 0);
        const x1 = Math.min(x + height, w);
        if (x1 > x0) stripes += `M${x0} ${height - (x0 - x)}l${x1 - x0} ${x0 - x1}`;
      }
      edge = `M${w} 0V${height}`;
    }
    if (h.stripesD !== stripes) h.stripes.setAttribute('d', (h.stripesD = stripes));
    if (h.edgeD !== edge) h.edge.setAttribute('d', (h.edgeD = edge));
    if (h.colour !== colour) {
      h.stripes.setAttribute('stroke', (h.colour = colour));
      h.edge.setAttribute('stroke', colour);
    }
  }

  /** Removes the paths and forgets the element (the tile shows a placeholder instead). */
  destroy(): void {
    registry.delete(this.svg);
    this.hatching?.stripes.remove();
    this.hatching?.edge.remove();
    this.hatching = null;
    for (const p of this.paths) {
      p.area.remove();
      p.line.remove();
    }
    this.paths.length = 0;
    this.runs.length = 0;
  }

  /** Path data of one series' area and line; null points break both. Records the runs drawn. */
  private pathData(points: readonly ChartPoint[], fromT: number, toT: number, top: number, runs: number[]): [string, string] {
    const sx = (this.width * SCALE) / (toT - fromT || 1);
    // Half a line width inside the top and bottom edges, so a flat 0 % or 100 % line shows whole.
    const bottom = Math.round((this.height - LINE_WIDTH / 2) * SCALE);
    const sy = ((this.height - LINE_WIDTH) * SCALE) / top;
    let line = '';
    let area = '';
    let segs = '';
    let n = 0;
    let x0 = 0;
    let y0 = 0;
    let px = 0;
    let py = 0;
    for (let i = 0; i <= points.length; i++) {
      const p = i < points.length ? points[i]! : null;
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
    return [area, line];
  }

  private addHatch(): HatchPaths {
    // As the full panels' hatch: the muted colour at 22 % (stripes) and 45 % (the edge, dashed).
    const [stripes, edge] = ['0.22', '0.45'].map((opacity) => {
      const p = document.createElementNS(SVG_NS, 'path');
      p.setAttribute('fill', 'none');
      p.setAttribute('stroke-width', String(SCALE));
      p.setAttribute('stroke-opacity', opacity);
      return p;
    }) as [SVGPathElement, SVGPathElement];
    edge.setAttribute('stroke-dasharray', String(3 * SCALE));
    // Under the lines.
    this.svg.prepend(stripes, edge);
    return { stripes, edge, stripesD: '\0', edgeD: '\0', colour: '\0' };
  }

  private addPaths(): SeriesPaths {
    const area = document.createElementNS(SVG_NS, 'path');
    const line = document.createElementNS(SVG_NS, 'path');
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke-width', String(LINE_WIDTH * SCALE));
    line.setAttribute('stroke-linejoin', 'round');
    line.setAttribute('stroke-linecap', 'round');
    this.svg.append(area, line);
    // Nothing written yet: the first draw writes every attribute.
    return { area, line, areaD: '\0', lineD: '\0', fill: '\0', stroke: '\0' };
  }
}
