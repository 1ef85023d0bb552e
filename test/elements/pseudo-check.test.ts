/// <reference types="mocha" />
// The checks the pseudo-locale tests rely on find what they are meant to find.
import { expect, fixture, html } from '@open-wc/testing';
import { clippedTexts } from '../helpers/pseudo-locale.js';

async function host(markup: string): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(html`<div style="width: 400px"></div>`);
  el.attachShadow({ mode: 'open' }).innerHTML = markup;
  return el;
}

describe('clippedTexts', () => {
  it('finds a text cut off by its box (ellipsis too) and a text spilling out of a box', async () => {
    const el = await host(`
      <div class="cut" style="width: 40px; overflow: hidden; white-space: nowrap">A sentence far too long</div>
      <div class="dots" style="width: 40px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">Another long sentence</div>
      <div class="spill" style="width: 40px; white-space: nowrap">Spills over the edge</div>`);
    expect(clippedTexts(el)).to.deep.equal([
      'div "A sentence far too long" clipped by <div.cut>',
      'div "Another long sentence" clipped by <div.dots> (ellipsis)',
      'div "Spills over the edge" spills out of <div.spill> (' + Math.round(el.shadowRoot!.querySelector('.spill')!.scrollWidth) + ' px of text in 40 px)',
    ]);
  });

  it('lets pass what fits, an ellipsis whose full text is in a title, screen-reader-only text and scrolling', async () => {
    const el = await host(`
      <div style="width: 300px">Fits</div>
      <div title="A name far too long for the box" style="width: 40px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">A name far too long for the box</div>
      <span style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)">Said to screen readers only</span>
      <div style="width: 40px; overflow: auto; white-space: nowrap">A line to scroll along</div>`);
    expect(clippedTexts(el)).to.deep.equal([]);
  });
});
