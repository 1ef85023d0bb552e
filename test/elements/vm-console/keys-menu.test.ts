/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { KeysMenu } from '../../../src/elements/vm-console/keys-menu.js';

class ProbeKeysMenu extends LitElement {
  sent: string[] = [];
  readonly menu = new KeysMenu({ element: this, send: (id) => this.sent.push(id) });
  protected override render() {
    return html`<div>${this.menu.render(false, 'Send a special key')}</div><button id="elsewhere">x</button>`;
  }
  protected override updated() {
    this.menu.updated();
  }
}
customElements.define('probe-keys-menu', ProbeKeysMenu);

describe('keys menu', () => {
  const focusedKey = (el: ProbeKeysMenu) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.key;

  it('opens on its button with the first key focused, moves in a grid of three, and sends a key on click', async () => {
    const el = await fixture<ProbeKeysMenu>(html`<probe-keys-menu></probe-keys-menu>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.keys-btn')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(focusedKey(el)).to.equal('ctrl-c');
    const moves: [string, string][] = [
      ['ArrowRight', 'ctrl-d'],
      ['ArrowDown', 'ctrl-l'],
      ['ArrowLeft', 'ctrl-backslash'],
      ['ArrowUp', 'ctrl-c'],
      ['ArrowLeft', 'ctrl-alt-del'],
      ['Home', 'ctrl-c'],
    ];
    for (const [key, expected] of moves) {
      await sendKeys({ press: key });
      expect(focusedKey(el), key).to.equal(expected);
    }
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="esc"]')!.click();
    await el.updateComplete;
    expect(el.sent).to.deep.equal(['esc']);
    expect(el.shadowRoot!.querySelector('.menu')).to.equal(null);
  });

  it('closes on Escape (focus back on its button), on Tab, and on a click elsewhere', async () => {
    const el = await fixture<ProbeKeysMenu>(html`<probe-keys-menu></probe-keys-menu>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.keys-btn')!;
    button.click();
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.menu.isOpen).to.be.false;
    expect(el.shadowRoot!.activeElement).to.equal(button);
    el.menu.setOpen(true);
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(el.menu.isOpen).to.be.false;
    el.menu.setOpen(true);
    await el.updateComplete;
    el.shadowRoot!.querySelector('#elsewhere')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(el.menu.isOpen).to.be.false;
    expect(el.sent).to.deep.equal([]);
  });
});
