/**
 * The pseudo-locale check: render an element under en-XA, where every message is accented and
 * bracketed ("[Šţóþ ··]"), and collect what is still plain English. A text node with an ASCII
 * letter, or an aria-label, title or placeholder not in brackets, came from no message: a
 * hard-coded string. Data (a VM name, a URL, a byte unit, F-key names) is named by the caller.
 */
import { waitUntil as waitUntilWithin } from '@open-wc/testing';
import { registerLocale } from '../../src/localize.js';

export const PSEUDO = 'en-XA';

/** Words load lazily, and a loaded machine is slow: waits up to 10 s, not @open-wc's default 1 s. */
export const waitUntil = (fn: () => unknown, message?: string, options: { timeout?: number; interval?: number } = {}) =>
  waitUntilWithin(fn, message, { timeout: 10_000, ...options });
registerLocale(PSEUDO, () => import('../../src/locales/en-XA.js'));

const LABELS = ['aria-label', 'title', 'placeholder', 'aria-description', 'alt'];
/** What Intl and the data put in a localized text: byte units, and the key names F1–F12. */
const ALWAYS_DATA = [/\b[KMGTP]?i?B\b/g, /^F\d{1,2}$/];

function strip(text: string, data: readonly (string | RegExp)[]): string {
  let t = text;
  for (const d of [...data, ...ALWAYS_DATA]) t = typeof d === 'string' ? (d === '' ? t : t.split(d).join('')) : t.replace(d, '');
  return t.trim();
}

/** Every piece of English in `el`'s shadow tree (nested shadow roots included), with where it is. */
export function unlocalized(el: Element, data: readonly (string | RegExp)[] = [], skip = '.term, .xterm'): string[] {
  const found: string[] = [];
  const visit = (root: ParentNode, where: string) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        const parent = n.parentElement;
        if (parent?.closest(`style, script, ${skip}`)) continue;
        const text = strip(n.textContent ?? '', data);
        if (/[A-Za-z]/.test(text)) found.push(`${where} text "${text}" in <${parent?.localName}${parent?.className ? `.${parent.className}` : ''}>`);
        continue;
      }
      const e = n as Element;
      if (e.closest(skip)) continue;
      for (const name of LABELS) {
        const value = e.getAttribute(name);
        if (value === null) continue;
        const rest = strip(value, data);
        if (rest !== '' && /[A-Za-z]/.test(rest) && !/^\[[\s\S]*\]$/.test(value.trim())) found.push(`${where} ${name}="${value}" on <${e.localName}>`);
      }
      if (e.shadowRoot) visit(e.shadowRoot, `${where} > ${e.localName}`);
    }
  };
  visit(el.shadowRoot ?? el, el.localName);
  return found;
}
