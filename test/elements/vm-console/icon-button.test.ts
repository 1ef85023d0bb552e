/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { iconButton } from '../../../src/elements/vm-console/icon-button.js';

describe('console icon button', () => {
  it('is named by its label, says whether it is pressed only when it toggles, and clicks only when enabled', () => {
    const div = document.createElement('div');
    document.body.append(div);
    let clicks = 0;
    const table: [boolean, boolean | undefined, string | null, number][] = [
      [false, undefined, null, 1],
      [false, true, 'true', 1],
      [false, false, 'false', 1],
      [true, undefined, null, 0],
    ];
    const seen = table.map(([disabled, pressed]) => {
      clicks = 0;
      render(iconButton('copy', 'Copy it', html`<svg></svg>`, () => clicks++, disabled, pressed), div);
      const b = div.querySelector('button')!;
      b.click();
      return [b.getAttribute('aria-pressed'), clicks];
    });
    expect(seen).to.deep.equal(table.map((r) => [r[2], r[3]]));
    const b = div.querySelector('button')!;
    expect([b.dataset.action, b.getAttribute('aria-label'), b.title]).to.deep.equal(['copy', 'Copy it', 'Copy it']);
    div.remove();
  });
});
