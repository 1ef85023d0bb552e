// The <vm-list> part of bench:fleet: one list of every VM under one <vm-connection>, with counters
// the runner reads: sockets open at once (as the page sees them), when the list's last page
// answered and when its first rows were on screen, and frame times while the list is flung.
let held = 0;
let peakHeld = 0;
const NativeWebSocket = window.WebSocket;
class CountingWebSocket extends NativeWebSocket {
  private given = false;
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    peakHeld = Math.max(peakHeld, ++held);
    this.addEventListener('close', () => this.giveBack(), { once: true });
  }
  override close(code?: number, reason?: string): void {
    this.giveBack();
    super.close(code, reason);
  }
  private giveBack(): void {
    if (this.given) return;
    this.given = true;
    held--;
  }
}
window.WebSocket = CountingWebSocket;

const [{ VmHub }, { socketBudget }] = await Promise.all([
  import('../../src/hub/vm-hub.js'),
  import('../../src/transport/socket-budget.js'),
  import('../../src/elements/vm-list/vm-list.define.js'),
  import('../../src/elements/vm-connection/vm-connection.define.js'),
]);

const conn = document.getElementById('conn') as HTMLElement & { hub: InstanceType<typeof VmHub> | null; updateComplete: Promise<boolean> };
let listAnsweredAt = NaN;
let firstRowsAt = NaN;
let list: HTMLElement | null = null;
const body = () => list?.shadowRoot?.querySelector<HTMLElement>('.body') ?? null;

/** Rows on screen (any part of them inside the scroller) and how many of them are live. */
function onScreen(): { shownRows: number; shownLive: number } {
  const box = body()?.getBoundingClientRect();
  if (!box) return { shownRows: 0, shownLive: 0 };
  const shown = [...list!.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')].filter((r) => {
    const b = r.getBoundingClientRect();
    return b.bottom > box.top && b.top < box.bottom;
  });
  return { shownRows: shown.length, shownLive: shown.filter((r) => r.classList.contains('live')).length };
}

/** A row's top inside the virtualizer, from the transform it places the row with. */
const topOf = (row: HTMLElement) => Number(/translate\([^,]+,\s*(-?[\d.]+)px\)/.exec(row.style.transform)?.[1] ?? NaN);

/** See `bench.watchRows`. */
function rowWatcher(): { stop: () => { liveWithin2s: number; counted: number; medianMs: number } } {
  const el = body()!;
  const view = el.clientHeight;
  const firstRow = list!.shadowRoot!.querySelector<HTMLElement>('.body [role="row"]');
  const rowHeight = firstRow?.getBoundingClientRect().height ?? 0;
  // Where the virtualizer's row 0 sits in the scrolled content.
  const offset = firstRow ? firstRow.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - topOf(firstRow) : 0;
  const entered = new Map<string, number>();
  const done = new Set<string>();
  const delays: number[] = [];
  let liveWithin2s = 0;
  let counted = 0;
  const look = () => {
    const t = performance.now();
    const pos = el.scrollTop;
    const seen = new Set<string>();
    for (const r of list!.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')) {
      const top = topOf(r) + offset - pos;
      if (top + rowHeight <= 0 || top >= view) continue;
      const vm = r.dataset['vm'] ?? '';
      seen.add(vm);
      if (!entered.has(vm)) entered.set(vm, t);
      if (done.has(vm)) continue;
      const waited = t - entered.get(vm)!;
      if (r.classList.contains('live')) {
        done.add(vm);
        counted++;
        if (waited <= 2000) liveWithin2s++;
        if (waited <= 10_000) delays.push(waited);
      } else if (waited > 10_000) {
        done.add(vm);
        counted++;
      }
    }
    for (const [vm, since] of entered) {
      if (seen.has(vm)) continue;
      entered.delete(vm);
      // Left without being live: missed if it was in view 2 s, else not counted (no fair chance).
      if (!done.has(vm) && t - since > 2000) counted++;
      done.delete(vm);
    }
  };
  const timer = setInterval(look, 200);
  return {
    stop() {
      clearInterval(timer);
      // Rows still on screen, not live, past 2 s: missed.
      const now = performance.now();
      for (const [vm, t] of entered) if (!done.has(vm) && now - t > 2000) counted++;
      delays.sort((a, b) => a - b);
      return { liveWithin2s, counted, medianMs: delays[Math.floor(delays.length / 2)] ?? NaN };
    },
  };
}
let watcher: ReturnType<typeof rowWatcher> | null = null;

