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
