/// <reference types="mocha" />
// The panel's markup pieces (metric-card.ts): controls, a value, a card in each of its forms.
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { renderCard, renderControls, renderValue } from '../../../src/elements/vm-metrics/metric-card.js';
import type { MetricWindow } from '../../../src/elements/vm-metrics/series-specs.js';

const mount = (t: TemplateResult) => {
  const host = document.createElement('div');
  render(t, host);
  return host;
};
const words = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const value = { primary: '12%', secondary: '1 GiB of 2 GiB', parts: [] as string[] };

describe('<vm-metrics> card markup (metric-card.ts)', () => {
  it('controls: the window pressed, Pause or Resume with a mark for unseen data, each calling back', () => {
    const calls: string[] = [];
    const c = (paused: boolean, unseen: boolean) =>
      mount(renderControls({ window: '15m', paused, unseen, selectWindow: (w: MetricWindow) => calls.push(w), togglePause: () => calls.push('pause'), locale: 'en-US' }));
    const live = c(false, false);
    expect([...live.querySelectorAll('.segmented button')].map((b) => [words(b), b.getAttribute('aria-pressed'), b.getAttribute('title')])).to.deep.equal([
      ['5m', 'false', 'Last 5 minutes'],
      ['15m', 'true', 'Last 15 minutes'],
      ['1h', 'false', 'Last 1 hour'],
    ]);
    expect([words(live.querySelector('.pause')), live.querySelector('.new')]).to.deep.equal(['Pause', null]);
    const paused = c(true, true);
    expect([words(paused.querySelector('.pause')), paused.querySelector('.pause')!.getAttribute('aria-pressed'), !!paused.querySelector('.new')]).to.deep.equal(['Resume', 'true', true]);
    live.querySelector<HTMLButtonElement>('.segmented button')!.click();
    live.querySelector<HTMLButtonElement>('.pause')!.click();
    expect(calls).to.deep.equal(['5m', 'pause']);
  });

  it('controls: the windows\' lengths in the locale\'s units, not the attribute values', () => {
    const de = mount(renderControls({ window: '5m', paused: false, unseen: false, selectWindow: () => {}, togglePause: () => {}, locale: 'de' }));
    expect([...de.querySelectorAll('.segmented button')].map(words)).to.deep.equal(['5 Min.', '15 Min.', new Intl.NumberFormat('de', { style: 'unit', unit: 'hour', unitDisplay: 'narrow' }).format(1)]);
  });

  it('a value: the series title, primary and secondary text', () => {
    const v = mount(renderValue('memory', value));
    expect([words(v.querySelector('dt')), words(v.querySelector('.primary')), words(v.querySelector('.secondary'))]).to.deep.equal(['Memory', '12%', '1 GiB of 2 GiB']);
  });

  it('a card: legend or tile values, the text alternative, and the placeholder over dimmed data', () => {
    const full = mount(renderCard('network', { value, alt: 'Network rate', placeholder: '', dim: false, compact: false }));
    expect([...full.querySelector('.legend')!.children].map(words)).to.deep.equal(['Received', 'Sent']);
    expect(full.querySelector('canvas')!.getAttribute('aria-label')).to.equal('Network rate');
    expect(full.querySelector('[part="placeholder"]')).to.equal(null);
    const tile = mount(renderCard('disk', { value: { ...value, parts: ['1 KiB/s', '2 KiB/s'] }, alt: '', placeholder: 'Offline', dim: true, compact: true }));
    expect([...tile.querySelector('.tile-value')!.children].map(words)).to.deep.equal(['R 1 KiB/s', 'W 2 KiB/s']);
    expect(tile.querySelector('.plot')!.hasAttribute('data-dim')).to.equal(true);
    // A tile's plot is an SVG sparkline (no canvas: no compositor layer of its own).
    expect([tile.querySelector('canvas'), tile.querySelector('svg.spark')!.getAttribute('role'), tile.querySelector('svg.spark')!.getAttribute('data-series')]).to.deep.equal([null, 'img', 'disk']);
    expect([tile.querySelector('[part="placeholder"]')!.className, words(tile.querySelector('[part="placeholder"]'))]).to.deep.equal(['placeholder overlay', 'Offline']);
  });
});