const bench = {
  async mount(o: { serverUrl: string; token: string; monitorWorker: boolean; css?: string }): Promise<void> {
    // Every answer to GET /vms (one per page): the last one is "the list answer".
    const fetchAndTime: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (Number.isNaN(firstRowsAt) && /\/api\/v1\/vms(\?|$)/.test(String(input instanceof Request ? input.url : input))) {
        await res.clone().arrayBuffer(); // the whole page has arrived
        listAnsweredAt = performance.now();
      }
      return res;
    };
    conn.hub = new VmHub({ serverUrl: o.serverUrl, tokenProvider: () => o.token, persistHistory: false, fetch: fetchAndTime, monitorsInWorker: o.monitorWorker });
    await conn.updateComplete;
    list = document.createElement('vm-list');
    list.style.setProperty('--vm-list-height', 'calc(100vh - 20px)');
    conn.append(list);
    if (o.css) {
      // `--list-css`: the list styled so as well (a what-if of its styles, measured side by side).
      await (list as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(o.css);
      list.shadowRoot!.adoptedStyleSheets = [...list.shadowRoot!.adoptedStyleSheets, sheet];
    }
    // First rows on screen: the first frame in which a row is rendered.
    await new Promise<void>((resolve) => {
      const look = () => {
        if (list!.shadowRoot?.querySelector('.body [role="row"]')) {
          firstRowsAt = performance.now();
          return resolve();
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
  },
  /** Flings the list: `pxPerFrame` each frame, down then up, for `seconds`; returns frame times (ms). */
  async fling(pxPerFrame: number, seconds: number): Promise<number[]> {
    const el = body()!;
    const frames: number[] = [];
    let last = performance.now();
    const end = last + seconds * 1000;
    let dir = 1;
    await new Promise<void>((resolve) => {
      const step = (t: number) => {
        frames.push(t - last);
        last = t;
        if (t >= end) return resolve();
        const max = el.scrollHeight - el.clientHeight;
        if (el.scrollTop >= max - 1) dir = -1;
        else if (el.scrollTop <= 0) dir = 1;
        el.scrollTop += dir * pxPerFrame;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    return frames.slice(1);
  },
  /**
   * Watches the rows that come on screen (`true`) until told to stop (`false`, which returns the
   * figures): the share that showed live values within 2 s of coming into view (rows that left
   * sooner are not counted), and the median time until live of those live within 10 s. Rows are
   * looked at every 200 ms, by the positions the virtualizer gave them: reading their boxes in every
   * frame would lay the list out in the bench's time, not the list's.
   */
  watchRows(on: boolean): { liveWithin2s: number; counted: number; medianMs: number } | null {
    if (on) {
      watcher = rowWatcher();
      return null;
    }
    const figures = watcher?.stop() ?? null;
    watcher = null;
    return figures;
  },
  /** How far the list scrolls, and where it is. */
  scrollRange(): { max: number; y: number } {
    const el = body()!;
    return { max: el.scrollHeight - el.clientHeight, y: el.scrollTop };
  },
  /** Scrolls the list by script at a steady `pxPerS` (down, then up at the end) for `seconds`, a step per frame. */
  async scriptScroll(pxPerS: number, seconds: number): Promise<void> {
    const el = body()!;
    const max = el.scrollHeight - el.clientHeight;
    let pos = el.scrollTop;
    let dir = 1;
    let last = performance.now();
    const end = last + seconds * 1000;
    await new Promise<void>((resolve) => {
      const step = (t: number) => {
        pos = Math.min(max, Math.max(0, pos + (dir * pxPerS * (t - last)) / 1000));
        last = t;
        if (pos >= max) dir = -1;
        else if (pos <= 0) dir = 1;
        el.scrollTop = pos;
        if (t >= end) return resolve();
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  },
  stats() {
    return {
      peakHeld,
      held,
      firstRowsMs: firstRowsAt - listAnsweredAt,
      rows: list?.shadowRoot?.querySelectorAll('.body [role="row"]').length ?? 0,
      liveRows: list?.shadowRoot?.querySelectorAll('.body .row.live').length ?? 0,
      ...onScreen(),
      grants: socketBudget().counts.grants,
      revokes: socketBudget().counts.revokes,
      budget: socketBudget().max,
    };
  },
};
Object.assign(globalThis, { bench });
export {};
