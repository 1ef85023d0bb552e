/// <reference types="mocha" />
// <vm-detail>, <vm-metrics> and <vm-list> in the reader's language: German under lang="de" and
// after lang or setLocale change, and no hard-coded English under the pseudo-locale (in the states
// a user sees: loaded, with reasons, a confirmation; or waiting, or listing).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/vm-detail/vm-detail.define.js';
import '../../src/elements/vm-metrics/vm-metrics.define.js';
import '../../src/elements/vm-list/vm-list.define.js';
import '../../src/elements/vm-connection/vm-connection.define.js';
import type { VmDetail } from '../../src/elements/vm-detail/vm-detail.define.js';
import type { VmList } from '../../src/elements/vm-list/vm-list.define.js';
import type { VmMetrics } from '../../src/elements/vm-metrics/vm-metrics.define.js';
import type { VmHub } from '../../src/hub/index.js';
import { setLocale } from '../../src/localize.js';
import { sharedServer, type LibGoServer } from '../setup/libgo.js';
import { PSEUDO, unlocalized, waitUntil } from '../helpers/pseudo-locale.js';
import { hubFor, tokenFor } from './vm-detail/helpers.js';
import { VmHub as Hub } from '../../src/hub/vm-hub.js';
import { createInPagePeer, type InPagePeer } from '../../src/testing/in-page-peer.js';


const text = (el: Element, selector: string) => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const attr = (el: Element, selector: string, name: string) => el.shadowRoot!.querySelector(selector)?.getAttribute(name) ?? '';
// What the server says about its VMs, and what Intl writes: data, not words (and the literal text
// @lit-labs/virtualizer puts in its sizer element).
const DATA = [/\b[a-z]+-\d\d\b/g, /\b\d+(\.\d+)?\s?(d|h|min|m|s)\b/g, '&nbsp;'];
const SKIP = 'td, dd, code, .net-head, .sub, .description, .col-name, .col-description, .name, time, .banner-code';

