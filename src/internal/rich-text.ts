/**
 * Markup inside a translated sentence, without a Lit template in the translation: the message puts
 * a marker (`RICH[0]`, `RICH[1]`, …) where a part goes, as a str`` value, so translators move it
 * like any placeholder, and `richText` swaps each marker for its part. A translation module that
 * imported Lit's `html` would share a chunk with the first paint and make it larger.
 */
import { html, type TemplateResult } from 'lit';

/** Markers: control characters no message text contains. */
export const RICH = ['\u0001', '\u0002', '\u0003', '\u0004'] as const;

/** `text` with `RICH[i]` replaced by `parts[i]`. */
export function richText(text: string, parts: readonly unknown[]): TemplateResult {
  const pieces = text.split(/([\u0001-\u0004])/);
  return html`${pieces.map((p, i) => (i % 2 === 1 ? parts[p.charCodeAt(0) - 1] : p))}`;
}
