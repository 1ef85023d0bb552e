/**
 * The buttons and state messages of a fleet view (internal/fleet-messages.ts: loading, empty, why
 * the list could not be loaded), shared by `<vm-list>` and `<vm-grid>`. Reads the theme's tokens.
 */
import { css } from 'lit';

export const fleetMessageStyles = css`
    .action, .btn { display: inline-flex; align-items: center; gap: 6px; font: inherit; font-size: 0.88em; min-height: 28px; padding: 2px 10px; border-radius: calc(var(--_radius) - 2px); border: 1px solid var(--_border); background: var(--_surface); color: var(--_text); cursor: pointer; white-space: nowrap; }
    .action:hover:not([aria-disabled='true']), .btn:hover { border-color: var(--_accent); }
    .spinner { display: inline-block; width: 12px; height: 12px; border-radius: 50%; border: 2px solid; border-right-color: transparent; animation: spin 0.8s linear infinite; }
    @keyframes spin { to { transform: rotate(360deg); } }
    .message { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 8px; padding: 32px 16px; text-align: center; color: var(--_muted); flex: 1 1 auto; }
    .message strong { color: var(--_text); font-size: 1.05em; }
    .message[data-state='unreachable'] strong, .message[data-state='error'] strong, .message[data-state='forbidden'] strong, .message[data-state='unauthorized'] strong { color: var(--_danger); }
    .message.stale { flex: none; flex-direction: row; flex-wrap: wrap; padding: 8px 12px; text-align: start; color: var(--_text); background: color-mix(in srgb, var(--_warn) 12%, var(--_bg)); border-bottom: 1px solid var(--_border); }
    .message.loading { justify-content: flex-start; }
    .skeleton { display: flex; flex-direction: column; gap: 10px; width: 100%; margin-top: 8px; }
    .bone { height: 28px; border-radius: 6px; background: linear-gradient(90deg, var(--_surface), color-mix(in srgb, var(--_border) 60%, var(--_surface)), var(--_surface)); background-size: 200% 100%; animation: shimmer 1.4s ease-in-out infinite; }
    @keyframes shimmer { to { background-position: -200% 0; } }
    @media (prefers-reduced-motion: reduce) { .bone, .spinner { animation: none; } }
`;
