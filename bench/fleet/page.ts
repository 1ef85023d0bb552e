import type { SyncSocketFactory, WebSocketLike } from '../../src/transport/socket-factory.js';
// The fleet benchmark page: 1,000 compact <vm-metrics> tiles under one <vm-connection>, with
// counters the runner reads: sockets open at once (as the page sees them), and how soon a tile
// scrolled into view shows a live value.

// Counted before any library code runs: every WebSocket the page asks the browser for. `held`
// ends when the page closes the socket or the socket closes; `unclosed` ends only with the close
// event (a socket the page closed may still be finishing its close handshake).
// `samples`: metrics messages received per VM (the heap-hour part's simulated clock).
let held = 0;
let peakHeld = 0;
let unclosed = 0;
let peakUnclosed = 0;
const samples = new Map<string, number>();
const countSamples = (vm: string, data: unknown) => {
  if (typeof data !== 'string') return;
  let n = 0;
  for (let i = data.indexOf('"type":"metrics"'); i >= 0; i = data.indexOf('"type":"metrics"', i + 1)) n++;
  if (n > 0) samples.set(vm, (samples.get(vm) ?? 0) + n);
};
/** Each VM's latest socket: when it was made, opened, and brought its first metrics sample. */
const socketTimes = new Map<string, { made: number; opened: number; sampled: number }>();

/** The counters' view of one socket, for either kind of socket the page may use. */
function countSocket(url: string) {
  held++;
  unclosed++;
  peakHeld = Math.max(peakHeld, held);
  peakUnclosed = Math.max(peakUnclosed, unclosed);
  // The socket URL ends …/vms/<name> (encoded as one path segment).
  const vm = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  const times = { made: performance.now(), opened: NaN, sampled: NaN };
  socketTimes.set(vm, times);
  let given = false;
  const giveBack = () => {
    if (given) return;
    given = true;
    held--;
  };
  return {
    opened: () => (times.opened = performance.now()),
    message: (data: unknown) => {
      countSamples(vm, data);
      if (Number.isNaN(times.sampled) && typeof data === 'string' && data.includes('"type":"metrics"')) times.sampled = performance.now();
    },
    closing: giveBack,
    closed: () => {
      unclosed--;
      giveBack();
    },
  };
}

const NativeWebSocket = window.WebSocket;
class CountingWebSocket extends NativeWebSocket {
  private readonly count: ReturnType<typeof countSocket>;
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    const count = (this.count = countSocket(this.url));
    this.addEventListener('open', count.opened, { once: true });
    this.addEventListener('message', (e) => count.message(e.data));
    this.addEventListener('close', count.closed, { once: true });
  }
  override close(code?: number, reason?: string): void {
    this.count.closing();
    super.close(code, reason);
  }
}

/** The same counters around a socket the page never sees as a WebSocket (the worker's). */
function countingFactory(inner: SyncSocketFactory): SyncSocketFactory {
  return (url, protocols) => {
    const ws = inner(url, protocols);
    const count = countSocket(url);
    const outer: WebSocketLike = {
      get readyState() {
        return ws.readyState;
      },
      get bufferedAmount() {
        return ws.bufferedAmount;
      },
      get protocol() {
        return ws.protocol;
      },
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
      send: (data) => ws.send(data),
      close: (code, reason) => {
        count.closing();
        ws.close(code, reason);
      },
    };
    ws.onopen = (e) => {
      count.opened();
      outer.onopen?.(e);
    };
    ws.onmessage = (e) => {
      count.message(e.data);
      outer.onmessage?.(e);
    };
    ws.onerror = (e) => outer.onerror?.(e);
    ws.onclose = (e) => {
      count.closed();
      outer.onclose?.(e);
    };
    return outer;
  };
}
window.WebSocket = CountingWebSocket;

const [{ VmHub }, { configureSocketBudget }, { socketBudget }] = await Promise.all([
  import('../../src/hub/vm-hub.js'),
  import('../../src/transport/socket-budget-config.js'),
  import('../../src/transport/socket-budget.js'),
  import('../../src/elements/vm-metrics/vm-metrics.define.js'),
  import('../../src/elements/vm-connection/vm-connection.define.js'),
]);
type VmMetricsEl = HTMLElement & { vmName: string; compact: boolean };

const grid = document.getElementById('grid')!;
const conn = document.getElementById('conn') as HTMLElement & { hub: InstanceType<typeof VmHub> | null; updateComplete: Promise<boolean> };

const isLive = (el: VmMetricsEl | undefined) => !!el && el.shadowRoot?.querySelector('.badge')?.textContent?.trim() === 'Live';

