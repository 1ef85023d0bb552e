/**
 * The panel's pieces of markup: the window and pause controls, a current value in the values row,
 * and a card (title, legend or tile value, the plot with its text alternative, the placeholder).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CurrentValue } from './metric-values.js';
import { msg, str } from '../../internal/msg.js';
import { METRIC_WINDOWS, SPECS, WINDOW_LABELS, readMark, writeMark, type MetricSeries, type MetricWindow } from './series-specs.js';

export interface ControlsState {
  window: MetricWindow;
  paused: boolean;
  /** Paused with samples the charts do not show yet. */
  unseen: boolean;
  selectWindow: (w: MetricWindow) => void;
  togglePause: () => void;
  /** The locale of numbers and units ("15 Min." in German). */
  locale: string | undefined;
}

/** A window's button: its length in the locale's shortest unit ("5m", "1 Std."). */
function windowButtonText(w: MetricWindow, locale: string | undefined): string {
  const minutes = METRIC_WINDOWS[w] / 60_000;
  const [value, unit] = minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }).format(value);
}

export function renderControls(c: ControlsState): TemplateResult {
  return html`<div class="controls">
    <div class="segmented" role="group" aria-label=${msg('Time window', { id: 'metrics.window' })}>
      ${(Object.keys(METRIC_WINDOWS) as MetricWindow[]).map(
        (w) => html`<button type="button" aria-pressed=${c.window === w ? 'true' : 'false'} title=${msg(str`Last ${WINDOW_LABELS[w]}`, { id: 'metrics.window.last' })} @click=${() => c.selectWindow(w)}>
          ${windowButtonText(w, c.locale)}
        </button>`,
      )}
    </div>
    <button
      type="button"
      class="pause"
      aria-pressed=${c.paused ? 'true' : 'false'}
      title=${c.paused ? msg('Resume live updates', { id: 'metrics.resume.title' }) : msg('Pause the charts (data keeps arriving)', { id: 'metrics.pause.title' })}
      @click=${c.togglePause}
    >
      ${c.paused
        ? html`${c.unseen ? html`<span class="new" aria-hidden="true"></span>` : nothing}${msg('Resume', { id: 'metrics.resume' })}`
        : msg('Pause', { id: 'metrics.pause' })}
    </button>
  </div>`;
}

export function renderValue(key: MetricSeries, v: CurrentValue): TemplateResult {
  const spec = SPECS[key];
  return html`<div class="value" part=${`value value-${key}`} data-series=${key}>
    <dt><span class="swatch" data-colour=${spec.colourVars[0]!} aria-hidden="true"></span>${spec.title}</dt>
    <dd class="primary"><bdi>${v.primary}</bdi></dd>
    <dd class="secondary">${v.secondary}</dd>
  </div>`;
}

export interface CardState {
  value: CurrentValue;
  /** The plot's text alternative (the chart's canvas, or the tile's sparkline). */
  alt: string;
  /** Said over the plot instead of live data; empty when live. */
  placeholder: string;
  /** Data shown, but not live: drawn dimmed, the placeholder over it. */
  dim: boolean;
  compact: boolean;
}

export function renderCard(key: MetricSeries, { value: v, alt, placeholder, dim, compact }: CardState): TemplateResult {
  const spec = SPECS[key];
  return html`<div class="card" part=${`card ${key}-card`} data-series=${key}>
    <div class="card-head" data-lines=${compact && v.parts.length > 0 ? '2' : '1'}>
      <span class="card-title">${spec.title}</span>
      ${compact
        ? html`<span class="tile-slot"
            ><span class="tile-value" data-series=${key}
              >${v.parts.length > 0
                ? html`<span>${key === 'network' ? '↓' : readMark()} <bdi>${v.parts[0]}</bdi></span><span>${key === 'network' ? '↑' : writeMark()} <bdi>${v.parts[1]}</bdi></span>`
                : html`<bdi>${v.primary}</bdi>`}</span
            ></span
          >`
        : spec.channels.length > 1
          ? html`<span class="legend" aria-hidden="true">
              ${spec.labels.map(
                (label, i) =>
                  html`<span
                    ><span class="swatch" data-colour=${spec.colourVars[i]!}></span>${label}</span
                  >`,
              )}
            </span>`
          : nothing}
    </div>
    <div class="plot" ?data-dim=${dim}>
      ${compact
        ? html`<svg class="spark" data-series=${key} role="img" aria-label=${alt}></svg>`
        : html`<canvas data-series=${key} role="img" aria-label=${alt}></canvas>
            <div class="unfilled" aria-hidden="true" hidden></div>`}
      ${placeholder ? html`<div class=${dim ? 'placeholder overlay' : 'placeholder'} part="placeholder">${placeholder}</div>` : nothing}
    </div>
  </div>`;
}
