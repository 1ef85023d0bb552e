/**
 * The modules an element loads after its first paint that more than one element uses: the words
 * for errors, disabled actions and outcomes (`deferred-texts.ts`) and the confirmation's contents
 * (`deferred-confirm.ts`), each imported once per page, and how their styles join a shadow root.
 */
import { html, nothing, supportsAdoptingStyleSheets, unsafeCSS, type CSSResult } from 'lit';
import { ACTION_LABEL, ACTION_PROGRESS } from './action-words.js';
import type { Kit } from './deferred-kit.js';
import { activeLocale, msg, str } from './msg.js';

/** A module imported once per page, on first call; a failed import is retried on the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () =>
    (p ??= load().catch((e: unknown) => {
      p = null;
      throw e;
    }));
}

/** Lit and the formatter for the deferred modules (see `Kit`). */
export const kit: Kit = { html, nothing, label: ACTION_LABEL, progress: ACTION_PROGRESS, msg, str, locale: activeLocale };

/** A deferred module with its styles made a stylesheet once per page. */
export const withSheet = <M extends { styles: string }>(m: M) => ({ ...m, sheet: unsafeCSS(m.styles) });

export const loadConfirm = once(() => import('./deferred-confirm.js').then(withSheet));
export const loadTexts = once(() => import('./deferred-texts.js').then(withSheet));

/**
 * Adds a deferred module's styles to a shadow root after the element's own: a constructable
 * stylesheet (CSP-safe, shared by every instance) where supported, else a `<style>` element.
 */
export function addStyles(root: ShadowRoot, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (sheet && supportsAdoptingStyleSheets) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  let done = added.get(root);
  if (!done) added.set(root, (done = new Set()));
  if (done.has(styles)) return;
  done.add(styles);
  const style = document.createElement('style');
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = styles.cssText;
  // After Lit's own <style> elements, before the rendered content (which Lit owns).
  const own = root.querySelectorAll(':scope > style');
  root.insertBefore(style, own.length > 0 ? own[own.length - 1]!.nextSibling : root.firstChild);
}

const added = new WeakMap<ShadowRoot, Set<CSSResult>>();

/** Runs `fn` once the browser has painted the current frame. */
export function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn));
}
