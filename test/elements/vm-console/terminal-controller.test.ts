/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { DISPOSE_AFTER_MS } from '../../../src/elements/vm-console/terminal-controller.js';
import { ProbeTerminal, fakeSession, until } from './terminal-probe.js';

describe('terminal controller', function () {
  this.timeout(20_000);

  it('loads the terminal on connect and shows the session, replay first', async () => {
    const el = await fixture<ProbeTerminal>(html`<probe-terminal></probe-terminal>`);
    const s = fakeSession('web-01');
    s.push('before\r\n');
    el.current = s;
    await el.ctl.ready;
    // The element attaches on every session change; the probe's session changed here.
    el.ctl.syncAttachment();
    expect(el.ctl.terminal).to.not.equal(null);
    s.push('after\r\n');
    await el.ctl.flushed();
    await until(() => el.ctl.terminal!.transcript() === 'before\nafter', 'the output');
    s.eof();
    expect(el.log).to.include('eof');
  });

  it('keeps the terminal through a move, resuming without duplicates, and starts over for another VM', async () => {
    const el = await fixture<ProbeTerminal>(html`<probe-terminal></probe-terminal>`);
    const s = fakeSession('web-01');
    el.current = s;
    await el.ctl.ready;
    el.ctl.syncAttachment();
    expect(s.attached).to.equal(1);
    el.ctl.syncAttachment();
    expect(s.attached, 'attached once however often asked').to.equal(1);
    s.push('one\r\n');
    const parent = el.parentElement!;
    el.remove();
    s.push('two\r\n');
    const terminal = el.ctl.terminal;
    parent.append(el);
    await el.updateComplete;
    await until(() => s.attached === 2, 'the re-attachment');
    await el.ctl.flushed();
    await until(() => el.ctl.terminal!.transcript() === 'one\ntwo', 'the output after the move');
    expect(el.ctl.terminal, 'the same terminal').to.equal(terminal);
    const other = fakeSession('db-01');
    other.push('db\r\n');
    el.current = other;
    el.ctl.syncAttachment();
    await el.ctl.flushed();
    await until(() => el.ctl.terminal!.transcript() === 'db', 'only the other VM');
  });

  it('frees the terminal a while after removal; the next connection starts afresh', async () => {
    const el = await fixture<ProbeTerminal>(html`<probe-terminal></probe-terminal>`);
    await el.ctl.ready;
    const first = el.ctl.ready;
    const parent = el.parentElement!;
    el.remove();
    await new Promise((r) => setTimeout(r, DISPOSE_AFTER_MS + 300));
    expect(el.ctl.terminal).to.equal(null);
    expect(el.ctl.ready).to.not.equal(first);
    parent.append(el);
    await el.ctl.ready;
    expect(el.ctl.terminal).to.not.equal(null);
  });
});
