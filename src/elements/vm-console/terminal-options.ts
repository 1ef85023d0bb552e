/**
 * The terminal's numeric options, as the element's properties ask for them and as xterm may take
 * them: font size within 8–32 px, scrollback and the pending-output bound within sane limits.
 */
import { DEFAULT_TERMINAL } from './terminal-theme.js';

/**
 * A LibGo server cannot be slowed down (it drops a client whose 256-message queue overflows), so a
 * flood must be absorbed here while xterm catches up: a 20 MB flood arriving at twice xterm's parse
 * speed leaves about 11 MB waiting. 16 MiB covers that; beyond it the oldest output is dropped.
 */
export const DEFAULT_MAX_PENDING_BYTES = 16 * 1024 * 1024;
/** Pastes bigger than this show their progress in the status strip. */
export const PASTE_PROGRESS_CHARS = 16 * 1024;
export const MIN_FONT_SIZE = 8;
export const MAX_FONT_SIZE = 32;

const clampFont = (size: number) => Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, size));

/** The font size in use: the property, else the CSS custom property, else the default; clamped. */
export function effectiveFontSize(property: number | undefined, fromCss: number | null): number {
  const size = property ?? fromCss ?? DEFAULT_TERMINAL.fontSize;
  return Number.isFinite(size) ? clampFont(size) : DEFAULT_TERMINAL.fontSize;
}

/** The size A-/A+ set: one step from the current one, within the limits. */
export function steppedFontSize(current: number, delta: number): number {
  return clampFont(current + delta);
}

export function validScrollback(value: unknown): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 1_000_000) : 5000;
}

export function validMaxPending(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n >= 1024 ? n : DEFAULT_MAX_PENDING_BYTES;
}
