import { html, nothing, supportsAdoptingStyleSheets, unsafeCSS, type CSSResult } from 'lit';
import type { VmAction } from '../../hub/index.js';
import { formatBytes } from '../../metrics/format.js';
import { ACTION_LABEL, ACTION_PROGRESS } from '../../internal/action-words.js';
/**
 * The heavy tab contents, loaded on first show only: `<vm-metrics>` brings Chart.js and
 * `<vm-console>` brings xterm.js, neither of which the Overview tab needs. Each load is made once
 * per page and shared by every `<vm-detail>`.
 */
export type LazyPart = 'metrics' | 'console';

const loads = new Map<LazyPart, Promise<void>>();

const loaders: Record<LazyPart, () => Promise<unknown>> = {
  metrics: () => import('../vm-metrics/vm-metrics.define.js'),
  console: () => import('../vm-console/vm-console.define.js'),
};

const TAGS: Record<LazyPart, string> = { metrics: 'vm-metrics', console: 'vm-console' };

/** Resolves once the element is defined; a failed load can be retried. */
export function loadPart(part: LazyPart): Promise<void> {
  let p = loads.get(part);
  if (!p) {
    p = loaders[part]()
      .then(() => customElements.whenDefined(TAGS[part]))
      .then(() => undefined);
    p.catch(() => loads.delete(part));
    loads.set(part, p);
  }
  return p;
}

/** A module imported once per page, on first call; a failed import is retried on the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () =>
    (p ??= load().catch((e: unknown) => {
      p = null;
      throw e;
    }));
}

/**
 * What the lazily loaded parts use from modules the first paint has loaded already. They get it
 * from here instead of importing it, so the bundler keeps that shared code in as few files as
 * before the split (each extra file costs gzip context).
 */
export interface Kit {
  html: typeof html;
  nothing: typeof nothing;
  formatBytes: typeof formatBytes;
  label: Readonly<Record<VmAction, string>>;
  progress: Readonly<Record<VmAction, string>>;
}
export const kit: Kit = { html, nothing, formatBytes, label: ACTION_LABEL, progress: ACTION_PROGRESS };

/** A part's module with its styles made a stylesheet once per page. */
const withSheet = <M extends { styles: string }>(m: M) => ({ ...m, sheet: unsafeCSS(m.styles) });

export const loadOverview = once(() => import('./overview.js').then(withSheet));
export const loadConfirm = once(() => import('./confirm.js').then(withSheet));
export const loadTexts = once(() => import('./texts.js').then(withSheet));

/**
 * Adds a lazily loaded part's styles to a shadow root after the element's own: a constructable
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
