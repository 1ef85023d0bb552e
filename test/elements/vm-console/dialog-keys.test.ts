/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import { onDialogKey } from '../../../src/elements/vm-console/dialog-keys.js';

describe('console dialog keys', () => {
  it('keep Tab and Shift+Tab inside the dialog and cancel on Escape', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    let cancelled = 0;
    render(
      html`<div role="dialog" @keydown=${(e: KeyboardEvent) => onDialogKey(e, () => cancelled++)}>
        <button id="a">A</button><button id="b">B</button>
      </div>`,
      root,
    );
    const focused = () => (root.activeElement as HTMLElement | null)?.id;
    root.querySelector<HTMLButtonElement>('#b')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('a');
    await shifted('Tab');
    expect(focused()).to.equal('b');
    await shifted('Tab');
    expect(focused()).to.equal('a');
    expect(cancelled).to.equal(0);
    await sendKeys({ press: 'Escape' });
    expect(cancelled).to.equal(1);
  });
});

async function shifted(key: string): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}
