import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { emit } from '../../events/index.js';
import type { AuthMode, TokenProvider, VmAction, VmStatus } from '../../hub/index.js';
// Values from their own modules, not the barrels: a bundler that splits code (esbuild) would put
// everything a barrel re-exports, the console session included, into this element's first paint.
import type { VmError } from '../../protocol/errors.js';
import { parseAuthMode } from '../../transport/auth.js';
import type { VmHub } from '../../hub/vm-hub.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { msg, str } from '../../internal/msg.js';
import { HubOwnerController } from '../../controllers/hub-owner-controller.js';
import { PermissionsController } from '../../controllers/permissions-controller.js';
import { nextRovingIndex } from '../../internal/roving-index.js';
import { VmMonitorController } from '../../controllers/session-controller.js';
import { parseConfirmActions } from '../../hub/action-rules.js';
import { CONNECTION_WORDS } from '../../internal/status-words.js';
import { kit } from '../../internal/deferred-parts.js';
import { bannerError } from './banner-error.js';
import { DetailActions } from './detail-actions.js';
import { TABS, renderTab, type VmDetailTab } from './detail-tabs.js';
import { ErrorReport } from '../../internal/error-report.js';
import { LazyViews } from './lazy-views.js';
import { OverviewLoad } from './overview-load.js';
import { OverviewRefresh } from './overview-refresh.js';
import { StatusAnnouncer, noStatusLabel, renderBadge, renderConnection } from './status-view.js';
import { renderPanel } from './tab-panels.js';
import { LazyTicker } from './lazy-ticker.js';
import { styles } from './vm-detail.styles.js';

