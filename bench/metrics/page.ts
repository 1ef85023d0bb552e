// The benchmark page: <vm-metrics> dashboards against a naive panel, fed from 1 Hz timers (or slower).
import '../../src/elements/vm-metrics/vm-metrics.define.js';
import { configureDefaultHub, resetDefaultHub } from '../../src/hub/index.js';
import type { VmMetrics, MetricsSample } from '../../src/elements/vm-metrics/vm-metrics.js';
import { EXPERIMENT_NAMES, RENDERERS, useRenderer } from './renderers.js';
import { keepingCost, timedWriteGaps } from './keeping.js';
import { Chart, LineController, LineElement, PointElement, LinearScale, Filler, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Tooltip);

const GiB = 2 ** 30;
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

/** How often each VM samples (`--interval-ms`; LibGo's own default is 5 s). */
let stepMs = 1000;

/** A deterministic sample k of VM v, one per `stepMs`. */
function sample(v: number, k: number): MetricsSample {
  return {
    timestamp: T0 + k * stepMs,
    cpu: { utilization: 30 + 25 * Math.sin(k / 20 + v) },
    memory: { used: (3 + Math.sin(k / 300 + v)) * GiB, total: 8 * GiB },
    network: { rxBytes: k * 1_500_000 + 400_000 * Math.sin(k / 7), txBytes: k * 300_000 },
    disk: { readBytes: k * 4_000_000, writeBytes: k * 1_000_000 + 200_000 * Math.cos(k / 9) },
  };
}

/** What the issue calls the naive panel: 4 charts, each updated on every sample, no gating. */
class NaivePanel {
  readonly el = document.createElement('div');
  private charts: Chart[] = [];
  private last: MetricsSample | null = null;
  constructor() {
    this.el.className = 'naive';
    for (let c = 0; c < 4; c++) {
      const box = document.createElement('div');
      box.style.cssText = 'position:relative;height:110px';
      const canvas = document.createElement('canvas');
      box.append(canvas);
      this.el.append(box);
      const datasets = c >= 2 ? [{ data: [] as { x: number; y: number }[] }, { data: [] as { x: number; y: number }[] }] : [{ data: [] as { x: number; y: number }[] }];
      this.charts.push(
        new Chart(canvas, {
          type: 'line',
          data: { datasets: datasets.map((d) => ({ ...d, pointRadius: 0, borderWidth: 1.5, fill: c < 2 })) },
          options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { type: 'linear' }, y: { type: 'linear', min: 0 } } },
        }),
      );
    }
  }
  /** `draw: false` only keeps the sample (a simulated hour is filled in one go, then drawn once). */
  push(s: MetricsSample, draw = true): void {
    const t = Number(s.timestamp);
    const prev = this.last;
    this.last = s;
    const rate = (a?: number, b?: number) => (prev && a !== undefined && b !== undefined ? Math.max(0, ((a - b) * 1000) / (t - Number(prev.timestamp))) : 0);
    const ys = [
      [s.cpu!.utilization!],
      [(s.memory!.used! / s.memory!.total!) * 100],
      [rate(s.network!.rxBytes, prev?.network?.rxBytes), rate(s.network!.txBytes, prev?.network?.txBytes)],
      [rate(s.disk!.readBytes, prev?.disk?.readBytes), rate(s.disk!.writeBytes, prev?.disk?.writeBytes)],
    ];
    this.charts.forEach((chart, c) => {
      ys[c].forEach((y, d) => {
        const data = chart.data.datasets[d].data as { x: number; y: number }[];
        data.push({ x: t, y });
        // Keeps one hour, like the element.
        if (data.length > 3600) data.shift();
      });
      if (draw) chart.update();
    });
  }
  draw(): void {
    for (const c of this.charts) c.update();
  }
  destroy(): void {
    for (const c of this.charts) c.destroy();
    this.el.remove();
  }
}

interface Mounted {
  kind: 'element' | 'naive';
  push: (s: MetricsSample) => void;
  /** Pushes many samples, drawn once at the end (a naive panel drawing each one of an hour's 3,600 timed out). */
  fill?: (samples: MetricsSample[]) => void;
  destroy: () => void;
}

const root = document.getElementById('root')!;
let mounted: Mounted[] = [];
let timers: ReturnType<typeof setInterval>[] = [];
let k = 0;

