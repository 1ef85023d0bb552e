/**
 * Tells the hub whether an element's VM is on screen, so the page's socket budget gives sockets to
 * what the user sees: an element scrolled away, `display: none` (it then intersects nothing) or in
 * a hidden tab holds a passive lease, which keeps status and last values but may lose its socket
 * to a shown element after the budget's linger. One IntersectionObserver and one
 * `visibilitychange` listener serve every element of the page: a fleet page has a thousand.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeWhileRendered } from './observe-while-rendered.js';

/** What the controller steers: a session controller's `setVisible`. */
export interface VisibilityTarget {
  setVisible(visible: boolean): void;
}

/** In view only: ahead-of-view margins would make more elements "shown" than the budget holds. */
const ROOT_MARGIN = '0px';
/**
 * Shown means a little of it is on screen: an element that merely touches the viewport's edge
 * counts as intersecting, and a grid would then hold a row of sockets above and below the view.
 */
const SHOWN_RATIO = 0.01;

const watchers = new Map<Element, LeaseVisibilityController>();
const observations = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;
let pageListener: (() => void) | null = null;

function observe(el: Element, c: LeaseVisibilityController): void {
  watchers.set(el, c);
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) watchers.get(e.target)?.intersectionChanged(e.intersectionRatio >= SHOWN_RATIO);
    },
    { rootMargin: ROOT_MARGIN, threshold: SHOWN_RATIO },
  );
  observations.set(el, observeWhileRendered(el, observer, () => c.intersectionChanged(false)));
  if (!pageListener) {
    pageListener = () => {
      for (const w of watchers.values()) w.pageVisibilityChanged();
    };
    document.addEventListener('visibilitychange', pageListener);
  }
}

function unobserve(el: Element): void {
  watchers.delete(el);
  observations.get(el)?.();
  observations.delete(el);
  if (watchers.size > 0) return;
  observer?.disconnect();
  observer = null;
  if (pageListener) document.removeEventListener('visibilitychange', pageListener);
  pageListener = null;
}

export class LeaseVisibilityController implements ReactiveController {
  private intersecting = false;
  private last: boolean | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: VisibilityTarget,
  ) {
    host.addController(this);
    // Unknown until the observer's first answer (within a frame): a lease taken before it is
    // passive and never shown, so it yields at once to elements that are.
    this.apply();
  }

  /** True while the element is (about to be) on screen in a visible page. */
  get visible(): boolean {
    return this.intersecting && document.visibilityState !== 'hidden';
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') {
      // No observer (an old runtime): every element counts as shown, as before budgets.
      this.intersecting = true;
      this.apply();
      return;
    }
    observe(this.host, this);
  }

  hostDisconnected(): void {
    unobserve(this.host);
    this.intersecting = false;
    this.apply();
  }

  /** @internal the shared observer's answer for this element. */
  intersectionChanged(intersecting: boolean): void {
    this.intersecting = intersecting;
    this.apply();
  }

  /** @internal */
  pageVisibilityChanged(): void {
    this.apply();
  }

  private apply(): void {
    const v = this.visible;
    if (v === this.last) return;
    this.last = v;
    this.target.setVisible(v);
  }
}
