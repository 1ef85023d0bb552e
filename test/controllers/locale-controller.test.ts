/// <reference types="mocha" />
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { LocaleController, nearestLang } from '../../src/controllers/locale-controller.js';
import { registerLocale, setLocale } from '../../src/localize.js';
import { msg, str } from '../../src/internal/msg.js';

let germanLoads = 0;
registerLocale('de', async () => {
  germanLoads++;
  return { templates: { 'probe.hello': 'Hallo', 'probe.count': { strTag: true, strings: ['', ' Rechner'], values: [0] } as never } };
});
registerLocale('fr', () => Promise.reject(new Error('offline')));

class ProbeLocale extends LitElement {
  readonly l10n = new LocaleController(this);
  count = 3;
  override render() {
    return litHtml`<p>${msg('Hello', { id: 'probe.hello' })}</p><p>${msg(str`${this.count} machines`, { id: 'probe.count' })}</p>`;
  }
}
customElements.define('probe-locale', ProbeLocale);

const text = (el: ProbeLocale) => [...el.shadowRoot!.querySelectorAll('p')].map((p) => p.textContent);

describe('LocaleController', () => {
  afterEach(async () => {
    await setLocale(null);
    document.documentElement.removeAttribute('lang');
  });

  it('speaks English where no lang is set, and loads no translation for it', async () => {
    const before = germanLoads;
    const el = await fixture<ProbeLocale>(html`<probe-locale></probe-locale>`);
    expect(text(el)).to.deep.equal(['Hello', '3 machines']);
    expect(el.l10n.locale).to.equal('en');
    expect(germanLoads, 'an English page downloads no German').to.equal(before);
  });

  it('follows the nearest lang across shadow roots, and its changes', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de-CH"><section></section></div>`);
    const outer = document.createElement('div');
    wrap.querySelector('section')!.append(outer);
    const root = outer.attachShadow({ mode: 'open' });
    const el = document.createElement('probe-locale') as ProbeLocale;
    root.append(el);
    expect(nearestLang(el)).to.equal('de-CH');
    await waitUntil(() => text(el)[0] === 'Hallo', 'German after the words loaded');
    expect(text(el)).to.deep.equal(['Hallo', '3 Rechner']);
    expect(el.l10n.locale).to.equal('de');
    wrap.setAttribute('lang', 'en-GB');
    await waitUntil(() => text(el)[0] === 'Hello', 'English again after lang changed');
    el.setAttribute('lang', 'de');
    await waitUntil(() => text(el)[0] === 'Hallo', "the element's own lang wins");
  });

  it('follows <html lang> when nothing nearer says', async () => {
    const el = await fixture<ProbeLocale>(html`<probe-locale></probe-locale>`);
    document.documentElement.setAttribute('lang', 'de');
    await waitUntil(() => text(el)[0] === 'Hallo');
  });

  it('lang="" and unknown or malformed tags fall back to English', async () => {
    document.documentElement.setAttribute('lang', 'de');
    const wrap = await fixture<HTMLDivElement>(html`<div lang=""><probe-locale></probe-locale><probe-locale lang="x_bad!"></probe-locale><probe-locale lang="ja"></probe-locale></div>`);
    await nextFrame();
    for (const el of wrap.querySelectorAll<ProbeLocale>('probe-locale')) expect(text(el)[0]).to.equal('Hello');
  });

  it('setLocale overrides lang page-wide until it is given null', async () => {
    const el = await fixture<ProbeLocale>(html`<probe-locale lang="en"></probe-locale>`);
    await setLocale('de');
    await el.updateComplete;
    expect(text(el)[0]).to.equal('Hallo');
    await setLocale(null);
    await el.updateComplete;
    expect(text(el)[0]).to.equal('Hello');
  });

  it('setLocale rejects an unregistered locale and one that fails to load, keeping the current one', async () => {
    const el = await fixture<ProbeLocale>(html`<probe-locale></probe-locale>`);
    await setLocale('de');
    let error: unknown;
    try {
      await setLocale('pt-BR');
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('No locale "pt-BR" is registered');
    error = undefined;
    try {
      await setLocale('fr');
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('offline');
    await el.updateComplete;
    expect(text(el)[0]).to.equal('Hallo');
  });

  it('a locale whose words fail to load shows English, not a blank', async () => {
    const el = await fixture<ProbeLocale>(html`<probe-locale lang="fr"></probe-locale>`);
    await new Promise((r) => setTimeout(r, 20));
    expect(text(el)[0]).to.equal('Hello');
    expect(el.l10n.locale).to.equal('en');
  });

  it('run() gives words outside a render in the element\'s locale', async () => {
    const el = await fixture<ProbeLocale>(html`<probe-locale lang="de"></probe-locale>`);
    await waitUntil(() => el.l10n.locale === 'de');
    expect(el.l10n.run(() => msg('Hello', { id: 'probe.hello' }))).to.equal('Hallo');
    expect(msg('Hello', { id: 'probe.hello' }), 'outside any element: English').to.equal('Hello');
  });
});
