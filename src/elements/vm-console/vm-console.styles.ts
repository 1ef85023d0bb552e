import { css } from 'lit';

export const consoleStyles = css`
  /* The host's height is the console's size; its display is the host page's to choose (block,
     inline-block, flex, grid all work): the layout lives in .frame. */
  :host {
    --_term-bg: var(--vm-console-background, #0f1419);
    --_term-fg: var(--vm-console-foreground, #d6dde6);
    display: block;
    position: relative;
    box-sizing: border-box;
    height: 26rem;
    min-height: 10rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    overflow: hidden;
  }
  :host([data-fullscreen='fallback']) {
    position: fixed;
    inset: 0;
    z-index: 2147483000;
    height: auto;
    border-radius: 0;
    border: 0;
  }
  :host(:fullscreen) {
    height: 100%;
    border-radius: 0;
    border: 0;
  }
  .frame {
    display: flex;
    flex-direction: column;
    height: 100%;
    /* display: inline ignores the host's height: the console keeps a usable minimum. */
    min-height: 10rem;
    width: 100%;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* ---- toolbar ---- */
  .toolbar {
    display: flex;
    align-items: center;
    gap: 4px;
    min-height: 40px;
    padding: 4px 6px 4px 10px;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    flex-wrap: wrap;
  }
  .title {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
    margin-right: auto;
  }
  .vm-name {
    font-weight: 600;
    font-size: 13px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 16rem;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 2px 10px 2px 8px;
    border-radius: 999px;
    font-size: 12px;
    line-height: 18px;
    white-space: nowrap;
    color: var(--_muted);
    background: color-mix(in srgb, currentColor 12%, transparent);
    border: 1px solid color-mix(in srgb, currentColor 25%, transparent);
  }
  .pill .label {
    color: var(--_text);
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
    flex: none;
  }
  .pill[data-tone='ok'] {
    color: var(--_ok);
  }
  .pill[data-tone='warn'] {
    color: var(--_warn);
  }
  .pill[data-tone='danger'] {
    color: var(--_danger);
  }
  .pill[data-tone='info'] {
    color: var(--_info);
  }
  .pill[data-tone='busy'] .dot {
    animation: pulse 1.2s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pill[data-tone='busy'] .dot {
      animation: none;
    }
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: 12px;
    color: var(--_muted);
    white-space: nowrap;
  }
  .tools {
    display: flex;
    align-items: center;
    gap: 2px;
    /* A narrow console wraps its tools instead of cutting off the last ones. */
    flex-wrap: wrap;
    min-width: 0;
  }
  .sep {
    width: 1px;
    height: 18px;
    margin: 0 4px;
    background: var(--_border);
  }
  button {
    font: inherit;
    color: inherit;
  }
  .icon-btn {
    display: inline-grid;
    place-items: center;
    width: 30px;
    height: 30px;
    padding: 0;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .icon-btn:hover:not(:disabled),
  .icon-btn[aria-expanded='true'],
  .icon-btn[aria-pressed='true'] {
    background: color-mix(in srgb, var(--_text) 9%, transparent);
    color: var(--_text);
  }
  .icon-btn:disabled {
    opacity: 0.38;
    cursor: default;
  }
  .font-size {
    min-width: 2.2em;
    text-align: center;
    font-size: 12px;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .text-btn {
    padding: 4px 12px;
    border-radius: 6px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
    font-size: 13px;
  }
  .text-btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .text-btn:hover {
    filter: brightness(1.08);
  }

  /* ---- search row ---- */
  .search {
    display: flex;
    align-items: center;
    gap: 4px;
    padding: 4px 6px 4px 10px;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .search input {
    flex: 1;
    min-width: 6rem;
    max-width: 24rem;
    height: 28px;
    padding: 0 8px;
    font: inherit;
    font-size: 13px;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  .search .count {
    min-width: 5.5em;
    font-size: 12px;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  /* ---- key menu ---- */
  .menu-anchor {
    position: relative;
  }
  .menu {
    position: absolute;
    top: calc(100% + 4px);
    right: 0;
    z-index: 20;
    display: grid;
    grid-template-columns: repeat(3, minmax(6.5rem, 1fr));
    gap: 2px;
    width: max-content;
    max-height: min(22rem, 70vh);
    overflow: auto;
    padding: 6px;
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.22);
  }
  .menu [role='menuitem'] {
    padding: 6px 10px;
    border: 0;
    border-radius: 5px;
    background: transparent;
    text-align: left;
    font-size: 13px;
    font-family: var(--_mono);
    cursor: pointer;
    white-space: nowrap;
  }
  .menu [role='menuitem']:hover,
  .menu [role='menuitem']:focus {
    background: color-mix(in srgb, var(--_accent) 16%, transparent);
  }
  .menu .wide {
    grid-column: 1 / -1;
  }

  /* ---- status strip ---- */
  .notice {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 8px 6px 12px;
    font-size: 13px;
    color: var(--_text);
    border-bottom: 1px solid var(--_border);
    background: color-mix(in srgb, var(--_info) 14%, var(--_bg));
    border-left: 3px solid var(--_info);
  }
  .notice[data-tone='warn'] {
    background: color-mix(in srgb, var(--_warn) 14%, var(--_bg));
    border-left-color: var(--_warn);
  }
  .notice[data-tone='danger'] {
    background: color-mix(in srgb, var(--_danger) 14%, var(--_bg));
    border-left-color: var(--_danger);
  }
  .notice .text {
    flex: 1;
  }
  .notice .icon-btn {
    width: 24px;
    height: 24px;
  }

  /* ---- terminal ---- */
  .body {
    position: relative;
    flex: 1;
    min-height: 0;
    background: var(--_term-bg);
  }
  .term {
    position: absolute;
    inset: 0;
    overflow: hidden;
    /* A guest's output is a grid of cells from the left, in any page direction. */
    direction: ltr;
    unicode-bidi: isolate;
  }
  .term .xterm {
    height: 100%;
    padding: 6px 0 4px 10px;
  }
  .quiet-hint {
    position: absolute;
    left: 12px;
    right: 12px;
    bottom: 12px;
    padding: 8px 10px;
    border-radius: 6px;
    background: color-mix(in srgb, var(--_term-fg) 10%, transparent);
    color: var(--_term-fg);
    font-size: 0.85em;
    pointer-events: none;
  }
  .exit-hint {
    position: absolute;
    top: 8px;
    right: 22px;
    z-index: 10;
    padding: 3px 8px;
    border-radius: 6px;
    background: color-mix(in srgb, var(--_term-fg) 16%, var(--_term-bg));
    color: var(--_term-fg);
    font-size: 12px;
    pointer-events: none;
  }
  .exit-hint[hidden] {
    display: none;
  }
  .exit-hint kbd {
    font-family: var(--_mono);
    font-size: 11px;
    padding: 0 4px;
    border: 1px solid color-mix(in srgb, var(--_term-fg) 40%, transparent);
    border-radius: 3px;
  }
  .loading {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: var(--_term-fg);
    opacity: 0.7;
    font-size: 13px;
  }
  .overlay {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 1rem;
    background: color-mix(in srgb, var(--_term-bg) 88%, transparent);
    z-index: 12;
  }
  .card {
    max-width: 30rem;
    padding: 1rem 1.25rem;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    box-shadow: 0 8px 28px rgb(0 0 0 / 0.35);
  }
  .card h2 {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 0 0 0.4rem;
    font-size: 15px;
  }
  .card p {
    margin: 0.3rem 0;
    color: var(--_muted);
    font-size: 13px;
    line-height: 1.45;
  }
  .card .actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    margin-top: 0.8rem;
  }
  .card pre {
    max-height: 7.5rem;
    overflow: auto;
    margin: 0.5rem 0;
    padding: 6px 8px;
    font-family: var(--_mono);
    font-size: 12px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    white-space: pre;
    color: var(--_text);
  }
  .link-dialog h2 {
    display: block;
    overflow-wrap: anywhere;
  }
  .link-url {
    max-height: 9rem;
    overflow: auto;
    margin: 0.5rem 0;
    padding: 6px 8px;
    font-family: var(--_mono);
    font-size: 12px;
    line-height: 1.4;
    color: var(--_text) !important;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    overflow-wrap: anywhere;
    user-select: all;
  }
  .jump {
    position: absolute;
    right: 22px;
    bottom: 12px;
    z-index: 11;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 5px 12px 5px 10px;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 12px;
    font-weight: 600;
    cursor: pointer;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.35);
  }
`;
