/**
 * The static rules xterm.js's DOM needs, written for this element's shadow root (a page's global
 * `xterm.css` cannot reach into it, and bundlers differ in how they import CSS). xterm injects its
 * dynamic rules (colours, cell size, the scrollbar slider) itself, inside the terminal element.
 *
 * Covered: the root and focus, the hidden input textarea and IME composition view, the viewport
 * and screen layers, the character measuring element, the scrollable element and its scrollbar
 * (xterm 6), decorations (search highlights), the screen-reader tree and live region, and the
 * text attributes xterm maps to classes (underline styles, overline, strikethrough, dim).
 */
import { css } from 'lit';

export const xtermStyles = css`
  .xterm {
    position: relative;
    cursor: text;
    user-select: none;
    -webkit-user-select: none;
  }
  .xterm.focus,
  .xterm:focus {
    outline: none;
  }
  .xterm.enable-mouse-events {
    cursor: default;
  }
  .xterm.xterm-cursor-pointer,
  .xterm .xterm-cursor-pointer {
    cursor: pointer;
  }
  .xterm.column-select.focus {
    cursor: crosshair;
  }

  /* Input: a transparent textarea kept off-screen but focusable; IMEs anchor on it. */
  .xterm .xterm-helpers {
    position: absolute;
    top: 0;
    z-index: 5;
  }
  .xterm .xterm-helper-textarea {
    position: absolute;
    left: -9999em;
    top: 0;
    width: 0;
    height: 0;
    margin: 0;
    padding: 0;
    border: 0;
    opacity: 0;
    z-index: -5;
    overflow: hidden;
    white-space: nowrap;
    resize: none;
  }
  .xterm .composition-view {
    position: absolute;
    display: none;
    z-index: 1;
    white-space: nowrap;
    background: #000;
    color: #fff;
  }
  .xterm .composition-view.active {
    display: block;
  }

  /* Layers: the viewport fills the terminal; the screen holds the rows. */
  .xterm .xterm-viewport {
    position: absolute;
    inset: 0;
    overflow-y: scroll;
    cursor: default;
    background-color: transparent;
  }
  .xterm .xterm-screen {
    position: relative;
  }
  .xterm .xterm-screen canvas {
    position: absolute;
    left: 0;
    top: 0;
  }
  .xterm-char-measure-element {
    position: absolute;
    top: 0;
    left: -9999em;
    display: inline-block;
    visibility: hidden;
    line-height: normal;
  }

  /* xterm 6's scrollable element and scrollbar. */
  .xterm .xterm-scrollable-element > .scrollbar {
    cursor: default;
  }
  .xterm .xterm-scrollable-element > .visible {
    opacity: 1;
    background: rgba(0, 0, 0, 0);
    transition: opacity 100ms linear;
    z-index: 11;
  }
  .xterm .xterm-scrollable-element > .invisible {
    opacity: 0;
    pointer-events: none;
  }
  .xterm .xterm-scrollable-element > .invisible.fade {
    transition: opacity 800ms linear;
  }
  .xterm .xterm-scrollable-element > .shadow {
    position: absolute;
    display: none;
  }

  /* Decorations (search matches) above the text, the overview ruler at the right edge. */
  .xterm-screen .xterm-decoration-container .xterm-decoration {
    position: absolute;
    z-index: 6;
  }
  .xterm-screen .xterm-decoration-container .xterm-decoration.xterm-decoration-top-layer {
    z-index: 7;
  }
  .xterm-decoration-overview-ruler {
    position: absolute;
    top: 0;
    right: 0;
    z-index: 8;
    pointer-events: none;
  }
  .xterm-decoration-top {
    position: relative;
    z-index: 2;
  }

  /* Screen reader mode: an invisible text tree over the screen, and a live region off-screen. */
  .xterm .xterm-accessibility:not(.debug),
  .xterm .xterm-message {
    position: absolute;
    inset: 0;
    z-index: 10;
    color: transparent;
    pointer-events: none;
  }
  .xterm .xterm-accessibility-tree {
    font-family: monospace;
    white-space: pre;
    user-select: text;
  }
  .xterm .xterm-accessibility-tree:not(.debug) *::selection {
    color: transparent;
  }
  .xterm .xterm-accessibility-tree > div {
    width: fit-content;
    transform-origin: left;
  }
  .xterm .live-region {
    position: absolute;
    left: -9999px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }

  /* Text attributes. */
  .xterm-dim {
    opacity: 1 !important;
  }
  .xterm-underline-1 {
    text-decoration: underline;
  }
  .xterm-underline-2 {
    text-decoration: double underline;
  }
  .xterm-underline-3 {
    text-decoration: wavy underline;
  }
  .xterm-underline-4 {
    text-decoration: dotted underline;
  }
  .xterm-underline-5 {
    text-decoration: dashed underline;
  }
  .xterm-overline {
    text-decoration: overline;
  }
  .xterm-overline.xterm-underline-1 {
    text-decoration: overline underline;
  }
  .xterm-strikethrough {
    text-decoration: line-through;
  }
`;
