// Links in console output: only http(s), confirmed inside the element with the full address,
// opened with noopener/noreferrer, announced by a cancelable vm-link event, or turned off.
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { MAX_LINK_LENGTH, checkLink, parseLinkPolicy } from '../../../src/elements/vm-console/link-policy.js';
import type { VmConsole } from '../../../src/elements/vm-console/vm-console.js';
import type { InPagePeer } from '../../../src/testing/index.js';
import { connected, consoleFrame, disposeHubs, mount, peerFor, shadowText, until } from './helpers.js';
import { visiblePage } from '../vm-metrics/visible-page.js';

describe('checkLink', () => {
  it('accepts http and https, normalized to what would open', () => {
    expect(checkLink('https://example.com/a?b=c#d')).to.deep.equal({ ok: true, url: 'https://example.com/a?b=c#d', host: 'example.com' });
    expect(checkLink('HTTP://Example.COM:8080')).to.deep.equal({ ok: true, url: 'http://example.com:8080/', host: 'example.com:8080' });
    expect(checkLink('https://bücher.example/')).to.deep.include({ ok: true, host: 'xn--bcher-kva.example' });
  });

  it('refuses every other scheme, in any case, hidden characters, credentials, junk and very long URLs', () => {
    const refused = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD4=',
      'file:///etc/passwd',
      'vbscript:msgbox',
      'blob:https://example.com/1',
      'ftp://example.com/',
      ' https://example.com/',
      'java\tscript:alert(1)',
      'https://exa\nmple.com/',
      'https://example.com/\u0000',
      'https://example.com/a b',
      'https://example.com/\u202e',
      'https://example.com/\u00a0',
      'https://trusted.example@evil.example/',
      'https://user:pw@example.com/',
      '//example.com/',
      'not a link',
      '',
      `https://example.com/${'a'.repeat(MAX_LINK_LENGTH)}`,
    ];
    for (const text of refused) expect(checkLink(text).ok, JSON.stringify(text)).to.equal(false);
    expect(checkLink('JaVaScRiPt:alert(1)')).to.deep.equal({ ok: false, reason: 'only http and https links are opened, not javascript:' });
  });

  it('reads the links attribute, unknown values as confirm', () => {
    expect(['confirm', 'open', 'off', 'OFF', ' open ', 'bogus', '', null].map(parseLinkPolicy)).to.deep.equal([
      'confirm',
      'open',
      'off',
      'off',
      'open',
      'confirm',
      'confirm',
      'confirm',
    ]);
  });
});

