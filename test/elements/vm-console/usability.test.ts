// <vm-console> as a person uses it: the paste dialog's count, the layout under a host's
// `display` rule, and a keyboard-only way out of the terminal.
import { expect } from '@open-wc/testing';
import { createServer, type LibGoServer } from '../../setup/libgo.js';
import { connected, mount, shadowText, until } from './helpers.js';

describe('<vm-console> usability', function () {
  this.timeout(30_000);
  let server: LibGoServer;

  before(async () => {
    server = await createServer();
  });
  after(async () => {
    await server.close();
  });

  it('counts pasted lines as a person would (a final line break ends the last line)', async () => {
    const { el } = await mount(server);
    await connected(el);
    const cases: [string, string][] = [
      ['one\ntwo\nthree\n', 'Paste 3 lines?'],
      ['one\r\ntwo\r\nthree\r\n', 'Paste 3 lines?'],
      ['one\ntwo\nthree', 'Paste 3 lines?'],
      ['one\n\nthree\n', 'Paste 3 lines?'],
      ['one\n', 'Paste 1 line?'],
      ['one\n\n', 'Paste 2 lines?'],
    ];
    for (const [text, title] of cases) {
      el.paste(text);
      await el.updateComplete;
      expect(shadowText(el, '#paste-title'), JSON.stringify(text)).to.equal(title);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="paste-cancel"]')!.click();
      await el.updateComplete;
    }
    // The preview shows the lines counted, and says when there are more.
    el.paste(Array.from({ length: 8 }, (_, i) => `line ${i + 1}\n`).join(''));
    await el.updateComplete;
    const preview = el.shadowRoot!.querySelector('.paste-dialog pre')!.textContent!;
    expect(preview.split('\n')).to.deep.equal(['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6', '…']);
  });

  for (const display of ['block', 'inline-block', 'grid', 'flex', 'inline']) {
    it(`shows the terminal under a host rule vm-console { display: ${display} }, the hint below the toolbar`, async () => {
      const rule = document.createElement('style');
      rule.textContent = `vm-console { display: ${display} !important }`;
      document.head.append(rule);
      try {
        const { el } = await mount(server);
        await connected(el);
        await el.updateComplete;
        expect(getComputedStyle(el).display).to.equal(display);
        expect(shadowText(el, '[part="status-pill"]')).to.equal('Connected');
        const root = el.shadowRoot!;
        const toolbar = root.querySelector('[part="toolbar"]')!.getBoundingClientRect();
        const term = root.querySelector('[part="terminal"]')!.getBoundingClientRect();
        // The terminal fills the element below the toolbar (420 px tall in the fixture); an inline
        // host has no height, so there the console keeps its minimum.
        expect(term.height, 'terminal height').to.be.above(display === 'inline' ? 100 : 300);
        expect(term.top).to.be.at.least(toolbar.bottom - 1);
        await until(() => el.rows > 4, 'the terminal to take its size');
        const hint = root.querySelector('[part="hint"]')!.getBoundingClientRect();
        expect(hint.top, 'the hint is below the toolbar').to.be.at.least(toolbar.bottom);
        expect(hint.bottom).to.be.at.most(term.bottom);
        await expect(el).to.be.accessible();
      } finally {
        rule.remove();
      }
    });
  }
});