export type { VmDetailTab } from './detail-tabs.js';

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
 * @fires {CustomEvent<VmActionDetail>} vm-action - Before an action is sent (after any confirmation). Cancelable: call
 *   `preventDefault()` and nothing is sent. `detail: {vmName, action}`.
 * @fires {CustomEvent<VmActionResultDetail>} vm-action-result - When an action has succeeded or failed.
 *   `detail: {vmName, action, success, message, via, code}`.
 * @fires {CustomEvent<VmErrorDetail>} vm-error - When a new error is shown in the banner (auth, VM not found, server error
 *   codes). `detail: {vmName, code, message}`.
 *
 * @csspart base - The outermost wrapper: header, banner, tabs and panels.
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

  // Declared here, not with decorators: the decorators' code and the helper that applies them
  // (about 0.4 KB gzip) would be in this element's first paint only for that; <vm-metrics> and
  // <vm-console> still bring them when they load. The fields below are these properties.
  static override properties: PropertyDeclarations = {
    vmName: { attribute: 'vm-name', reflect: true },
    tab: { reflect: true },
    confirmActions: { attribute: 'confirm-actions' },
    theme: { reflect: true },
    server: {},
    authMode: { attribute: 'auth-mode' },
    tokenProvider: { attribute: false },
    hub: { attribute: false },
    permissions: { attribute: false },
    status: { reflect: true, attribute: 'status' },
    announcement: { state: true, attribute: false },
    copied: { state: true, attribute: false },
  };

  /**
   * The VM to show.
   * @required
   */
  vmName = '';

  /** The selected tab: `overview` (default), `monitoring` or `console`. Reflected. */
  tab: VmDetailTab = 'overview';

  /**
   * Actions that ask for confirmation first, space-separated. Default `stop restart suspend`;
   * `confirm-actions=""` asks for none.
   */
  confirmActions = 'stop restart suspend';

  /** `light` or `dark` forces a theme; otherwise it follows `prefers-color-scheme`. */
  theme: 'light' | 'dark' | undefined;

  /** Own server address; when set (or `tokenProvider` is), the element builds its own hub. */
  server = '';

  /** How the token reaches the server for the element's own hub: `query`, `subprotocol` or `cookie`. */
  authMode: AuthMode = 'query';

  /** Returns the JWT for the element's own hub. */
  tokenProvider: TokenProvider | undefined;

  /** A hub to use (and provide), instead of the one above or a built one. */
  hub: VmHub | undefined;

  /**
   * What the user may do (e.g. `['read','start','stop','console']`), overriding what the hub
   * reads from the token's roles. The server still decides; this only enables the UI.
   */
  permissions: readonly string[] | undefined;

  /** The VM's status as the server last said it (from the socket, else REST). Reflected for CSS. */
  status: VmStatus | undefined;

  /** The live region's words, made at each render: in the locale shown, even one that loaded after. */
  private announcement: () => string = () => '';
  private copied = false;

  private readonly detail = new VmMonitorController(this, {
    vmName: () => this.vmName,
    hub: () => this.hub ?? this.owner.hub,
    onHub: (hub) => this.hubChanged(hub),
    onChange: () => this.refreshes.sessionChanged(),
    onSession: () => {
      this.refreshes.sessionReplaced();
      this.requestUpdate();
    },
  });
  private readonly owner = new HubOwnerController(this, {
    wanted: () => !!(this.server || this.tokenProvider),
    config: () => ({ serverUrl: this.server || undefined, authMode: parseAuthMode(this.authMode), tokenProvider: this.tokenProvider }),
    // A new server or auth mode is a new hub; a new token provider is given to the same one.
    identity: () => `${this.server}\u0000${this.authMode}`,
    onError: (error) => emit(this, 'vm-error', { vmName: this.vmName || null, code: error.code, message: error.message }),
    // After the session controller in the list: its lease is released before the hub goes.
    disposeOnDisconnect: true,
  });
  private readonly access = new PermissionsController(this, { given: () => this.permissions, hub: () => this.detail.hub });
  private readonly actions = new DetailActions(this, {
    vmName: () => this.vmName,
    session: () => this.detail.session,
    hub: () => this.detail.hub,
    status: () => this.overview.vm?.status ?? null,
    permissions: () => this.access.effective,
    badName: () => !!this.detail.nameError,
    confirmActions: () => this.confirmActions,
    dialog: () => this.renderRoot.querySelector('dialog'),
    prepareConfirm: () => this.views.useConfirm(),
  });
  private readonly overview = new OverviewLoad(this);
  private readonly refreshes = new OverviewRefresh({
    overview: this.overview,
    monitor: this.detail,
    vmName: () => this.vmName,
    connected: () => this.isConnected,
    configChanged: () => this.access.refresh(),
  });
  private readonly views = new LazyViews(this);
  private readonly ticker = new LazyTicker(this, () => {
    const session = this.detail.session;
    return session?.status?.status === 'running' || session?.connection.state === 'reconnecting';
  });
  private readonly announcer = new StatusAnnouncer();
  private readonly errors = new ErrorReport();
  /** The locale of its words: `setLocale()`'s, else the nearest `lang` attribute (it renders in it). */
  protected readonly l10n = new LocaleController(this);

  /** The hub this element uses and provides to the elements inside it. */
  get activeHub(): VmHub | null {
    return this.detail.hub;
  }

  /** Reloads the VM's configuration (Overview) from the REST API. */
  refresh(): void {
    this.refreshes.load(true);
  }

  /**
   * Sends an action as the buttons do, without confirmation (the host has asked already).
   * Resolves with whether it succeeded; the outcome is shown and reported as `vm-action-result`.
   */
  runAction(action: VmAction): Promise<boolean> {
    return this.actions.run(action);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.overview.stop();
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
    if (changed.has('tokenProvider')) this.owner.reconfigure();
    if (changed.has('permissions')) this.access.refresh();
    if (changed.has('vmName')) {
      this.refreshes.vmChanged();
      this.actions.clear();
      this.errors.reset();
    }
    // The hub or the session may change with the properties above; follow them before rendering.
    this.detail.sync();
    this.refreshes.sync();
    const s = this.detail.session?.status?.status ?? this.overview.vm?.status;
    if (s !== this.status) this.status = s;
    const said = this.announcer.next(this.vmName, s ?? null, this.detail.session?.connection, this.refreshes.socketWasOpen);
    if (said) this.announcement = said;
    this.ticker.sync();
    if (TABS.includes(this.tab)) this.ensureTabLoaded(this.tab);
  }

  protected override firstUpdated(): void {
    this.views.preload(parseConfirmActions(this.confirmActions).actions.size > 0, () => void this.actions.load().catch(() => undefined));
  }

  protected override updated(): void {
    if (!this.views.texts && (this.overview.error || this.bannerError)) this.views.loadTexts();
    this.errors.report(this, this.vmName, this.bannerError);
  }

  private hubChanged(hub: VmHub | null): void {
    if (hub) this.owner.provide(hub);
    this.refreshes.hubChanged(hub);
    this.access.refresh();
    this.requestUpdate();
  }

  /** The one error the banner shows, most fundamental first. */
  private get bannerError(): VmError | null {
    const session = this.detail.session;
    return bannerError({
      nameError: this.detail.nameError,
      connection: session?.connection,
      restError: this.overview.error,
      haveDetails: !!this.overview.vm,
      serverError: session?.error,
      lastActionError: this.actions.lastError,
    });
  }

  private ensureTabLoaded(tab: VmDetailTab): void {
    if (tab === 'monitoring') this.views.loadPart('metrics');
    else if (tab === 'console' && this.access.allows('console')) this.views.loadPart('console');
  }

  private selectTab(tab: VmDetailTab, focus: boolean): void {
    this.tab = tab;
    if (focus) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
    }
  }

  /** Arrow keys, Home and End select and focus a tab, as in every roving group of the library. */
  private readonly onTabKey = (ev: KeyboardEvent): void => {
    const next = nextRovingIndex(ev.key, TABS.indexOf(this.tab), TABS.length);
    if (next === null) return;
    ev.preventDefault();
    this.selectTab(TABS[next]!, true);
  };

  /** Hovering or focusing the outcome holds it; leaving lets it go after the full delay again. */
  private readonly holdOutcome = (ev: Event) => this.actions.hold(!!this.views.texts?.outcomeHeld(ev));

  private async copyUuid(uuid: string): Promise<void> {
    const overview = this.views.overview!;
    const copied = await overview.copy(uuid, this.renderRoot);
    this.copied = copied;
    this.announcement = () => overview.copiedText(copied, kit);
    if (copied) setTimeout(() => (this.copied = false), 2000);
  }

  private retryAll(): void {
    this.detail.session?.reconnect();
    this.refreshes.load(true);
  }

  protected override render(): TemplateResult {
    const session = this.detail.session;
    const st = session?.status ?? null;
    const vm = this.overview.vm;
    const status: VmStatus | null = st?.status ?? vm?.status ?? null;
    const raw = st?.rawStatus ?? vm?.rawStatus ?? '';
    const texts = this.views.texts;
    const explain = texts?.explainError;
    // An error is shown once its text is here (the same frame, or the next one).
    const banner = explain && this.bannerError;
    const restCode = this.overview.error?.code;
    const serverUrl = this.detail.hub?.config.serverUrl ?? '';
    const who = this.vmName || msg('the VM', { id: 'detail.theVm' });
    const sections = this.vmName || msg('VM', { id: 'detail.vm' });
    const confirm = this.views.confirm;
    const panels = {
      tab: this.tab,
      vmName: this.vmName,
      theme: this.theme,
      views: this.views,
      details: this.overview,
      consoleAllowed: this.access.allows('console'),
      serverUrl,
      copied: this.copied,
      retryTab: () => this.ensureTabLoaded(this.tab),
      refresh: () => this.refresh(),
      copy: (uuid: string) => void this.copyUuid(uuid),
    };
    return html`
      <div class="root" part="base">
        <header part="header" class="header">
          <div class="identity">
            <h2 class="name" id="vm-title">${this.vmName || CONNECTION_WORDS.noVm}</h2>
            ${renderBadge(status, raw, noStatusLabel(session?.connection, this.overview.error, this.detail.nameError))} ${this.ticker.renderUptime(status === 'running' ? session?.currentUptime(this.ticker.now) : null)}
          </div>
          ${renderConnection({
            connection: session?.connection,
            now: this.ticker.now,
            wasOpen: this.refreshes.socketWasOpen,
            restDown: restCode === 'NETWORK_ERROR' || restCode === 'TIMEOUT',
            restFallback: this.detail.hub?.config.restFallback !== false,
            bannerRetry: !!(texts && this.bannerError),
            retry: () => this.retryAll(),
          })}
          <div part="actions" class="actions" role="group" aria-label=${msg(str`Actions for ${who}`, { id: 'detail.actions' })}>
            ${this.actions.renderButtons((s) => (s.why ? texts?.reasonText(s.action, s.why, this.vmName, kit) : undefined))}
          </div>
          <slot name="header-end"></slot>
        </header>
        <div part="banner" class="banner" role="alert" ?hidden=${!banner}>
          ${banner
            ? html`<span class="banner-text">${explain(banner, this.vmName, serverUrl, kit)}</span>
                <code class="banner-code" title=${msg('Error code from the server', { id: 'detail.errorCode' })}>${banner.code}</code>
                <button class="link" @click=${() => this.retryAll()}>${msg('Try again', { id: 'common.tryAgain' })}</button>`
            : nothing}
        </div>
        <div class="outcome-region" role="status" aria-live="polite">
          ${texts ? texts.renderOutcome(this.actions.outcome, session?.confirmingAction, this.vmName, this.holdOutcome, () => this.actions.clear(), kit) : nothing}
        </div>
        <div part="tabs" class="tabs" role="tablist" aria-label=${msg(str`${sections} sections`, { id: 'detail.tabs' })} @keydown=${this.onTabKey}>
          ${TABS.map((t) =>
            // Locked with its padlock and words (internal/deferred-texts.ts): they come right after the first paint, the permissions later.
            renderTab(t, this.tab === t, !!texts && t === 'console' && !this.access.allows('console'), (tab) => this.selectTab(tab, false), texts?.renderLock(kit)),
          )}
        </div>
        ${TABS.map((t) => renderPanel(t, panels))}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement()}</div>
        ${this.actions.renderConfirm(confirm ? (a, close) => confirm.render(a, this.vmName, close, kit) : null)}
      </div>
    `;
  }
}