describe('<vm-console> links', function () {
  this.timeout(30_000);
  let peer: InPagePeer;
  let el: VmConsole;
  let opened: unknown[][];
  let events: CustomEvent[];
  const originalOpen = window.open;
  const onLink = (e: Event) => events.push(e as CustomEvent);

  before(async function () {
    // Hovering a link needs a page that renders: the runner keeps two test pages and only the one
    // in front gets frames (a link under the mouse in the other was never found in a full run).
    this.timeout(180_000);
    await visiblePage();
    peer = peerFor();
  });
  after(() => {
    disposeHubs();
    peer.close();
  });
  beforeEach(async () => {
    opened = [];
    events = [];
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
    document.addEventListener('vm-link', onLink);
    ({ el } = await mount(peer));
    await connected(el);
  });
  afterEach(() => {
    window.open = originalOpen;
    document.removeEventListener('vm-link', onLink);
  });

  const osc8 = (uri: string, text: string, params = '') => `\x1b]8;${params};${uri}\x1b\\${text}\x1b]8;;\x1b\\`;

  /** Clears the screen and prints `output` at its top left. */
  let shown = 0;
  async function show(output: string): Promise<void> {
    // A marker of its own per call: the previous output's marker may still be on screen.
    const marker = `END-OF-OUTPUT-${++shown}`;
    peer.faults.sendRaw('web-01', consoleFrame(`\x1b[2J\x1b[H${output}\r\n${marker}`), 'console');
    await until(() => el.getTranscript().includes(marker), 'the output');
    await el.flushed();
  }

  /** Moves the mouse over a cell (0-based, on screen) and clicks it, as a user would. */
  async function clickCell(col: number, row: number, expectLink = true): Promise<void> {
    const term = el.terminal!;
    const screen = el.shadowRoot!.querySelector('.xterm-screen')!;
    const rect = screen.getBoundingClientRect();
    const at = (c: number): [number, number] => [
      Math.round(rect.left + (c + 0.5) * (rect.width / term.cols)),
      Math.round(rect.top + (row + 0.5) * (rect.height / term.rows)),
    ];
    // xterm looks for a link when the mouse enters a new cell: arrive from the next cell, as a hand would.
    for (let attempt = 0; attempt < 5; attempt++) {
      await sendMouse({ type: 'move', position: at(col + 1) });
      await sendMouse({ type: 'move', position: at(col) });
      if (!expectLink) break;
      const end = performance.now() + 1000;
      while (!screen.classList.contains('xterm-cursor-pointer') && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
      if (screen.classList.contains('xterm-cursor-pointer')) break;
    }
    if (expectLink) expect(screen.classList.contains('xterm-cursor-pointer'), 'the pointer over the link').to.equal(true);
    await sendMouse({ type: 'click', position: at(col) });
    await el.updateComplete;
  }

  const dialog = () => el.shadowRoot!.querySelector('.link-dialog');

  it('confirms an OSC 8 link inside the element, with its full address, then opens it with noopener,noreferrer', async () => {
    const url = 'https://docs.example.com/guide/very/long/path?query=1&x=2#section';
    await show(`see ${osc8(url, 'the guide')} here`);
    await clickCell(6, 0);
    expect(events).to.have.length(1);
    const event = events[0]!;
    expect(event.detail).to.deep.equal({ vmName: 'web-01', url, host: 'docs.example.com', source: 'hyperlink' });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(dialog(), 'the confirmation').to.exist;
    expect(shadowText(el, '#link-title')).to.equal('Open a link to docs.example.com?');
    expect(shadowText(el, '.link-url')).to.equal(url);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('link-cancel');
    expect(opened).to.deep.equal([]);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="link-cancel"]')!.click();
    await el.updateComplete;
    expect(dialog()).to.equal(null);
    expect(opened).to.deep.equal([]);

    await clickCell(6, 0);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="link-open"]')!.click();
    await el.updateComplete;
    expect(opened).to.deep.equal([[url, '_blank', 'noopener,noreferrer']]);
    expect(dialog()).to.equal(null);
  });

  it('links plain http(s) URLs in the text, without the sentence punctuation around them', async () => {
    await show('Docs at https://example.com/wiki/Foo_(bar). Next.');
    await clickCell(12, 0);
    expect(events.map((e) => e.detail)).to.deep.equal([{ vmName: 'web-01', url: 'https://example.com/wiki/Foo_(bar)', host: 'example.com', source: 'text' }]);
    expect(shadowText(el, '.link-url')).to.equal('https://example.com/wiki/Foo_(bar)');
    // A URL wrapped over two rows is one link.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="link-cancel"]')!.click();
    const long = `https://example.com/${'x'.repeat(el.cols)}`;
    await show(long);
    await clickCell(3, 1);
    expect(events.at(-1)!.detail.url).to.equal(long);
  });

  it('lets a host refuse a link by cancelling vm-link', async () => {
    el.addEventListener('vm-link', (e) => e.preventDefault(), { once: true });
    await show(osc8('https://example.com/', 'link'));
    await clickCell(1, 0);
    expect(events).to.have.length(1);
    expect(dialog()).to.equal(null);
    expect(opened).to.deep.equal([]);
  });

  it('links="open" opens at once; links="off" makes no links', async () => {
    el.links = 'open';
    await show(osc8('https://example.com/open', 'link'));
    await clickCell(1, 0);
    expect(dialog()).to.equal(null);
    expect(opened).to.deep.equal([['https://example.com/open', '_blank', 'noopener,noreferrer']]);

    el.setAttribute('links', 'off');
    await show(`${osc8('https://example.com/off', 'link')} https://example.com/plain`);
    expect(el.getTranscript()).to.contain('link https://example.com/plain');
    await clickCell(1, 0, false);
    await clickCell(10, 0, false);
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.xterm-screen')!.classList.contains('xterm-cursor-pointer')).to.equal(false);
    expect(events).to.have.length(1);
    expect(opened).to.have.length(1);
    expect(dialog()).to.equal(null);
  });

  it('never opens javascript:, data:, file: or over-long links, and says why', async function () {
    // Six outputs, each hovered and clicked as a hand would: more than mocha's 10 s on a busy machine.
    this.timeout(40_000);
    const hostile = [
      ['javascript:alert(document.domain)', 'not javascript:'],
      ['JaVaScRiPt:alert(1)', 'not javascript:'],
      ['data:text/html,<script>alert(1)</script>', 'not data:'],
      ['file:///etc/passwd', 'not file:'],
      ['https://trusted.example@evil.example/', 'user name or password'],
      [`https://example.com/${'a'.repeat(10_000)}`, `longer than ${MAX_LINK_LENGTH}`],
    ];
    for (const [uri, why] of hostile) {
      await show(osc8(uri!, 'click me'));
      await clickCell(2, 0);
      expect(shadowText(el, '[part~="notice"]'), uri!.slice(0, 40)).to.contain('The link was not opened').and.contain(why!);
    }
    expect(events).to.deep.equal([]);
    expect(opened).to.deep.equal([]);
    expect(dialog()).to.equal(null);
  });

  it('stays responsive with hostile OSC 8 ids (huge, many, odd characters), and the link still works', async () => {
    const many = Array.from({ length: 500 }, (_, i) => osc8(`https://example.com/${i}`, '.', `id=${i}-${'y'.repeat(50)}`)).join('');
    const t0 = performance.now();
    await show(`${osc8('https://example.com/ok', 'ok', `id=${'x'.repeat(100_000)}:a=b`)}${many}`);
    await new Promise((r) => setTimeout(r, 0));
    expect(performance.now() - t0).to.be.below(2000);
    await clickCell(0, 0);
    expect(events.at(-1)!.detail.url).to.equal('https://example.com/ok');
  });
});
