/// <reference types="mocha" />
// What moved out of vm-console.ts into existing modules (issue 13): the notices for a refused
// paste or link (console-status.ts), the paste before xterm has loaded (terminal-controller.ts),
// the confirm-paste attribute (paste-guard.ts) and the exit hint (keyboard-exit.ts).
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, render } from 'lit';
import { ConsoleStatus, noticeAnnouncement } from '../../../src/elements/vm-console/console-status.js';
import { exitHint } from '../../../src/elements/vm-console/keyboard-exit.js';
import { confirmPasteConverter } from '../../../src/elements/vm-console/paste-guard.js';
import { TerminalController, type TerminalControllerHost } from '../../../src/elements/vm-console/terminal-controller.js';
import type { ConsoleSession } from '../../../src/hub/console.js';
import type { VmHub } from '../../../src/hub/vm-hub.js';

class PlainHost extends LitElement {}
customElements.define('split-helpers-host', PlainHost);

describe('vm-console helpers moved out of the element', () => {
  it('says why a paste or a link was refused, in the notice strip and the live region', async () => {
    const element = await fixture<HTMLElement & { vmName: string; requestUpdate(): void }>(html`<div></div>`);
    Object.assign(element, { vmName: 'web-01', requestUpdate: () => undefined });
    const said: string[] = [];
    const status = new ConsoleStatus({
      element,
      session: () => null as unknown as ConsoleSession,
      hub: () => null as unknown as VmHub,
      announce: (words) => said.push(words()),
      syncView: () => undefined,
    });
    status.pasteRefused();
    expect(status.notice?.cause).to.equal('read-only');
    expect(status.notice!.text()).to.equal('This console is read-only. The paste was not sent.');
    status.linkRefused(() => 'only http: and https: links open');
    expect(status.notice).to.include({ tone: 'warn', cause: 'link' });
    expect(noticeAnnouncement(status.notice!)).to.equal('The link was not opened: only http: and https: links open.');
    expect(said).to.deep.equal(['This console is read-only. The paste was not sent.', 'The link was not opened: only http: and https: links open.']);
  });

  it('a paste before xterm has loaded is sent with its line breaks as Enter', () => {
    const sent: [string, boolean][] = [];
    const element = document.createElement('split-helpers-host') as PlainHost;
    const ctl = new TerminalController({ element, sendInput: (data: string, progress: boolean) => sent.push([data, progress]) } as unknown as TerminalControllerHost);
    ctl.paste('ls\r\ncd /\n');
    ctl.paste('x'.repeat(20_000));
    expect(sent[0]).to.deep.equal(['ls\rcd /\r', false]);
    expect(sent[1]![1], 'a long paste shows its progress').to.equal(true);
  });

  it('confirm-paste is on unless "false", and written back only when off', () => {
    expect([null, '', 'true', ' FALSE ', 'false'].map((v) => confirmPasteConverter.fromAttribute(v))).to.deep.equal([true, true, true, false, false]);
    expect(confirmPasteConverter.toAttribute(true)).to.equal(null);
    expect(confirmPasteConverter.toAttribute(false)).to.equal('false');
  });

  it('the exit hint names its two keys', () => {
    const div = document.createElement('div');
    render(exitHint(), div);
    expect([...div.querySelectorAll('kbd')].map((k) => k.textContent)).to.deep.equal(['Esc', 'Tab']);
    expect(div.textContent).to.equal('Esc then Tab leaves the console');
  });
});
