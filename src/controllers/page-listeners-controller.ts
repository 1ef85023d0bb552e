/**
 * Listeners on things outside the element — the document, the window, a media query — held only
 * while the element is connected, so a removed element leaves nothing behind. One controller per
 * element, with one `on()` per listener, instead of add/remove pairs in connected and disconnected
 * callbacks. (Resize and intersection observers: `@lit-labs/observers`.)
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Target = EventTarget | null | undefined;

interface Entry {
  target: () => Target;
  type: string;
  listener: (e: Event) => void;
  options: AddEventListenerOptions | undefined;
  /** The target listened on now (a media query list is made anew on every connect). */
  bound: Target;
}

export class PageListenersController implements ReactiveController {
  private readonly entries: Entry[] = [];
  private connected = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * Listens to `type` on the target while the host is connected. `target` is read on every connect
   * (so `() => document` is safe where there is no document at construction).
   */
  on<E extends Event = Event>(target: () => Target, type: string, listener: (e: E) => void, options?: AddEventListenerOptions): this {
    const entry: Entry = { target, type, listener: listener as (e: Event) => void, options, bound: null };
    this.entries.push(entry);
    if (this.connected) this.bind(entry);
    return this;
  }

  /** Calls `listener` when the page is shown or hidden (a background tab), with whether it is hidden. */
  onVisibility(listener: (hidden: boolean) => void): this {
    return this.on(() => document, 'visibilitychange', () => listener(document.hidden));
  }

  /** Calls `listener` with whether `query` matches, whenever that changes (`prefers-color-scheme`, …). */
  onMediaQuery(query: string, listener: (matches: boolean) => void): this {
    return this.on<MediaQueryListEvent>(() => mediaQuery(query), 'change', (e) => listener(e.matches));
  }

  hostConnected(): void {
    this.connected = true;
    for (const e of this.entries) this.bind(e);
  }

  hostDisconnected(): void {
    this.connected = false;
    for (const e of this.entries) {
      e.bound?.removeEventListener(e.type, e.listener, e.options);
      e.bound = null;
    }
  }

  private bind(e: Entry): void {
    e.bound = e.target();
    e.bound?.addEventListener(e.type, e.listener, e.options);
  }
}

/** A media query list, or null where the page has no matchMedia. */
export function mediaQuery(query: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}
