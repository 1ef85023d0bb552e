/**
 * Observes an element with a page-wide IntersectionObserver only while the browser renders its
 * content. An element under `content-visibility: auto` whose content the browser skips is far
 * from the screen (further than any margin our observers use), and every target an observer holds
 * costs Chromium a pass per frame while the page scrolls: on a fleet page of 1,000 tiles, 2,000
 * targets cost more than a fifth of the main thread (bench:fleet traced it). The browser already
 * tracks what it skips; `contentvisibilityautostatechange` says when that changes, for free.
 *
 * An element without `content-visibility: auto` never gets the event and stays observed, as before.
 */

/**
 * Observes `el` with `observer` now and whenever its content is rendered again; while the browser
 * skips its content, the element is not observed and `skipped` is called (it is off screen).
 * Returns what stops observing and listening.
 */
export function observeWhileRendered(el: Element, observer: IntersectionObserver, skipped: () => void): () => void {
  const changed = (e: Event) => {
    if ((e as Event & { skipped?: boolean }).skipped) {
      observer.unobserve(el);
      skipped();
    } else observer.observe(el);
  };
  el.addEventListener('contentvisibilityautostatechange', changed);
  observer.observe(el);
  return () => {
    el.removeEventListener('contentvisibilityautostatechange', changed);
    observer.unobserve(el);
  };
}
