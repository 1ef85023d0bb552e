/// <reference types="mocha" />
// Unit tests of <vm-detail>'s own modules: tabs, banner, status words, overview load, ticker.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, render } from 'lit';
import { bannerError } from '../../../src/elements/vm-detail/banner-error.js';
import { TABS, renderTab, type VmDetailTab } from '../../../src/elements/vm-detail/detail-tabs.js';
import { nextRovingIndex } from '../../../src/internal/roving-index.js';

/** The tab a key moves to, as <vm-detail> moves among its tabs. */
const tabForKey = (from: VmDetailTab, key: string): VmDetailTab | null => {
  const i = nextRovingIndex(key, TABS.indexOf(from), TABS.length);
  return i === null ? null : TABS[i]!;
};
import { OverviewLoad } from '../../../src/elements/vm-detail/overview-load.js';
import { StatusAnnouncer, renderConnection } from '../../../src/elements/vm-detail/status-view.js';
import { UptimeTicker } from '../../../src/elements/vm-detail/uptime-ticker.js';
import type { VmHub } from '../../../src/hub/vm-hub.js';
import { VmError } from '../../../src/protocol/errors.js';
import type { VmInfo } from '../../../src/protocol/types.js';
import { socket } from '../../helpers/socket-snapshot.js';


describe('<vm-detail> tabs (detail-tabs.ts)', () => {
  const moves: [VmDetailTab, string, VmDetailTab | null][] = [
    ['overview', 'ArrowRight', 'monitoring'],
    ['console', 'ArrowRight', 'overview'],
    ['overview', 'ArrowLeft', 'console'],
    ['monitoring', 'ArrowLeft', 'overview'],
    ['console', 'Home', 'overview'],
    ['overview', 'End', 'console'],
    ['monitoring', 'Enter', null],
    ['monitoring', 'ArrowDown', null],
  ];
  for (const [from, key, to] of moves) {
    it(`${key} on ${from} goes to ${to ?? 'nowhere'}`, () => expect(tabForKey(from, key)).to.equal(to));
  }

  it('renders a selected tab in the tab order and a locked one with its reason', () => {
    const host = document.createElement('div');
    const picked: VmDetailTab[] = [];
    render(TABS.map((t) => renderTab(t, t === 'overview', t === 'console', (x) => picked.push(x), ' (locked)')), host);
    const tabs = [...host.querySelectorAll('button')];
    expect(tabs.map((b) => b.getAttribute('tabindex'))).to.deep.equal(['0', '-1', '-1']);
    expect(tabs[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(tabs[2]!.textContent).to.contain('Console (locked)');
    expect(tabs[1]!.textContent).to.not.contain('locked');
    tabs[1]!.click();
    expect(picked).to.deep.equal(['monitoring']);
  });
});

describe('<vm-detail> banner (banner-error.ts)', () => {
  const none = { nameError: null, connection: socket('open'), restError: null, haveDetails: true, serverError: null, lastActionError: '' };
  const auth = new VmError('AUTH_ERROR', 'expired');
  const net = new VmError('NETWORK_ERROR', 'down');

  it('shows the most fundamental error first', () => {
    const name = new VmError('INVALID_INPUT', 'bad name');
    expect(bannerError({ ...none, nameError: name, restError: net })).to.equal(name);
    expect(bannerError({ ...none, connection: socket('unauthorized', { lastError: auth }), restError: net })).to.equal(auth);
  });

  it('leaves a network failure to the stale details, but not when there are none', () => {
    expect(bannerError({ ...none, restError: net })).to.equal(null);
    expect(bannerError({ ...none, restError: net, haveDetails: false })).to.equal(net);
  });

  it("shows the server's error on an open socket, unless it is the last action's own", () => {
    const server = new VmError('COMMAND_FAILED', 'refused');
    expect(bannerError({ ...none, serverError: server })).to.equal(server);
    expect(bannerError({ ...none, serverError: server, lastActionError: 'refused' })).to.equal(null);
    expect(bannerError({ ...none, serverError: server, connection: socket('reconnecting') })).to.equal(null);
  });
});

describe('<vm-detail> status words (status-view.ts)', () => {
  it('announces changes, not the first state, and no "restored" before a first connection', () => {
    const a = new StatusAnnouncer();
    // The sentence is made when it is said (in the locale shown then): next() gives a function.
    const say = (...args: Parameters<StatusAnnouncer['next']>): string | null => {
      const sentence = a.next(...args);
      return sentence === null ? null : sentence();
    };
    expect(say('web-01', 'running', socket('connecting'), false)).to.equal(null);
    expect(say('web-01', 'running', socket('reconnecting'), false)).to.equal(null);
    expect(say('web-01', 'running', socket('open'), false)).to.equal('Live connection restored.');
    expect(say('web-01', 'stopped', socket('open'), true)).to.equal('web-01 is now stopped.');
    expect(say('web-01', 'stopped', socket('reconnecting'), true)).to.equal('Connection lost; reconnecting.');
  });

  it('says "Retrying" before any connection was open, and offers one retry control', () => {
    const host = document.createElement('div');
    const view = { now: 0, wasOpen: false, restDown: false, restFallback: true, bannerRetry: false, retry: () => undefined };
    render(renderConnection({ ...view, connection: socket('reconnecting', { attempt: 1, nextRetryAt: 5000 }) }), host);
    expect(host.querySelector('.conn-label')!.textContent).to.match(/^Retrying/);
    expect(host.textContent).to.contain('REST only');
    expect(host.querySelector('button')).to.not.equal(null);
    render(renderConnection({ ...view, bannerRetry: true, connection: socket('offline') }), host);
    expect(host.querySelector('button')).to.equal(null);
  });
});

class Host extends LitElement {
  updates = 0;
  running = true;
  readonly ticker = new UptimeTicker(this, () => this.running);
  protected override updated() {
    this.updates++;
  }
}
customElements.define('detail-parts-host', Host);

describe('<vm-detail> overview load (overview-load.ts)', () => {
  const vm = { name: 'web-01', status: 'running', rawStatus: 'running' } as VmInfo;
  const hubAnswering = (answer: (name: string, signal?: AbortSignal) => Promise<VmInfo>) => ({ rest: { getVm: answer } }) as unknown as VmHub;

  it('keeps the last details beside a failed reload, and reads a name once unless forced', async () => {
    const host = await fixture<Host>(html`<detail-parts-host></detail-parts-host>`);
    const load = new OverviewLoad(host);
    let calls = 0;
    let fail = false;
    const hub = hubAnswering(async () => {
      calls++;
      if (fail) throw new VmError('NETWORK_ERROR', 'down');
      return vm;
    });
    await load.load('web-01', hub, false);
    expect(load.vm).to.equal(vm);
    await load.load('web-01', hub, false);
    expect(calls).to.equal(1);
    fail = true;
    await load.load('web-01', hub, true);
    expect(load.vm).to.equal(vm);
    expect(load.error?.code).to.equal('NETWORK_ERROR');
    expect(load.loading).to.equal(false);
  });

  it('lets the newest request win and drops the one in flight when stopped', async () => {
    const host = await fixture<Host>(html`<detail-parts-host></detail-parts-host>`);
    const load = new OverviewLoad(host);
    const signals: AbortSignal[] = [];
    const hub = hubAnswering((name, signal) => {
      signals.push(signal!);
      return new Promise((resolve) => setTimeout(() => resolve({ ...vm, name }), 10));
    });
    const first = load.load('web-01', hub, false);
    const second = load.load('web-02', hub, false);
    await Promise.all([first, second]);
    expect(signals[0]!.aborted).to.equal(true);
    expect(load.vm?.name).to.equal('web-02');
    const third = load.load('web-03', hub, false);
    load.stop();
    await third;
    expect(load.vm?.name).to.equal('web-02');
    expect(load.isFor('web-03')).to.equal(false);
  });
});

describe('<vm-detail> uptime ticker (uptime-ticker.ts)', () => {
  it('ticks while wanted and stops when not, or when the element leaves', async () => {
    const host = await fixture<Host>(html`<detail-parts-host></detail-parts-host>`);
    const start = host.ticker.now;
    await new Promise((r) => setTimeout(r, 1300));
    expect(host.ticker.now).to.be.greaterThan(start);
    host.running = false;
    host.requestUpdate();
    await host.updateComplete;
    const stopped = host.ticker.now;
    await new Promise((r) => setTimeout(r, 1300));
    expect(host.ticker.now).to.equal(stopped);
  });
});
