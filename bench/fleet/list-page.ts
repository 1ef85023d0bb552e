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

const bench = {
  async mount(o: { serverUrl: string; token: string }): Promise<void> {
    // Every answer to GET /vms (one per page): the last one is "the list answer".
    const fetchAndTime: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (Number.isNaN(firstRowsAt) && /\/api\/v1\/vms(\?|$)/.test(String(input instanceof Request ? input.url : input))) {
        await res.clone().arrayBuffer(); // the whole page has arrived
        listAnsweredAt = performance.now();
      }
      return res;
    };
    conn.hub = new VmHub({ serverUrl: o.serverUrl, tokenProvider: () => o.token, persistHistory: false, fetch: fetchAndTime });
    await conn.updateComplete;
    list = document.createElement('vm-list');
    list.style.setProperty('--vm-list-height', 'calc(100vh - 20px)');
    conn.append(list);
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
