/**
 * The locale an element speaks: the one `setLocale()` chose for the page, else the nearest `lang`
 * attribute (the element's own, an ancestor's across shadow roots, or `<html>`'s). It follows
 * changes of either, loads the locale's words on first need, and renders the element in them.
 * Numbers, bytes and times are formatted with `locale` (Intl).
 *
 * An English page never loads the translating half (internal/localize.ts): only a `lang` that is
 * not English asks for it, and the element shows English until it and the locale's words arrive.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { enterLocale, loadedTranslator, onLocalesChanged, renderIn, SOURCE_LOCALE } from '../internal/msg.js';

type Host = ReactiveControllerHost & HTMLElement;

export class LocaleController implements ReactiveController {
  /** The locale the element is shown in now (its words are loaded). */
  locale: string = SOURCE_LOCALE;
  /** The locale the element should be shown in; differs from `locale` while its words load. */
  wanted: string = SOURCE_LOCALE;
  /**
   * The tag numbers and times are formatted in (Intl): `setLocale()`'s, else the nearest `lang`
   * itself (`en-GB` keeps its 24-hour clock though its words are `en`'s), else undefined: the
   * browser's own.
   */
  formatLocale: string | undefined = undefined;
  private stopListening: (() => void) | null = null;
  private leave: (() => void) | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopListening = onLocalesChanged(() => this.resolve());
    langWatch.add(this);
    for (const root of rootsAbove(this.host)) langWatch.observe(root);
    this.resolve();
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = null;
    langWatch.delete(this);
  }

  hostUpdate(): void {
    this.leave = enterLocale(this.locale);
  }

  hostUpdated(): void {
    this.leave?.();
    this.leave = null;
  }

  /** Runs `fn` in the element's locale: for words made outside a render (announcements, titles). */
  run<T>(fn: () => T): T {
    return renderIn(this.locale, fn);
  }

  /** Re-reads which locale applies; called when `lang` or the page locale may have changed. */
  resolve(): void {
    const lang = nearestLang(this.host);
    const translator = loadedTranslator();
    const page = translator?.getPageLocale() ?? null;
    const format = page ?? (lang !== null && isTag(lang) ? lang : undefined);
    if (format !== this.formatLocale) {
      this.formatLocale = format;
      this.host.requestUpdate();
    }
    if (!translator) {
      // Without the translating half, no locale is registered and none set page-wide: English it is.
      this.wanted = lang === null || /^en(-|$)/i.test(lang) ? SOURCE_LOCALE : lang;
      if (this.wanted !== SOURCE_LOCALE) void import('../internal/localize.js').then(() => this.resolve(), warn);
      this.show(SOURCE_LOCALE);
      return;
    }
    const wanted = page ?? translator.matchLocale(lang);
    this.wanted = wanted;
    if (translator.isLoaded(wanted)) {
      this.show(wanted);
      return;
    }
    void translator.loadLocale(wanted).then(() => {
      // Another change may have come while the words loaded; only the latest wish counts.
      if (this.wanted !== wanted) return;
      this.show(translator.isLoaded(wanted) ? wanted : SOURCE_LOCALE);
    });
  }

  private show(locale: string): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.host.requestUpdate();
  }
}

function warn(e: unknown): void {
  console.warn('libgo-vm-elements: the translations could not be loaded; showing English.', e);
}

function isTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length > 0;
  } catch {
    return false;
  }
}

/** The nearest `lang` attribute at or above `el`, crossing shadow roots; `null` if none says one. */
export function nearestLang(el: Element): string | null {
  let node: Element | null = el;
  while (node) {
    const lang = node.getAttribute('lang');
    // lang="" means "unknown language": nothing above it applies either.
    if (lang !== null) return lang === '' ? null : lang;
    node = node.parentElement ?? hostOf(node);
  }
  return null;
}

function hostOf(node: Element): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function rootsAbove(el: Element): Node[] {
  const roots: Node[] = [];
  let node: Element | null = el;
  while (node) {
    const root = node.getRootNode();
    roots.push(root instanceof ShadowRoot ? root : (node.ownerDocument.documentElement ?? root));
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return roots;
}

/**
 * One observer for the whole page: a `lang` change anywhere above an element (the document, or a
 * shadow root on its way up) makes every connected element re-read its locale. `lang` changes are
 * rare, and a re-read is a walk up the tree.
 */
const langWatch = new (class {
  private readonly controllers = new Set<LocaleController>();
  private readonly watched = new WeakSet<Node>();
  private observer: MutationObserver | null = null;

  add(c: LocaleController): void {
    this.controllers.add(c);
  }

  delete(c: LocaleController): void {
    this.controllers.delete(c);
  }

  observe(root: Node): void {
    if (this.watched.has(root)) return;
    this.watched.add(root);
    this.observer ??= new MutationObserver(() => {
      for (const c of [...this.controllers]) c.resolve();
    });
    this.observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
})();
