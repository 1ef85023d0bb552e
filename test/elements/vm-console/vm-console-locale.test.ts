/// <reference types="mocha" />
// <vm-console> in the reader's language: German under lang="de" (and after lang or setLocale
// change), English for a tag it cannot serve, and no hard-coded English under the pseudo-locale.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/vm-console/vm-console.define.js';
import type { VmConsole } from '../../../src/elements/vm-console/vm-console.js';
import { setLocale } from '../../../src/localize.js';
import { createServer, type LibGoServer } from '../../setup/libgo.js';
import { PSEUDO, unlocalized, waitUntil } from '../../helpers/pseudo-locale.js';
import { connected, mount, shadowText } from './helpers.js';


const overlayTitle = (el: VmConsole) => shadowText(el, '.overlay h2');

describe('<vm-console> localized', function () {
  this.timeout(30_000);
  let server: LibGoServer;

  before(async () => {
    server = await createServer();
  });
  after(async () => {
    await server.close();
  });
  afterEach(async () => {
    await setLocale(null);
    document.documentElement.removeAttribute('lang');
  });

  it('speaks German under lang="de", and follows lang and setLocale', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de"><vm-console></vm-console></div>`);
    const el = wrap.querySelector('vm-console')!;
    await waitUntil(() => overlayTitle(el) === 'Keine VM ausgewählt', 'German once its words loaded');
    expect(el.shadowRoot!.querySelector('[data-action="clear"]')!.getAttribute('aria-label')).to.equal('Terminal leeren');
    expect(el.shadowRoot!.querySelector('.toolbar')!.getAttribute('aria-label')).to.equal('Konsole von keine VM');
    wrap.setAttribute('lang', 'en-US');
    await waitUntil(() => overlayTitle(el) === 'No VM selected', 'English after lang changed');
    await setLocale('de');
    await el.updateComplete;
    expect(overlayTitle(el), 'setLocale wins over lang').to.equal('Keine VM ausgewählt');
    await setLocale(null);
    await el.updateComplete;
    expect(overlayTitle(el)).to.equal('No VM selected');
  });

  it('says why a VM name cannot be used in German, not with the transport\'s English reason', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de"><vm-console vm-name=".."></vm-console></div>`);
    const el = wrap.querySelector('vm-console')!;
    await waitUntil(() => shadowText(el, '.overlay p') === 'Dieser VM-Name enthält unzulässige Zeichen.', 'the German reason, from the error\'s reason');
  });

  it('falls back to English for a language it does not have and for a malformed tag', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><vm-console lang="fr"></vm-console><vm-console lang="de_DE!"></vm-console></div>`);
    for (const el of wrap.querySelectorAll('vm-console')) {
      await el.updateComplete;
      expect(overlayTitle(el)).to.equal('No VM selected');
    }
  });

  it('announces and shows a notice in German, made in its locale', async () => {
    document.documentElement.setAttribute('lang', 'de');
    const { el } = await mount(server);
    await connected(el);
    await waitUntil(() => shadowText(el, '[part="status-pill"]') === 'Verbunden', 'German once its words loaded');
    (el as unknown as { status: { eof(): void } }).status.eof();
    await el.updateComplete;
    expect(shadowText(el, '[part~="notice"] .text')).to.equal('Konsole vom Gastsystem geschlossen (EOF).');
    expect(shadowText(el, '[role="status"]')).to.equal('Konsole vom Gastsystem geschlossen (EOF).');
    document.documentElement.setAttribute('lang', 'en');
    await waitUntil(() => shadowText(el, '[part~="notice"] .text') === 'Console closed by the guest (EOF).', 'a shown notice follows the locale');
  });

  it('under the pseudo-locale leaves no English in any state', async () => {
    document.documentElement.setAttribute('lang', PSEUDO);
    const states: string[] = [];
    const check = (el: VmConsole, state: string, data: string[] = []) => {
      // The terminal is the guest's, the paste preview the user's own text.
      for (const u of unlocalized(el, ['web-01', 'nope', ...data], '.term, pre')) states.push(`${state}: ${u}`);
    };
    // No VM, then one that does not exist.
    const none = await fixture<VmConsole>(html`<vm-console></vm-console>`);
    await waitUntil(() => overlayTitle(none).startsWith('['), 'pseudo-locale loaded');
    check(none, 'no VM');
    const { el: missing } = await mount(server, { vm: 'nope' });
    await waitUntil(() => missing.shadowRoot!.querySelector('.overlay') !== null, 'the not-found card');
    check(missing, 'not found');

    const { el } = await mount(server);
    await connected(el);
    await el.updateComplete;
    check(el, 'connected');
    // The search row with a count, the keys menu, the paste and link dialogs, a notice.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="search"]')!.click();
    await el.updateComplete;
    el.search('zzz-not-there');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="keys"]')!.click();
    await el.updateComplete;
    check(el, 'search and keys menu open');
    el.paste('one\ntwo\n');
    await el.updateComplete;
    check(el, 'paste dialog');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="paste-cancel"]')!.click();
    // Both a link to confirm and one refused (its reason in the notice).
    (el as unknown as { linkDialog: { activate(url: string, source: string): void } }).linkDialog.activate('https://example.com/docs', 'text');
    (el as unknown as { linkDialog: { activate(url: string, source: string): void } }).linkDialog.activate('javascript:alert(1)', 'text');
    await el.updateComplete;
    check(el, 'link dialog and refusal', ['https://example.com/docs', 'example.com', 'javascript:']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="link-cancel"]')!.click();
    el.readOnly = true;
    await el.updateComplete;
    await el.sendKey('tab');
    await el.updateComplete;
    check(el, 'read-only, input refused');
    expect(states).to.deep.equal([]);
  });
});