const bench = {
  mount(kind: 'element' | 'naive', n: number, opts: { compact?: boolean; columns?: number } = {}): void {
    bench.clear();
    root.style.gridTemplateColumns = `repeat(${opts.columns ?? 10}, minmax(0, 1fr))`;
    for (let v = 0; v < n; v++) {
      if (kind === 'element') {
        const el = document.createElement('vm-metrics') as VmMetrics;
        el.compact = opts.compact ?? false;
        el.capacity = 3600;
        el.label = `vm-${v}`;
        root.append(el);
        mounted.push({ kind, push: (s) => (el.metrics = s), destroy: () => el.remove() });
      } else {
        const p = new NaivePanel();
        root.append(p.el);
        mounted.push({ kind, push: (s) => p.push(s), fill: (ss) => (ss.forEach((x) => p.push(x, false)), p.draw()), destroy: () => p.destroy() });
      }
    }
  },
  /**
   * Hub mode, as a portal runs it: n elements named vm-000… on the page-wide hub, each fed by its
   * VM's monitor socket from the reference server (one socket per VM, samples at the server's rate).
   */
  mountLive(n: number, opts: { serverUrl: string; token: string; compact?: boolean; columns?: number; monitorsInWorker?: boolean }): void {
    bench.clear();
    configureDefaultHub({ serverUrl: opts.serverUrl, tokenProvider: () => opts.token, monitorsInWorker: opts.monitorsInWorker === true });
    root.style.gridTemplateColumns = `repeat(${opts.columns ?? 10}, minmax(0, 1fr))`;
    for (let v = 0; v < n; v++) {
      const el = document.createElement('vm-metrics') as VmMetrics;
      el.compact = opts.compact ?? false;
      el.vmName = `vm-${String(v).padStart(3, '0')}`;
      root.append(el);
      mounted.push({ kind: 'element', push: () => undefined, destroy: () => el.remove() });
    }
  },
  /**
   * The floor of the hub case: n bare WebSockets to the same VMs, each message only parsed
   * (JSON, line by line, as any client must): what receiving 100 VMs costs before any element.
   */
  mountRawSockets(n: number, opts: { serverUrl: string; token: string }): void {
    bench.clear();
    for (let v = 0; v < n; v++) {
      const url = new URL(`/ws/vms/vm-${String(v).padStart(3, '0')}`, opts.serverUrl);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('token', opts.token);
      const ws = new WebSocket(url);
      let parsed = 0;
      ws.onmessage = (e) => {
        for (const line of String(e.data).split('\n')) if (line) parsed += JSON.parse(line) ? 1 : 0;
      };
      mounted.push({ kind: 'element', push: () => undefined, destroy: () => ws.close() });
      void parsed;
    }
  },
  /** Samples every `ms` from now on (the feed, `fill`, and what the rates are over). */
  sampleEvery(ms: number): void {
    stepMs = ms;
  },
  /** Every element gets its own timer (1 Hz unless `sampleEvery`), started at a random phase. */
  startFeed(): void {
    mounted.forEach((m, v) => {
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            m.push(sample(v, k + v));
          }, stepMs),
        );
      }, Math.random() * stepMs);
    });
    timers.push(setInterval(() => k++, stepMs));
  },
  stopFeed(): void {
    for (const t of timers) clearInterval(t);
    timers = [];
  },
  /** Pushes samples from..to (exclusive) to every element as fast as possible. */
  fill(from: number, to: number): void {
    mounted.forEach((m, v) => {
      const samples = Array.from({ length: to - from }, (_, i) => sample(v, from + i));
      if (m.fill) m.fill(samples);
      else for (const s of samples) m.push(s);
    });
    k = to;
  },
  /** Draws compact tiles with another renderer (renderers.ts), 'shipped' for the element's own. */
  useRenderer,
  renderers: RENDERERS,
  experiments: EXPERIMENT_NAMES,
  keepingCost,
  timedWriteGaps,
  drawCounts(): number {
    let total = 0;
    for (const el of document.querySelectorAll('vm-metrics')) total += (el as VmMetrics).drawCount;
    return total;
  },
  clear(): void {
    bench.stopFeed();
    for (const m of mounted) m.destroy();
    mounted = [];
    k = 0;
    resetDefaultHub();
  },
};
(window as unknown as { bench: typeof bench }).bench = bench;
