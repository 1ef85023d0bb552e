/**
 * What an element hands the modules it loads after its first paint (`deferred-texts.ts`,
 * `deferred-confirm.ts`, vm-detail's `overview.ts`). Types only: those modules import this, never
 * `deferred-parts.ts`, which imports them, so no import goes round in a circle.
 */
import type { VmAction } from '../protocol/types.js';
import type { html, nothing } from 'lit';
import type { activeLocale, msg, str } from './msg.js';

/**
 * What the deferred modules use from modules the first paint has loaded already. They get it from
 * the element instead of importing it, so the bundler keeps that shared code in as few files as
 * before the split (each extra file costs gzip context). The number formatters are not in it: no
 * first paint of vm-detail needs them, so the modules that do (overview.ts, uptime-ticker.ts)
 * import metrics/format.ts themselves (it was 0.5 KB gzip of vm-detail's first paint).
 */
export interface Kit {
  html: typeof html;
  nothing: typeof nothing;
  label: Readonly<Record<VmAction, string>>;
  progress: Readonly<Record<VmAction, string>>;
  /** The words, in the locale of the element rendering them (internal/localize.ts). */
  msg: typeof msg;
  str: typeof str;
  /** That locale, for Intl. */
  locale: typeof activeLocale;
}
