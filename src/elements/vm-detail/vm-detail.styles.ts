import { css } from 'lit';
import { themeTokens } from '../../styles/theme.js';

export const styles = [
  themeTokens,
  css`
    :host {
      display: block;
      container-type: inline-size;
      container-name: vm-detail;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      line-height: 1.4;
      min-width: 0;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    [hidden] {
      display: none !important;
    }
    .root {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }

    /* ---- header ---------------------------------------------------------------------------- */
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 12px 14px;
      border-bottom: 1px solid var(--_border);
    }
    .identity {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 10px;
      min-width: 0;
      flex: 1 1 auto;
    }
    .name {
      margin: 0;
      font-size: 1.25em;
      font-weight: 650;
      overflow-wrap: anywhere;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px 10px 2px 8px;
      border-radius: 999px;
      font-size: 0.85em;
      font-weight: 600;
      border: 1px solid currentColor;
      white-space: nowrap;
    }
    .badge-dot,
    .conn-dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: currentColor;
      flex: none;
    }
    .tone-ok {
      color: var(--_ok);
    }
    .tone-warn {
      color: var(--_warn);
    }
    .tone-danger {
      color: var(--_danger);
    }
    .tone-muted {
      color: var(--_muted);
    }
    .uptime {
      color: var(--_muted);
      font-size: 0.9em;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .conn {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-size: 0.85em;
      color: var(--_muted);
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .conn[data-state='live'] .conn-dot {
      color: var(--_ok);
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--_ok) 25%, transparent);
    }
    .conn[data-state='reconnecting'] .conn-dot {
      color: var(--_warn);
    }
    .conn[data-state='offline'] .conn-dot,
    .conn[data-state='unauthorized'] .conn-dot,
    .conn[data-state='none'] .conn-dot {
      color: var(--_danger);
    }
    .rest-only {
      color: var(--_muted);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      flex: 1 1 100%;
    }
    .action-wrap {
      position: relative;
      display: inline-flex;
    }
    .action,
    .btn {
      font: inherit;
      font-size: 0.92em;
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-height: 32px;
      padding: 4px 12px;
      border-radius: calc(var(--_radius) - 2px);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
      cursor: pointer;
    }
    .action:hover:not([aria-disabled='true']),
    .btn:hover {
      border-color: var(--_accent);
    }
    .action.danger:not([aria-disabled='true']) {
      color: var(--_danger);
    }
    .action[aria-disabled='true'] {
      opacity: 0.55;
      cursor: not-allowed;
    }
    .action[aria-busy='true'] {
      opacity: 1;
      cursor: progress;
    }
    .btn.primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_accent-text);
    }
    .btn.primary.danger {
      background: var(--_danger);
      border-color: var(--_danger);
      color: var(--_bg);
    }
    .btn.small {
      min-height: 24px;
      padding: 0 8px;
      font-size: 0.8em;
    }
    .tip {
      position: absolute;
      z-index: 5;
      top: calc(100% + 6px);
      left: 0;
      width: max-content;
      max-width: min(280px, 80cqi);
      padding: 6px 8px;
      border-radius: 6px;
      background: var(--_text);
      color: var(--_bg);
      font-size: 0.8em;
      line-height: 1.3;
      white-space: normal;
      pointer-events: none;
      opacity: 0;
      visibility: hidden;
      transition: opacity 0.12s;
    }
    .action-wrap:hover .tip,
    .action:focus-visible + .tip {
      opacity: 1;
      visibility: visible;
    }
    .spinner {
      width: 12px;
      height: 12px;
      border-radius: 50%;
      border: 2px solid currentColor;
      border-right-color: transparent;
      animation: spin 0.8s linear infinite;
      display: inline-block;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 2.4s;
      }
      .sk-line,
      .sk-card {
        animation: none !important;
      }
    }
    .link {
      font: inherit;
      font-size: 0.9em;
      background: none;
      border: none;
      padding: 2px 4px;
      color: var(--_accent);
      text-decoration: underline;
      cursor: pointer;
    }

    /* ---- banner, outcome ------------------------------------------------------------------- */
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 10px;
      padding: 10px 14px;
      background: color-mix(in srgb, var(--_danger) 12%, var(--_bg));
      border-bottom: 1px solid color-mix(in srgb, var(--_danger) 40%, var(--_bg));
      color: var(--_text);
    }
    .banner-text {
      flex: 1 1 16em;
    }
    .banner-code {
      font-family: var(--_mono);
      font-size: 0.8em;
      color: var(--_danger);
    }
    .outcome-region:empty {
      display: none;
    }
    .outcome {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 10px 14px 0;
      padding: 8px 10px;
      border-radius: calc(var(--_radius) - 2px);
      border-left: 4px solid var(--_ok);
      background: color-mix(in srgb, var(--_ok) 10%, var(--_bg));
    }
    .outcome.failed {
      border-left-color: var(--_danger);
      background: color-mix(in srgb, var(--_danger) 10%, var(--_bg));
    }
    .outcome > span {
      flex: 1;
    }

    /* ---- tabs ------------------------------------------------------------------------------ */
    .tabs {
      display: flex;
      gap: 2px;
      padding: 0 10px;
      border-bottom: 1px solid var(--_border);
      overflow-x: auto;
    }
    .tab {
      font: inherit;
      background: none;
      border: none;
      border-bottom: 2px solid transparent;
      padding: 10px 12px 8px;
      color: var(--_muted);
      cursor: pointer;
      white-space: nowrap;
      display: inline-flex;
      gap: 6px;
      align-items: center;
    }
    .tab[aria-selected='true'] {
      color: var(--_text);
      border-bottom-color: var(--_accent);
      font-weight: 600;
    }
    .tab.locked {
      text-decoration: line-through dotted;
      text-decoration-thickness: 1px;
    }
    .lock {
      font-size: 0.8em;
    }
    .panel {
      padding: 14px;
      min-height: var(--vm-detail-panel-min-height, 320px);
      min-width: 0;
    }
    .panel:focus-visible {
      outline-offset: -2px;
    }
    .panel-monitoring,
    .panel-console {
      display: flex;
      flex-direction: column;
    }
    .panel[hidden] {
      display: none;
    }
    .fill {
      flex: 1 1 auto;
      min-height: 300px;
    }
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 6px;
      text-align: center;
      color: var(--_muted);
      min-height: 200px;
      padding: 16px;
    }
    .empty p {
      margin: 0;
      max-width: 36em;
    }
    .empty-title {
      color: var(--_text);
      font-weight: 600;
    }

    /* ---- overview -------------------------------------------------------------------------- */
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      gap: 10px;
    }
    .card,
    .sk-card {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) - 2px);
      padding: 10px 12px;
      min-width: 0;
    }
    .uuid-card {
      grid-column: span 2;
    }
    h3 {
      margin: 0 0 4px;
      font-size: 0.78em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--_muted);
      font-weight: 600;
    }
    .card p {
      margin: 0;
    }
    .big {
      font-size: 1.35em;
      font-weight: 600;
    }
    .big.small {
      font-size: 1em;
    }
    .unit,
    .sub,
    .muted,
    .count {
      color: var(--_muted);
    }
    .unit {
      font-size: 0.7em;
      font-weight: 500;
    }
    .sub {
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    .count {
      font-weight: 500;
      margin-left: 4px;
    }
    .uuid {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    code,
    .mono {
      font-family: var(--_mono);
      font-size: 0.88em;
    }
    .uuid code {
      overflow-wrap: anywhere;
    }
    .block {
      margin-top: 16px;
    }
    .block > p {
      margin: 0;
    }
    .stale {
      margin: 0 0 10px;
      color: var(--_warn);
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.9em;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--_border);
      vertical-align: top;
    }
    th {
      color: var(--_muted);
      font-weight: 600;
      font-size: 0.9em;
    }
    td.num {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    td.path {
      overflow-wrap: anywhere;
    }
    .nets {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 8px;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
    }
    .net {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) - 2px);
      padding: 8px 12px;
    }
    .net-head {
      font-weight: 600;
      display: block;
      margin-bottom: 4px;
    }
    .net-head .muted {
      font-weight: 400;
      font-size: 0.85em;
    }
    dl {
      margin: 0;
      display: grid;
      gap: 2px;
    }
    dl > div {
      display: flex;
      gap: 8px;
    }
    dt {
      color: var(--_muted);
      width: 3em;
      flex: none;
      font-size: 0.85em;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    /* ---- skeleton -------------------------------------------------------------------------- */
    .skeleton {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      gap: 10px;
    }
    .sk-line {
      height: 12px;
      margin: 6px 0;
      border-radius: 4px;
      background: var(--_border);
      animation: pulse 1.4s ease-in-out infinite;
    }
    .sk-line.short {
      width: 40%;
    }
    .sk-line.wide {
      grid-column: 1 / -1;
      height: 16px;
    }
    @keyframes pulse {
      50% {
        opacity: 0.45;
      }
    }

    /* ---- confirmation dialog --------------------------------------------------------------- */
    .confirm {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_text);
      padding: 18px 20px;
      max-width: min(420px, calc(100vw - 32px));
      box-shadow: 0 10px 30px rgb(0 0 0 / 0.25);
    }
    .confirm::backdrop {
      background: rgb(0 0 0 / 0.35);
    }
    .confirm h2 {
      margin: 0 0 8px;
      font-size: 1.1em;
    }
    .confirm p {
      margin: 0 0 16px;
    }
    .confirm-buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }

    /* ---- wide layouts ---------------------------------------------------------------------- */
    @container vm-detail (min-width: 640px) {
      .header {
        padding: 14px 18px;
      }
      .identity {
        flex: 0 1 auto;
      }
      .actions {
        flex: 0 1 auto;
        margin-left: auto;
        justify-content: flex-end;
      }
      .panel {
        padding: 18px;
      }
      .tabs {
        padding: 0 14px;
      }
    }
    @container vm-detail (max-width: 420px) {
      .uuid-card {
        grid-column: 1 / -1;
      }
      .cards {
        grid-template-columns: 1fr 1fr;
      }
      .action {
        padding: 4px 9px;
      }
      /* On a narrow widget bus and path give way; the path stays in the device cell's tooltip. */
      th:nth-child(5),
      td:nth-child(5),
      th:nth-child(4),
      td:nth-child(4) {
        display: none;
      }
    }
  `,
];
