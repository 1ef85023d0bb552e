/**
 * The elements' language: `libgo-vm-elements/localize`. Every element speaks the locale
 * `setLocale()` chose for the page, else the one of its nearest `lang` attribute (its own, an
 * ancestor's, across shadow roots, or `<html>`'s), and follows changes of either. German (`de`)
 * ships with the package and loads on first need; a portal adds a language with
 * `registerLocale()` (a module built by `npm run localize` from an XLIFF file).
 */
import { translator } from './internal/localize.js';
import { install } from './internal/msg.js';
import type { allLocales } from './locales/locale-codes.js';

export { availableLocales, getPageLocale, registerLocale, setLocale, SOURCE_LOCALE } from './internal/localize.js';
export type { LocaleModule } from '@lit/localize';

// A page that sets or registers locales has the translating half from the start: the elements
// follow `setLocale()` without loading it first.
install(translator);

/** The locales the package ships: English (the source) and German. */
export type ShippedLocale = Exclude<(typeof allLocales)[number], 'en-XA'>;
