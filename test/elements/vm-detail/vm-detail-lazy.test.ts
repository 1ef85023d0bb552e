// <vm-detail> parts loaded after the first paint or on first use: the Overview details and the
// confirmation dialog. Each test file runs in a page of its own, so the first test here sees the
// dialog's module not loaded yet.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/vm-detail/vm-detail.define.js';
import type { VmDetail } from '../../../src/elements/vm-detail/vm-detail.define.js';
import type { VmHub } from '../../../src/hub/index.js';
import { sharedServer, type LibGoServer } from '../../setup/libgo.js';
import { actionButton, hubFor, live, q, qMaybe, tokenFor } from './helpers.js';

/** Whether the page has fetched the module at `path` (under src/, without its extension). */
const loaded = (path: string) =>
  performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.includes(`/src/${path}.`));

describe('<vm-detail> lazily loaded parts', () => {
  let server: LibGoServer;
  let token: string;
  const hubs: VmHub[] = [];
  const mount = (vm: string, confirm: string) => {
    const h = hubFor(server.url, token);
    hubs.push(h);
    return fixture<VmDetail>(html`<vm-detail vm-name=${vm} .hub=${h} confirm-actions=${confirm}></vm-detail>`);
  };

  before(async () => {
    server = await sharedServer();
    token = await tokenFor(server.url, 'admin');
  });

  afterEach(() => {
    for (const h of hubs.splice(0)) h.dispose();
  });

  it('the first click on an action needing confirmation opens the dialog while its code loads', async () => {
    // No confirmation configured: nothing preloads the dialog's module.
    const el = await mount('web-01', '');
    await live(el, 'running');
    expect(loaded('internal/deferred-confirm'), 'the dialog module was loaded before it was needed').to.equal(false);
    el.confirmActions = 'stop';
    await el.updateComplete;
    const sent: string[] = [];
    el.addEventListener('vm-action', (e) => sent.push(e.detail.action));
    actionButton(el, 'stop').click();
    await waitUntil(() => qMaybe<HTMLDialogElement>(el, 'dialog')?.open, 'one click did not open the confirmation');
    expect(loaded('internal/deferred-confirm')).to.equal(true);
    const dialog = q<HTMLDialogElement>(el, 'dialog');
    expect(dialog.textContent).to.contain('Stop web-01?');
    expect(dialog.textContent).to.contain('will be shut down');
    // Its styles came with it: the buttons sit in a row at the end.
    expect(getComputedStyle(q(el, '.confirm-buttons')).justifyContent).to.equal('flex-end');
    expect(sent).to.deep.equal([]);
    q<HTMLButtonElement>(el, 'dialog [data-confirm="cancel"]').click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(sent).to.deep.equal([]);
  });

  it('the Overview shows the skeleton, then the details with their styles', async () => {
    const el = await mount('web-01', 'stop');
    expect(qMaybe(el, '.skeleton')).to.not.equal(null);
    await waitUntil(() => qMaybe(el, '.overview'), 'overview never loaded');
    expect(loaded('elements/vm-detail/overview')).to.equal(true);
    expect(qMaybe(el, '.skeleton')).to.equal(null);
    expect(q(el, '#panel-overview').textContent).to.contain('vCPU');
    // The details' stylesheet is adopted with them (no unstyled flash): cards are a grid.
    expect(getComputedStyle(q(el, '.cards')).display).to.equal('grid');
    expect(getComputedStyle(q(el, '.card')).borderTopStyle).to.equal('solid');
  });

  it('a second element reuses the loaded parts and adopts their styles too', async () => {
    const el = await mount('db-01', 'stop');
    await waitUntil(() => qMaybe(el, '.overview'), 'overview never loaded');
    expect(getComputedStyle(q(el, '.cards')).display).to.equal('grid');
    await live(el, 'stopped');
    await expect(el).to.be.accessible();
  });
});
