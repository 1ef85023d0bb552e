/** The colours and font the charts draw with, read from the element's resolved custom properties. */
import { SPECS } from './series-specs.js';

export interface Theme {
  colours: Record<string, string>;
  fills: Record<string, string>;
  grid: string;
  text: string;
  muted: string;
  surface: string;
  border: string;
  font: string;
}

let colourProbe: CanvasRenderingContext2D | null = null;
/** Any CSS colour → the same colour at `alpha`, via the canvas's own colour parser. */
export function withAlpha(colour: string, alpha: number): string {
  colourProbe ??= document.createElement('canvas').getContext('2d');
  if (!colourProbe) return colour;
  colourProbe.fillStyle = '#000';
  colourProbe.fillStyle = colour;
  const c = String(colourProbe.fillStyle);
  const hex = /^#([0-9a-f]{6})$/i.exec(c);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  const rgba = /^rgba?\(([^,]+),([^,]+),([^,)]+)/.exec(c);
  return rgba ? `rgba(${rgba[1]},${rgba[2]},${rgba[3]}, ${alpha})` : colour;
}

/** Reads the theme from `el`'s computed style (each line's colour, a fill of it, grid, text, font). */
export function readTheme(el: Element): Theme {
  const cs = getComputedStyle(el);
  const read = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const colours: Record<string, string> = {};
  const fills: Record<string, string> = {};
  for (const spec of Object.values(SPECS)) {
    for (const v of spec.colourVars) {
      colours[v] = read(v, '#2563eb');
      fills[v] = withAlpha(colours[v], 0.12);
    }
  }
  return {
    colours,
    fills,
    grid: read('--_m-grid', 'rgba(127,127,127,0.15)'),
    text: read('--_text', '#1b1f24'),
    muted: read('--_muted', '#5b6470'),
    surface: read('--_bg', '#ffffff'),
    border: read('--_border', '#d9dde3'),
    font: read('--_font', 'system-ui, sans-serif'),
  };
}
