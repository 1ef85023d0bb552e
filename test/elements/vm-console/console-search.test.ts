/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import { ConsoleSearch, searchCountText, type SearchResult } from '../../../src/elements/vm-console/console-search.js';

describe('console search', () => {
  it('says the count of matches', () => {
    const table: [SearchResult | null, string][] = [
      [null, ''],
      [{ index: -1, count: 0 }, 'No matches'],
      [{ index: 0, count: 3 }, '1 of 3'],
      [{ index: -1, count: 1000 }, '1000+ matches'],
    ];
    expect(table.map(([r]) => searchCountText(r))).to.deep.equal(table.map((r) => r[1]));
  });

  it('opens focused, finds with Enter and Shift+Enter, and closes with Escape', async () => {
    const element = await fixture<HTMLDivElement>(html`<div></div>`);
    const log: string[] = [];
    const search: ConsoleSearch = new ConsoleSearch({
      element: Object.assign(element, {
        renderRoot: element,
        requestUpdate: () => render(search.isOpen ? search.render() : html``, element),
      }),
      find: (text, backwards) => (log.push(`find ${text} ${backwards}`), true),
      clearHighlights: () => log.push('clear'),
      reset: () => log.push('reset'),
    });
    search.open();
    search.updated();
    const input = element.querySelector('input')!;
    expect(document.activeElement).to.equal(input);
    await sendKeys({ type: 'root' });
    expect(log).to.deep.equal(['find r false', 'find ro false', 'find roo false', 'find root false']);
    log.length = 0;
    await sendKeys({ press: 'Enter' });
    await shifted('Enter');
    expect(log).to.deep.equal(['find root false', 'find root true']);
    search.results(1, 4);
    expect(element.querySelector('.count')!.textContent).to.equal('2 of 4');
    input.value = '';
    input.dispatchEvent(new Event('input'));
    expect(element.querySelector('.count')!.textContent).to.equal('');
    expect(log.at(-1)).to.equal('clear');
    await sendKeys({ press: 'Escape' });
    expect(search.isOpen).to.be.false;
    expect(log.at(-1)).to.equal('reset');
    expect(element.querySelector('input')).to.equal(null);
  });
});

async function shifted(key: string): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}
