/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ConsoleFullscreen } from '../../../src/elements/vm-console/fullscreen.js';

class ProbeFullscreen extends LitElement {
  readonly fullscreen = new ConsoleFullscreen(this);
  renders = 0;
  protected override render() {
    this.renders++;
    return html`${this.fullscreen.mode ?? 'none'}`;
  }
}
customElements.define('probe-fullscreen', ProbeFullscreen);

describe('console full screen', () => {
  it('fills the viewport where the browser refuses full screen, and leaves it on toggle or removal', async () => {
    const el = await fixture<ProbeFullscreen>(html`<probe-fullscreen></probe-fullscreen>`);
    // Without a user gesture the browser refuses requestFullscreen(), as an iframe without
    // allowfullscreen does.
    await el.fullscreen.toggle();
    expect(el.fullscreen.mode).to.equal('fallback');
    expect(el.dataset.fullscreen).to.equal('fallback');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('fallback');
    await el.fullscreen.toggle();
    expect(el.fullscreen.mode).to.equal(null);
    expect(el.dataset.fullscreen).to.equal(undefined);
    await el.fullscreen.toggle();
    el.remove();
    expect(el.fullscreen.mode).to.equal(null);
    expect(el.hasAttribute('data-fullscreen')).to.be.false;
  });
});
