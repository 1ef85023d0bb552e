/**
 * The locale an element speaks: the one `setLocale()` chose for the page, else the nearest `lang`
 * attribute (the element's own, an ancestor's across shadow roots, or `<html>`'s). It follows
 * changes of either, loads the locale's words on first need, and renders the element in them.
 * Numbers, bytes and times are formatted with `locale` (Intl).
 *
 * Every element carries this in its first paint, so it holds only what an English page needs: an
 * English `lang` (or none) settles it here. Any other loads the translating half
 * (internal/localize.ts), which then picks the locale and loads its words; the element shows
 * English until they arrive.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { enterLocale, install, loadedTranslator, onLocalesChanged, renderIn, SOURCE_LOCALE } from '../internal/msg.js';

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
  private off: (() => void) | undefined;
  private leave: (() => void) | undefined;

  constructor(readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.off = onLocalesChanged(() => this.resolve());
    watchLang(this);
    this.resolve();
  }

  hostDisconnected(): void {
    this.off?.();
    watching.delete(this);
  }

  hostUpdate(): void {
    this.leave = enterLocale(this.locale);
  }

  hostUpdated(): void {
    this.leave?.();
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
    // Without the translating half no locale is registered and none is set page-wide: an English
    // lang, or none, is the source locale, which the element already speaks.
    if (translator) translator.follow(this, page ?? translator.matchLocale(lang));
    else if (lang !== null && !/^en(-|$)/i.test(lang)) void import('../internal/localize.js').then((m) => install(m.translator), warn);
  }

  /** Shows the element in `locale` (its words are loaded). */
  show(locale: string): void {
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
  for (let node: Element | null = el; node; ) {
    const lang = node.getAttribute('lang');
    // lang="" means "unknown language": nothing above it applies either.
    if (lang !== null) return lang || null;
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return null;
}

/*
 * One observer for the whole page: a `lang` change anywhere above an element (the document, or a
 * shadow root on its way up) makes every connected element re-read its locale. `lang` changes are
 * rare, and a re-read is a walk up the tree.
 */
const watching = new Set<LocaleController>();
const watched = new WeakSet<Node>();
let observer: MutationObserver | undefined;

function watchLang(c: LocaleController): void {
  watching.add(c);
  observer ??= new MutationObserver(() => {
    for (const w of [...watching]) w.resolve();
  });
  for (let node: Element | null = c.host; node; ) {
    const root: Node = node.getRootNode();
    const host: Element | null = root instanceof ShadowRoot ? root.host : null;
    const target = host ? root : (node.ownerDocument.documentElement ?? root);
    if (!watched.has(target)) {
      watched.add(target);
      observer.observe(target, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    node = host;
  }
}
