import { css } from 'lit';
import { themeTokens, whenDark } from '../../styles/theme.js';

/** Series colours on dark backgrounds. */
const darkSeriesColours = css`
  --_m-cpu: var(--vm-metrics-cpu-color, #60a5fa);
  --_m-memory: var(--vm-metrics-memory-color, #a78bfa);
  --_m-rx: var(--vm-metrics-rx-color, #22d3ee);
  --_m-tx: var(--vm-metrics-tx-color, #fb923c);
  --_m-read: var(--vm-metrics-read-color, #4ade80);
  --_m-write: var(--vm-metrics-write-color, #f472b6);
  --_m-grid: var(--vm-metrics-grid-color, rgba(230, 233, 238, 0.08));
`;

/**
 * Series colours resolve here (host overrides → light/dark defaults) into `--_m-*`, which the
 * element reads with getComputedStyle when it (re)builds the chart colours.
 */
const seriesColours = css`
  :host {
    --_m-cpu: var(--vm-metrics-cpu-color, #2563eb);
    --_m-memory: var(--vm-metrics-memory-color, #7c3aed);
    --_m-rx: var(--vm-metrics-rx-color, #0891b2);
    --_m-tx: var(--vm-metrics-tx-color, #ea580c);
    --_m-read: var(--vm-metrics-read-color, #16a34a);
    --_m-write: var(--vm-metrics-write-color, #db2777);
    --_m-grid: var(--vm-metrics-grid-color, rgba(27, 31, 36, 0.08));
  }
  ${whenDark(darkSeriesColours)}
`;

/**
 * Why some rules are as they are (kept here, not as CSS comments, which would ship to every page):
 * - `.card[data-narrow]`: a card too narrow for its title and two rates ("↓ 1023 KiB/s") beside
 *   each other (160 px or less, chart-draw-controller.ts measures it) puts the rates on lines of
 *   their own under the title; beside it they were cut off. Not a container query: a size
 *   container costs every tile a style pass inside each layout (bench:fleet: a third of the
 *   layouts while scrolling, 2 points of the main thread while idle); a compact host is no
 *   container either (its one query is for full panels).
 * - `content-visibility: auto;`: A fleet page holds hundreds of tiles: one off screen is neither
 *   laid out nor painted (bench:fleet traced 1,000 tiles). A tile not yet rendered is sized as it
 *   renders; `auto` then keeps its last size while it is skipped, so the page's scroll height holds
 *   still.
 * - `contain: paint;` (a tile's frame): scrolled, a page of tiles repainted every tile in view
 *   whenever one came into view (the host's own containment was not enough); with the frame its
 *   own paint container, only the tiles that change are painted (bench:fleet: paint 120 -> 24 ms a
 *   second while scrolling). A tile has no focus ring to clip.
 * - `.values`: Current values: numbers for people, in the DOM, not only in the canvas.
 * - `overflow-wrap: anywhere;`: A longer language's mark before the rate ("[Ŕ ·]") must not push
 *   it out of a narrow tile.
 * - `.swatch[data-colour='--_m-cpu']`: Colours by rule, not by a style attribute, which a strict
 *   Content-Security-Policy blocks.
 * - `:host([compact]) .card-head`: A tile's values change every second, and a page holds hundreds
 *   of tiles: the values sit in a box of fixed size (a line per value) taken out of the flow, so new
 *   digits lay out that box alone, not the tile and the page's grid around it (bench:fleet: a third
 *   of the layout time). No stacking context or background here: layerizing those cost more than the
 *   layout saved.
 * - `line-height: 1.5;`: The values' line height (0.9em × 1.3 of the head), in the title's own
 *   size.
 * - `max-width: 100%;`: A canvas is 300 px wide until Chart.js sizes it: on a phone that widened
 *   the page.
 * - `.spark { pointer-events: none }`: A sparkline has nothing to point at (no tooltips), and the
 *   browser hit-tests the pointer again after each layout: over a page of tiles, that tested the
 *   filled area of every path under it (bench:metrics --experiments, "plots ignore the pointer":
 *   3 to 5 % less main thread, three rounds).
 * - `.unfilled,`: The part of the window that has no data yet: hatched like an empty card, not
 *   left blank (a full panel's; tiles draw the same hatch in their sparkline, sparkline.ts).
 */
