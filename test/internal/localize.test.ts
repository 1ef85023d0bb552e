/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { matchLocale, loadLocale, SOURCE_LOCALE } from '../../src/internal/localize.js';
import { msg, renderIn, SOURCE_LOCALE as MSG_SOURCE_LOCALE, str } from '../../src/internal/msg.js';
import { registerLocale } from '../../src/localize.js';

registerLocale('de', async () => ({
  templates: {
    greet: 'Guten Tag',
    // Translators may reorder expressions: a runtime module holds source value indexes.
    order: { strTag: true, strings: ['', ' von ', ''], values: [1, 0] } as never,
    rich: { ...html`<b>${0}</b> läuft`, values: [0] } as never,
  },
}));
registerLocale('broken', async () => ({}) as never);

describe('localize', () => {
  before(() => loadLocale('de'));

  it('looks messages up by id in the current locale, English otherwise', () => {
    expect(msg('Good day', { id: 'greet' })).to.equal('Good day');
    expect(renderIn('de', () => msg('Good day', { id: 'greet' }))).to.equal('Guten Tag');
    expect(renderIn('de', () => msg('Not translated', { id: 'missing' })), 'a missing message stays English').to.equal('Not translated');
    expect(renderIn('de', () => msg('No id')), 'a message without an id stays English').to.equal('No id');
  });

  it('fills str`` expressions in the translation\'s order', () => {
    const a = 'web-01';
    const b = 'cpu';
    expect(msg(str`${a} of ${b}`, { id: 'order' })).to.equal('web-01 of cpu');
    expect(renderIn('de', () => msg(str`${a} of ${b}`, { id: 'order' }))).to.equal('cpu von web-01');
  });

  it('translates html`` templates with their values', () => {
    const host = document.createElement('div');
    render(renderIn('de', () => msg(html`<b>${'web-01'}</b> is running`, { id: 'rich' })), host);
    expect(host.textContent).to.equal('web-01 läuft');
  });

  it('has one source locale in both halves (they import nothing of each other)', () => {
    expect(MSG_SOURCE_LOCALE).to.equal(SOURCE_LOCALE);
  });

  it('matches language tags to registered locales', () => {
    expect(matchLocale('de')).to.equal('de');
    expect(matchLocale('de-AT')).to.equal('de');
    expect(matchLocale('DE-at')).to.equal('de');
    expect(matchLocale('en-US')).to.equal('en');
    expect(matchLocale('ja')).to.equal('en');
    expect(matchLocale('')).to.equal('en');
    expect(matchLocale('not a tag')).to.equal('en');
  });

  it('a locale module without templates is refused with a clear error', async () => {
    let error: unknown;
    try {
      await loadLocale('broken', true);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('has no "templates" object');
    expect(await loadLocale('broken'), 'not strict: resolves to undefined, English shows').to.equal(undefined);
  });

  it('refuses a malformed tag when registering', () => {
    expect(() => registerLocale('x_bad!', async () => ({ templates: {} }))).to.throw(/not a language tag/);
  });
});
