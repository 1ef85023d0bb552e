/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { ProbeTerminal, fakeSession, until } from './terminal-probe.js';

async function ready(): Promise<ProbeTerminal> {
  const el = await fixture<ProbeTerminal>(html`<probe-terminal></probe-terminal>`);
  el.current = fakeSession('web-01');
  await el.ctl.ready;
  el.ctl.syncAttachment();
  await until(() => el.ctl.terminal!.isOpen, 'xterm to open');
  return el;
}

describe('console terminal', () => {
  it('joins wrapped rows in the transcript and drops trailing blank lines', async () => {
    const el = await ready();
    const t = el.ctl.terminal!;
    const long = 'x'.repeat(t.term.cols + 7);
    el.current!.push(`${long}\r\nend\r\n\r\n\r\n`);
    await el.ctl.flushed();
    await until(() => t.transcript().startsWith(long), 'the output');
    expect(t.transcript()).to.equal(`${long}\nend`);
  });

  it('follows the element: scrollback, font size within limits, input switched off for read-only', async () => {
    const el = await ready();
    const t = el.ctl.terminal!;
    el.scrollback = -3;
    el.fontSize = 99;
    el.readOnly = true;
    t.update(new Map<PropertyKey, unknown>([['scrollback', 1000], ['fontSize', undefined], ['readOnly', false]]));
    expect([t.term.options.scrollback, t.term.options.fontSize, t.term.options.disableStdin]).to.deep.equal([5000, 32, true]);
    el.readOnly = false;
    el.denied = true;
    t.update(new Map());
    expect(t.term.options.disableStdin, 'no permission').to.be.true;
  });

  it('pastes through xterm: line breaks as Enter, bracketed when the guest asked', async () => {
    const el = await ready();
    const t = el.ctl.terminal!;
    t.paste('a\nb');
    el.current!.push('\x1b[?2004h');
    await el.ctl.flushed();
    await until(() => t.term.modes.bracketedPasteMode, 'bracketed paste on');
    t.paste('c\r\nd');
    expect(el.log.filter((l) => l.startsWith('send'))).to.deep.equal(['send "a\\rb"', 'send "\\u001b[200~c\\rd\\u001b[201~"']);
  });

  it('searches the scrollback and counts the matches', async () => {
    const el = await ready();
    const t = el.ctl.terminal!;
    el.current!.push('alpha\r\nbeta\r\nalpha\r\n');
    await el.ctl.flushed();
    await until(() => t.transcript().includes('beta'), 'the output');
    expect(t.search('alpha')).to.be.true;
    expect(t.search('gamma')).to.be.false;
    expect(t.search('')).to.be.false;
    await until(() => el.log.some((l) => l.startsWith('results')), 'a result count');
    expect(el.log.filter((l) => l.startsWith('results'))[0]).to.match(/^results \d+\/2$/);
  });
});

describe('console terminal under a flood of output', () => {
  /** Counts the searches for `<style>` elements made on the terminal's container from now on. */
  function countStyleSearches(container: Element): () => number {
    let n = 0;
    const search = container.querySelectorAll.bind(container);
    container.querySelectorAll = ((selectors: string) => {
      if (selectors === 'style') n++;
      return search(selectors);
    }) as typeof container.querySelectorAll;
    return () => n;
  }

  /** Frames of output, each rendered before the next. */
  async function writeFrames(el: ProbeTerminal, frames: number): Promise<void> {
    for (let f = 0; f < frames; f++) {
      el.current!.push(Array.from({ length: 40 }, (_, i) => `frame ${f} line ${i}`).join('\r\n') + '\r\n');
      await el.ctl.flushed();
      await new Promise((r) => requestAnimationFrame(r));
    }
  }

  function mirroredTexts(el: ProbeTerminal): string[] {
    return el.shadowRoot!.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n'));
  }

  it('mirrors xterm styles without searching the rows on every written frame', async () => {
    const el = await ready();
    const container = el.renderRoot.querySelector('.term')!;
    await writeFrames(el, 2);
    const searches = countStyleSearches(container);
    await writeFrames(el, 12);
    expect(el.ctl.terminal!.transcript().endsWith('frame 11 line 39'), 'all output written').to.be.true;
    expect(searches(), 'searches for <style> while rows were written').to.equal(0);
    // Still mirrored: the theme rule xterm wrote, and its rewrite when the font size changes.
    expect(mirroredTexts(el).some((t) => t.includes('font-size: 15px'))).to.be.false;
    el.fontSize = 15;
    el.ctl.terminal!.update(new Map<PropertyKey, unknown>([['fontSize', undefined]]));
    await until(() => mirroredTexts(el).some((t) => t.includes('font-size: 15px')), 'the new font size mirrored');
  });

  it("never subscribes to xterm's per-line scroll event, and still sees the view scrolled up", async () => {
    const el = await ready();
    const t = el.ctl.terminal!;
    el.current!.push(Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\r\n'));
    await el.ctl.flushed();
    // xterm makes its public onScroll emitter on first use and forwards every line scrolled to it
    // from then on, listeners or not.
    const core = (t.term as unknown as { _core: { _onScrollApi?: unknown } })._core;
    // (A boolean: printing xterm's emitter in a failure message walks the whole terminal.)
    expect(core._onScrollApi === undefined, 'no public onScroll emitter').to.be.true;
    // Frames (and so xterm's renders) run only in a visible page.
    if (document.hidden) return;
    t.term.scrollLines(-20);
    await until(() => t.scrolledUp, 'scrolled up seen');
    t.jumpToLatest();
    expect(t.scrolledUp).to.be.false;
  });

  it('checks the scroll position once a frame, not once per line scrolled', async () => {
    const el = await ready();
    const t = el.ctl.terminal!;
    let reads = 0;
    const proto = Object.getPrototypeOf(t.term) as object;
    const buffer = Object.getOwnPropertyDescriptor(proto, 'buffer')!.get!;
    Object.defineProperty(t.term, 'buffer', {
      configurable: true,
      get() {
        reads++;
        return buffer.call(this);
      },
    });
    el.current!.push(Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\r\n'));
    await el.ctl.flushed();
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    const checks = reads;
    expect(t.transcript().endsWith('line 1999'), 'all output written').to.be.true;
    expect(checks, 'scroll checks for 2,000 lines').to.be.below(20);
    expect(t.scrolledUp).to.be.false;
  });
});
