import { css } from 'lit';
import { themeTokens } from '../../styles/theme.js';
import { fleetMessageStyles } from '../../styles/fleet-messages.js';

/**
 * The tiles are placed by the element (absolutely, moved by transforms), so the list is a box of
 * the grid's full height whose content the browser never lays out against the page: `contain:
 * strict` keeps a renamed tile's layout and paint inside it.
 */
export const styles = [
  themeTokens,
  fleetMessageStyles,
  css`
    :host { display: block; min-width: 0; line-height: 1.4; }
    *, ::before, ::after { box-sizing: border-box; }
    [hidden] { display: none !important; }
    .base { display: flex; flex-direction: column; min-width: 0; }
    .line { height: 0; }
    .message { background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); min-height: 160px; }
    .message.stale { border-radius: var(--_radius); margin-bottom: 4px; }
    .tiles { position: relative; contain: strict; width: 100%; outline: none; }
    .tile { position: absolute; top: 0; border-radius: var(--_radius); cursor: pointer; outline: none; overflow: hidden; }
    /* A set tile-height: each tile fills it (and is clipped to it); unset, a tile is as tall as it needs, measured. */
    .fixed .tile vm-metrics { height: 100%; }
    .tile[aria-current='true'] { box-shadow: 0 0 0 2px var(--_accent); }
    .tile:focus-visible { box-shadow: 0 0 0 2px var(--_bg), 0 0 0 4px var(--_focus); }
  `,
];
