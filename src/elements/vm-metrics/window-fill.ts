/**
 * How much of the shown window the history fills, while it does not fill it yet: said in words
 * above the charts ("Collecting data — 20 s of 5 min") and hatched in each plot left of the first
 * sample, so an empty left half reads as "not yet", not as "zero".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { isolate } from '../../internal/bidi.js';
import type { PlotArea } from './chart-renderer.js';
import { duration } from './series-specs.js';

export interface WindowFill {
  /** Time from the first sample to the last, ms. */
  collected: number;
  /** The window's span, ms. */
  span: number;
}

/** The window's fill from the first and last samples' times; null once it is full (or empty). */
export function windowFill(first: number | null, last: number | null, span: number): WindowFill | null {
  if (first === null || last === null) return null;
  const collected = last - first;
  return collected < span ? { collected, span } : null;
}

export function renderFilling(fill: WindowFill | null): TemplateResult | typeof nothing {
  if (!fill) return nothing;
  const collected = isolate(duration(fill.collected));
  const span = isolate(duration(fill.span));
  return html`<p class="filling" part="filling">${msg(str`Collecting data — ${collected} of ${span}`, { id: 'metrics.filling' })}</p>`;
}

/** Hatches the part of a plot (`area`) that the window has no data for yet; hides it otherwise. */
export function placeUnfilled(el: HTMLElement, fill: WindowFill | null, area: PlotArea | null): void {
  if (!fill || !area) {
    el.hidden = true;
    return;
  }
  // CSSOM, not a style attribute: a strict Content-Security-Policy allows this.
  el.hidden = false;
  el.style.left = `${area.left}px`;
  el.style.top = `${area.top}px`;
  el.style.height = `${area.height}px`;
  el.style.width = `${Math.round((area.width * (fill.span - fill.collected)) / fill.span)}px`;
}
