/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { RovingFocusController, nextRovingIndex, type RovingLayout } from '../../src/controllers/roving-focus-controller.js';

describe('nextRovingIndex', () => {
  it('moves by key, layout and position', () => {
    const table: [key: string, from: number, count: number, layout: RovingLayout, columns: number, to: number | null][] = [
      ['ArrowRight', 0, 4, 'horizontal', 1, 1],
      ['ArrowRight', 3, 4, 'horizontal', 1, 0],
      ['ArrowLeft', 0, 4, 'horizontal', 1, 3],
      ['Home', 2, 4, 'horizontal', 1, 0],
      ['End', 1, 4, 'horizontal', 1, 3],
      ['ArrowDown', 1, 4, 'horizontal', 1, null],
      ['ArrowUp', 1, 4, 'horizontal', 1, null],
      ['ArrowDown', 3, 4, 'vertical', 1, 0],
      ['ArrowUp', 0, 4, 'vertical', 1, 3],
      ['ArrowRight', 0, 4, 'vertical', 1, null],
      ['ArrowDown', 1, 10, 'grid', 3, 4],
      ['ArrowDown', 8, 10, 'grid', 3, 9],
      ['ArrowUp', 1, 10, 'grid', 3, 0],
      ['ArrowUp', 7, 10, 'grid', 3, 4],
      ['ArrowRight', 9, 10, 'grid', 3, 0],
      ['ArrowLeft', 0, 10, 'grid', 3, 9],
      ['Enter', 0, 4, 'horizontal', 1, null],
      ['Home', 0, 0, 'horizontal', 1, null],
    ];
    expect(table.map(([key, from, count, layout, columns]) => nextRovingIndex(key, from, count, layout, columns))).to.deep.equal(
      table.map((row) => row[5]),
    );
  });
});

class ProbeRoving extends LitElement {
  static override properties = { disabledB: { type: Boolean } };
  declare disabledB: boolean;
  activated: string[] = [];
  readonly roving = new RovingFocusController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled),
    members: () => [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')],
    tabStop: true,
  });
  constructor() {
    super();
    this.disabledB = false;
  }
  protected override render() {
    return html`<div role="toolbar" @keydown=${this.roving.onKeydown} @focusin=${this.roving.onFocusin}>
      <button id="a">A</button><button id="b" ?disabled=${this.disabledB}>B</button><button id="c">C</button>
    </div>`;
  }
}
customElements.define('probe-roving', ProbeRoving);

class ProbeTabs extends LitElement {
  selected = 0;
  readonly roving = new RovingFocusController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')],
    current: () => this.selected,
    activate: (_tab, i) => {
      this.selected = i;
      this.requestUpdate();
    },
  });
  protected override render() {
    return html`<div role="tablist" @keydown=${this.roving.onKeydown}>
      ${[0, 1, 2].map((i) => html`<button role="tab" tabindex=${i === this.selected ? 0 : -1} aria-selected=${i === this.selected}>T${i}</button>`)}
    </div>`;
  }
}
customElements.define('probe-tabs', ProbeTabs);

describe('RovingFocusController', () => {
  const focused = (el: LitElement) => (el.shadowRoot!.activeElement as HTMLElement | null)?.id ?? null;

  it('makes a group one tab stop that remembers the item used last, skipping disabled ones', async () => {
    const el = await fixture<ProbeRoving>(html`<probe-roving></probe-roving>`);
    const stops = () => [...el.shadowRoot!.querySelectorAll('button')].filter((b) => b.tabIndex === 0).map((b) => b.id);
    expect(stops()).to.deep.equal(['a']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#a')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal('b');
    expect(stops()).to.deep.equal(['b']);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal('c');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal('a');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal('c');
    el.disabledB = true;
    await el.updateComplete;
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal('a');
    expect(stops()).to.deep.equal(['a']);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('#b')!.tabIndex).to.equal(-1);
  });

  it('lets a tablist select instead of only focusing', async () => {
    const el = await fixture<ProbeTabs>(html`<probe-tabs></probe-tabs>`);
    el.shadowRoot!.querySelector<HTMLElement>('[role="tab"]')!.focus();
    for (const [key, selected] of [
      ['ArrowRight', 1],
      ['ArrowRight', 2],
      ['ArrowRight', 0],
      ['End', 2],
      ['Home', 0],
      ['ArrowLeft', 2],
    ] as const) {
      await sendKeys({ press: key });
      expect(el.selected, key).to.equal(selected);
    }
  });
});
