// <vm-console> as a person uses it: the paste dialog's count, the layout under a host's
// `display` rule, and a keyboard-only way out of the terminal.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { InPagePeer } from '../../../src/testing/index.js';
import { connected, disposeHubs, mount, peerFor, shadowText, until } from './helpers.js';

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

describe('<vm-console> usability', function () {
  this.timeout(30_000);
  let peer: InPagePeer;

  before(() => {
    peer = peerFor();
  });
  after(() => {
    disposeHubs();
    peer.close();
  });

  it('counts pasted lines as a person would (a final line break ends the last line)', async () => {
    const { el } = await mount(peer);
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
        const { el } = await mount(peer);
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

  it('leaves the terminal with Escape then Tab (forward) or Shift+Tab (toolbar); Tab and Escape alone go to the guest', async () => {
    const { el, inputs } = await mount(peer);
    await connected(el);
    const after = document.createElement('button');
    after.textContent = 'After the console';
    el.parentElement!.after(after);
    const root = el.shadowRoot!;
    // xterm opens once the element has a size, in a frame after "Connected" under load.
    await until(() => root.querySelector('.xterm-helper-textarea') !== null, 'the terminal to open');
    const textarea = root.querySelector<HTMLTextAreaElement>('.xterm-helper-textarea')!;
    const inTerminal = () => root.activeElement === textarea && document.activeElement === el;
    try {
      // Said to screen readers when the terminal gets focus, shown until the first key.
      expect(textarea.getAttribute('aria-describedby')).to.equal('keyboard-help');
      expect(shadowText(el, '#keyboard-help')).to.equal('To leave the console, press Escape, then Tab (or Shift+Tab for its toolbar).');
      el.focus();
      await el.updateComplete;
      expect(inTerminal()).to.equal(true);
      const hint = root.querySelector<HTMLElement>('.exit-hint')!;
      expect(hint.hidden).to.equal(false);
      expect(hint.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Esc then Tab leaves the console');
      await expect(el).to.be.accessible();

      // Tab and Shift+Tab alone are the guest's (completion, back-tab); so is Escape.
      await sendKeys({ press: 'Tab' });
      await shiftTab();
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'x' });
      await sendKeys({ press: 'Tab' });
      await until(() => inputs().join('') === '\t\x1b[Z\x1bx\t', 'the keys sent to the guest');
      expect(inTerminal(), 'Tab alone stays').to.equal(true);
      await el.updateComplete;
      expect(hint.hidden, 'the hint goes once typing starts').to.equal(true);

      // Escape, then Tab: Escape reaches the guest, the Tab moves focus past the console.
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(after);
      await until(() => inputs().join('').endsWith('\x1bx\t\x1b'), 'the Escape');

      // Back in, Escape then Shift+Tab reaches the toolbar.
      el.focus();
      await sendKeys({ press: 'Escape' });
      await shiftTab();
      expect(document.activeElement).to.equal(el);
      expect(root.activeElement?.closest('[part="toolbar"]'), 'focus in the toolbar').to.not.equal(null);
      await new Promise((r) => setTimeout(r, 100));
      expect(inputs().join('')).to.equal('\t\x1b[Z\x1bx\t\x1b\x1b');
    } finally {
      after.remove();
    }
  });
});
