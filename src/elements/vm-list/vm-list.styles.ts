import { css, unsafeCSS } from 'lit';
import { themeTokens } from '../../styles/theme.js';
import { fleetMessageStyles } from '../../styles/fleet-messages.js';
import { CARD_HEIGHT, CARDS_BELOW, ROW_HEIGHT } from './row-layout.js';

const px = (n: number) => unsafeCSS(`${n}px`);

/**
 * A table from 800 px of the element's own width (a container query, so a list in a narrow column
 * of a wide page is a card list too), cards below. Every row has the same column template, so the
 * virtualizer's absolutely positioned rows line up with the header without a shared table.
 */
export const styles = [
  themeTokens,
  fleetMessageStyles,
  css`
    :host { display: flex; flex-direction: column; height: var(--vm-list-height, 480px); min-width: 0; container: vm-list / inline-size; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); line-height: 1.4; overflow: hidden; }
    /* Everything sits in .base (the base part), laid out as the host was. */
    .base { display: flex; flex-direction: column; flex: 1 1 auto; min-height: 0; min-width: 0; }
    *, ::before, ::after { box-sizing: border-box; }
    [hidden] { display: none !important; }

    /* toolbar, summary */
    .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; padding: 10px 12px; border-bottom: 1px solid var(--_border); background: var(--_surface); }
    .filter { flex: 1 1 14em; min-width: 0; display: flex; }
    .filter input { flex: 1; min-width: 0; font: inherit; color: var(--_text); background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 2px); padding: 5px 10px; }
    .summary { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; min-width: 0; }
    .total { font-weight: 600; margin-inline-end: 2px; white-space: nowrap; }
    .chip { display: inline-flex; align-items: center; gap: 5px; font: inherit; font-size: 0.85em; padding: 2px 9px 2px 7px; border-radius: 999px; border: 1px solid var(--_border); background: var(--_bg); color: var(--_text); cursor: pointer; white-space: nowrap; }
    .chip .dot, .badge-dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
    .chip.tone-ok .dot { background: var(--_ok); }
    .chip.tone-warn .dot { background: var(--_warn); }
    .chip.tone-danger .dot { background: var(--_danger); }
    .chip.tone-muted .dot { background: var(--_muted); }
    .chip[aria-pressed='true'] { border-color: var(--_accent); background: color-mix(in srgb, var(--_accent) 14%, var(--_bg)); font-weight: 600; }
    .count { font-variant-numeric: tabular-nums; color: var(--_muted); }
    .chip[aria-pressed='true'] .count { color: inherit; }

    /* grid */
    .grid { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; }
    .head-wrap { flex: none; overflow: hidden; scrollbar-gutter: stable; border-bottom: 1px solid var(--_border); background: var(--_surface); }
    /* The virtualizer places the rows itself: the browser's scroll anchoring, moving the scroll position
       to keep a row in place as rows come and go, threw a scroll of 22,000 px back to 1,044. */
    .body { flex: 1 1 auto; min-height: 0; scrollbar-gutter: stable; overflow-anchor: none; }
    .row { display: grid; grid-template-columns: 9em minmax(7em, 1fr) minmax(0, 1.4fr) 9em 9em 7.5em 12em; align-items: center; width: 100%; min-height: 44px; border-bottom: 1px solid var(--_border); }
    /* One height for every table row, which the virtualizer is told (row-layout.ts). */
    /* A row's new values lay out and paint that row alone, not the list: with its height fixed, size
       containment makes each row a layout root of its own (a fling drew 17 % more frames than with
       contain: content, bench:fleet traced). */
    .body .row { cursor: pointer; height: ${px(ROW_HEIGHT)}; contain: strict; }
    .body .row:hover { background: color-mix(in srgb, var(--_accent) 5%, var(--_bg)); }
    .row.selected { background: color-mix(in srgb, var(--_accent) 12%, var(--_bg)); box-shadow: inset 3px 0 0 var(--_accent); }
    .row.selected:dir(rtl) { box-shadow: inset -3px 0 0 var(--_accent); }
    .body .row.selected:hover { background: color-mix(in srgb, var(--_accent) 16%, var(--_bg)); }
    .cell { min-width: 0; padding: 4px 8px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .cell:focus-visible, .sort:focus-visible { outline-offset: -2px; }
    .head .cell { padding: 0 4px; font-size: 0.85em; font-weight: 600; color: var(--_muted); }
    .head .cell.actions { padding: 6px 8px; }
    .sort { display: inline-flex; align-items: center; gap: 4px; width: 100%; font: inherit; color: inherit; background: none; border: none; padding: 6px 4px; cursor: pointer; text-align: start; border-radius: 4px; }
    .sort:hover { color: var(--_text); }
    [aria-sort] .sort { color: var(--_text); }
    .arrow { font-size: 0.8em; }
    .name { font-weight: 600; }
    .col-description { color: var(--_muted); }
    .badge { display: inline-flex; align-items: center; gap: 6px; padding: 1px 9px 1px 7px; border-radius: 999px; font-size: 0.85em; font-weight: 600; border: 1px solid; white-space: nowrap; }
    .badge-dot { background: currentColor; }
    .tone-ok { color: var(--_ok); }
    .tone-warn { color: var(--_warn); }
    .tone-danger { color: var(--_danger); }
    .tone-muted { color: var(--_muted); }
    .chip.tone-ok, .chip.tone-warn, .chip.tone-danger, .chip.tone-muted { color: var(--_text); }
    .metric { display: flex; align-items: center; gap: 6px; font-variant-numeric: tabular-nums; }
    .metric .value { min-width: 3.4em; text-align: end; }
    .metric.stale .value { color: var(--_muted); font-style: italic; }
    .spark { flex: none; fill: none; stroke: var(--_accent); stroke-width: 1.25; stroke-linejoin: round; overflow: visible; }
    .stale .spark { stroke: var(--_muted); }
    .col-uptime { font-variant-numeric: tabular-nums; color: var(--_muted); }
    .label { display: none; }
    .col-actions { display: flex; gap: 6px; overflow: visible; }

    /* buttons */
    .action.danger:not([aria-disabled='true']) { color: var(--_danger); }
    .action[aria-disabled='true'] { opacity: 0.55; cursor: not-allowed; }
    .action[aria-busy='true'] { opacity: 1; cursor: progress; }
    .link { font: inherit; background: none; border: none; padding: 2px 4px; color: var(--_text); cursor: pointer; }

    /* states */
    .outcome-region:empty { display: none; }
    .outcome { display: flex; align-items: center; gap: 8px; margin: 8px 12px 0; padding: 6px 10px; border-radius: calc(var(--_radius) - 2px); border-inline-start: 4px solid var(--_ok); background: color-mix(in srgb, var(--_ok) 10%, var(--_bg)); }
    .outcome.failed { border-inline-start-color: var(--_danger); background: color-mix(in srgb, var(--_danger) 10%, var(--_bg)); }
    .outcome > span { flex: 1; min-width: 0; overflow-wrap: anywhere; }
    .outcome-region { flex: none; }

    /*
     * Phone width: cards (the header stays for screen readers and the keyboard, out of sight).
     * All of one height, which the virtualizer is told (row-layout.ts).
     */
    @container vm-list (max-width: ${px(CARDS_BELOW - 0.02)}) {
      .head-wrap { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); border: 0; }
      .head-wrap:focus-within { position: static; width: auto; height: auto; clip: auto; }
      .head-wrap:focus-within .row { display: flex; flex-wrap: wrap; }
      .row { display: flex; flex-wrap: wrap; align-items: center; align-content: center; gap: 2px 8px; padding: 4px 10px; }
      .body .row { height: ${px(CARD_HEIGHT)}; overflow: hidden; }
      .cell { padding: 0; }
      .col-name { order: 1; flex: 1 1 0; }
      .col-status { order: 2; }
      .col-actions { order: 3; }
      .col-description { order: 4; flex: 1 0 100%; }
      .col-cpu { order: 5; }
      .col-memory { order: 6; }
      .col-uptime { order: 7; }
      .col-cpu, .col-memory, .col-uptime { flex: 1 1 0; display: flex; align-items: baseline; gap: 4px; }
      .label { display: inline; font-size: 0.75em; color: var(--_muted); }
      .metric .value { min-width: 0; text-align: start; }
      .spark { width: 32px; align-self: center; }
      .action { min-height: 26px; padding: 1px 8px; }
    }
    /* The smallest phones: the name keeps the first line with the status, the buttons get the last. */
    @container vm-list (max-width: 439.98px) {
      .row { gap: 0 8px; padding: 3px 10px; }
      .col-actions { order: 8; flex: 1 0 100%; justify-content: flex-end; }
      .col-description, .col-cpu, .col-memory, .col-uptime { font-size: 0.9em; }
      .spark { display: none; }
    }
  `,
];
