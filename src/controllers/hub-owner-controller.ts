/**
 * Builds, reconfigures, provides and (where asked) disposes an element's own hub: what
 * `<vm-connection>` does for the elements inside it, and `<vm-detail server="…">` for its own
 * tabs. The hub reaches the elements below through `vmHubContext`.
 */
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { vmHubContext } from '../context.js';
import type { VmHubConfig } from '../hub/config.js';
import { VmHub } from '../hub/vm-hub.js';
import { VmError } from '../protocol/errors.js';

export interface HubOwnerOptions {
  /** Whether the element builds a hub of its own now (else it uses the one above it). */
  wanted: () => boolean;
  /** The own hub's settings (may throw a VmError for invalid ones). */
  config: () => VmHubConfig;
  /**
   * The settings whose change builds a new hub (the old one is disposed); any other change is
   * applied to the hub in place by `reconfigure()`. Default: none, the hub is always reconfigured.
   */
  identity?: () => string;
  /** Settings the hub refused: the previous hub stays in force. */
  onError: (error: VmError) => void;
  /** The settings to build a hub from when the first ones are refused; default: no hub until valid ones. */
  fallback?: () => VmHubConfig;
  /** Dispose the own hub when the element leaves the page (default: keep it for its return). */
  disposeOnDisconnect?: boolean;
}

export class HubOwnerController implements ReactiveController {
  private readonly options: HubOwnerOptions;
  private readonly provider: ContextProvider<typeof vmHubContext>;
  private own: VmHub | null = null;
  private identity = '';

  constructor(host: ReactiveControllerHost & HTMLElement, options: HubOwnerOptions) {
    this.options = options;
    this.provider = new ContextProvider(host, { context: vmHubContext });
    host.addController(this);
  }

  /** The own hub, built on first use; null while none is `wanted` (or none was valid yet). */
  get hub(): VmHub | null {
    if (!this.options.wanted()) return null;
    const identity = this.id();
    if (this.own && this.identity === identity) return this.own;
    try {
      const next = new VmHub(this.options.config());
      this.own?.dispose();
      this.own = next;
      this.identity = identity;
    } catch (e) {
      this.report(e);
      const fallback = this.options.fallback;
      if (!this.own && fallback) {
        this.own = new VmHub(fallback());
        this.identity = identity;
      }
    }
    return this.own;
  }

  /** Hands `hub` to the elements below (the own one, or one the element was given). */
  provide(hub: VmHub): void {
    this.provider.setValue(hub);
  }

  /** Applies changed settings to the own hub in place (when one is built and its identity holds). */
  reconfigure(): void {
    if (!this.own || !this.options.wanted() || this.identity !== this.id()) return;
    try {
      this.own.configure(this.options.config());
    } catch (e) {
      this.report(e);
    }
  }

  hostDisconnected(): void {
    if (!this.options.disposeOnDisconnect || !this.own) return;
    this.own.dispose();
    this.own = null;
    this.identity = '';
  }

  private id(): string {
    return this.options.identity?.() ?? '';
  }

  private report(e: unknown): void {
    this.options.onError(e instanceof VmError ? e : new VmError('INVALID_CONFIG', 'The connection settings are not valid.'));
  }
}
