/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { TerminalKeys, consoleShortcut, type ConsoleShortcut } from '../../../src/elements/vm-console/terminal-keys.js';

const key = (key: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'shiftKey' | 'altKey'>> = {}) =>
  new KeyboardEvent('keydown', { key, cancelable: true, ...mods });

describe('terminal keys', () => {
  it('know the console shortcuts and nothing else', () => {
    const table: [KeyboardEvent, ConsoleShortcut | null][] = [
      [key('F', { ctrlKey: true, shiftKey: true }), 'search'],
      [key('f', { ctrlKey: true, shiftKey: true }), 'search'],
      [key('C', { ctrlKey: true, shiftKey: true }), 'copy'],
      [key('c', { ctrlKey: true, shiftKey: true }), 'copy'],
      [key('c', { ctrlKey: true }), null],
      [key('F', { ctrlKey: true, shiftKey: true, altKey: true }), null],
      [key('F', { shiftKey: true }), null],
      [key('x', { ctrlKey: true, shiftKey: true }), null],
    ];
    expect(table.map(([e]) => consoleShortcut(e))).to.deep.equal(table.map((r) => r[1]));
  });

  it('keep shortcuts and the Escape-Tab exit from the guest, and show the exit hint from focus to the first key', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><div class="exit-hint" hidden></div></div>`);
    const used: ConsoleShortcut[] = [];
    const keys = new TerminalKeys({ renderRoot: root }, (s) => used.push(s));
    const hint = root.querySelector<HTMLElement>('.exit-hint')!;
    keys.onFocus(true);
    expect(hint.hidden).to.be.false;
    expect(keys.onKey(key('Shift')), 'a modifier goes on').to.be.true;
    expect(hint.hidden, 'a modifier keeps the hint').to.be.false;
    expect(keys.onKey(key('a'))).to.be.true;
    expect(hint.hidden, 'a key hides the hint').to.be.true;
    const search = key('F', { ctrlKey: true, shiftKey: true });
    expect(keys.onKey(search)).to.be.false;
    expect(search.defaultPrevented).to.be.true;
    expect(used).to.deep.equal(['search']);
    expect(keys.onKey(key('Escape')), 'Escape goes to the guest').to.be.true;
    expect(keys.onKey(key('Tab')), 'Tab after Escape leaves').to.be.false;
    expect(keys.onKey(key('Tab')), 'a second Tab goes to the guest').to.be.true;
    expect(keys.onKey(key('Escape'))).to.be.true;
    keys.onFocus(false);
    expect(hint.hidden).to.be.true;
    expect(keys.onKey(key('Tab')), 'focus moving in between disarms the exit').to.be.true;
    expect(keys.onKey(new KeyboardEvent('keyup', { key: 'Tab' })), 'key-ups are not judged').to.be.true;
  });
});
