/**
 * The translating half of the elements' words (msg.ts is the half every first paint carries): the
 * registered locales, loading them, matching a `lang` to one, and looking a message up. An element
 * loads this module (by import()) only when its page wants a locale other than English; a page
 * that imports `libgo-vm-elements/localize` has it from the start.
 *
 * The words are written with @lit/localize's `msg` and `str` (so `lit-localize extract` finds them
 * and its runtime locale modules hold the translations), looked up here rather than through
 * `configureLocalization`.
 *
 * Why not @lit/localize's own runtime: it is configured once per page and holds one active locale.
 * A portal that localizes itself with @lit/localize would then either lose its configuration to
 * ours or throw ("can only be configured once"), and two elements under different `lang`
 * attributes could not speak differently. So the library keeps its own table per locale and the
 * element being rendered says which one applies (`renderIn`).
 */
import type { LocaleModule, StrResult, TemplateLike } from '@lit/localize';
import type { TemplateResult } from 'lit';
import type { Translator } from './msg.js';

/** The language the elements are written in; it needs no module. (msg.ts says the same: see `translator`.) */
export const SOURCE_LOCALE = 'en';

type Loader = () => Promise<LocaleModule>;

const loaders = new Map<string, Loader>();
const modules = new Map<string, LocaleModule>();
const loading = new Map<string, Promise<LocaleModule | undefined>>();
const warned = new Set<string>();
let pageLocale: string | null = null;
let notify = (): void => {};

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

/** A translation of `template`: its values, put where the translation shows them (msg makes a str`` text). */
function translate(localized: unknown, template: TemplateLike): TemplateLike {
  if (typeof localized === 'string') return localized;
  // A translated str`` or template holds, in place of each expression, the index of the source
  // value it shows: translators may reorder them.
  const t = localized as StrResult | TemplateResult;
  const values = typeof template === 'object' && isStr(template) === isStr(t) ? template.values : [];
  return { ...t, values: (t.values as number[]).map((i) => values[i]) } as TemplateLike;
}

function isStr(t: TemplateLike): t is StrResult {
  return typeof t === 'object' && t !== null && 'strTag' in t;
}

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0]!;
  } catch {
    throw new RangeError(`"${tag}" is not a language tag (BCP 47, e.g. "de" or "pt-BR").`);
  }
}

/** Sets `target.wanted` and shows `target` in that locale once its words are loaded (English if they cannot be). */
function follow(target: { wanted: string; show(locale: string): void }, wanted: string): void {
  target.wanted = wanted;
  if (isLoaded(wanted)) return target.show(wanted);
  void loadLocale(wanted).then(() => {
    // Another change may have come while the words loaded; only the latest wish counts.
    if (target.wanted === wanted) target.show(isLoaded(wanted) ? wanted : SOURCE_LOCALE);
  });
}

/**
 * What msg.ts needs of this half, installed there (`install`) by whoever loads it: this module
 * imports nothing of msg.ts, so that a lazy chunk and the first paint share no module.
 */
export const translator: Translator = {
  words: (locale) => modules.get(locale),
  translate,
  getPageLocale,
  matchLocale,
  follow,
  listen: (changed) => {
    notify = changed;
  },
};
