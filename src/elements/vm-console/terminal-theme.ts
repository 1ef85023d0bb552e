/**
 * The terminal palette and font, read from `--vm-console-*` custom properties on the host with
 * `getComputedStyle` (xterm draws with inline styles, so CSS variables cannot reach it directly).
 * The defaults are a dark palette in both themes: consoles are usually dark, and boot logs
 * written for a black screen stay legible.
 */
import type { ITheme } from '@xterm/xterm';

export const ANSI_NAMES = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'bright-black',
  'bright-red',
  'bright-green',
  'bright-yellow',
  'bright-blue',
  'bright-magenta',
  'bright-cyan',
  'bright-white',
] as const;

/** xterm's theme keys for the same colours: `bright-black` → `brightBlack`. */
const ANSI_KEYS = ANSI_NAMES.map((name) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())) as (keyof Omit<ITheme, 'extendedAnsi'>)[];

const DEFAULT_ANSI = [
  '#1c2128',
  '#f47067',
  '#57ab5a',
  '#c69026',
  '#539bf5',
  '#b083f0',
  '#39c5cf',
  '#adbac7',
  // Bright black is the dim text of many tools: #636e7b was 3.6:1 on the background.
  '#8b949e',
  '#ff938a',
  '#6bc46d',
  '#daaa3f',
  '#6cb6ff',
  '#dcbdfb',
  '#56d4dd',
  '#cdd9e5',
];

export const DEFAULT_TERMINAL = {
  background: '#0f1419',
  foreground: '#d6dde6',
  cursor: '#7cc4fa',
  selection: 'rgba(124, 196, 250, 0.32)',
  fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Cascadia Mono', Menlo, Consolas, monospace",
  fontSize: 14,
};

export interface TerminalLook {
  theme: ITheme;
  fontFamily: string;
  /** From `--vm-console-font-size`, in px; null when unset or not a length in px. */
  fontSize: number | null;
}

export function readTerminalLook(host: Element): TerminalLook {
  const style = getComputedStyle(host);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const background = read('--vm-console-background', DEFAULT_TERMINAL.background);
  const theme: ITheme = {
    background,
    foreground: read('--vm-console-foreground', DEFAULT_TERMINAL.foreground),
    cursor: read('--vm-console-cursor', DEFAULT_TERMINAL.cursor),
    cursorAccent: background,
    selectionBackground: read('--vm-console-selection', DEFAULT_TERMINAL.selection),
  };
  ANSI_KEYS.forEach((key, i) => {
    theme[key] = read(`--vm-console-${ANSI_NAMES[i]}`, DEFAULT_ANSI[i]!);
  });
  const sizeText = style.getPropertyValue('--vm-console-font-size').trim();
  const size = /^\d+(\.\d+)?(px)?$/.test(sizeText) ? parseFloat(sizeText) : NaN;
  return {
    theme,
    fontFamily: read('--vm-console-font-family', DEFAULT_TERMINAL.fontFamily),
    fontSize: Number.isFinite(size) && size > 0 ? size : null,
  };
}
