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

  it('hatches the part of the window with no data yet under the lines, in stripes cut at its edge', async () => {
    const { svg, spark, paths } = mount();
    spark.draw([series([10, 20])], 0, 20, 100);
    // Nothing to hatch: no paths for it.
    spark.hatch(0, 'rgb(9, 9, 9)');
    expect(svg.querySelectorAll('path')).to.have.length(2);
    spark.hatch(30, 'rgb(9, 9, 9)');
    const [[stripes, , stripeColour], [edge, , edgeColour], [, areaFill]] = paths() as [string[], string[], string[]];
    // Under the series' paths, in the muted colour (22 % stripes, 45 % dashed edge, 1 px wide).
    expect([stripeColour, edgeColour, areaFill]).to.deep.equal(['rgb(9, 9, 9)', 'rgb(9, 9, 9)', 'rgba(0, 0, 255, 0.1)']);
    const [stripePath, edgePath] = [...svg.querySelectorAll('path')];
    expect(['stroke-opacity', 'stroke-width', 'fill'].map((a) => stripePath!.getAttribute(a))).to.deep.equal(['0.22', '10', 'none']);
    expect(['stroke-opacity', 'stroke-dasharray', 'fill'].map((a) => edgePath!.getAttribute(a))).to.deep.equal(['0.45', '30', 'none']);
    // The edge at 30 px, top to bottom; stripes every 9√2 px along x, rising 45°, none past the edge.
    expect(edge).to.equal('M300 0V400');
    const segments = [...stripes!.matchAll(/M(-?\d+) (-?\d+)l(-?\d+) (-?\d+)/g)].map((m) => m.slice(1).map(Number));
    expect(segments.length).to.be.at.least(4);
    for (const [x, y, dx, dy] of segments) {
      expect(dx, 'at 45°').to.equal(-dy!);
      expect(x! >= 0 && x! + dx! <= 300 && y! <= 400 && y! + dy! >= 0, `inside the hatched box: ${stripes}`).to.equal(true);
    }
    // Anchored at the plot's left edge: a narrower hatch keeps the stripes where they were.
    spark.hatch(20, 'rgb(9, 9, 9)');
    const narrower = paths()[0]![0]!;
    expect(narrower.split('M').filter(Boolean).map((seg) => seg.split('l')[0])).to.include.members(
      stripes!.split('M').filter(Boolean).map((seg) => seg.split('l')[0]).filter((start) => Number(start.split(' ')[0]) < 200 && Number(start.split(' ')[1]) === 400),
    );
    // The same hatch again writes nothing; a full window clears it.
    const watch = new MutationObserver(() => undefined);
    watch.observe(svg, { attributes: true, subtree: true });
    spark.hatch(20, 'rgb(9, 9, 9)');
    expect(watch.takeRecords()).to.have.length(0);
    spark.hatch(0, 'rgb(9, 9, 9)');
    expect(paths().slice(0, 2).map(([d]) => d)).to.deep.equal(['', '']);
    watch.disconnect();
    spark.destroy();
    expect(svg.childElementCount).to.equal(0);
    svg.remove();
  });
});
