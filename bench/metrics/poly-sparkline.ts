// Bench only: the shipped SVG sparkline (src/elements/vm-metrics/sparkline.ts) drawn with
// <polyline>/<polygon> `points` instead of <path> `d`. `d` is a presentation attribute (a CSS
// property since SVG 2): every write also restyles the path, and the style cache hashes the whole
// string; `points` is a plain attribute. Same coordinates (tenths of a CSS pixel), one shape per
// unbroken run, shapes reused between draws.
import { Sparkline, type SparklineSeries } from '../../src/elements/vm-metrics/sparkline.js';

const LINE_WIDTH = 1.25;
const SCALE = 10;
const SVG_NS = 'http://www.w3.org/2000/svg';

interface RunShapes {
  area: SVGPolygonElement;
  line: SVGPolylineElement;
  areaPoints: string;
  linePoints: string;
  fill: string;
  stroke: string;
}

export class PolySparkline {
  private width = 0;
  private height = 0;
  /** Per series, the shapes of each run. */
  private readonly shapes: RunShapes[][] = [];

  /** The shipped sparkline, for its sizing only (viewBox in tenths of a pixel); it never draws. */
  private readonly frame: Sparkline;

  constructor(private readonly svg: SVGSVGElement) {
    this.frame = new Sparkline(svg);
  }

  resize(width: number, height: number): void {
    this.frame.resize(width, height);
    this.width = width;
    this.height = height;
  }

  draw(series: readonly SparklineSeries[], fromT: number, toT: number, yMax: number): void {
    let top = yMax;
    for (const s of series) for (const p of s.points) if (p.y !== null && p.y > top) top = p.y;
    if (!(top > 0)) top = 1;
    while (this.shapes.length > series.length) for (const r of this.shapes.pop()!) this.drop(r);
    const sx = (this.width * SCALE) / (toT - fromT || 1);
    const bottom = Math.round((this.height - LINE_WIDTH / 2) * SCALE);
    const sy = ((this.height - LINE_WIDTH) * SCALE) / top;
    for (let s = 0; s < series.length; s++) {
      const runs = (this.shapes[s] ??= []);
      const { points, colour, fill } = series[s]!;
      let r = 0;
      let line = '';
      let n = 0;
      let x0 = 0;
      let px = 0;
      for (let i = 0; i <= points.length; i++) {
        const p = i < points.length ? points[i]! : null;
        if (p && p.y !== null && this.width > 0) {
          const x = Math.round((p.x - fromT) * sx);
          const y = Math.round(bottom - p.y * sy);
          if (n === 0) x0 = x;
          line += `${x},${y} `;
          px = x;
          n++;
        } else if (n > 0) {
          const shapes = (runs[r] ??= this.add());
          const l = n === 1 ? line + line : line;
          const a = n === 1 ? '' : `${x0},${bottom} ${line}${px},${bottom}`;
          if (shapes.linePoints !== l) shapes.line.setAttribute('points', (shapes.linePoints = l));
          if (shapes.areaPoints !== a) shapes.area.setAttribute('points', (shapes.areaPoints = a));
          if (shapes.fill !== (fill ?? 'none')) shapes.area.setAttribute('fill', (shapes.fill = fill ?? 'none'));
          if (shapes.stroke !== colour) shapes.line.setAttribute('stroke', (shapes.stroke = colour));
          r++;
          line = '';
          n = 0;
        }
      }
      while (runs.length > r) this.drop(runs.pop()!);
    }
  }

  destroy(): void {
    for (const runs of this.shapes) for (const r of runs) this.drop(r);
    this.shapes.length = 0;
    this.frame.destroy();
  }

  private drop(r: RunShapes): void {
    r.area.remove();
    r.line.remove();
  }

  private add(): RunShapes {
    const area = document.createElementNS(SVG_NS, 'polygon');
    const line = document.createElementNS(SVG_NS, 'polyline');
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke-width', String(LINE_WIDTH * SCALE));
    line.setAttribute('stroke-linejoin', 'round');
    line.setAttribute('stroke-linecap', 'round');
    this.svg.append(area, line);
    return { area, line, areaPoints: '\0', linePoints: '\0', fill: '\0', stroke: '\0' };
  }
}
