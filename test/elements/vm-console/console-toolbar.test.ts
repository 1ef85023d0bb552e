/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { ConsoleToolbar, type ToolbarState } from '../../../src/elements/vm-console/console-toolbar.js';

class ProbeToolbar extends LitElement {
  log: string[] = [];
  state: ToolbarState = {
    vmName: 'web-01',
    tone: 'ok',
    label: 'Connected',
    readOnly: false,
    readOnlyReason: () => 'This console is read-only.',
    canReconnect: false,
    hasTerminal: true,
    hasSelection: false,
    hasSession: true,
    searchOpen: false,
    fontSize: 14,
  };
  readonly toolbar = new ConsoleToolbar({
    element: this,
    reconnect: () => this.log.push('reconnect'),
    toggleSearch: () => this.log.push('search'),
    copy: () => this.log.push('copy'),
    download: () => this.log.push('download'),
    clear: () => this.log.push('clear'),
    changeFont: (d) => this.log.push(`font ${d}`),
    sendKey: (id) => this.log.push(`key ${id}`),
  });
  protected override render() {
    return this.toolbar.render(this.state);
  }
  protected override updated() {
    this.toolbar.updated();
  }
}
customElements.define('probe-console-toolbar', ProbeToolbar);

const button = (el: ProbeToolbar, action: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;

describe('console toolbar (console-toolbar.ts)', () => {
  it('shows the pill, the name and the tools, enabled as the state says, and runs each', async () => {
    const el = await fixture<ProbeToolbar>(html`<probe-console-toolbar></probe-console-toolbar>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="status-pill"]')!.getAttribute('data-tone')).to.equal('ok');
    expect(root.querySelector('.pill .label')!.textContent).to.equal('Connected');
    expect(root.querySelector('.vm-name')!.textContent).to.equal('web-01');
    expect(root.querySelector('[role="toolbar"]')!.getAttribute('aria-label')).to.equal('Console of web-01');
    expect(root.querySelector('.badge')).to.equal(null);
    expect(button(el, 'reconnect').disabled).to.equal(true);
    expect(button(el, 'copy').disabled).to.equal(true);
    expect(root.querySelector('.font-size')!.textContent).to.equal('14');
    for (const action of ['search', 'download', 'clear', 'font-smaller', 'font-larger']) button(el, action).click();
    expect(el.log).to.deep.equal(['search', 'download', 'clear', 'font -1', 'font 1']);
  });

  it('a read-only console shows its badge and disables the keys menu with the reason as its title', async () => {
    const el = await fixture<ProbeToolbar>(html`<probe-console-toolbar></probe-console-toolbar>`);
    el.state = { ...el.state, readOnly: true, hasTerminal: false, canReconnect: true };
    el.requestUpdate();
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('.badge')!.getAttribute('title')).to.equal('This console is read-only.');
    const keys = button(el, 'keys');
    expect(keys.disabled).to.equal(true);
    expect(keys.title).to.equal('This console is read-only.');
    expect(button(el, 'search').disabled).to.equal(true);
    button(el, 'reconnect').click();
    expect(el.log).to.deep.equal(['reconnect']);
  });

  it('is one tab stop: the arrow keys move between its enabled buttons', async () => {
    const el = await fixture<ProbeToolbar>(html`<probe-console-toolbar></probe-console-toolbar>`);
    button(el, 'search').focus();
    await sendKeys({ press: 'ArrowRight' });
    // Copy is disabled (no selection): skipped.
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.action).to.equal('download');
    const tabbable = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tools button')].filter((b) => b.tabIndex === 0);
    expect(tabbable.map((b) => b.dataset.action)).to.deep.equal(['download']);
  });

  it('sends a special key from its menu', async () => {
    const el = await fixture<ProbeToolbar>(html`<probe-console-toolbar></probe-console-toolbar>`);
    button(el, 'keys').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="ctrl-c"]')!.click();
    expect(el.log).to.deep.equal(['key ctrl-c']);
  });
});
