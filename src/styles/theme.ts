/**
 * Design tokens shared by every element. Each element reads `--vm-*` custom properties, which
 * default to these values, so a host themes all widgets at once by setting the variables on any
 * ancestor (or `:root`). Dark follows `prefers-color-scheme` unless the host sets
 * `theme="light"` or `theme="dark"` on the element.
 */
import { css, type CSSResult } from 'lit';

/**
 * Rules that apply `declarations` in dark mode: under `prefers-color-scheme: dark` unless the host
 * sets `theme="light"`, and whenever it sets `theme="dark"`. Each dark palette is written once.
 */
export function whenDark(declarations: CSSResult): CSSResult {
  return css`
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        ${declarations}
      }
    }
    :host([theme='dark']) {
      ${declarations}
    }
  `;
}

/** The dark values of the shared tokens. */
const darkPalette = css`
  --_bg: var(--vm-color-bg, #111418);
  --_surface: var(--vm-color-surface, #1a1f26);
  --_border: var(--vm-color-border, #2f3742);
  --_text: var(--vm-color-text, #e6e9ee);
  --_muted: var(--vm-color-text-muted, #9aa4b1);
  --_accent: var(--vm-color-accent, #60a5fa);
  --_accent-text: var(--vm-color-accent-text, #0b1220);
  --_ok: var(--vm-color-success, #4ade80);
  --_warn: var(--vm-color-warning, #fbbf24);
  --_danger: var(--vm-color-danger, #f87171);
  --_info: var(--vm-color-info, #22d3ee);
  --_focus: var(--vm-color-focus, #93c5fd);
  color-scheme: dark;
`;

export const themeTokens = css`
  :host {
    --_bg: var(--vm-color-bg, #ffffff);
    --_surface: var(--vm-color-surface, #f6f7f9);
    --_border: var(--vm-color-border, #d9dde3);
    --_text: var(--vm-color-text, #1b1f24);
    --_muted: var(--vm-color-text-muted, #5b6470);
    --_accent: var(--vm-color-accent, #2563eb);
    --_accent-text: var(--vm-color-accent-text, #ffffff);
    --_ok: var(--vm-color-success, #15803d);
    --_warn: var(--vm-color-warning, #b45309);
    --_danger: var(--vm-color-danger, #b91c1c);
    --_info: var(--vm-color-info, #0e7490);
    --_focus: var(--vm-color-focus, #2563eb);
    --_radius: var(--vm-radius, 8px);
    --_font: var(--vm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_mono: var(--vm-font-mono, ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace);
    --_font-size: var(--vm-font-size, 14px);
    color-scheme: light;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
  ${whenDark(darkPalette)}
  :host([hidden]) {
    display: none !important;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
