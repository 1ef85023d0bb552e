/// <reference types="mocha" />
// This file imports nothing of internal/localize.ts: the page is as an English host page would be
// before any element wants another language.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { loadedTranslator, msg } from '../../src/internal/msg.js';

class ProbeLazy extends LitElement {
  readonly l10n = new LocaleController(this);
  override render() {
    return litHtml`<p>${msg('Connected', { id: 'connection.connected' })}</p>`;
  }
}
customElements.define('probe-lazy', ProbeLazy);

const text = (el: ProbeLazy) => el.shadowRoot!.querySelector('p')!.textContent;

describe('LocaleController on an English page', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('renders English without loading the translating half, whatever English lang says', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en-GB"><probe-lazy></probe-lazy><probe-lazy lang=""></probe-lazy></div>`);
    const [gb, none] = [...wrap.querySelectorAll('probe-lazy')] as ProbeLazy[];
    await nextFrame();
    expect([text(gb!), text(none!)]).to.deep.equal(['Connected', 'Connected']);
    expect(gb!.l10n.formatLocale, 'numbers still follow en-GB').to.equal('en-GB');
    expect(loadedTranslator(), 'no translation code on an English page').to.equal(undefined);
  });

  it('loads it, and the German words, when a lang above turns German', async () => {
    const el = await fixture<ProbeLazy>(html`<probe-lazy></probe-lazy>`);
    expect(text(el)).to.equal('Connected');
    document.documentElement.setAttribute('lang', 'de');
    await waitUntil(() => text(el) === 'Verbunden', 'the element re-renders in German', { timeout: 5000 });
    expect(loadedTranslator()).to.not.equal(undefined);
    expect(el.l10n.locale).to.equal('de');
    expect(el.l10n.formatLocale).to.equal('de');
  });
});
