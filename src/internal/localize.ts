/**
 * The elements' words in the reader's language, written with @lit/localize's `msg` and `str` (so
 * `lit-localize extract` finds them and its runtime locale modules hold the translations), looked
 * up here rather than through `configureLocalization`.
 *
 * Why not @lit/localize's own runtime: it is configured once per page and holds one active locale.
 * A portal that localizes itself with @lit/localize would then either lose its configuration to
 * ours or throw ("can only be configured once"), and two elements under different `lang`
 * attributes could not speak differently. So the library keeps its own table per locale and the
 * element being rendered says which one applies (`renderIn`).
 *
 * Every message has an explicit id (`msg('Connected', { id: 'status.connected' })`): an English
 * wording can then be improved without orphaning its translations.
 */
import type { LocaleModule, MsgOptions, StrResult, TemplateLike } from '@lit/localize';
import type { MsgFn } from '@lit/localize/internal/types.js';
import type { TemplateResult } from 'lit';

// The tag alone: @lit/localize's index brings its whole runtime (about 0.6 KB gzip) into every first paint.
export { str } from '@lit/localize/internal/str-tag.js';

/** The language the elements are written in; it needs no module. */
export const SOURCE_LOCALE = 'en';

type Loader = () => Promise<LocaleModule>;

const loaders = new Map<string, Loader>();
const modules = new Map<string, LocaleModule>();
const loading = new Map<string, Promise<LocaleModule | undefined>>();
const listeners = new Set<() => void>();
const warned = new Set<string>();
let pageLocale: string | null = null;
let current: LocaleModule | undefined;
let currentTag: string = SOURCE_LOCALE;

/**
 * Makes a locale available. The loader runs the first time an element needs that locale, so a page
 * in English downloads no translation. A locale registered again replaces the earlier loader (a
 * portal may ship its own wording of a shipped locale).
 */
export function registerLocale(locale: string, load: Loader): void {
  const tag = canonical(locale);
  loaders.set(tag, load);
  modules.delete(tag);
  loading.delete(tag);
  notify();
}

// The translations the package ships, each loaded the first time an element needs it. The
// pseudo-locale en-XA is built too but registered only by tests.
registerLocale('de', () => import('../locales/de.js'));

/** The locales an element can be shown in: the source locale and every registered one. */
export function availableLocales(): string[] {
  return [SOURCE_LOCALE, ...loaders.keys()];
}

/**
 * Sets the locale of every element on the page, whatever `lang` says; `null` makes them follow
 * the nearest `lang` attribute again. Resolves once the locale's words are loaded (and the
 * elements re-rendered in it); rejects, keeping the previous locale, if it cannot be loaded.
 */
export async function setLocale(locale: string | null): Promise<void> {
  const tag = locale === null ? null : canonical(locale);
  if (tag !== null && tag !== SOURCE_LOCALE && !loaders.has(tag)) {
    throw new RangeError(`No locale "${locale}" is registered (available: ${availableLocales().join(', ')}).`);
  }
  if (tag !== null) await loadLocale(tag, true);
  pageLocale = tag;
  notify();
}

/** The locale `setLocale` set, or `null` while elements follow `lang`. */
export function getPageLocale(): string | null {
  return pageLocale;
}

/**
 * The registered locale that best serves a BCP 47 tag: the tag itself, else its language alone
 * (`de-CH` → `de`), else the source locale.
 */
export function matchLocale(tag: string | null | undefined): string {
  if (!tag) return SOURCE_LOCALE;
  let full: string;
  try {
    full = canonical(tag);
  } catch {
    return SOURCE_LOCALE; // a malformed lang attribute of the page reads as no language
  }
  if (full === SOURCE_LOCALE || loaders.has(full)) return full;
  const language = full.split('-')[0]!;
  return loaders.has(language) ? language : SOURCE_LOCALE;
}

/** True once `locale`'s words can be used synchronously (the source locale always can). */
export function isLoaded(locale: string): boolean {
  return locale === SOURCE_LOCALE || modules.has(locale);
}

/**
 * Loads a registered locale's words once per page. A failed load resolves to `undefined` (the
 * elements stay in English, the reason goes to the console once) and is retried on the next call;
 * with `strict` it rejects instead.
 */
export function loadLocale(locale: string, strict = false): Promise<LocaleModule | undefined> {
  if (locale === SOURCE_LOCALE) return Promise.resolve(undefined);
  const done = modules.get(locale);
  if (done) return Promise.resolve(done);
  const load = loaders.get(locale);
  if (!load) return Promise.resolve(undefined);
  let p = loading.get(locale);
  if (!p) {
    p = load().then(
      (m) => {
        if (!m || typeof m.templates !== 'object' || m.templates === null) {
          throw new TypeError(`The module of locale "${locale}" has no "templates" object.`);
        }
        modules.set(locale, m);
        return m;
      },
      (e: unknown) => {
        throw e instanceof Error ? e : new Error(String(e));
      },
    );
    loading.set(locale, p);
    p.catch((e: unknown) => {
      loading.delete(locale);
      if (warned.has(locale)) return;
      warned.add(locale);
      console.warn(`libgo-vm-elements: the words of locale "${locale}" could not be loaded; showing English.`, e);
    });
  }
  return strict ? p : p.catch(() => undefined);
}

/** Called whenever the page locale or the registered locales change. */
export function onLocalesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
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
  current = locale === SOURCE_LOCALE ? undefined : modules.get(locale);
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

/**
 * `msg` of @lit/localize (same signature, so `lit-localize extract` finds every call), answered
 * from the locale of the element being rendered. A message the locale lacks stays in English.
 */
export const msg = ((template: TemplateLike, options?: MsgOptions): string | TemplateResult => {
  const id = options?.id;
  const localized = id === undefined ? undefined : current?.templates[id];
  if (localized === undefined) return source(template);
  if (typeof localized === 'string') return localized;
  if (isStr(localized)) {
    // A translated str`` holds, in place of each expression, the index of the source value it
    // shows: translators may reorder them.
    const values = isStr(template) ? template.values : [];
    return join(localized.strings, localized.values.map((i) => values[i as number]));
  }
  const values = typeof template === 'object' && !isStr(template) ? template.values : [];
  return { ...localized, values: (localized.values as number[]).map((i) => values[i]) };
}) as MsgFn;

function source(template: TemplateLike): string | TemplateResult {
  if (typeof template === 'string') return template;
  if (isStr(template)) return join(template.strings, template.values);
  return template;
}

function isStr(t: TemplateLike): t is StrResult {
  return typeof t === 'object' && t !== null && 'strTag' in t;
}

function join(strings: readonly string[], values: readonly unknown[]): string {
  let out = strings[0] ?? '';
  for (let i = 1; i < strings.length; i++) out += String(values[i - 1]) + strings[i];
  return out;
}

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0]!;
  } catch {
    throw new RangeError(`"${tag}" is not a language tag (BCP 47, e.g. "de" or "pt-BR").`);
  }
}

function notify(): void {
  for (const l of [...listeners]) l();
}
