/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { PasteGuard, pastePreview } from '../../../src/elements/vm-console/paste-guard.js';

async function setup({ readOnly = false, confirm = true } = {}) {
  const element = await fixture<HTMLElement & { confirmMultilinePaste: boolean; effectiveReadOnly: boolean; requestUpdate(): void }>(html`<div></div>`);
  const log: string[] = [];
  const guard = new PasteGuard({
    element: Object.assign(element, { confirmMultilinePaste: confirm, effectiveReadOnly: readOnly, requestUpdate: () => render(guard.render(), element) }),
    refuse: () => log.push('refused'),
    commit: (t) => log.push(`commit ${JSON.stringify(t)}`),
    focusTerminal: () => log.push('focus'),
  });
  return { element, guard, log };
}

describe('paste guard', () => {
  it('previews at most six lines, long ones cut', () => {
    const long = 'x'.repeat(130);
    const table: [string, string][] = [
      ['a\nb\n', 'a\nb'],
      ['1\n2\n3\n4\n5\n6\n7\n', '1\n2\n3\n4\n5\n6\n…'],
      [long, `${'x'.repeat(120)}…`],
    ];
    expect(table.map(([t]) => pastePreview(t))).to.deep.equal(table.map((r) => r[1]));
  });

  it('commits a single line, asks before several, refuses in a read-only console', async () => {
    const table: [{ readOnly?: boolean; confirm?: boolean }, string, string[], boolean][] = [
      [{}, 'ls', ['commit "ls"'], false],
      [{}, '', [], false],
      [{}, 'a\nb', [], true],
      [{}, 'a\r\n', [], true],
      [{ confirm: false }, 'a\nb', ['commit "a\\nb"'], false],
      [{ readOnly: true }, 'ls', ['refused'], false],
      [{ readOnly: true }, 'a\nb', ['refused'], false],
    ];
    for (const [opts, text, log, asks] of table) {
      const s = await setup(opts);
      s.guard.paste(text);
      expect([s.log, s.guard.pending !== null], `${JSON.stringify(opts)} ${JSON.stringify(text)}`).to.deep.equal([log, asks]);
    }
  });

  it('shows the dialog, focuses Paste, and pastes or cancels', async () => {
    const { element, guard, log } = await setup();
    guard.paste('one\ntwo\nthree\n');
    expect(element.querySelector('#paste-title')!.textContent).to.equal('Paste 3 lines?');
    guard.updated(element);
    expect(document.activeElement).to.equal(element.querySelector('.primary'));
    element.querySelector<HTMLButtonElement>('[data-action="paste-confirm"]')!.click();
    expect(log).to.deep.equal(['commit "one\\ntwo\\nthree\\n"', 'focus']);
    expect(element.querySelector('.paste-dialog')).to.equal(null);
    guard.paste('a\nb');
    element.querySelector<HTMLButtonElement>('[data-action="paste-cancel"]')!.click();
    expect(log.slice(2)).to.deep.equal(['focus']);
    expect(guard.pending).to.equal(null);
  });

  it('stops a multi-line paste event before xterm sees it, and lets a single line through', async () => {
    const { guard } = await setup();
    const paste = (text: string) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const e = new ClipboardEvent('paste', { clipboardData: data, cancelable: true });
      guard.onPaste(e);
      return e.defaultPrevented;
    };
    expect(paste('ls')).to.be.false;
    expect(guard.pending).to.equal(null);
    expect(paste('a\nb')).to.be.true;
    expect(guard.pending).to.deep.equal({ text: 'a\nb', lines: 2 });
  });
});
