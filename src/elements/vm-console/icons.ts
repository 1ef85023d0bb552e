/** Inline 16×16 stroke icons for the console toolbar (drawn for this library). */
import { svg, type SVGTemplateResult } from 'lit';

const icon = (body: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const icons = {
  reconnect: icon(svg`<path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9"/><path d="M13.5 2.5v3h-3"/>`),
  search: icon(svg`<circle cx="7" cy="7" r="4.25"/><path d="m10.2 10.2 3.3 3.3"/>`),
  copy: icon(svg`<rect x="5.5" y="5.5" width="8" height="8" rx="1.5"/><path d="M3.5 10.5h-.5a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1h6.5a1 1 0 0 1 1 1v.5"/>`),
  clear: icon(svg`<path d="M3 4.5h10"/><path d="M6.5 4.5V3h3v1.5"/><path d="M4.5 4.5l.6 8.5h5.8l.6-8.5"/>`),
  download: icon(svg`<path d="M8 2.5v8"/><path d="m4.75 7.5 3.25 3.25 3.25-3.25"/><path d="M3 13.5h10"/>`),
  fontSmaller: icon(svg`<path d="M2 12.5 5 4l3 8.5"/><path d="M3 10h4"/><path d="M10.5 8.5h4"/>`),
  fontLarger: icon(svg`<path d="M2 12.5 5 4l3 8.5"/><path d="M3 10h4"/><path d="M10.5 8.5h4"/><path d="M12.5 6.5v4"/>`),
  keyboard: icon(svg`<rect x="1.5" y="4" width="13" height="8.5" rx="1.5"/><path d="M4 6.75h.01M6.5 6.75h.01M9 6.75h.01M11.5 6.75h.01M4.5 9.75h7"/>`),
  fullscreen: icon(svg`<path d="M2.5 6V2.5H6"/><path d="M10 2.5h3.5V6"/><path d="M13.5 10v3.5H10"/><path d="M6 13.5H2.5V10"/>`),
  exitFullscreen: icon(svg`<path d="M6 2.5V6H2.5"/><path d="M13.5 6H10V2.5"/><path d="M10 13.5V10h3.5"/><path d="M2.5 10H6v3.5"/>`),
  up: icon(svg`<path d="m4 10 4-4 4 4"/>`),
  down: icon(svg`<path d="m4 6 4 4 4-4"/>`),
  close: icon(svg`<path d="m4 4 8 8M12 4l-8 8"/>`),
  arrowDown: icon(svg`<path d="M8 3v10"/><path d="m4 9 4 4 4-4"/>`),
  lock: icon(svg`<rect x="3" y="7" width="10" height="7" rx="1.5"/><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"/>`),
};
