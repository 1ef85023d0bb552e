/**
 * What a first paint needs of the elements' words: `msg` and `str` (written as @lit/localize's, so
 * `lit-localize extract` finds every call), which answer in English until a translation is entered.
 * Everything that finds, loads and looks up a translation (localize.ts) loads only when a page
 * wants a locale other than English; it installs itself here when it does.
 *
 * Every message has an explicit id (`msg('Connected', { id: 'status.connected' })`): an English
 * wording can then be improved without orphaning its translations.
 */
import type { LocaleModule, MsgOptions, TemplateLike } from '@lit/localize';
import type { MsgFn } from '@lit/localize/internal/types.js';
import type { TemplateResult } from 'lit';

// The tag alone: @lit/localize's index brings its whole runtime (about 0.6 KB gzip) into every first paint.
export { str } from '@lit/localize/internal/str-tag.js';

/** The language the elements are written in; it needs no module. */
export const SOURCE_LOCALE = 'en';

/** The translating half (localize.ts), once loaded. */
export interface Translator {
  /** A loaded locale's words, or undefined. */
  words(locale: string): LocaleModule | undefined;
  /** A translation of `template`, its values put where the translation shows them. */
  translate(localized: unknown, template: TemplateLike): TemplateLike;
  getPageLocale(): string | null;
  matchLocale(tag: string | null | undefined): string;
  /** Sets `target.wanted` and shows `target` in that locale once its words are loaded. */
  follow(target: { wanted: string; show(locale: string): void }, wanted: string): void;
  /** Gives it the function to call when the page locale or the registered locales change. */
  listen(changed: () => void): void;
}

let translator: Translator | undefined;
let current: LocaleModule | undefined;
let currentTag: string = SOURCE_LOCALE;
const listeners = new Set<() => void>();

/**
 * Called with the translating half once it is loaded: by the LocaleController that asked for it,
 * or by `libgo-vm-elements/localize` (a page that sets or registers locales). The translating half
 * does not import this module: a module shared by the first paint and a lazy chunk would travel as
 * a chunk of its own, which costs the first paint more than its bytes.
 */
export function install(t: Translator): void {
  translator = t;
  t.listen(notify);
  notify();
}

/** The translating half if it is loaded (undefined on a page that has only needed English). */
export function loadedTranslator(): Translator | undefined {
  return translator;
}

/**
 * `msg` of @lit/localize (same signature), answered from the locale of the element being rendered.
 * A message the locale lacks stays in English.
 */
export const msg = ((template: TemplateLike, options?: MsgOptions): string | TemplateResult => {
  const localized = options?.id === undefined ? undefined : current?.templates[options.id];
  const t = localized === undefined ? template : translator!.translate(localized, template);
  return typeof t === 'object' && 'strTag' in t ? join(t.strings, t.values) : t;
}) as MsgFn;

/** A str`` as text, its values in place. */
function join(strings: readonly string[], values: readonly unknown[]): string {
  let out = strings[0] ?? '';
  for (let i = 1; i < strings.length; i++) out += String(values[i - 1]) + strings[i];
  return out;
}

/**
 * Runs `fn` with `locale`'s words: what an element renders, and what it announces outside a
 * render, comes out in the element's own locale. A locale not loaded yet speaks English.
 */
export function renderIn<T>(locale: string, fn: () => T): T {
  const leave = enterLocale(locale);
  try {
    return fn();
  } finally {
    leave();
  }
}

/** Enters a locale until `leave` is called: for a render that Lit runs between two callbacks. */
export function enterLocale(locale: string): () => void {
  const previous = current;
  const previousTag = currentTag;
  current = locale === SOURCE_LOCALE ? undefined : translator?.words(locale);
  currentTag = current ? locale : SOURCE_LOCALE;
  return () => {
    current = previous;
    currentTag = previousTag;
  };
}

/**
 * The locale the words being made now are in (the one entered, else the source locale): for
 * numbers and sizes inside a text, formatted by Intl to match its words.
 */
export function activeLocale(): string {
  return currentTag;
}

/** Called whenever the page locale or the registered locales change. */
export function onLocalesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const l of [...listeners]) l();
}
