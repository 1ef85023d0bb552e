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
/**
 * What Intl and the data put in a localized text: byte units and rates, the key names F1–F12,
 * and the permissions a disabled action needs, as the server names them, in Intl's list (en-XA
 * has no Intl data, so "start and stop"), where a message says them ("[… ţĥé stop þéŕɱíššíóñ …]").
 */
const ALWAYS_DATA = [/\b[KMGTP]?i?B(\/s)?\b/g, /^F\d{1,2}$/, /(?<=ţĥé )(start|stop|console)( and (start|stop))?(?= þéŕɱíššíóñ)/g];

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

const CLIPS = new Set(['hidden', 'clip']);
const SCROLLS = new Set(['auto', 'scroll']);
/** 1 px of rounding either way (subpixel layout, fractional line boxes). */
const SLACK = 1;

/** The element a node is laid out in, across shadow roots and slots. */
function layoutParent(e: Element): Element | null {
  return e.assignedSlot ?? e.parentElement ?? ((e.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
}

/**
 * Deliberate truncation: an ellipsis is fine where the whole text is one hover or one screen
 * reader away, in a `title` or `aria-label` of the clipping box or an element inside it that
 * holds the text.
 */
function fullTextElsewhere(from: Element, upTo: Element, text: string): boolean {
  for (let e: Element | null = from; e; e = layoutParent(e)) {
    if ([e.getAttribute('title'), e.getAttribute('aria-label')].some((v) => v?.includes(text))) return true;
    if (e === upTo) break;
  }
  return false;
}

/**
 * Every visible text in `el`'s shadow tree (nested shadow roots included) that is cut off by a
 * box that hides its overflow (`overflow: hidden | clip`, which `text-overflow: ellipsis` needs),
 * or that spills out of the box it is laid out in. Text inside a scroll container is reachable by
 * scrolling, so the walk stops there; screen-reader-only text (a 1 px clipped box) is not visible.
 */
export function clippedTexts(el: Element, skip = '.term, .xterm'): string[] {
  const found: string[] = [];
  const visit = (root: ParentNode, where: string) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.ELEMENT_NODE) {
        const e = n as Element;
        if (e.shadowRoot && !e.closest(skip)) visit(e.shadowRoot, `${where} > ${e.localName}`);
        continue;
      }
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = n.parentElement;
      if (!text || !parent || parent.closest(`style, script, ${skip}`)) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const lines = [...range.getClientRects()].filter((r) => r.width > 0);
      if (lines.length === 0) continue;
      const t = { left: Math.min(...lines.map((r) => r.left)), right: Math.max(...lines.map((r) => r.right)), top: Math.min(...lines.map((r) => r.top)), bottom: Math.max(...lines.map((r) => r.bottom)) };
      const chain: Element[] = [];
      for (let a: Element | null = parent; a; a = a === el ? null : layoutParent(a)) chain.push(a);
      const styles = chain.map((a) => getComputedStyle(a));
      const rects = chain.map((a) => a.getBoundingClientRect());
      // Screen-reader-only text: a box of 1 px that hides the rest.
      if (chain.some((_, i) => CLIPS.has(styles[i].overflowX) && CLIPS.has(styles[i].overflowY) && (rects[i].width <= 1 || rects[i].height <= 1))) continue;
      let box: Element | null = null;
      let problem = '';
      for (const [i, a] of chain.entries()) {
        const style = styles[i];
        const r = rects[i];
        const name = `<${a.localName}${typeof a.className === 'string' && a.className ? `.${a.className.split(' ')[0]}` : ''}>`;
        // The box the text is laid out in must hold it (an inline parent is only as wide as its text).
        if (!box && style.display !== 'inline' && style.display !== 'contents') {
          box = a;
          // (A box that hides or scrolls its overflow is judged below.)
          const visible = !CLIPS.has(style.overflowX) && !SCROLLS.has(style.overflowX);
          if (visible && (t.left < r.left - SLACK || t.right > r.right + SLACK)) problem = `spills out of ${name} (${Math.round(t.right - t.left)} px of text in ${Math.round(r.width)} px)`;
        }
        const inner = { left: r.left + a.clientLeft, right: r.left + a.clientLeft + a.clientWidth, top: r.top + a.clientTop, bottom: r.top + a.clientTop + a.clientHeight };
        const cutX = CLIPS.has(style.overflowX) && (t.left < inner.left - SLACK || t.right > inner.right + SLACK);
        const cutY = CLIPS.has(style.overflowY) && (t.top < inner.top - SLACK || t.bottom > inner.bottom + SLACK);
        if (!problem && (cutX || cutY) && !fullTextElsewhere(parent, a, text)) problem = `clipped by ${name}${style.textOverflow === 'ellipsis' ? ' (ellipsis)' : ''}`;
        if (problem || SCROLLS.has(style.overflowX) || SCROLLS.has(style.overflowY)) break;
      }
      if (problem) found.push(`${where} "${text.slice(0, 60)}" ${problem}`);
    }
  };
  visit(el.shadowRoot ?? el, el.localName);
  return found;
}
