import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, svg, unsafeCSS, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { vmHubContext } from '../../context.js';
import { emit } from '../../events/index.js';
import type { AuthMode, TokenProvider, VmAction, VmHubConfig, VmInfo, VmStatus } from '../../hub/index.js';
// Values from their own modules, not the barrels: a bundler that splits code (esbuild) would put
// everything a barrel re-exports, the console session included, into this element's first paint.
import { VmError } from '../../protocol/errors.js';
import { parseAuthMode } from '../../transport/auth.js';
import { VmHub } from '../../hub/vm-hub.js';
import { formatUptime } from '../../metrics/format.js';
import { VmMonitorController } from '../../controllers/vm-monitor-controller.js';
import { LeaseVisibilityController } from '../../controllers/lease-visibility-controller.js';
import { connectionLabel } from '../../styles/connection-label.js';
import { ActionController } from '../../controllers/action-controller.js';
import { parseConfirmActions, type ActionState } from '../../hub/action-rules.js';
import { ACTION_LABEL, ACTION_PROGRESS } from '../../internal/action-words.js';
import { addStyles, afterPaint, kit, loadConfirm, loadTexts, loadOverview, loadPart, type LazyPart } from './lazy.js';
import { STATUS_LABEL, statusTone } from './messages.js';
import { styles } from './vm-detail.styles.js';

export type VmDetailTab = 'overview' | 'monitoring' | 'console';
const TABS: readonly VmDetailTab[] = ['overview', 'monitoring', 'console'];
const TAB_LABEL: Record<VmDetailTab, string> = { overview: 'Overview', monitoring: 'Monitoring', console: 'Console' };

type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

/** A padlock drawn, not an emoji: a page without an emoji font showed a blank box. */
const LOCK_ICON = html`<svg class="lock" aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" stroke-width="1.6">
  ${svg`<rect x="3" y="7" width="10" height="7" rx="1.5"></rect><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"></path>`}
