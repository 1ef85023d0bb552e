/// <reference types="mocha" />
// A compact tile's sparkline (sparkline.ts): SVG paths, gaps for missing points, nothing written twice.
import { expect } from '@open-wc/testing';
import { Sparkline, type SparklineSeries } from '../../../src/elements/vm-metrics/sparkline.js';
import type { ChartPoint } from '../../../src/elements/vm-metrics/downsample.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const points = (ys: (number | null)[]): ChartPoint[] => ys.map((y, i) => ({ x: i * 10, y, i }));
const series = (ys: (number | null)[], fill: string | null = 'rgba(0, 0, 255, 0.1)'): SparklineSeries => ({ points: points(ys), colour: 'rgb(0, 0, 255)', fill });

function mount(): { svg: SVGSVGElement; spark: Sparkline; paths: () => string[][] } {
  const svg = document.createElementNS(SVG_NS, 'svg');
  document.body.append(svg);
  const spark = new Sparkline(svg);
  spark.resize(100, 40);
  const paths = () => [...svg.querySelectorAll('path')].map((p) => [p.getAttribute('d') ?? '', p.getAttribute('fill') ?? '', p.getAttribute('stroke') ?? '']);
  return { svg, spark, paths };
}

describe('<vm-metrics> compact sparkline (sparkline.ts)', () => {
  it('draws a line and the area under it across the window, in whole tenths of a pixel', () => {
    const { svg, spark, paths } = mount();
    expect([svg.getAttribute('viewBox'), svg.getAttribute('preserveAspectRatio')]).to.deep.equal(['0 0 1000 400', 'none']);
    // x = 0…100 over the window, y = 0…100 (%) inside half a line width of each edge: 0 at 393.75
    // → 394, 100 at 394 − 387.5 = 6.5 → 7 (each point rounded on its own, then made relative).
    spark.draw([series([0, 50, 100, 100, 0, 0, 0, 0, 0, 0, 0])], 0, 100, 100);
    const [[area, fill], [line, lineFill, stroke]] = paths() as [string[], string[]];
    expect(line).to.equal('M0 394l100 -194l100 -193l100 0l100 387l100 0l100 0l100 0l100 0l100 0l100 0');
    expect(area).to.equal('M0 394V394l100 -194l100 -193l100 0l100 387l100 0l100 0l100 0l100 0l100 0l100 0V394Z');
    expect([fill, lineFill, stroke]).to.deep.equal(['rgba(0, 0, 255, 0.1)', 'none', 'rgb(0, 0, 255)']);
    expect([spark.runs, spark.yMax]).to.deep.equal([[[11]], 100]);
    expect(Sparkline.of(svg)).to.equal(spark);
    svg.remove();
  });

  it('leaves gaps open, draws a lone sample as a dot, and raises the top to the largest value', () => {
    const { svg, spark, paths } = mount();
    spark.draw([series([10, 20, null, 30, null, 200, 100], null)], 0, 60, 100);
    const [[area, fill], [line]] = paths() as [string[], string[]];
    expect(spark.runs).to.deep.equal([[2, 1, 2]]);
    expect(spark.yMax).to.equal(200);
    // Three subpaths; the lone 30 is a zero-length line (round caps make it a dot).
    expect(line!.match(/M/g)).to.have.length(3);
    expect(line).to.contain('h0');
    // No fill colour: the area is not filled; only runs of two or more have one.
    expect([fill, area!.match(/Z/g)?.length]).to.deep.equal(['none', 2]);
    svg.remove();
  });

  it('a window of zeros is a flat line on the bottom, and no size draws nothing', () => {
    const { svg, spark, paths } = mount();
    spark.draw([series([0, 0, 0])], 0, 20, 0);
    expect(spark.yMax).to.equal(1);
    expect(paths()[1]![0]).to.equal('M0 394l500 0l500 0');
    spark.resize(0, 40);
    spark.draw([series([5, 6])], 0, 10, 100);
    expect(paths().map(([d]) => d)).to.deep.equal(['', '']);
    expect(spark.runs).to.deep.equal([[]]);
    svg.remove();
  });

  it('writes nothing when a draw would change nothing, and only what changed otherwise', async () => {
    const { svg, spark } = mount();
    const s = [series([1, 2, 3]), series([4, 5, 6])];
    spark.draw(s, 0, 20, 100);
    const changes: string[] = [];
    const watch = new MutationObserver((records) => changes.push(...records.map((r) => `${r.type} ${r.attributeName ?? ''}`)));
    watch.observe(svg, { attributes: true, childList: true, subtree: true });
    // Nor reads anything back from the DOM (a path's data is a kilobyte, copied on every read).
    const getAttribute = Element.prototype.getAttribute;
    let reads = 0;
    Element.prototype.getAttribute = function (this: Element, name: string) {
      reads++;
      return getAttribute.call(this, name);
    };
    try {
      spark.draw(s, 0, 20, 100);
    } finally {
      Element.prototype.getAttribute = getAttribute;
    }
    await Promise.resolve();
    expect(watch.takeRecords().length + changes.length, 'an identical draw').to.equal(0);
    expect(reads, 'attributes read back').to.equal(0);
    spark.draw([s[0]!, { ...s[1]!, colour: 'rgb(1, 2, 3)' }], 0, 20, 100);
    expect(watch.takeRecords().map((r) => `${r.type} ${r.attributeName}`)).to.deep.equal(['attributes stroke']);
    // Fewer series: the extra paths go; a destroyed sparkline leaves an empty element.
    spark.draw([s[0]!], 0, 20, 100);
    expect(svg.querySelectorAll('path')).to.have.length(2);
    spark.destroy();
    expect([svg.childElementCount, Sparkline.of(svg)]).to.deep.equal([0, undefined]);
    watch.disconnect();
    svg.remove();
  });
});
