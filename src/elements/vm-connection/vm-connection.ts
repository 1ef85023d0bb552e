import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { HubOwnerController } from '../../controllers/hub-owner-controller.js';
import { emit } from '../../events/index.js';
import type { AuthMode, TokenProvider, VmHubConfig } from '../../hub/index.js';
import { parseAuthMode } from '../../transport/auth.js';
import type { VmHub } from '../../hub/vm-hub.js';

/**
 * Provides one connection hub to every LibGo element inside it, so that all widgets for a VM
 * share one monitor socket and one console socket. Renders nothing of its own.
 *
 * @tagname vm-connection
 * @summary Shared LibGo connection for the elements inside it.
 * @slot - The elements that use this connection (any depth, across shadow roots).
 * @csspart base - The wrapper around the slot; `display: contents` like the element itself, so it
 *   adds no box unless host CSS gives it one.
 * @fires {CustomEvent<VmErrorDetail>} vm-error - When the configuration is invalid (`detail.code` is `INVALID_CONFIG`); the
 *   previous configuration stays in force.
 */
export class VmConnection extends LitElement {
  static override styles = css`
    :host,
    .base {
      display: contents;
    }
  `;

  /** Address of the LibGo server (http, https, ws or wss). Defaults to the page's origin. */
  @property() server = '';

  /** How the token reaches the server: `query` (default), `subprotocol` or `cookie`. */
  @property({ attribute: 'auth-mode' }) authMode: AuthMode = 'query';

  /** Base path of the WebSocket routes. */
  @property({ attribute: 'ws-path' }) wsPath = '/ws/vms';

  /** Base path of the REST API. */
  @property({ attribute: 'api-path' }) apiPath = '/api/v1';

  /**
   * Runs console sockets in a Worker, which keeps a console flood from competing with the page
   * for the main thread (measured: about twice the throughput with one message per frame).
   * Under a Content-Security-Policy it needs `worker-src blob:`; without it the console still
   * works, in the page, after one CSP report.
   */
  @property({ type: Boolean, attribute: 'console-worker' }) consoleWorker = false;

  /**
   * Runs status and metrics sockets in one Worker for the page, which hands the page their frames
   * together every 100 ms (a fleet page's tiles then cost far less main thread while idle).
   * Needs `worker-src blob:` under a Content-Security-Policy, like `console-worker`.
   */
  @property({ type: Boolean, attribute: 'monitor-worker' }) monitorWorker = false;

  /**
   * Keeps no metrics history across page loads (the hub's `persistHistory: false`): charts start
   * empty on every page load, and nothing about the VMs watched is stored in the browser.
   */
  @property({ type: Boolean, attribute: 'no-persist-history' }) noPersistHistory = false;

  /** Returns the JWT (sync or async); called at every connect. */
  @property({ attribute: false }) tokenProvider: TokenProvider | undefined;

  /** Further hub settings (heartbeat, timeouts, socket factory, fetch, permissions, …). */
  @property({ attribute: false }) options: Partial<VmHubConfig> = {};

  private hostHub: VmHub | undefined;

  /** A hub made by the host; when set, the attributes above are ignored. */
  @property({ attribute: false })
  get hub(): VmHub | undefined {
    return this.hostHub;
  }
  set hub(hub: VmHub | undefined) {
    this.hostHub = hub;
    // At once (Lit then requests the update): elements added in the same task ask for a hub
    // before the next update, and must never lease from the connection's own.
    if (this.isConnected) this.owner.provide(this.activeHub);
  }

  private readonly owner = new HubOwnerController(this, {
    wanted: () => true,
    config: () => this.config(),
    onError: (error) => {
      console.error(`<vm-connection>: ${error.message}`);
      emit(this, 'vm-error', { vmName: null, code: error.code, message: error.message });
    },
    fallback: () => ({ ...this.options, serverUrl: this.server || undefined }),
  });

  /** The hub the elements inside use. */
  get activeHub(): VmHub {
    return this.hub ?? this.owner.hub!;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide before children connect and ask, i.e. before the first render.
    this.owner.provide(this.activeHub);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hub')) {
      this.owner.provide(this.activeHub);
      return;
    }
    if (this.hub) return;
    const configKeys = ['server', 'authMode', 'wsPath', 'apiPath', 'tokenProvider', 'options', 'consoleWorker', 'monitorWorker', 'noPersistHistory'] as const;
    if (configKeys.some((k) => changed.has(k))) this.owner.reconfigure();
  }

  protected override render() {
    return html`<div class="base" part="base"><slot></slot></div>`;
  }

  private config(): VmHubConfig {
    return {
      ...this.options,
      serverUrl: this.server || undefined,
      authMode: parseAuthMode(this.authMode),
      wsPath: this.wsPath,
      apiPath: this.apiPath,
      tokenProvider: this.tokenProvider,
      consoleInWorker: this.consoleWorker || this.options.consoleInWorker === true,
      monitorsInWorker: this.monitorWorker || this.options.monitorsInWorker === true,
      persistHistory: this.noPersistHistory ? false : this.options.persistHistory,
    };
  }
}