/** Tiles in view: since when, and whether they showed a live value within 2 s. */
const entered = new Map<number, number>();
const outcome = { liveWithin2s: 0, notLiveAt2s: 0 };
/** Tiles already counted for the 2 s figure, and how long tiles took to show a live value. */
const counted = new Set<number>();
const delays: number[] = [];
/** For tiles live within 10 s whose socket was made after they entered view: ms per step. */
const steps = { toSocket: [] as number[], toOpen: [] as number[], toSample: [] as number[], toLive: [] as number[] };
let tops: number[] = [];
let tileHeight = 0;
/** The tiles in view at scroll offset `y`, as an index range [from, to). */
let shown: [number, number] = [0, 0];
function inView(y: number): [number, number] {
  // Tops ascend in grid order: the first tile whose bottom is below y, the first whose top is past the view.
  const firstAt = (limit: number, edge: number) => {
    let lo = 0;
    let hi = tops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tops[mid]! + edge <= limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [firstAt(y, tileHeight), firstAt(y + innerHeight - 1, 0)];
}
/** The tile showing VM number `v` now, if any (one per VM, or one reused by several in `rows`). */
let tileOf = (v: number): VmMetricsEl | undefined => grid.children[v] as VmMetricsEl | undefined;
/** The tiles the page holds now, those hidden left out. */
let tilesNow = (): VmMetricsEl[] => ([...grid.querySelectorAll('vm-metrics')] as VmMetricsEl[]).filter((el) => !el.hidden);
/** Marks tiles that came into view now, and forgets those that left. */
function track(y: number): void {
  const [from, to] = inView(y);
  const now = performance.now();
  for (let i = shown[0]; i < shown[1]; i++) {
    if (i >= from && i < to) continue;
    entered.delete(i);
    counted.delete(i);
  }
  for (let i = from; i < to; i++) if (i < shown[0] || i >= shown[1]) entered.set(i, now);
  shown = [from, to];
}
let scrolling = false;
/** A wheel-driven scroll's listener: tiles in view follow the offset. */
const followScroll = () => track(scrollY);

/** The reference server's name of VM number `v` (vm-0000 …). */
const vmName = (v: number) => `vm-${String(v).padStart(4, '0')}`;

/** Every 0.1 s while scrolling: which tiles that entered view show a live value, and how soon. */
function followLive(): void {
  setInterval(() => {
    if (!scrolling) return;
    const now = performance.now();
    for (const [v, t] of entered) {
      const age = now - t;
      const el = tileOf(v);
      const live = el?.vmName === vmName(v) && isLive(el);
      if (!counted.has(v) && (live || age > 2000)) {
        if (live && age <= 2000) outcome.liveWithin2s++;
        else outcome.notLiveAt2s++;
        counted.add(v);
      }
      // Followed on to 10 s, for how long the ones that missed 2 s took.
      if (live) {
        delays.push(age);
        const sock = socketTimes.get(vmName(v));
        if (sock && sock.made >= t && sock.sampled <= now) {
          steps.toSocket.push(sock.made - t);
          steps.toOpen.push(sock.opened - sock.made);
          steps.toSample.push(sock.sampled - sock.opened);
          steps.toLive.push(now - sock.sampled);
        }
      }
      if (live || age > 10_000) {
        entered.delete(v);
        counted.delete(v);
      }
    }
  }, 100);
}

const bench = {
  async mount(o: { serverUrl: string; token: string; n: number; max: number | null; lingerMs: number; renderer?: string; monitorWorker?: boolean }): Promise<void> {
    // The floor of this page and its scrolling: plain boxes of a tile row's height in the same grid,
    // no element, no socket. What the tiles cost is what a case measures above it.
    // `floor, content-visibility`: each box `content-visibility: auto`, as every tile's host is;
    // `floor, observed`: each box watched by one IntersectionObserver. What the browser itself
    // charges for following 1,000 elements while the page scrolls, before any tile draws a thing.
    if (o.renderer?.startsWith('floor')) {
      const observer = o.renderer.includes('observed') ? new IntersectionObserver(() => {}) : null;
      for (let v = 0; v < o.n; v++) {
        const d = document.createElement('div');
        d.style.cssText = 'height: 100px; border: 1px solid #ccc; border-radius: 8px; padding: 8px; font: 13px system-ui';
        if (o.renderer.includes('content-visibility')) d.style.contentVisibility = 'auto';
        d.textContent = vmName(v);
        grid.append(d);
        observer?.observe(d);
      }
      await new Promise(requestAnimationFrame);
      tops = ([...grid.children] as HTMLElement[]).map((el) => el.getBoundingClientRect().top + scrollY);
      tileHeight = 100;
      return;
    }
    // null: no budget (Infinity does not survive the trip through JSON).
    configureSocketBudget({ max: o.max ?? Infinity, lingerMs: o.lingerMs });
    // The hub's `monitorsInWorker`, with the page's counters around each socket.
    const socketFactory = o.monitorWorker ? countingFactory((await import('../../src/transport/batched-worker-sockets.js')).batchedWorkerSocketFactory) : undefined;
    conn.hub = new VmHub({ serverUrl: o.serverUrl, tokenProvider: () => o.token, persistHistory: false, socketFactory });
    // The same tiles in a virtualized grid (@lit-labs/virtualizer's grid layout): only the rows in
    // and near view exist. A measurement for a tile grid element, not a library feature yet; the
    // live-within-2 s figure is not tracked here (tiles come and go).
    if (o.renderer === 'virtual grid') {
      const [{ html, render }, { virtualize }, { grid: gridLayout }] = await Promise.all([
        import('lit'),
        import('@lit-labs/virtualizer/virtualize.js'),
        import('@lit-labs/virtualizer/layouts/grid.js'),
      ]);
      const names = Array.from({ length: o.n }, (_, v) => vmName(v));
      grid.style.display = 'block';
      render(
        html`${virtualize({
          items: names,
          keyFunction: (name: string) => name,
          layout: gridLayout({ itemSize: { width: '280px', height: '96px' }, gap: '6px', flex: { preserve: 'height' }, padding: '6px' }),
          renderItem: (name: string) => html`<vm-metrics compact .vmName=${name}></vm-metrics>`,
        })}`,
        grid,
      );
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      return;
    }
    // The library's grid: its own fleet list (paginated REST), a pool of tiles renamed as the page scrolls.
    if (o.renderer?.startsWith('vm-grid')) {
      // `vm-grid + <renderer>`: its tiles drawn another way (bench/metrics/renderers.ts).
      const [grid0, drawn] = o.renderer.split(' + ');
      if (drawn) (await import('../metrics/renderers.js')).useRenderer(drawn);
      await import('../../src/elements/vm-grid/vm-grid.define.js');
      const el = document.createElement('vm-grid');
      el.series = grid0!.split(', ')[1] ?? '';
      grid.style.cssText = 'display: block; padding: 0';
      grid.append(el);
      const root = el.shadowRoot!;
      const first = () => root.querySelector<HTMLElement>('.tile[data-slot="0"]:not([hidden])');
      // Listed, laid out and measured: the first tile's height is its own (not the guess) two frames running.
      let last = -1;
      for (const end = performance.now() + 60_000; ; ) {
        if (performance.now() > end) throw new Error(`<vm-grid> never showed a measured tile: ${root.innerHTML.slice(0, 300)}`);
        await new Promise((r) => setTimeout(r, 100));
        const h = first()?.offsetHeight ?? -1;
        // The tile's frame is its measured height rounded up: within a px of the tile's own.
        if (h > 0 && h === last && Math.abs(h - first()!.querySelector('vm-metrics')!.getBoundingClientRect().height) < 1) break;
        last = h;
      }
      tileOf = (v) => root.querySelector<HTMLElement>(`.tile[data-index="${v}"]`)?.querySelector('vm-metrics') as VmMetricsEl | undefined;
      tilesNow = () => [...root.querySelectorAll('.tile:not([hidden]) vm-metrics')] as VmMetricsEl[];
      const tile0 = first()!;
      const top0 = tile0.getBoundingClientRect().top + scrollY;
      const cols = [...root.querySelectorAll<HTMLElement>('.tile:not([hidden])')].filter((t) => Math.abs(t.getBoundingClientRect().top + scrollY - top0) < 1).length;
      const rowHeight = tile0.offsetHeight + 8;
      tops = Array.from({ length: o.n }, (_, v) => top0 + Math.floor(v / cols) * rowHeight);
      tileHeight = tile0.offsetHeight;
      followLive();
      return;
    }
    // The same tiles, only those in and near view in the page (bench/fleet/tile-pool.ts).
    if (o.renderer?.startsWith('rows')) {
      // `rows + <renderer>`: the pool's tiles drawn another way (bench/metrics/renderers.ts);
      // `rows, overscan N`: N rows either side of the view (default 2).
      const drawn = o.renderer.split(' + ')[1];
      if (drawn) (await import('../metrics/renderers.js')).useRenderer(drawn);
      const { mountTilePool } = await import('./tile-pool.js');
      const pool = mountTilePool(grid, o.n, vmName, { ownVisibility: !o.renderer.includes('visible'), overscan: Number(/overscan (\d+)/.exec(o.renderer)?.[1] ?? 2) });
      tileOf = pool.tileOf;
      tops = pool.tops;
      tileHeight = pool.tileHeight;
      await new Promise(requestAnimationFrame);
      followLive();
      return;
    }
    if (o.renderer && !o.renderer.startsWith('chunks') && !o.renderer.startsWith('css:')) (await import('../metrics/renderers.js')).useRenderer(o.renderer);
    const frag = document.createDocumentFragment();
    for (let v = 0; v < o.n; v++) {
      const el = document.createElement('vm-metrics') as VmMetricsEl;
      el.compact = true;
      el.vmName = vmName(v);
      // `css: <declarations>`: each tile styled so by the page (e.g. "css: contain: strict; height: 96px").
      if (o.renderer?.startsWith('css:')) el.style.cssText = o.renderer.slice(4);
      frag.append(el);
    }
    // `chunks`: the same grid cut into grids of 50 tiles, one after another; `chunks,
    // content-visibility`: each grid `content-visibility: auto`, so the browser skips whole
    // sections far from view (and the tiles in them) instead of following every tile.
    if (o.renderer?.startsWith('chunks')) {
      grid.style.display = 'block';
      const made = [...frag.children];
      for (let i = 0; i < made.length; i += 50) {
        const chunk = document.createElement('div');
        chunk.style.cssText = 'display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 6px; margin-bottom: 6px';
        if (o.renderer.includes('content-visibility')) chunk.style.cssText += '; content-visibility: auto; contain-intrinsic-size: auto 1000px';
        chunk.append(...made.slice(i, i + 50));
        grid.append(chunk);
      }
    } else grid.append(frag);
    // Where each tile is, read once (tiles never move): which are in view is then arithmetic on
    // the scroll offset. An IntersectionObserver of 1,000 targets would cost the page 1.5 ms a
    // frame while scrolling, counted in the busy figure as if the library spent it.
    await new Promise(requestAnimationFrame);
    const tiles = [...grid.querySelectorAll('vm-metrics')] as VmMetricsEl[];
    tileOf = (v) => tiles[v];
    tops = tiles.map((el) => el.getBoundingClientRect().top + scrollY);
    tileHeight = tiles[0]!.offsetHeight;
    followLive();
  },
  /** Scrolls top → bottom → top and on, at `pxPerS` (a steady pace), for `seconds`. */
  async scroll(pxPerS: number, seconds: number): Promise<void> {
    const max = document.documentElement.scrollHeight - innerHeight;
    this.watch(true, false);
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const step = () => {
        const t = (performance.now() - start) / 1000;
        if (t >= seconds) return resolve();
        const d = (t * pxPerS) % (2 * max);
        const y = Math.round(d <= max ? d : 2 * max - d);
        scrollTo(0, y);
        track(y);
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    this.watch(false);
  },
  /**
   * Counts tiles entering view from a clean start (`true`) until `false`. With `listen`, a passive
   * scroll listener follows the offset (a scroll the runner drives with wheel gestures); `scroll`
   * tracks its own offsets.
   */
  watch(on: boolean, listen = true): void {
    if (on) {
      // Only tiles that enter view while scrolling count, from a clean start.
      entered.clear();
      counted.clear();
      delays.length = 0;
      for (const list of Object.values(steps)) list.length = 0;
      outcome.liveWithin2s = outcome.notLiveAt2s = 0;
      shown = inView(scrollY);
    }
    scrolling = on;
    if (on && listen) addEventListener('scroll', followScroll, { passive: true });
    else removeEventListener('scroll', followScroll);
  },
  /** How far the page can scroll, and where it is. */
  scrollRange: () => ({ max: document.documentElement.scrollHeight - innerHeight, y: scrollY }),
  /** Samples received: fewest among the tiles in view, and how many tiles received any. */
  samples() {
    const inView = tilesNow().filter((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    let total = 0;
    for (const n of samples.values()) total += n;
    return { minInView: Math.min(...inView.map((el) => samples.get(el.vmName) ?? 0)), inView: inView.length, vmsSampled: samples.size, total };
  },
  /** Tiles in view (by their boxes: read between measurements only) and how many say Live. */
  liveInView() {
    const inView = tilesNow().filter((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    return { inView: inView.length, live: inView.filter(isLive).length };
  },
  stats() {
    const tiles = tilesNow();
    return {
      peakHeld,
      peakUnclosed,
      liveTiles: tiles.filter(isLive).length,
      grants: socketBudget().counts.grants,
      revokes: socketBudget().counts.revokes,
      ...outcome,
      medianToLiveMs: delays.length ? [...delays].sort((a, b) => a - b)[delays.length >> 1] : null,
      // Medians of the steps, in ms, and how many tiles they cover.
      steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.length ? Math.round([...v].sort((a, b) => a - b)[v.length >> 1]!) : null])),
      stepsOf: steps.toLive.length,
      liveWithin10s: delays.length,
      scrollHeight: document.documentElement.scrollHeight,
    };
  },
};
Object.assign(globalThis, { bench });
