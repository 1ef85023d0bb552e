/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { LinkDialog } from '../../../src/elements/vm-console/link-dialog.js';
import type { LinkPolicy } from '../../../src/elements/vm-console/link-policy.js';

async function setup(links: LinkPolicy, cancelEvent = false) {
  const element = await fixture<HTMLElement & { vmName: string; links: LinkPolicy; requestUpdate(): void }>(html`<div></div>`);
  const log: string[] = [];
  if (cancelEvent) element.addEventListener('vm-link', (e) => e.preventDefault());
  element.addEventListener('vm-link', (e) => log.push(`event ${(e as CustomEvent).detail.source} ${(e as CustomEvent).detail.host}`));
  const dialog = new LinkDialog({
    element: Object.assign(element, { vmName: 'web-01', links, requestUpdate: () => render(dialog.render(), element) }),
    refused: (reason) => log.push(`refused: ${reason()}`),
    focusTerminal: () => log.push('focus'),
  });
  const opened: string[] = [];
  const open = window.open;
  window.open = ((url: string) => {
    opened.push(url);
    return null;
  }) as typeof window.open;
  return { element, dialog, log, opened, restore: () => (window.open = open) };
}

describe('link dialog', () => {
  it('does what the links policy says', async () => {
    const table: [LinkPolicy, boolean, string, string[], string[], boolean][] = [
      ['off', false, 'https://example.com/', [], [], false],
      ['open', false, 'https://example.com/', ['event text example.com'], ['https://example.com/'], false],
      ['confirm', false, 'https://example.com/', ['event text example.com'], [], true],
      ['confirm', true, 'https://example.com/', ['event text example.com'], [], false],
      ['confirm', false, 'javascript:alert(1)', ['refused: only http and https links are opened, not javascript:'], [], false],
    ];
    for (const [policy, cancel, url, log, opened, asks] of table) {
      const s = await setup(policy, cancel);
      try {
        s.dialog.activate(url, 'text');
        expect([s.log, s.opened, s.dialog.pending !== null], `${policy} ${cancel} ${url}`).to.deep.equal([log, opened, asks]);
      } finally {
        s.restore();
      }
    }
  });

  it('confirms with the full address, Cancel focused, and opens only on Open link', async () => {
    const s = await setup('confirm');
    try {
      s.dialog.activate('https://example.com/a?b=c', 'hyperlink');
      expect(s.element.querySelector('#link-title')!.textContent).to.equal('Open a link to example.com?');
      expect(s.element.querySelector('.link-url')!.textContent).to.equal('https://example.com/a?b=c');
      s.dialog.updated(s.element);
      expect(document.activeElement).to.equal(s.element.querySelector('[data-action="link-cancel"]'));
      s.element.querySelector<HTMLButtonElement>('[data-action="link-cancel"]')!.click();
      expect(s.opened).to.deep.equal([]);
      s.dialog.activate('https://example.com/a?b=c', 'hyperlink');
      s.element.querySelector<HTMLButtonElement>('[data-action="link-open"]')!.click();
      expect(s.opened).to.deep.equal(['https://example.com/a?b=c']);
      expect(s.element.querySelector('.link-dialog')).to.equal(null);
      expect(s.log.filter((l) => l === 'focus').length).to.equal(2);
    } finally {
      s.restore();
    }
  });
});
