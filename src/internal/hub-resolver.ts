/**
 * Finds the hub for an element: the nearest provider above it through `@lit/context`, or the
 * page-wide default hub when there is none. A provider that is in the DOM but not yet defined
 * (its module loads later) is waited for, so load order never silently picks the wrong hub.
 *
 * The request is dispatched by hand rather than with `ContextConsumer`, because the consumer
 * cannot be asked to request again once a late provider has upgraded.
 */
import { ContextEvent } from '@lit/context';
import { HUB_PROVIDER_TAGS, vmHubContext } from '../context.js';
import { getDefaultHub } from '../hub/default-hub.js';
import type { VmHub } from '../hub/vm-hub.js';

export class HubResolver {
  private current: VmHub | null = null;
  private unsubscribe: (() => void) | undefined;
  private connected = false;
  private waitToken = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly onHub: (hub: VmHub | null) => void,
  ) {}

  get hub(): VmHub | null {
    return this.current;
  }

  connect(): void {
    this.connected = true;
    if (this.request()) return;
    const pending = undefinedProviderAbove(this.host);
    if (!pending) {
      this.set(getDefaultHub());
      return;
    }
    const token = ++this.waitToken;
    void customElements.whenDefined(pending).then(() => {
      // The provider registers its listener while upgrading; ask once that has happened.
      queueMicrotask(() => {
        if (token !== this.waitToken || !this.connected) return;
        if (!this.request()) this.set(getDefaultHub());
      });
    });
  }

  disconnect(): void {
    this.connected = false;
    this.waitToken++;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.set(null);
  }

  /** Asks the providers above; true when one answered (synchronously, as the protocol says). */
  private request(): boolean {
    let answered = false;
    this.host.dispatchEvent(
      new ContextEvent(
        vmHubContext,
        this.host,
        (hub, unsubscribe) => {
          if (unsubscribe !== this.unsubscribe) this.unsubscribe?.();
          this.unsubscribe = unsubscribe;
          answered = true;
          if (this.connected) this.set(hub);
        },
        true,
      ),
    );
    return answered;
  }

  private set(hub: VmHub | null): void {
    if (hub === this.current) return;
    this.current = hub;
    this.onHub(hub);
  }
}

/** The tag of an ancestor provider (across shadow roots) that is not defined yet, if any. */
function undefinedProviderAbove(el: Element): string | null {
  let node: Node | null = el;
  while (node) {
    node = node instanceof ShadowRoot ? node.host : (node.parentNode ?? null);
    if (node instanceof Element) {
      const tag = node.localName;
      if ((HUB_PROVIDER_TAGS as readonly string[]).includes(tag) && !customElements.get(tag)) return tag;
    }
  }
  return null;
}