export const vmMetricsStyles = [
  themeTokens,
  seriesColours,
  css`
    :host {
      display: block;
      container-type: inline-size;
      --_plot-height: var(--vm-metrics-chart-height, 168px);
    }
    :host([compact]) {
      --_plot-height: var(--vm-metrics-sparkline-height, 40px);
      container-type: normal;
      content-visibility: auto;
      contain-intrinsic-size: auto none;
    }
    .base {
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 12px;
      display: grid;
      gap: 12px;
    }
    :host([compact]) .base {
      padding: 8px;
      gap: 6px;
      contain: paint;
    }

    header {
      display: flex;
      align-items: center;
      gap: 8px 12px;
      flex-wrap: wrap;
    }
    .title {
      font-weight: 600;
      font-size: 1.05em;
      margin-right: auto;
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 0;
    }
    .title .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    :host([compact]) .title {
      font-size: 0.95em;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-size: 0.8em;
      font-weight: 500;
      color: var(--_muted);
      white-space: nowrap;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--_muted);
      flex: none;
    }
    .badge[data-tone='ok'] .dot {
      background: var(--_ok);
    }
    .badge[data-tone='warn'] .dot {
      background: var(--_warn);
    }
    .badge[data-tone='danger'] .dot {
      background: var(--_danger);
    }
    .controls {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .segmented {
      display: inline-flex;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) - 2px);
      overflow: hidden;
      background: var(--_surface);
    }
    button {
      font: inherit;
      font-size: 0.85em;
      color: var(--_text);
      background: transparent;
      border: 0;
      padding: 4px 10px;
      cursor: pointer;
      line-height: 1.4;
    }
    .segmented button + button {
      border-left: 1px solid var(--_border);
    }
    .segmented button[aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_accent-text);
    }
    .pause {
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) - 2px);
      background: var(--_surface);
      display: inline-flex;
      gap: 6px;
      align-items: center;
    }
    .pause[aria-pressed='true'] {
      border-color: var(--_accent);
      color: var(--_accent);
    }
    .pause .new {
      width: 6px;
      height: 6px;
      border-radius: 50%;
      background: var(--_accent);
    }
    button:hover {
      filter: brightness(0.97);
    }

    .values {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(130px, 100%), 1fr));
      gap: 8px;
      margin: 0;
    }
    .value {
      background: var(--_surface);
      border-radius: calc(var(--_radius) - 2px);
      padding: 8px 10px;
      min-width: 0;
    }
    .value dt {
      font-size: 0.8em;
      color: var(--_muted);
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .value dd {
      margin: 2px 0 0;
    }
    .primary {
      font-size: 1.45em;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      letter-spacing: -0.01em;
      overflow-wrap: anywhere;
    }
    .secondary {
      font-size: 0.8em;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .swatch {
      width: 10px;
      height: 3px;
      border-radius: 2px;
      flex: none;
    }
    .swatch[data-colour='--_m-cpu'] { background: var(--_m-cpu); }
    .swatch[data-colour='--_m-memory'] { background: var(--_m-memory); }
    .swatch[data-colour='--_m-rx'] { background: var(--_m-rx); }
    .swatch[data-colour='--_m-tx'] { background: var(--_m-tx); }
    .swatch[data-colour='--_m-read'] { background: var(--_m-read); }
    .swatch[data-colour='--_m-write'] { background: var(--_m-write); }

    .grid {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 12px;
    }
    @container (max-width: 560px) {
      .grid {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    :host([compact]) .grid {
      grid-template-columns: repeat(auto-fit, minmax(min(120px, 100%), 1fr));
      gap: 6px;
    }
    .card {
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) - 2px);
      padding: 10px 12px 8px;
      min-width: 0;
      display: grid;
      gap: 6px;
    }
    :host([compact]) .card {
      padding: 6px 8px 4px;
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    :host([compact]) .plot {
      margin-block-start: auto;
    }
    .card-head {
      display: flex;
      align-items: baseline;
      gap: 8px;
      min-width: 0;
    }
    :host([compact]) .card-head {
      --_lines: 1;
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      align-items: stretch;
      gap: 0 6px;
      block-size: calc(var(--_lines) * 0.9em * 1.3);
    }
    :host([compact]) .card-head[data-lines='2'] {
      --_lines: 2;
    }
    :host([compact]) .card[data-narrow] .card-head[data-lines='2'] {
      --_lines: 3;
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr);
    }
    .card-title {
      font-weight: 600;
      font-size: 0.9em;
      margin-right: auto;
    }
    :host([compact]) .card-title {
      font-weight: 500;
      font-size: 0.78em;
      color: var(--_muted);
      line-height: 1.5;
    }
    .legend {
      display: flex;
      gap: 10px;
      font-size: 0.78em;
      color: var(--_muted);
    }
    .legend span {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .tile-slot {
      position: relative;
    }
    .tile-value {
      position: absolute;
      inset: 0;
      contain: strict;
      font-weight: 600;
      font-size: 0.9em;
      line-height: 1.3;
      font-variant-numeric: tabular-nums;
      text-align: end;
      white-space: nowrap;
    }
    .tile-value > span {
      display: block;
    }
    .plot {
      position: relative;
      height: var(--_plot-height);
      min-width: 0;
    }
    .plot canvas,
    .spark {
      position: absolute;
      left: 0;
      top: 0;
      max-width: 100%;
    }
    .spark {
      width: 100%;
      height: 100%;
      overflow: visible;
      pointer-events: none;
    }
    .plot[data-dim] :is(canvas, .spark) {
      opacity: 0.45;
      filter: grayscale(0.7);
    }
    .placeholder {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      text-align: center;
      padding: 4px 8px;
      color: var(--_muted);
      font-size: 0.85em;
      border-radius: calc(var(--_radius) - 4px);
      background: repeating-linear-gradient(
        -45deg,
        transparent 0 8px,
        color-mix(in srgb, var(--_border) 35%, transparent) 8px 9px
      );
    }
    .unfilled,
    .filling::before {
      border-right: 1px dashed color-mix(in srgb, var(--_muted) 45%, transparent);
      background: repeating-linear-gradient(-45deg, transparent 0 var(--_h, 8px), color-mix(in srgb, var(--_muted) 22%, transparent) 0 calc(var(--_h, 8px) + 1px));
    }
    .unfilled {
      position: absolute;
      pointer-events: none;
    }
    .filling {
      margin: 0;
      font-size: 0.8em;
      color: var(--_muted);
    }
    .filling::before {
      --_h: 3px;
      content: '';
      display: inline-block;
      width: 14px;
      height: 9px;
      margin-right: 6px;
      border: 1px solid color-mix(in srgb, var(--_muted) 45%, transparent);
    }
    .placeholder.overlay {
      inset: auto 0 auto auto;
      top: 0;
      background: var(--_surface);
      border: 1px solid var(--_border);
      padding: 2px 8px;
      font-size: 0.75em;
    }
    :host([compact]) .placeholder {
      font-size: 0.72em;
    }
    .message {
      font-size: 0.85em;
      color: var(--_muted);
      margin: 0;
    }
    .message[data-tone='danger'] {
      color: var(--_danger);
    }
  `,
];
