/// <reference types="mocha" />
// Which of <vm-list>'s rows hold live sessions (live-rows-controller.ts), on a host of its own:
// the rows that settle in the virtualizer's range get one, and leaving the page lets go of all.
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { VmHub } from '../../../src/hub/vm-hub.js';
import type { FleetRow } from '../../../src/elements/vm-list/fleet-view.js';
import { LiveRowsController, SETTLE_MS } from '../../../src/elements/vm-list/live-rows-controller.js';

const ROWS = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ vm: { name }, status: 'running' }) as unknown as FleetRow);

/**
 * A hub whose monitor leases are counted (taken, and released); a test changes a session's socket
 * state through `sockets` and tells its subscriber through `notify`.
 */
function countingHub() {
  const held = new Map<string, number>();
  const released: string[] = [];
  const notify = new Map<string, () => void>();
  const sockets = new Map<string, { state: string }>();
  const hub = {
    monitor(name: string) {
      held.set(name, (held.get(name) ?? 0) + 1);
      const session = {
        status: { status: 'running' },
        connection: { state: 'open' },
        history: null,
        currentUptime: () => 60,
        subscribe: (fn: () => void) => (notify.set(name, fn), () => notify.delete(name)),
      };
      sockets.set(name, session.connection);
      return { session, setVisible() {}, release: () => released.push(name) };
    },
  } as unknown as VmHub;
  return { hub, held, released, notify, sockets };
}

class LiveRowsHost extends LitElement {
  ranges = 0;
  renders = 0;
  hub: VmHub | null = null;
  readonly live = new LiveRowsController(this, {
    rows: () => ROWS,
    hub: () => this.hub,
    rangeChanged: () => this.ranges++,
  });
  override render() {
    this.renders++;
    return html`<div style="height: 40px">rows</div>`;
  }
}
customElements.define('live-rows-host', LiveRowsHost);

const range = (first: number, last: number) => ({ first, last }) as RangeChangedEvent & VisibilityChangedEvent;

/** A host on the page, leasing from `hub`. */
async function mountHost(hub: VmHub): Promise<LiveRowsHost> {
  const el = document.createElement('live-rows-host') as LiveRowsHost;
  el.hub = hub;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** The virtualizer reports rows `rendered` and `shown` ([first, last]), as it does on scrolling. */
function report(el: LiveRowsHost, rendered: [number, number], shown = rendered): void {
  el.live.onRange(range(...rendered));
  el.live.onVisibleRange(range(...shown));
}

describe('<vm-list> live rows (live-rows-controller.ts)', () => {
  it('leases sessions for the rows on screen that stayed rendered, keys rows from the first rendered, and lets go on leaving', async () => {
    const { hub, held, released } = countingHub();
    const el = await mountHost(hub);
    report(el, [1, 3], [2, 3]);
    expect([el.live.slotBase, el.ranges]).to.deep.equal([1, 1]);
    expect(held.size, 'nothing is leased before the rows settled').to.equal(0);
    // b is rendered beyond the view: it holds no session.
    await waitUntil(() => el.live.leases.size === 2, 'the settled rows on screen hold sessions', { timeout: 5000 });
    expect([...held.keys()].sort()).to.deep.equal(['c', 'd']);
    expect(el.live.leases.session('c')?.status?.status).to.equal('running');
    // The view moves on: the row that left it lets go, the one that came takes a session.
    report(el, [2, 4], [3, 4]);
    await waitUntil(() => el.live.leases.session('e') !== null, 'the new row holds a session', { timeout: 5000 });
    expect(released).to.deep.equal(['c']);
    el.remove();
    expect([el.live.leases.size, released.sort()]).to.deep.equal([0, ['c', 'd', 'e']]);
  });

  it('renders after a look only when rows took or let go of a session', async () => {
    const el = await mountHost(countingHub().hub);
    report(el, [1, 3]);
    await waitUntil(() => el.live.leases.size === 3, 'the settled rows hold sessions', { timeout: 5000 });
    await el.updateComplete;
    const renders = el.renders;
    // The virtualizer reports the same ranges again, as it does on every scroll frame.
    for (let i = 0; i < 3; i++) {
      report(el, [1, 3]);
      await new Promise((r) => setTimeout(r, SETTLE_MS + 50));
    }
    await el.updateComplete;
    expect(el.renders - renders, 'looks that changed nothing render nothing').to.equal(0);
    report(el, [2, 4]);
    await waitUntil(() => el.live.leases.session('e') !== null, 'the new row holds a session', { timeout: 5000 });
    await el.updateComplete;
    expect(el.renders - renders, 'a row that took its session is rendered').to.be.greaterThan(0);
    el.remove();
  });

  it('renders a status change in the next frame, or with the look at the rows that is due', async () => {
    const { hub, notify, sockets } = countingHub();
    const el = await mountHost(hub);
    report(el, [0, 1]);
    await waitUntil(() => el.live.leases.size === 2, 'the rows hold sessions', { timeout: 5000 });
    await el.updateComplete;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // At rest: a socket that drops is said in the next frame.
    let renders = el.renders;
    sockets.get('a')!.state = 'reconnecting';
    notify.get('a')!();
    await frame();
    await el.updateComplete;
    expect(el.renders - renders, 'rendered at rest').to.equal(1);
    // Moving (a look is due): changes wait for the look, and it renders them all at once.
    el.live.onRange(range(0, 1));
    renders = el.renders;
    sockets.get('a')!.state = 'open';
    notify.get('a')!();
    sockets.get('b')!.state = 'reconnecting';
    notify.get('b')!();
    await frame();
    await el.updateComplete;
    expect(el.renders - renders, 'nothing before the look').to.equal(0);
    await new Promise((r) => setTimeout(r, SETTLE_MS + 50));
    await el.updateComplete;
    expect(el.renders - renders, 'one render at the look').to.equal(1);
    el.remove();
  });

  it('leases nothing for an element that is not on the page', async () => {
    const { hub, held } = countingHub();
    const el = document.createElement('live-rows-host') as LiveRowsHost;
    el.hub = hub;
    report(el, [0, 2]);
    // Connected later, with no range moving: nothing was scheduled while detached.
    document.body.append(el);
    await el.updateComplete;
    // Two looks' time: a look scheduled while detached would have leased the rows by now.
    await new Promise((r) => setTimeout(r, 2 * SETTLE_MS + 100));
    expect(held.size).to.equal(0);
    el.remove();
  });
});
