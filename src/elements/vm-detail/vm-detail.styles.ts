import { css } from 'lit';
import { themeTokens } from '../../styles/theme.js';

/**
 * What the first paint needs: header, tabs, panels, empty states and the skeleton (the Overview
 * until the VM's details and their code have arrived), in that order. The error banner, action
 * outcome and disabled-reason tooltip (`internal/deferred-texts.ts`), the Overview details
 * (`overview.ts`) and the confirmation dialog (`internal/deferred-confirm.ts`) bring their own
 * styles when they load. One rule per line, and the notes here rather than in the CSS, keep the
 * shipped string small (CSS comments ship: 0.1 KB gzip here).
 *
 * `.actions` is `position: relative` because the tooltips are placed in the group's box, never
 * beyond it: a hidden one still widens the page.
 */
export const styles = [
  themeTokens,
  css`
    :host { display: block; container: vm-detail / inline-size; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); line-height: 1.4; min-width: 0; }
    *, ::before, ::after { box-sizing: border-box; }
    [hidden] { display: none !important; }
    .root { display: flex; flex-direction: column; min-width: 0; }

    .header, .identity, .badge, .conn, .action, .btn, .banner, .outcome, .tab { display: flex; align-items: center; gap: 6px; }
    .header, .identity, .actions, .banner { flex-wrap: wrap; }
    .header { gap: 8px 16px; padding: 12px 14px; border-bottom: 1px solid var(--_border); }
    .identity { gap: 6px 10px; min-width: 0; flex: 1 1 auto; }
    .name { margin: 0; font-size: 1.25em; font-weight: 650; overflow-wrap: anywhere; }
    .badge, .conn, .action, .btn { display: inline-flex; }
    .badge { padding: 2px 10px 2px 8px; border-radius: 999px; font-size: 0.85em; font-weight: 600; border: 1px solid; white-space: nowrap; }
    .badge-dot, .conn-dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; flex: none; }
    .tone-ok { color: var(--_ok); }
    .tone-warn { color: var(--_warn); }
    .tone-danger { color: var(--_danger); }
    .tone-muted, .uptime, .conn { color: var(--_muted); }
    .uptime, .conn { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .uptime { font-size: 0.9em; }
    .conn { font-size: 0.85em; }
    [data-state='live'] .conn-dot { color: var(--_ok); box-shadow: 0 0 0 3px color-mix(in srgb, var(--_ok) 25%, transparent); }
    [data-state='reconnecting'] .conn-dot { color: var(--_warn); }
    [data-state='offline'] .conn-dot, [data-state='unauthorized'] .conn-dot, [data-state='none'] .conn-dot { color: var(--_danger); }
    .actions { position: relative; display: flex; gap: 6px; flex: 1 1 100%; }
    .action-wrap { display: inline-flex; }
    .action, .btn { font: inherit; font-size: 0.92em; min-height: 32px; padding: 4px 12px; border-radius: calc(var(--_radius) - 2px); border: 1px solid var(--_border); background: var(--_surface); color: var(--_text); cursor: pointer; }
    .action:hover:not([aria-disabled='true']), .btn:hover { border-color: var(--_accent); }
    .action.danger:not([aria-disabled='true']) { color: var(--_danger); }
    .action[aria-disabled='true'] { opacity: 0.55; cursor: not-allowed; }
    .action[aria-busy='true'] { opacity: 1; cursor: progress; }
    .spinner { display: inline-block; width: 12px; height: 12px; border-radius: 50%; border: 2px solid; border-right-color: transparent; animation: spin 0.8s linear infinite; }
    @keyframes spin { to { transform: rotate(360deg); } }
    .link { font: inherit; font-size: 0.9em; background: none; border: none; padding: 2px 4px; color: var(--_accent); text-decoration: underline; cursor: pointer; }
    code, .banner-code { font-family: var(--_mono); font-size: 0.88em; }
    .outcome-region:empty { display: none; }


    .tabs { display: flex; gap: 2px; padding: 0 10px; border-bottom: 1px solid var(--_border); overflow-x: auto; }
    .tab { display: inline-flex; font: inherit; background: none; border: none; border-bottom: 2px solid transparent; padding: 10px 12px 8px; color: var(--_muted); cursor: pointer; white-space: nowrap; }
    .tab[aria-selected='true'] { color: var(--_text); border-bottom-color: var(--_accent); font-weight: 600; }
    .tab.locked { text-decoration: line-through dotted; text-decoration-thickness: 1px; }
    .lock { flex: none; margin-left: 2px; }
    .panel { padding: 14px; min-height: var(--vm-detail-panel-min-height, 320px); min-width: 0; }
    .panel:focus-visible { outline-offset: -2px; }
    .panel-monitoring, .panel-console { display: flex; flex-direction: column; }
    .fill { flex: 1 1 auto; min-height: 300px; }
    .empty { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 6px; text-align: center; color: var(--_muted); min-height: 200px; padding: 16px; }
    .empty p { margin: 0; max-width: 36em; }
    .empty-title { color: var(--_text); font-weight: 600; }

    .skeleton { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
    .sk-card { background: var(--_surface); border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 2px); padding: 10px 12px; min-width: 0; }
    .sk-line { height: 12px; margin: 6px 0; border-radius: 4px; background: var(--_border); animation: pulse 1.4s ease-in-out infinite; }
    .sk-line.short { width: 40%; }
    .sk-line.wide { grid-column: 1 / -1; height: 16px; }
    @keyframes pulse { 50% { opacity: 0.45; } }
    @media (prefers-reduced-motion: reduce) {
      .spinner { animation-duration: 2.4s; }
      .sk-line { animation: none; }
    }

    @container vm-detail (min-width: 640px) {
      .header { padding: 14px 18px; }
      .identity { flex: 0 1 auto; }
      .actions { flex: 0 1 auto; margin-left: auto; justify-content: flex-end; }
      .panel { padding: 18px; }
      .tabs { padding: 0 14px; }
    }
    @container vm-detail (max-width: 420px) {
      .action { padding: 4px 9px; }
    }
  `,
];