</svg>`;

/**
 * The whole VM page as one element: a header with the VM's status, uptime, connection and
 * lifecycle actions, and Overview / Monitoring / Console tabs. The Monitoring and Console tabs
 * load `<vm-metrics>` (Chart.js) and `<vm-console>` (xterm.js) the first time they are shown.
 *
 * It provides its hub to the elements inside it (and to any it slots), so they share its sockets:
 * the hub of a `<vm-connection>` above it, else one built from its own `server` / `auth-mode` /
 * `tokenProvider`, else the page-wide default hub.
 *
 * @tagname vm-detail
 * @summary Status, actions, overview, live metrics and console of one LibGo VM.
 *
 * @slot header-end - Extra content at the end of the header (e.g. a close button).
 *
 * @fires vm-action - Before an action is sent (after any confirmation). Cancelable: call
 *   `preventDefault()` and nothing is sent. `detail: {vmName, action}`.
 * @fires vm-action-result - When an action has succeeded or failed.
 *   `detail: {vmName, action, success, message, via, code}`.
 * @fires vm-error - When a new error is shown in the banner (auth, VM not found, server error
 *   codes). `detail: {vmName, code, message}`.
 *
 * @csspart header - The header (name, status, uptime, connection, actions).
 * @csspart status-badge - The VM status badge.
 * @csspart actions - The group of action buttons.
 * @csspart action-button - Each action button.
 * @csspart banner - The error banner under the header.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart panel - Each tab panel.
 *
 * @cssproperty --vm-color-bg - Background.
 * @cssproperty --vm-color-surface - Background of cards and the tab bar.
 * @cssproperty --vm-color-border - Borders and dividers.
 * @cssproperty --vm-color-text - Text.
 * @cssproperty --vm-color-text-muted - Secondary text.
 * @cssproperty --vm-color-accent - Selected tab, primary buttons.
 * @cssproperty --vm-color-accent-text - Text on the accent colour.
 * @cssproperty --vm-color-success - Running status, live connection.
 * @cssproperty --vm-color-warning - Paused/suspended status, reconnecting.
 * @cssproperty --vm-color-danger - Crashed/error status, errors, destructive actions.
 * @cssproperty --vm-color-focus - Focus ring.
 * @cssproperty --vm-radius - Corner radius.
 * @cssproperty --vm-font-family - Font.
 * @cssproperty --vm-font-mono - Monospace font (UUID, MAC, paths).
 * @cssproperty --vm-font-size - Base font size.
 * @cssproperty --vm-detail-panel-min-height - Minimum height of the tab panels (default 320px).
 */
export class VmDetail extends LitElement {
  static override styles = styles;

  /** The VM to show. */
  @property({ attribute: 'vm-name', reflect: true }) vmName = '';

  /** The selected tab: `overview` (default), `monitoring` or `console`. Reflected. */
  @property({ reflect: true }) tab: VmDetailTab = 'overview';

  /**
   * Actions that ask for confirmation first, space-separated. Default `stop restart suspend`;
   * `confirm-actions=""` asks for none.
   */
  @property({ attribute: 'confirm-actions' }) confirmActions = 'stop restart suspend';

  /** `light` or `dark` forces a theme; otherwise it follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** Own server address; when set (or `tokenProvider` is), the element builds its own hub. */
  @property() server = '';

  /** How the token reaches the server for the element's own hub: `query`, `subprotocol` or `cookie`. */
  @property({ attribute: 'auth-mode' }) authMode: AuthMode = 'query';

  /** Returns the JWT for the element's own hub. */
  @property({ attribute: false }) tokenProvider: TokenProvider | undefined;

  /** A hub to use (and provide), instead of the one above or a built one. */
  @property({ attribute: false }) hub: VmHub | undefined;

  /**
   * What the user may do (e.g. `['read','start','stop','console']`), overriding what the hub
   * reads from the token's roles. The server still decides; this only enables the UI.
   */
  @property({ attribute: false }) permissions: readonly string[] | undefined;

  /** The VM's status as the server last said it (from the socket, else REST). Reflected for CSS. */
  @property({ reflect: true, attribute: 'status' }) status: VmStatus | undefined;

  @state() private vm: VmInfo | null = null;
  @state() private vmError: VmError | null = null;
  @state() private vmLoading = false;
  @state() private tokenPermissions: ReadonlySet<string> | null = null;
  @state() private parts: Record<LazyPart, LoadState> = { metrics: 'idle', console: 'idle' };
  @state() private announcement = '';
  @state() private copied = false;
  @state() private now = Date.now();
  /** The Overview details and the confirmation dialog: loaded after the first paint / on demand. */
  @state() private overviewView: Awaited<ReturnType<typeof loadOverview>> | null = null;
  @state() private overviewLoad: LoadState = 'idle';
  @state() private confirmView: Awaited<ReturnType<typeof loadConfirm>> | null = null;
  /** Error and disabled-reason texts (`texts.ts`): loaded right after the first paint. */
  @state() private texts: Awaited<ReturnType<typeof loadTexts>> | null = null;

  @query('dialog') private dialog!: HTMLDialogElement | null;

  private ownHubValue: VmHub | null = null;
  private ownHubKey = '';
  private readonly provider = new ContextProvider(this, { context: vmHubContext });
  private readonly detail: VmMonitorController;
  private readonly actions: ActionController;
  private vmAbort: AbortController | null = null;
  private vmFetchedFor = '';
  private lastSocketStatus: string | null = null;
  private lastAnnounced = { status: '', conn: '' };
  private lastErrorKey = '';
  private ticker: ReturnType<typeof setInterval> | null = null;
  private visible = true;
  private observer: IntersectionObserver | null = null;
  private permissionsToken = 0;
  private offConfig: (() => void) | null = null;
  /** The socket's state at the last session change, and whether it has been open before. */
  private socketOpen = false;
  private socketWasOpen = false;

  constructor() {
    super();
    this.detail = new VmMonitorController(this, {
      vmName: () => this.vmName,
      hub: () => this.ownHub(),
      onHub: (hub) => this.hubChanged(hub),
      onChange: () => this.sessionChanged(),
      onSession: () => this.sessionReplaced(),
    });
    new LeaseVisibilityController(this, this.detail);
    this.actions = new ActionController(this, {
      vmName: () => this.vmName,
      session: () => this.detail.session,
      hub: () => this.detail.hub,
      status: () => this.vm?.status ?? null,
      permissions: () => this.effectivePermissions,
      badName: () => !!this.detail.nameError,
      confirmActions: () => this.confirmActions,
      dialog: () => this.dialog,
      prepareConfirm: () => this.useConfirm(),
    });
  }

  /** The hub this element uses and provides to the elements inside it. */
  get activeHub(): VmHub | null {
    return this.detail.hub;
  }

  /** Reloads the VM's configuration (Overview) from the REST API. */
  refresh(): void {
    void this.loadVm(true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.observer = new IntersectionObserver((entries) => {
      this.visible = entries.some((e) => e.isIntersecting);
      this.syncTicker();
    });
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.observer?.disconnect();
    this.observer = null;
    this.stopTicker();
    this.vmAbort?.abort();
    this.vmAbort = null;
    this.vmFetchedFor = '';
    if (this.ownHubValue) {
      this.ownHubValue.dispose();
      this.ownHubValue = null;
      this.ownHubKey = '';
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tab') && !TABS.includes(this.tab)) {
      console.warn(`<vm-detail>: tab="${String(this.tab)}" is not one of ${TABS.join(', ')}; showing the overview.`);
      this.tab = 'overview';
    }
    if (changed.has('confirmActions')) {
      const { unknown } = parseConfirmActions(this.confirmActions);
      if (unknown.length > 0) console.warn(`<vm-detail>: confirm-actions ignores unknown action(s): ${unknown.join(', ')}.`);
    }
    if (changed.has('permissions')) this.refreshPermissions();
    if (changed.has('vmName')) {
      this.vm = null;
      this.vmError = null;
      this.actions.clear();
      this.lastSocketStatus = null;
      this.vmFetchedFor = '';
      this.lastErrorKey = '';
    }
    // The hub or the session may change with the properties above; follow them before rendering.
    this.detail.sync();
    if (this.vmFetchedFor !== this.fetchKey()) void this.loadVm(false);
    const s = this.detail.session?.status?.status ?? this.vm?.status;
    if (s !== this.status) this.status = s;
    this.updateAnnouncement(s ?? null);
    if (TABS.includes(this.tab)) this.ensureTabLoaded(this.tab);
  }

  protected override firstUpdated(): void {
    // Loaded after the first paint, in parallel with the REST request; the skeleton covers both.
    afterPaint(() => {
      this.loadOverviewView();
      this.loadTexts();
      if (parseConfirmActions(this.confirmActions).actions.size === 0) return;
      const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o: { timeout: number }) => void }).requestIdleCallback;
      const preload = () => void this.useConfirm().catch(() => undefined);
      if (idle) idle(preload, { timeout: 3000 });
      else setTimeout(preload, 500);
    });
  }

  /** Imports a lazily loaded part and adds its styles here before it is rendered. */
  private async use<M extends { sheet: CSSResult }>(load: () => Promise<M>): Promise<M> {
    const m = await load();
    addStyles(this.renderRoot as ShadowRoot, m.sheet);
    return m;
  }

  private useConfirm(): Promise<unknown> {
    return this.use(loadConfirm).then((m) => (this.confirmView = m));
  }

  private loadTexts(): void {
    if (this.texts) return;
    this.use(loadTexts).then(
      (m) => (this.texts = m),
      (e: unknown) => {
        // The server's own words, and no reasons, rather than no message at all.
        console.warn('<vm-detail>: could not load the error texts:', e);
        // The outcome as plain words (its region still announces it; a success still goes away).
        this.texts = {
          explainError: (error: VmError) => error.message || 'Something went wrong.',
          reasonText: () => '',
          renderOutcome: (o) => o?.text ?? nothing,
          outcomeHeld: () => false,
          styles: '',
          sheet: unsafeCSS(''),
        };
      },
    );
  }

  private loadOverviewView(): void {
    if (this.overviewLoad === 'loading' || this.overviewLoad === 'ready') return;
    this.overviewLoad = 'loading';
    this.use(loadOverview).then(
      (m) => {
        this.overviewView = m;
        this.overviewLoad = 'ready';
      },
      (e: unknown) => {
        console.warn('<vm-detail>: could not load the overview:', e);
        this.overviewLoad = 'failed';
      },
    );
  }

  protected override updated(): void {
    if (!this.texts && (this.vmError || this.bannerError)) this.loadTexts();
    this.reportError();
    this.syncTicker();
  }

  // ---- hub, session, permissions --------------------------------------------------------------

  private ownHub(): VmHub | null {
    if (this.hub) return this.hub;
    if (!this.server && !this.tokenProvider) return null;
    const key = `${this.server}\u0000${this.authMode}`;
    const config: VmHubConfig = {
      serverUrl: this.server || undefined,
      authMode: parseAuthMode(this.authMode),
      tokenProvider: this.tokenProvider,
    };
    if (this.ownHubValue && this.ownHubKey === key) {
      if (this.ownHubValue.config.tokenProvider !== this.tokenProvider) this.ownHubValue.configure(config);
      return this.ownHubValue;
    }
    try {
      const next = new VmHub(config);
      this.ownHubValue?.dispose();
      this.ownHubValue = next;
      this.ownHubKey = key;
    } catch (e) {
      const error = e instanceof VmError ? e : new VmError('INVALID_CONFIG', 'The connection settings are not valid.');
      emit(this, 'vm-error', { vmName: this.vmName || null, code: error.code, message: error.message });
      if (!this.ownHubValue) return null;
    }
    return this.ownHubValue;
  }

  private hubChanged(hub: VmHub | null): void {
    if (hub) this.provider.setValue(hub);
    this.offConfig?.();
    // New credentials or a new server: what failed to load may load now, and what loaded may be stale.
    this.offConfig = hub
      ? hub.events.on('config', () => {
          this.refreshPermissions();
          void this.loadVm(true);
        })
      : null;
    this.vmFetchedFor = '';
    this.refreshPermissions();
    this.requestUpdate();
  }

  private refreshPermissions(): void {
    const token = ++this.permissionsToken;
    if (this.permissions) {
      this.tokenPermissions = null;
      return;
    }
    const hub = this.detail?.hub;
    if (!hub) return;
    void hub.permissions().then(
      (p) => {
        if (token === this.permissionsToken) this.tokenPermissions = p;
      },
      () => {
        if (token === this.permissionsToken) this.tokenPermissions = null;
      },
    );
  }

  /** What the UI lets the user do; null when not known (the server decides). */
  private get effectivePermissions(): ReadonlySet<string> | null {
    return this.permissions ? new Set(this.permissions) : this.tokenPermissions;
  }

  private sessionReplaced(): void {
    this.lastSocketStatus = null;
    this.socketOpen = false;
    this.socketWasOpen = false;
    this.requestUpdate();
  }

  /**
   * Synchronous on every session change: reload the overview when the socket opens after a failed
   * load (the server is back, or it accepts us now) or after a reconnect (it may have changed while
   * we were away), and when the VM's state changed.
   */
  private sessionChanged(): void {
    const open = this.detail.session?.connection.state === 'open';
    if (open && !this.socketOpen && (this.vmError || this.socketWasOpen)) void this.loadVm(true);
    this.socketOpen = open;
    if (open) this.socketWasOpen = true;
    const st = this.detail.session?.status;
    if (!st) return;
    const prev = this.lastSocketStatus;
    this.lastSocketStatus = st.rawStatus;
    if (prev !== null && prev !== st.rawStatus) void this.loadVm(true);
    else if (prev === null && this.vm && this.vm.rawStatus !== st.rawStatus) void this.loadVm(true);
  }

  // ---- REST overview ----------------------------------------------------------------------------

  private fetchKey(): string {
    const hub = this.detail.hub;
    const name = this.vmName.trim();
    return hub && name && this.isConnected && !this.detail.nameError ? name : '';
  }

  private async loadVm(force: boolean): Promise<void> {
    const key = this.fetchKey();
    if (!key) return;
    if (!force && this.vmFetchedFor === key) return;
    this.vmFetchedFor = key;
    this.vmAbort?.abort();
    const abort = new AbortController();
    this.vmAbort = abort;
    const hub = this.detail.hub!;
    this.vmLoading = true;
    try {
      const vm = await hub.rest.getVm(key, abort.signal);
      if (abort.signal.aborted) return;
      this.vm = vm;
      this.vmError = null;
    } catch (e) {
      if (abort.signal.aborted) return;
      this.vmError = e instanceof VmError ? e : new VmError('UNKNOWN_ERROR', 'The VM could not be loaded.');
    } finally {
      if (this.vmAbort === abort) {
        this.vmAbort = null;
        this.vmLoading = false;
      }
    }
  }

  // ---- uptime ticker ----------------------------------------------------------------------------

  private readonly onVisibility = () => this.syncTicker();

  private syncTicker(): void {
    const c = this.detail.session?.connection.state;
    const wants =
      this.isConnected &&
      this.visible &&
      document.visibilityState === 'visible' &&
      (this.detail.session?.status?.status === 'running' || c === 'reconnecting');
    if (wants && !this.ticker) this.ticker = setInterval(() => (this.now = Date.now()), 1000);
    else if (!wants) this.stopTicker();
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  // ---- errors -----------------------------------------------------------------------------------

  /** The one error the banner shows, most fundamental first. */
  private get bannerError(): VmError | null {
    if (this.detail.nameError) return this.detail.nameError;
    const session = this.detail.session;
    const c = session?.connection;
    if (c && (c.state === 'unauthorized' || c.state === 'not-found') && c.lastError) return c.lastError;
    const rest = this.vmError;
    // A network failure with details on screen shows as "stale" in the overview instead.
    if (rest && (!this.vm || (rest.code !== 'NETWORK_ERROR' && rest.code !== 'TIMEOUT'))) return rest;
    const serverError = c?.state === 'open' ? session?.error : null;
    // An error the server sent about a failed action is shown with that action's outcome.
    if (serverError && serverError.message !== this.actions.lastError) return serverError;
    return null;
  }

  private reportError(): void {
    const e = this.bannerError;
    const key = e ? `${e.code}\u0000${e.message}` : '';
    if (key === this.lastErrorKey) return;
    this.lastErrorKey = key;
    if (e) emit(this, 'vm-error', { vmName: this.vmName || null, code: e.code, message: e.message });
  }

  // ---- actions ----------------------------------------------------------------------------------

  /**
   * Sends an action as the buttons do, without confirmation (the host has asked already).
   * Resolves with whether it succeeded; the outcome is shown and reported as `vm-action-result`.
   */
  runAction(action: VmAction): Promise<boolean> {
    return this.actions.run(action);
  }

  /** Hovering or focusing the message holds it; leaving lets it go after the full delay again. */
  private readonly holdOutcome = (ev: Event) => this.actions.hold(!!this.texts?.outcomeHeld(ev));

  // ---- tabs -------------------------------------------------------------------------------------

  private get consoleAllowed(): boolean {
    const p = this.effectivePermissions;
    return !p || p.has('console');
  }

  private ensureTabLoaded(tab: VmDetailTab): void {
    const part: LazyPart | null = tab === 'monitoring' ? 'metrics' : tab === 'console' && this.consoleAllowed ? 'console' : null;
    if (!part || this.parts[part] === 'loading' || this.parts[part] === 'ready') return;
    this.parts = { ...this.parts, [part]: 'loading' };
    loadPart(part).then(
      () => (this.parts = { ...this.parts, [part]: 'ready' }),
      (e: unknown) => {
        console.warn(`<vm-detail>: could not load <vm-${part}>:`, e);
        this.parts = { ...this.parts, [part]: 'failed' };
      },
    );
  }

  private selectTab(tab: VmDetailTab, focus: boolean): void {
    this.tab = tab;
    if (focus) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
    }
  }

  private onTabKey(ev: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    let next: number | null = null;
    if (ev.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (ev.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    ev.preventDefault();
    this.selectTab(TABS[next]!, true);
  }

  // ---- rendering --------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const session = this.detail.session;
    const st = session?.status ?? null;
    const status: VmStatus | null = st?.status ?? this.vm?.status ?? null;
    const raw = st?.rawStatus ?? this.vm?.rawStatus ?? '';
    const explain = this.texts?.explainError;
    // An error is shown once its text is here (the same frame, or the next one).
    const banner = explain && this.bannerError;
    return html`
      <div class="root">
        <header part="header" class="header">
          <div class="identity">
            <h2 class="name" id="vm-title">${this.vmName || 'No VM selected'}</h2>
            ${this.renderBadge(status, raw)} ${this.renderUptime(status)}
          </div>
          ${this.renderConnection()}
          <div part="actions" class="actions" role="group" aria-label="Actions for ${this.vmName || 'the VM'}">
            ${this.actions.states().map((s) => this.renderAction(s))}
          </div>
          <slot name="header-end"></slot>
        </header>
        <div part="banner" class="banner" role="alert" ?hidden=${!banner}>
          ${banner
            ? html`<span class="banner-text">${explain(banner, this.vmName, this.detail.hub?.config.serverUrl ?? '')}</span>
                <code class="banner-code" title="Error code from the server">${banner.code}</code>
                <button class="link" @click=${() => this.retryAll()}>Try again</button>`
            : nothing}
        </div>
        ${this.renderOutcome()}
        <div part="tabs" class="tabs" role="tablist" aria-label="${this.vmName || 'VM'} sections" @keydown=${this.onTabKey}>
          ${TABS.map((t) => this.renderTab(t))}
        </div>
        ${TABS.map((t) => this.renderPanel(t))}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
        ${this.renderConfirm()}
      </div>
    `;
  }

  /** What the badge says before the server has told the VM's status: what is known instead. */
  private get noStatusLabel(): string {
    const c = this.detail.session?.connection;
    if (c?.state === 'not-found' || this.vmError?.code === 'VM_NOT_FOUND') return 'Not found';
    if (this.detail.nameError || this.vmError || (c && c.state !== 'open' && c.state !== 'idle' && (c.attempt > 0 || c.lastError))) return 'Unknown';
    return 'Loading';
  }

  private renderBadge(status: VmStatus | null, raw: string): TemplateResult {
    const label = status ? STATUS_LABEL[status] : this.noStatusLabel;
    const title = status === 'unknown' && raw && raw !== 'unknown' ? `The server reported “${raw}”` : nothing;
    return html`<span part="status-badge" class="badge tone-${statusTone(status)}" data-status=${status ?? 'none'} title=${title}>
      <span class="badge-dot" aria-hidden="true"></span><span class="visually-hidden">Status: </span>${label}${title !== nothing
        ? html`<span class="visually-hidden"> (${raw})</span>`
        : nothing}
    </span>`;
  }

  private renderUptime(status: VmStatus | null): TemplateResult | typeof nothing {
    if (status !== 'running') return nothing;
    const up = this.detail.session?.currentUptime(this.now);
    if (up === null || up === undefined) return nothing;
    const secs = Math.floor(up);
    return html`<span class="uptime" title=${`Up for ${secs.toLocaleString()} seconds`}
      ><span class="visually-hidden">Uptime </span>up <time datetime="PT${secs}S">${formatUptime(secs)}</time></span
    >`;
  }

  private renderConnection(): TemplateResult {
    const c = this.detail.session?.connection;
    if (!c) return html`<span class="conn" data-state="none">Not connected</span>`;
    const kind =
      c.state === 'open'
        ? 'live'
        : c.state === 'connecting' || c.state === 'reconnecting'
          ? 'reconnecting'
          : c.state === 'unauthorized' || c.state === 'not-found'
            ? 'unauthorized'
            : 'offline';
    const restDown = this.vmError?.code === 'NETWORK_ERROR' || this.vmError?.code === 'TIMEOUT';
    const restOnly = kind !== 'live' && kind !== 'unauthorized' && !restDown && this.detail.hub?.config.restFallback !== false;
    let label = connectionLabel(c, this.now);
    if (kind === 'offline' && c.state !== 'offline' && c.state !== 'queued') label = 'Offline';
    // "Reconnecting" would say a connection was lost; there never was one.
    if (!this.socketWasOpen && (c.state === 'reconnecting' || c.state === 'connecting')) label = label.replace('Reconnecting', 'Retrying');
    // The VM is named as not found by the banner and the badge already.
    if (c.state === 'not-found') label = 'Not connected';
    // One retry control: the banner's when it shows.
    const retry = kind !== 'live' && !(this.texts && this.bannerError);
    return html`<span class="conn" data-state=${kind}>
      <span class="conn-dot" aria-hidden="true"></span>
      <span class="conn-label">${label}${restOnly ? html`<span class="rest-only"> · REST only</span>` : nothing}</span>
      ${retry ? html`<button class="link" @click=${() => this.retryAll()}>Retry now</button>` : nothing}
    </span>`;
  }

  private renderAction(s: ActionState): TemplateResult {
    const tipId = `tip-${s.action}`;
    // Why it is disabled, on hover and focus: the sentence (and its tooltip) arrive right after paint.
    const why = s.why && this.texts?.reasonText(s.action, s.why, this.vmName, kit);
    const danger = s.action === 'stop' || s.action === 'restart';
    return html`<span class="action-wrap">
      <button
        part="action-button"
        class="action ${danger ? 'danger' : ''}"
        data-action=${s.action}
        aria-disabled=${s.enabled ? 'false' : 'true'}
        aria-describedby=${why ? tipId : nothing}
        aria-busy=${s.busy ? 'true' : 'false'}
        @click=${(ev: Event) => this.actions.activate(s, ev.currentTarget as HTMLElement)}
      >
        ${s.busy ? html`<span class="spinner" aria-hidden="true"></span>${ACTION_PROGRESS[s.action]}` : ACTION_LABEL[s.action]}
      </button>
      ${why ? html`<span class="tip" role="tooltip" id=${tipId}>${why}</span>` : nothing}
    </span>`;
  }

  private renderOutcome(): TemplateResult {
    // An outcome follows a user's action, so its code and styles (texts.ts) are here by then; if not, it waits.
    const t = this.texts;
    // The confirming line: between the server's reply and the VM's status showing the effect (hub/action-outcome.ts).
    return html`<div class="outcome-region" role="status" aria-live="polite">
      ${t ? t.renderOutcome(this.actions.outcome, this.detail.session?.confirming, this.holdOutcome, () => this.actions.clear(), kit) : nothing}
    </div>`;
  }

  private renderTab(t: VmDetailTab): TemplateResult {
    const selected = this.tab === t;
    const locked = t === 'console' && !this.consoleAllowed;
    return html`<button
      part="tab"
      role="tab"
      id="tab-${t}"
      class="tab ${locked ? 'locked' : ''}"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="panel-${t}"
      tabindex=${selected ? '0' : '-1'}
      @click=${() => this.selectTab(t, false)}
    >
      ${TAB_LABEL[t]}${locked ? html`<span class="visually-hidden"> (not available to you)</span>${LOCK_ICON}` : nothing}
    </button>`;
  }

  private renderPanel(t: VmDetailTab): TemplateResult {
    const selected = this.tab === t;
    return html`<div
      part="panel"
      role="tabpanel"
      id="panel-${t}"
      class="panel panel-${t}"
      aria-labelledby="tab-${t}"
      tabindex="0"
      ?hidden=${!selected}
    >
      ${t === 'overview' ? this.renderOverview() : t === 'monitoring' ? this.renderMonitoring() : this.renderConsole()}
    </div>`;
  }

  private renderMonitoring(): TemplateResult | typeof nothing {
    const st = this.parts.metrics;
    if (st === 'idle') return nothing;
    if (st === 'ready') return html`<vm-metrics class="fill" vm-name=${this.vmName} theme=${this.theme ?? nothing}></vm-metrics>`;
    return this.renderPartPlaceholder('metrics', st);
  }

  private renderConsole(): TemplateResult | typeof nothing {
    if (!this.consoleAllowed) {
      return html`<div class="empty">
        <p class="empty-title">The console is not available to you.</p>
        <p>Your account can watch ${this.vmName || 'this VM'} but not use its console: that needs the <em>console</em> permission. Ask an administrator if you need it.</p>
      </div>`;
    }
    const st = this.parts.console;
    if (st === 'idle') return nothing;
    if (st === 'ready') return html`<vm-console class="fill" vm-name=${this.vmName} theme=${this.theme ?? nothing}></vm-console>`;
    return this.renderPartPlaceholder('console', st);
  }

  private renderPartPlaceholder(part: LazyPart | 'overview', st: LoadState): TemplateResult {
    const what = part === 'metrics' ? 'live charts' : part === 'console' ? 'console' : "VM's details";
    if (st === 'loading') return html`<div class="empty" aria-busy="true"><span class="spinner" aria-hidden="true"></span> Loading the ${what}…</div>`;
    return html`<div class="empty">
      <p class="empty-title">The ${what} could not be loaded.</p>
      <p>Its code did not load in this page. Check the network, then try again.</p>
      <button class="btn" @click=${() => (part === 'overview' ? this.loadOverviewView() : this.ensureTabLoaded(this.tab))}>Try again</button>
    </div>`;
  }

  private renderOverview(): TemplateResult {
    const vm = this.vm;
    const explain = this.texts?.explainError;
    if (!vm) {
      if (this.vmError && explain && !this.vmLoading) {
        // The banner says why and offers the retry; this only says what is missing.
        return html`<div class="empty" data-state="error">
          <p class="empty-title">The VM's details could not be loaded.</p>
        </div>`;
      }
      if (!this.vmName.trim()) return html`<div class="empty"><p>Set <code>vm-name</code> to show a VM.</p></div>`;
      return this.renderSkeleton();
    }
    const view = this.overviewView;
    if (!view) {
      return this.overviewLoad === 'failed' ? this.renderPartPlaceholder('overview', 'failed') : this.renderSkeleton();
    }
    return view.render({
      vm,
      vmName: this.vmName,
      loading: this.vmLoading,
      stale: this.vmError && explain ? explain(this.vmError, this.vmName, this.detail.hub?.config.serverUrl ?? '') : '',
      copied: this.copied,
      retry: () => this.refresh(),
      copy: () => void this.copyUuid(vm.uuid),
    }, kit);
  }

  private renderSkeleton(): TemplateResult {
    return html`<div class="skeleton" aria-busy="true" aria-label="Loading the VM's details">
      ${[1, 2, 3, 4].map(() => html`<div class="sk-card"><div class="sk-line short"></div><div class="sk-line"></div></div>`)}
      <div class="sk-line wide"></div><div class="sk-line wide"></div>
    </div>`;
  }

  private renderConfirm(): TemplateResult {
    const a = this.actions.confirming;
    return html`<dialog
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      @cancel=${(ev: Event) => {
        ev.preventDefault();
        this.actions.closeConfirm(false);
      }}
    >
      ${a && this.confirmView ? this.confirmView.render(a, this.vmName, (ok) => this.actions.closeConfirm(ok), kit) : nothing}
    </dialog>`;
  }

  private async copyUuid(uuid: string): Promise<void> {
    const copied = await this.overviewView!.copy(uuid, this.renderRoot);
    this.copied = copied;
    this.announcement = copied ? 'UUID copied to the clipboard.' : 'Copying was not allowed; the UUID is selected, press Ctrl+C to copy it.';
    if (copied) setTimeout(() => (this.copied = false), 2000);
  }

  private retryAll(): void {
    this.detail.session?.reconnect();
    void this.loadVm(true);
  }

  private updateAnnouncement(status: VmStatus | null): void {
    const c = this.detail.session?.connection;
    const conn = c ? (c.state === 'reconnecting' ? 'reconnecting' : c.state) : '';
    const statusText = status ? STATUS_LABEL[status].toLowerCase() : '';
    const parts: string[] = [];
    if (statusText && statusText !== this.lastAnnounced.status && this.lastAnnounced.status !== '') {
      parts.push(`${this.vmName} is now ${statusText}.`);
    }
    if (conn && conn !== this.lastAnnounced.conn && this.lastAnnounced.conn !== '') {
      // Before the first connection there is nothing to restore or lose; the banner (an alert) speaks.
      if (this.socketWasOpen || conn === 'open') {
        parts.push(conn === 'open' ? 'Live connection restored.' : conn === 'reconnecting' ? 'Connection lost; reconnecting.' : `Connection: ${connectionLabel(c!)}.`);
      }
    }
    if (statusText) this.lastAnnounced.status = statusText;
    if (conn) this.lastAnnounced.conn = conn;
    if (parts.length > 0) this.announcement = parts.join(' ');
  }
}
