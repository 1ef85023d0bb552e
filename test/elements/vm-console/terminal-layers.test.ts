/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { renderLayers, type LayerFacts } from '../../../src/elements/vm-console/terminal-layers.js';

function shown(f: Partial<LayerFacts>): HTMLElement {
  const div = document.createElement('div');
  render(renderLayers({ terminal: null, loadError: null, overlay: null, connected: false, readOnly: false, ...f }), div);
  return div;
}

const terminal = (over: Partial<{ hasOutput: boolean; scrolledUp: boolean }> = {}) => {
  const t = { hasOutput: false, scrolledUp: false, jumped: 0, jumpToLatest: () => t.jumped++, ...over };
  return t;
};

describe('what sits over the terminal (terminal-layers.ts)', () => {
  it('says the terminal is loading until it is here, unless a card or a load error says more', () => {
    expect(shown({}).querySelector('.loading')!.textContent).to.contain('Loading terminal');
    expect(shown({ loadError: 'offline' }).querySelector('.loading')).to.equal(null);
    const card = shown({ overlay: html`<div class="overlay">No VM selected</div>` });
    expect(card.querySelector('.loading')).to.equal(null);
    expect(card.querySelector('.overlay')!.textContent).to.equal('No VM selected');
  });

  it('hints at Enter only on a connected, writable, still silent terminal', () => {
    expect(shown({ terminal: terminal(), connected: true }).querySelector('[part="hint"]')).to.not.equal(null);
    expect(shown({ terminal: terminal({ hasOutput: true }), connected: true }).querySelector('[part="hint"]')).to.equal(null);
    expect(shown({ terminal: terminal(), connected: true, readOnly: true }).querySelector('[part="hint"]')).to.equal(null);
    expect(shown({ terminal: terminal(), connected: false }).querySelector('[part="hint"]')).to.equal(null);
    expect(shown({ terminal: terminal(), connected: true }).querySelector('.loading')).to.equal(null);
  });

  it('offers "Jump to latest" while scrolled up, and it jumps', () => {
    const t = terminal({ scrolledUp: true, hasOutput: true });
    const jump = shown({ terminal: t, connected: true }).querySelector<HTMLButtonElement>('[data-action="jump"]')!;
    expect(jump.textContent).to.contain('Jump to latest');
    jump.click();
    expect(t.jumped).to.equal(1);
    expect(shown({ terminal: terminal({ hasOutput: true }) }).querySelector('[data-action="jump"]')).to.equal(null);
    expect(shown({ terminal: t, overlay: html`<div class="overlay"></div>` }).querySelector('[data-action="jump"]')).to.equal(null);
  });
});