describe('localized elements', function () {
  this.timeout(30_000);
  let server: LibGoServer;
  let token: string;
  const hubs: VmHub[] = [];
  const hub = () => {
    const h = hubFor(server.url, token);
    hubs.push(h);
    return h;
  };

  before(async () => {
    server = await sharedServer();
    token = await tokenFor(server.url, 'admin');
  });
  // The list's fleet comes from an in-page peer (as in vm-list.test.ts).
  const peers: InPagePeer[] = [];
  const fleetHub = async () => {
    const peer = createInPagePeer({ seed: 1, metricsIntervalMs: 200 });
    peers.push(peer);
    const t = await peer.login('admin');
    const h = new Hub({ serverUrl: peer.serverUrl, socketFactory: peer.socketFactory, fetch: peer.fetch, tokenProvider: () => t, persistHistory: false, reachabilityProbe: false });
    hubs.push(h);
    return h;
  };

  afterEach(async () => {
    for (const h of hubs.splice(0)) h.dispose();
    for (const p of peers.splice(0)) p.close();
    await setLocale(null);
    document.documentElement.removeAttribute('lang');
  });

  it('<vm-detail> speaks German under lang="de", and follows lang and setLocale', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de"><vm-detail vm-name="web-01" .hub=${hub()}></vm-detail></div>`);
    const el = wrap.querySelector<VmDetail>('vm-detail')!;
    await waitUntil(() => text(el, '#tab-overview') === 'Übersicht' && text(el, '[part="status-badge"]').endsWith('Läuft'), 'German tabs and badge');
    await waitUntil(() => attr(el, '[data-action="start"]', 'aria-describedby') !== '', 'the reasons loaded');
    expect(text(el, `#${attr(el, '[data-action="start"]', 'aria-describedby')}`)).to.equal('web-01 läuft bereits.');
    expect(text(el, '[data-action="stop"]')).to.equal('Stoppen');
    wrap.setAttribute('lang', 'en');
    await waitUntil(() => text(el, '#tab-overview') === 'Overview', 'English after lang changed');
    await setLocale('de');
    await el.updateComplete;
    expect(text(el, '#tab-monitoring')).to.equal('Überwachung');
  });

  it('<vm-metrics> and <vm-list> speak German, numbers in German too', async () => {
    const listHub = await fleetHub();
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de-DE">
      <vm-metrics></vm-metrics>
      <vm-connection .hub=${listHub}><vm-list style="--vm-list-height: 300px"></vm-list></vm-connection>
    </div>`);
    const metrics = wrap.querySelector<VmMetrics>('vm-metrics')!;
    const list = wrap.querySelector<VmList>('vm-list')!;
    await waitUntil(() => text(metrics, '.badge') === 'Keine VM ausgewählt', 'German badge');
    expect(attr(metrics, '.segmented', 'aria-label')).to.equal('Zeitfenster');
    await waitUntil(() => text(list, '.col-status .sort') === 'Zustand', 'German headers');
    expect(attr(list, '[part="filter-input"]', 'placeholder')).to.equal('Nach Name oder Beschreibung filtern');
    expect(text(list, '.total')).to.match(/^\d+ VMs$/);
    // The element's own locale property wins for numbers; the words still follow lang.
    metrics.metrics = [{ timestamp: Date.now(), cpu: { utilization: 12.5 }, memory: { used: 1536 * 1048576, total: 4096 * 1048576 } }];
    await waitUntil(() => text(metrics, '.value[data-series="cpu"] .primary') !== '—', 'a value');
    expect(text(metrics, '.value[data-series="cpu"] .primary'), 'German decimal comma').to.contain('12,5');
    metrics.locale = 'en-US';
    await metrics.updateComplete;
    expect(text(metrics, '.value[data-series="cpu"] .primary')).to.contain('12.5');
    expect(text(metrics, '.value[data-series="cpu"] .secondary')).to.equal('Auslastung');
  });

  it("<vm-list>'s rows speak the list's language, and follow lang (the virtualizer renders them outside the list's own update)", async () => {
    const listHub = await fleetHub();
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de">
      <vm-connection .hub=${listHub}><vm-list style="--vm-list-height: 300px"></vm-list></vm-connection>
    </div>`);
    const list = wrap.querySelector<VmList>('vm-list')!;
    const badges = () => [...list.shadowRoot!.querySelectorAll('.body .badge')].map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim());
    const starts = () => [...list.shadowRoot!.querySelectorAll('.body [data-action="start"]')].map((b) => (b.textContent ?? '').trim());
    await waitUntil(() => badges().length > 0 && text(list, '.col-status .sort') === 'Zustand', 'German rows');
    expect(badges().some((b) => ['Läuft', 'Gestoppt', 'Pausiert', 'Abgestürzt'].includes(b)), badges().join()).to.equal(true);
    expect(badges().filter((b) => ['Running', 'Stopped', 'Paused', 'Crashed'].includes(b))).to.deep.equal([]);
    expect(starts().every((t) => t === 'Starten'), starts().join()).to.equal(true);
    wrap.setAttribute('lang', 'en');
    await waitUntil(() => text(list, '.col-status .sort') === 'Status', 'English headers');
    await waitUntil(() => badges().every((b) => ['Running', 'Stopped', 'Paused', 'Crashed', 'Unknown'].includes(b)), `English rows: ${badges().join()}`);
    expect(starts().every((t) => t === 'Start'), starts().join()).to.equal(true);
  });

  it('falls back to English for a language it does not have', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics lang="pt-BR"></vm-metrics>`);
    await el.updateComplete;
    expect(text(el, '.badge')).to.equal('No VM selected');
  });

  it('under the pseudo-locale leave no English in any state', async () => {
    document.documentElement.setAttribute('lang', PSEUDO);
    const found: string[] = [];
    const check = (el: Element, state: string) => {
      for (const u of unlocalized(el, DATA, SKIP)) found.push(`${state}: ${u}`);
    };
    const listHub = await fleetHub();
    const wrap = await fixture<HTMLElement>(html`<vm-connection .hub=${listHub}><vm-list style="--vm-list-height: 400px"></vm-list></vm-connection>`);
    const list = wrap.querySelector<VmList>('vm-list')!;
    await waitUntil(() => list.shadowRoot!.querySelectorAll('.body [role="row"]').length > 2, 'rows', { timeout: 10_000 });
    await waitUntil(() => list.shadowRoot!.querySelector('.col-actions [aria-describedby]') !== null && text(list, '.total').startsWith('[') && text(list, '.body .badge').startsWith('['), 'the reasons and the rows, in the pseudo-locale');
    check(list, 'vm-list');
    list.filter = 'no-such-vm-at-all';
    await list.updateComplete;
    check(list, 'vm-list, nothing matches');
    // Out of the way: the elements below are checked in view.
    wrap.remove();
    const detail = await fixture<VmDetail>(html`<vm-detail vm-name="web-01" .hub=${hub()}></vm-detail>`);
    await waitUntil(() => detail.shadowRoot!.querySelector('.overview') !== null && attr(detail, '[data-action="start"]', 'aria-describedby') !== '', 'details and reasons', { timeout: 10_000 });
    check(detail, 'vm-detail, overview');
    detail.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="stop"]')!.click();
    await waitUntil(() => detail.shadowRoot!.querySelector('dialog[open] #confirm-title') !== null, 'the confirmation');
    check(detail, 'vm-detail, confirmation');
    detail.shadowRoot!.querySelector<HTMLButtonElement>('[data-confirm="cancel"]')!.click();
    detail.tab = 'monitoring';
    await waitUntil(() => detail.shadowRoot!.querySelector('vm-metrics') !== null, 'the monitoring tab');
    const inner = detail.shadowRoot!.querySelector<VmMetrics>('vm-metrics')!;
    await waitUntil(() => text(inner, '.badge').startsWith('['), 'the metrics badge');
    check(detail, 'vm-detail, monitoring');

    const none = await fixture<VmDetail>(html`<vm-detail></vm-detail>`);
    await none.updateComplete;
    check(none, 'vm-detail without a VM');

    const metrics = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    await waitUntil(() => text(metrics, '.badge').startsWith('['));
    check(metrics, 'vm-metrics without a VM');

    expect(found).to.deep.equal([]);
  });
});
