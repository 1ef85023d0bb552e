// Other ways of drawing compact tiles, for measuring side by side with the shipped one (one canvas
// per tile: sparklines, hatch and values, tile-canvas.ts). Bench only: each swaps what the
// element's SparklineRenderer does (its methods, patched on the prototype), so nothing here ships.
// `useRenderer('shipped')` puts the element's own back.
import { VmMetrics } from '../../src/elements/vm-metrics/vm-metrics.js';
import { SparklineRenderer } from '../../src/elements/vm-metrics/sparkline-renderer.js';
import { ChartDrawController } from '../../src/elements/vm-metrics/chart-draw-controller.js';
import { TileCanvas } from '../../src/elements/vm-metrics/tile-canvas.js';
import type { SeriesRenderer } from '../../src/elements/vm-metrics/chart-renderer.js';
import type { MetricValues } from '../../src/elements/vm-metrics/metric-values.js';
import { SvgTileRenderer } from './svg-tile-renderer.js';

type Update = SeriesRenderer['update'];
interface Patchable {
  update: Update;
  destroy: () => void;
}
const proto = SparklineRenderer.prototype as unknown as Patchable;
const shipped = { update: proto.update, destroy: proto.destroy };

/** Each element's other renderer, made on its first draw with the shipped one's root and values. */
const others = new WeakMap<object, SeriesRenderer>();
function drawWith(make: (root: () => ParentNode, values: MetricValues) => SeriesRenderer): Patchable {
  const other = (self: object) => {
    let r = others.get(self);
    if (!r) {
      const { root, values } = self as unknown as { root: () => ParentNode; values: MetricValues };
      others.set(self, (r = make(root, values)));
    }
    return r;
  };
  return {
    update(this: object, ...args: Parameters<Update>) {
      return other(this).update(...args);
    },
    destroy(this: object) {
      others.get(this)?.destroy();
      others.delete(this);
    },
  };
}

export const RENDERERS: Record<string, Patchable | null> = {
  shipped: null,
  // As tiles drew until 0.2: a sparkline of SVG paths per card (drawn again when its edge moves a
  // whole pixel), values as DOM text, the hatch an element over the plot.
  'svg paths, values as text': drawWith((root, values) => new SvgTileRenderer(root, values)),
};

const hatch = (TileCanvas.prototype as unknown as { hatch: unknown }).hatch;

/** Not renderers: what parts of the shipped one cost, or the measurement's own floor. */
const EXPERIMENTS: Record<string, Patchable | null> = {
  // The canvas without the hatch of what the window has no data for yet.
  'x: no hatch': null,
  // The whole tile drawn only when the sparklines' edge reaches the next whole pixel, values too
  // (the shipped one draws only the values in between): what the values' draws cost (the values
  // then lag, so this does not ship).
  'x: whole pixels only': null,
  // The bench's 1 Hz timers still fire, and the element ignores what they push: the floor of the
  // measurement (the timers' own tasks), what no change to the element can save.
  'x: pushes ignored': null,
};

// Whether a tile draws is decided by the draw key (chart-draw-controller.ts): the history's
// version in it draws every sample; `x: whole pixels only` puts the sparkline's edge there instead.
type DrawKeyOf = (this: { options: { history: () => { version: number; series: { lastTime: number; length: number } } | null } }) => string | null;
const drawKey = (ChartDrawController.prototype as unknown as { drawKey: DrawKeyOf }).drawKey;
const wholePixelKey: DrawKeyOf = function () {
  const key = drawKey.call(this);
  const h = this.options.history();
  if (key === null || !h) return key;
  // 5 minutes over a plot of about 120 px: a pixel is 2.5 s.
  return key.replace(`|${h.version}|`, `|${Math.ceil(h.series.lastTime / 2500)}|`);
};

const metricsSetter = Object.getOwnPropertyDescriptor(VmMetrics.prototype, 'metrics')!;

export function useRenderer(name: string): void {
  // A patch of a method that is gone would measure the shipped renderer under every name.
  if (typeof shipped.update !== 'function' || typeof drawKey !== 'function' || typeof hatch !== 'function' || !metricsSetter.set) throw new Error('renderers.ts patches methods the element no longer has: update it');
  const patch = name in RENDERERS ? RENDERERS[name] : EXPERIMENTS[name];
  if (patch === undefined) throw new Error(`unknown renderer ${name}; one of ${[...Object.keys(RENDERERS), ...EXPERIMENT_NAMES].join(', ')}`);
  Object.assign(proto, patch ?? shipped);
  (TileCanvas.prototype as unknown as { hatch: unknown }).hatch = name === 'x: no hatch' ? () => undefined : hatch;
  Object.defineProperty(VmMetrics.prototype, 'metrics', name === 'x: pushes ignored' ? { ...metricsSetter, set: () => undefined } : metricsSetter);
  (ChartDrawController.prototype as unknown as { drawKey: unknown }).drawKey = name === 'x: whole pixels only' ? wholePixelKey : drawKey;
}
export const EXPERIMENT_NAMES = Object.keys(EXPERIMENTS);
