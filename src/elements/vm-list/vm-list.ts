import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import { property, query, state } from 'lit/decorators.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { emit } from '../../events/index.js';
import type { FleetPoller } from '../../hub/fleet-poller.js';
import { fleetOf } from '../../hub/fleet.js';
import type { MonitorSession } from '../../hub/monitor-session.js';
import type { VmHub } from '../../hub/vm-hub.js';
import type { VmError } from '../../protocol/errors.js';
import type { VmAction, VmStatus } from '../../protocol/types.js';
import { HubResolver } from '../../internal/hub-resolver.js';
import { FrameBatcher } from '../../internal/frame-batcher.js';
import { LeaseVisibilityController } from '../../controllers/lease-visibility-controller.js';
import { PermissionsController } from '../../controllers/permissions-controller.js';
// The action rules, words and running every element shares; the confirmation and the disabled
// reasons load after the first paint (internal/deferred-parts.ts), as on <vm-detail>.
import { actionState, parseConfirmActions, type ActionState } from '../../hub/action-rules.js';
import { ActionController } from '../../controllers/action-controller.js';
import { renderConfirmDialog } from '../../internal/confirm-dialog.js';
import type { SessionLease } from '../../hub/vm-hub.js';
import { addStyles, afterPaint, kit, loadConfirm, loadTexts } from '../../internal/deferred-parts.js';
import { buildView, isSortKey, parseStatuses, SORT_KEYS, type FleetRow, type FleetView, type SortDirection, type SortKey } from './fleet-view.js';
import { moveInGrid, type GridPos } from './grid-keys.js';
import { RowLeases } from './row-leases.js';
import { RowRanges } from './row-ranges.js';
import { CARD_HEIGHT, CARDS_BELOW, ROW_HEIGHT, rowLayout } from './row-layout.js';
import { CELL_COLS, COLUMN_LABEL, renderRow, type RowHandlers } from './fleet-row.js';
import { renderListError, renderLoading, renderMessage, renderNoMatch } from './list-messages.js';
import { renderSummary, shownText, toggleStatus } from './status-summary.js';
import { styles } from './vm-list.styles.js';import { LocaleController } from '../../controllers/locale-controller.js';
import { msg } from '../../internal/msg.js';


/** The quick actions a row offers; the rest live in `<vm-detail>`. */
const ROW_ACTIONS: readonly VmAction[] = ['start', 'stop'];
/** Grid columns as the keyboard walks them: six cells, then each action button. */
const NAV_COLS = CELL_COLS + ROW_ACTIONS.length;
/**
 * Live values re-render the rows at most this often: their samples come once a second at best, and
 * each render lays out and paints every row on screen. A status change renders at once.
 */
const RENDER_MS = 1000;
/** A row must stay rendered this long before it takes a session: a fling opens no sockets. */
const SETTLE_MS = 250;

/**
 * Every VM the user may read, as one virtualized grid: status, name, description, live CPU and
 * memory with a sparkline, uptime, and Start/Stop. It lists the fleet from the hub's paginated
 * REST poll (`fleetOf(hub)`), so 10,000 VMs cost one list, not 10,000 sockets: only the rows on
 * screen are rendered, and only they hold live sessions, within the page's socket budget.
 *
 * Filter, status filter and sort are attributes (a host can deep-link them); a row chosen with a
 * click or Enter fires `vm-select`. Keyboard: the WAI-ARIA grid pattern (arrow keys, Home/End,
 * Ctrl+Home/End, PageUp/PageDown). Below 800 px of its own width the rows become cards.
 *
 * Uses the hub of a `<vm-connection>` (or `<vm-detail>`) above it, else its `hub` property, else
 * the page-wide default hub.
 *
 * @tagname vm-list
 * @summary The fleet: every VM with live status, CPU, memory and quick actions, virtualized.
 *
 * @fires {CustomEvent<VmSelectDetail>} vm-select - A row was chosen (click, or Enter on a cell).
 *   Cancelable: `preventDefault()` keeps `selected` as it was. `detail: {vmName}`.
 * @fires {CustomEvent<VmActionDetail>} vm-action - Before Start/Stop is sent (after any
 *   confirmation). Cancelable: `preventDefault()` and nothing is sent. `detail: {vmName, action}`.
 * @fires {CustomEvent<VmActionResultDetail>} vm-action-result - When an action has succeeded or
 *   failed. `detail: {vmName, action, success, message, via, code}`.
 * @fires {CustomEvent<VmErrorDetail>} vm-error - When the list cannot be loaded (the server is
 *   unreachable, or the user may not list VMs). `detail: {vmName: null, code, message}`.
 *
 * @csspart base - The outermost wrapper: toolbar, summary, grid and messages.
 * @csspart toolbar - The bar with the filter field and the status summary.
 * @csspart filter-input - The text filter field.
 * @csspart summary - The line of counts per status (each a filter toggle).
 * @csspart status-chip - Each status toggle in the summary.
 * @csspart grid - The grid (header and rows).
 * @csspart header-row - The row of column headers.
 * @csspart row - Each VM's row (a card at phone width).
 * @csspart status-badge - Each row's status badge.
 * @csspart sparkline - Each CPU or memory sparkline.
 * @csspart action-button - Each Start/Stop button.
 * @csspart message - The loading, empty, no-permission and unreachable messages.
 *
 * @cssproperty --vm-list-height - Height of the element (default 480px); the rows scroll inside.
 * @cssproperty --vm-color-bg - Background.
 * @cssproperty --vm-color-surface - Background of the header row and the toolbar.
 * @cssproperty --vm-color-border - Borders and dividers.
 * @cssproperty --vm-color-text - Text.
 * @cssproperty --vm-color-text-muted - Secondary text.
 * @cssproperty --vm-color-accent - Selected row, pressed filters, sparklines.
 * @cssproperty --vm-color-accent-text - Text on the accent colour.
 * @cssproperty --vm-color-success - Running status.
 * @cssproperty --vm-color-warning - Paused/suspended status.
 * @cssproperty --vm-color-danger - Crashed/error status, Stop.
 * @cssproperty --vm-color-focus - Focus ring.
 * @cssproperty --vm-radius - Corner radius.
 * @cssproperty --vm-font-family - Font.
 * @cssproperty --vm-font-size - Base font size.
 */
export class VmList extends LitElement {
  static override styles = styles;

  /** Text filter: VMs whose name or description contains it (case and accents ignored). Reflected. */
  @property({ reflect: true }) filter = '';

  /** Status filter, space-separated (`running paused`); empty shows every status. Reflected. */
  @property({ attribute: 'status-filter', reflect: true }) statusFilter = '';

  /** The column sorted by: `status`, `name` (default), `description`, `cpu`, `memory` or `uptime`. Reflected. */
  @property({ reflect: true }) sort: SortKey = 'name';

  /** `ascending` (default) or `descending`. Reflected. */
  @property({ attribute: 'sort-direction', reflect: true }) sortDirection: SortDirection = 'ascending';

  /** The chosen VM's name (set by `vm-select` unless cancelled, or by the host). Reflected. */
  @property({ reflect: true }) selected = '';

  /** Actions that ask for confirmation first, as on `<vm-detail>`. Default `stop restart suspend`. */
  @property({ attribute: 'confirm-actions' }) confirmActions = 'stop restart suspend';

  /** The grid's accessible name; unset: "Virtual machines" in the element's language. */
  @property() label = '';

  /**
   * BCP 47 locale for sorting, numbers and times. It wins over the page's: unset, they follow
   * `setLocale()`, else the nearest `lang` attribute (as the words do), else the browser's locale.
   */
  @property() locale: string | undefined;

  /** The locale of its words (and, without a `locale` property, of its numbers and sorting). */
  private readonly l10n = new LocaleController(this);
  private builtIn: string | undefined;

  /** `light` or `dark` forces a theme; otherwise it follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** A hub to use instead of the one above (or the page default). */
  @property({ attribute: false }) hub: VmHub | undefined;

  /** What the user may do (e.g. `['read','start','stop']`), overriding the token's roles; the server still decides. */
  @property({ attribute: false }) permissions: readonly string[] | undefined;

  @state() private view: FleetView | null = null;
  @state() private listError: VmError | null = null;
  @state() private noFleet = false;
  @state() private active: GridPos = { row: 1, col: 1 };
  /** The live region's words, made at each render (in the locale shown, even one that loaded after). */
  @state() private announcement: () => string = () => '';
  @state() private texts: Awaited<ReturnType<typeof loadTexts>> | null = null;
  @state() private confirmView: Awaited<ReturnType<typeof loadConfirm>> | null = null;

  @query('.body') private body!: (HTMLElement & Partial<VirtualizerHostElement>) | null;
  @query('dialog') private dialog!: HTMLDialogElement | null;

  private readonly resolver = new HubResolver(this, () => this.requestUpdate());
  private readonly batcher = new FrameBatcher(this);
  /**
   * Samples re-render the rows at most every RENDER_MS: forty live rows at 1 Hz arrive at forty
   * different moments, and one render per frame for each cost a quarter of the main thread.
   */
  private readonly leases = new RowLeases((urgent) => (urgent ? this.batcher.schedule() : this.renderSoon()));
  private renderTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the rows are cards (the styles' container query, told to the virtualizer). */
  private readonly cards = new ResizeController<boolean>(this, {
    callback: (entries) => {
      const w = entries[entries.length - 1]?.contentRect.width ?? this.clientWidth;
      return w > 0 && w < CARDS_BELOW;
    },
  });
  private fleet: FleetPoller | null = null;
  private fleetHub: VmHub | null = null;
  private offFleet: (() => void) | null = null;
  private permissionsFor: VmHub | null = null;
  /** What the user may do: the `permissions` property, else the token's roles (as on <vm-detail>). */
  private readonly access = new PermissionsController(this, { given: () => this.permissions, hub: () => this.activeHub });
  private readonly ranges = new RowRanges();
  /** The first rendered item's index: rows are keyed by their place after it. */
  private slotBase = 0;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private shown = false;
  private focusWanted = false;
  private lastErrorKey = '';
  /** The VM whose button was pressed last: the shared action controller acts on one VM at a time. */
  private actionVm = '';
  /** Its session while it acts, whether or not its row still holds one (it may scroll away). */
  private actionLease: SessionLease<MonitorSession> | null = null;
  private actionLeaseHub: VmHub | null = null;
  private readonly actions = new ActionController(this, {
    vmName: () => this.actionVm,
    session: () => this.actionSession(),
    hub: () => this.activeHub,
    permissions: () => this.effectivePermissions,
    confirmActions: () => this.confirmActions,
    dialog: () => this.dialog,
    prepareConfirm: () =>
      loadConfirm().then((m) => {
        addStyles(this.renderRoot as ShadowRoot, m.sheet);
        this.confirmView = m;
      }),
  });

  constructor() {
    super();
    new LeaseVisibilityController(this, {
      setVisible: (v) => {
        this.shown = v;
        this.leases.setShown(v);
        this.syncTicker();
      },
    });
  }

  /** The hub in use: the `hub` property, else the one above, else the page default. */
  get activeHub(): VmHub | null {
    return this.hub ?? this.resolver.hub;
  }

  /** The VMs shown, in order, after filter and sort (names). */
  get shownNames(): string[] {
    return this.view?.rows.map((r) => r.vm.name) ?? [];
  }

  /** Lists the fleet again now (the list also refreshes itself at the hub's `fleetPollMs`). */
  refresh(): Promise<void> {
    return this.fleet?.refresh() ?? Promise.resolve();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolver.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resolver.disconnect();
    this.permissionsFor = null;
    this.bindFleet(null);
    this.leases.releaseAll();
    this.batcher.cancel();
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = null;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    this.actionLease?.release();
    this.actionLease = null;
    this.stopTicker();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sort') && !isSortKey(this.sort)) {
      console.warn(`<vm-list>: sort="${String(this.sort)}" is not one of ${SORT_KEYS.join(', ')}; sorting by name.`);
      this.sort = 'name';
    }
    if (changed.has('sortDirection') && this.sortDirection !== 'ascending' && this.sortDirection !== 'descending') {
      console.warn(`<vm-list>: sort-direction="${String(this.sortDirection)}" is not ascending or descending; using ascending.`);
      this.sortDirection = 'ascending';
    }
    if (changed.has('statusFilter')) {
      const { unknown } = parseStatuses(this.statusFilter);
      if (unknown.length > 0) console.warn(`<vm-list>: status-filter ignores unknown status(es): ${unknown.join(', ')}.`);
    }
    if (changed.has('confirmActions')) {
      const { unknown } = parseConfirmActions(this.confirmActions);
      if (unknown.length > 0) console.warn(`<vm-list>: confirm-actions ignores unknown action(s): ${unknown.join(', ')}.`);
    }
    const hub = this.isConnected ? this.activeHub : null;
    if (hub !== this.fleetHub) this.bindFleet(hub);
    if (hub !== this.permissionsFor || changed.has('permissions')) {
      this.permissionsFor = hub;
      this.access.refresh();
    }
    // The page's locale may have changed too (LocaleController): it sorts and counts.
    const queryChanged = ['filter', 'statusFilter', 'sort', 'sortDirection', 'locale'].some((k) => changed.has(k as keyof VmList)) || this.localeOrDefault !== this.builtIn;
    if (queryChanged) this.rebuild(true);
  }

  protected override firstUpdated(): void {
    // The disabled reasons and the confirmation come right after the first paint, as on <vm-detail>.
    afterPaint(() => {
      if (!this.isConnected) return;
      loadTexts().then(
        (m) => {
          addStyles(this.renderRoot as ShadowRoot, m.sheet);
          this.texts = m;
        },
        (e: unknown) => console.warn('<vm-list>: could not load the disabled-action reasons:', e),
      );
    });
  }

  protected override updated(): void {
    this.reportError();
    if (this.focusWanted) void this.focusActive();
  }

  // ---- fleet list, permissions --------------------------------------------------------------

  private bindFleet(hub: VmHub | null): void {
    this.offFleet?.();
    this.offFleet = null;
    this.fleetHub = hub;
    this.fleet = hub ? fleetOf(hub) : null;
    this.noFleet = !!hub && !this.fleet;
    this.view = null;
    this.listError = null;
    if (this.fleet) {
      this.offFleet = this.fleet.subscribe(() => this.fleetChanged());
      if (this.fleet.vms) this.fleetChanged();
    }
    this.scheduleSettle();
  }

  private fleetChanged(): void {
    const f = this.fleet;
    if (!f) return;
    this.listError = f.error;
    if (f.vms) this.rebuild(false);
  }

  private get effectivePermissions(): ReadonlySet<string> | null {
    return this.access.effective;
  }

  private get localeOrDefault(): string | undefined {
    return this.locale || this.l10n.formatLocale;
  }

  /** Filters and sorts the fleet again (on a new list or a new query, not on every sample). */
  private rebuild(queryChanged: boolean): void {
    const vms = this.fleet?.vms;
    if (!vms) return;
    const before = this.view;
    this.builtIn = this.localeOrDefault;
    this.view = buildView(
      {
        vms,
        statusOf: (vm) => this.leases.session(vm.name)?.status?.status ?? vm.status,
        seen: (name) => this.leases.seen(name),
      },
      {
        text: this.filter,
        statuses: parseStatuses(this.statusFilter).statuses,
        sort: isSortKey(this.sort) ? this.sort : 'name',
        direction: this.sortDirection === 'descending' ? 'descending' : 'ascending',
        locale: this.localeOrDefault,
      },
    );
    const n = this.view.rows.length;
    if (this.active.row > n) this.active = { row: Math.min(1, n), col: this.active.col };
    const view = this.view;
    const locale = this.localeOrDefault;
    if (queryChanged || !before) this.announcement = () => shownText(view, locale);
    this.scheduleSettle();
  }

  private reportError(): void {
    const e = this.listError;
    const key = e ? `${e.code}\u0000${e.message}` : '';
    if (key === this.lastErrorKey) return;
    this.lastErrorKey = key;
    if (e) emit(this, 'vm-error', { vmName: null, code: e.code, message: e.message });
  }

  // ---- which rows hold sessions -------------------------------------------------------------

  private readonly onRange = (e: RangeChangedEvent) => {
    // Before the virtualizer renders the new range (its listener comes after this one).
    this.slotBase = e.first;
    this.ranges.setRendered(e);
    this.keepActiveInReach();
    this.scheduleSettle();
  };

  private readonly onVisibleRange = (e: VisibilityChangedEvent) => {
    this.ranges.setShown(e);
    this.scheduleSettle();
  };

  private scheduleSettle(): void {
    if (this.settleTimer || !this.isConnected) return;
    this.settleTimer = setTimeout(() => this.settle(), SETTLE_MS);
  }

  /**
   * Leases sessions for the rows rendered since the last look (a row that came and went within
   * SETTLE_MS, as in a fling, never opens a socket); the rows on screen ask for theirs first.
   */
  private settle(): void {
    this.settleTimer = null;
    const { stable, shown, moving } = this.ranges.look(this.view?.rows ?? [], (r) => r.vm.name);
    this.leases.sync(this.isConnected ? this.activeHub : null, stable, shown);
    // Still moving: look again, so rows that stay get their session without waiting for a stop.
    if (moving) this.scheduleSettle();
    this.syncTicker();
    this.requestUpdate();
  }

  private renderSoon(): void {
    if (this.renderTimer) return;
    this.renderTimer = setTimeout(() => {
      this.renderTimer = null;
      this.batcher.schedule();
    }, RENDER_MS);
  }

  /** The uptime counts on while a running VM is on screen. */
  private syncTicker(): void {
    const wants = this.shown && this.leases.size > 0;
    if (wants && !this.ticker) this.ticker = setInterval(() => this.renderSoon(), 1000);
    else if (!wants) this.stopTicker();
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  // ---- selection, keyboard ------------------------------------------------------------------

  private select(vmName: string): void {
    if (!emit(this, 'vm-select', { vmName }, { cancelable: true })) return;
    this.selected = vmName;
  }

  private sortBy(key: SortKey): void {
    if (this.sort === key) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sort = key;
      // Live values read best highest first; words from A.
      this.sortDirection = key === 'cpu' || key === 'memory' || key === 'uptime' ? 'descending' : 'ascending';
    }
  }

  private readonly onGridFocus = (ev: FocusEvent) => {
    const pos = (ev.target as HTMLElement).closest<HTMLElement>('[data-pos]')?.dataset.pos;
    if (!pos) return;
    const [row, col] = pos.split(',').map(Number) as [number, number];
    if (row !== this.active.row || (col !== this.active.col && !(row === 0 && col === CELL_COLS && this.active.col >= CELL_COLS))) {
      this.active = { row, col };
    }
  };

  private readonly onGridKey = (ev: KeyboardEvent) => {
    const rows = this.view?.rows.length ?? 0;
    const onButton = (ev.target as HTMLElement).localName === 'button';
    if ((ev.key === 'Enter' || ev.key === ' ') && !onButton && this.active.row >= 1) {
      const row = this.view?.rows[this.active.row - 1];
      if (row) {
        ev.preventDefault();
        this.select(row.vm.name);
      }
      return;
    }
    const page = this.pageRows();
    const next = moveInGrid(ev.key, ev.ctrlKey || ev.metaKey, this.active, { rows, cols: NAV_COLS, pageRows: page });
    if (!next) return;
    ev.preventDefault();
    this.active = next;
    this.focusWanted = true;
    if (next.row >= 1) this.body?.[virtualizerRef]?.element(next.row - 1)?.scrollIntoView({ block: 'nearest' });
  };

  /** Rows in one screenful, less one kept for context (PageUp/PageDown). */
  private pageRows(): number {
    const body = this.body;
    const first = body?.querySelector<HTMLElement>('[role="row"]');
    if (!body || !first || first.offsetHeight === 0) return 1;
    return Math.max(1, Math.floor(body.clientHeight / first.offsetHeight) - 1);
  }

  /** Focuses the active cell once the virtualizer has rendered its row (a few frames at most). */
  private async focusActive(): Promise<void> {
    this.focusWanted = false;
    for (let i = 0; i < 10; i++) {
      const el = this.activeElement();
      if (el) {
        el.focus({ preventScroll: el.closest('.body') === null });
        if (el.closest('.body')) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        return;
      }
      await new Promise((r) => requestAnimationFrame(r));
    }
  }

  private activeElement(): HTMLElement | null {
    const { row, col } = this.active;
    const c = row === 0 ? Math.min(col, CELL_COLS) : col;
    return this.renderRoot.querySelector<HTMLElement>(`[data-pos="${row},${c}"]`);
  }

  /** A roving tabindex: the one active cell is in the Tab order; keep it among the rendered rows. */
  private keepActiveInReach(): void {
    const { rendered, shownRange } = this.ranges;
    if (this.matches(':focus-within') || this.active.row === 0 || rendered.first < 0) return;
    const i = this.active.row - 1;
    if (i >= rendered.first && i <= rendered.last) return;
    const first = shownRange.first >= 0 ? shownRange.first : rendered.first;
    this.active = { row: first + 1, col: this.active.col };
  }

  private tab(row: number, col: number): number {
    const a = this.active;
    const hit = row === 0 && col === CELL_COLS ? a.row === 0 && a.col >= CELL_COLS : a.row === row && a.col === col;
    return hit ? 0 : -1;
  }

  // ---- actions ------------------------------------------------------------------------------

  private actionStates(vmName: string, status: VmStatus, s: MonitorSession | null): ActionState[] {
    const input = {
      status,
      permissions: this.effectivePermissions,
      connection: s?.connection ?? null,
      restFallback: this.activeHub?.config.restFallback !== false,
      pending: s?.pendingActions ?? new Set<VmAction>(),
      vmName,
    };
    return ROW_ACTIONS.map((a) => actionState(a, input));
  }

  private actionSession(): MonitorSession | null {
    const hub = this.activeHub;
    if (!hub || !this.actionVm) return null;
    if (this.actionLease?.session.vmName !== this.actionVm || this.actionLeaseHub !== hub) {
      this.actionLease?.release();
      this.actionLease = hub.monitor(this.actionVm);
      this.actionLeaseHub = hub;
    }
    return this.actionLease.session;
  }

  private onAction(vmName: string, st: ActionState, ev: Event): void {
    ev.stopPropagation();
    if (!st.enabled) return;
    this.actionVm = vmName;
    this.actions.activate(st, ev.currentTarget as HTMLElement);
  }

  /**
   * Sends Start or Stop for a VM as its row's button does, without confirmation (the host has
   * asked already). Resolves with whether it succeeded; reported as `vm-action-result`.
   */
  runAction(vmName: string, action: VmAction): Promise<boolean> {
    this.actionVm = vmName;
    return this.actions.run(action);
  }

  // ---- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const v = this.view;
    return html`<div class="base" part="base">
      <div class="toolbar" part="toolbar">
        <label class="filter">
          <span class="visually-hidden">${msg('Filter VMs by name or description', { id: 'list.filter.label' })}</span>
          <input
            part="filter-input"
            type="search"
            placeholder=${msg('Filter by name or description', { id: 'list.filter' })}
            .value=${this.filter}
            @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
          />
        </label>
        ${v ? renderSummary(v, this.statusFilter, this.localeOrDefault, (s) => (this.statusFilter = toggleStatus(this.statusFilter, s))) : nothing}
      </div>
      ${this.renderOutcome()}
      <div class="visually-hidden" role="status">${this.announcement()}</div>
      ${this.renderMain(v)} ${this.renderConfirm()}
    </div>`;
  }

  private renderMain(v: FleetView | null): TemplateResult {
    const e = this.listError;
    if (this.noFleet) {
      return renderMessage(
        'none',
        msg('No VM list here', { id: 'list.none.title' }),
        msg('Listing VMs is switched off for this connection (its hub has fleetPollMs: false).', { id: 'list.none' }),
      );
    }
    // Not signed in, or not allowed: a list read before says nothing the user may still see.
    if (e && (!v || e.code === 'AUTH_ERROR' || e.code === 'PERMISSION_DENIED')) return this.errorMessage(e, false);
    if (!v) return renderLoading();
    if (v.total === 0) return renderMessage('empty', msg('No VMs', { id: 'list.empty.title' }), msg('This server has no VMs, or none you are allowed to see.', { id: 'list.empty' }));
    return html`${e ? this.errorMessage(e, true) : nothing}
      ${v.rows.length === 0 ? renderNoMatch(this.clearFilters) : this.renderGrid(v)}`;
  }

  private readonly clearFilters = () => {
    this.filter = '';
    this.statusFilter = '';
  };

  /** The list could not be loaded: why, in words; `stale` when an older list is still shown. */
  private errorMessage(e: VmError, stale: boolean): TemplateResult {
    return renderListError(e, stale, this.activeHub?.config.serverUrl || location.origin, () => void this.refresh());
  }

  private renderGrid(v: FleetView): TemplateResult {
    return html`<div
      class="grid"
      part="grid"
      role="grid"
      aria-label=${this.label || msg('Virtual machines', { id: 'list.label' })}
      aria-rowcount=${v.rows.length + 1}
      aria-colcount=${CELL_COLS + 1}
      @keydown=${this.onGridKey}
      @focusin=${this.onGridFocus}
    >
      <div class="head-wrap" role="rowgroup">
        <div class="row head" part="header-row" role="row" aria-rowindex="1">
          ${SORT_KEYS.map((k, i) => this.renderHeader(k, i))}
          <div class="cell actions" role="columnheader" aria-colindex=${CELL_COLS + 1} tabindex=${this.tab(0, CELL_COLS)} data-pos="0,${CELL_COLS}">${msg('Actions', { id: 'list.col.actions' })}</div>
        </div>
      </div>
      <div class="body" role="rowgroup" @rangeChanged=${this.onRange} @visibilityChanged=${this.onVisibleRange}>
        ${virtualize({
          items: v.rows,
          // By place in the rendered range, not by VM: a row scrolled out is reused for the one
          // scrolled in (its parts updated), instead of a new row built and the old one removed.
          keyFunction: (_r: FleetRow, i: number) => i - this.slotBase,
          renderItem: (r: FleetRow, i: number) => this.renderRow(r, i),
          scroller: true,
          layout: rowLayout(this.cards.value ? CARD_HEIGHT : ROW_HEIGHT),
        })}
      </div>
    </div>`;
  }

  private renderHeader(k: SortKey, i: number): TemplateResult {
    const sorted = this.sort === k;
    const arrow = sorted ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '';
    return html`<div class="cell col-${k}" role="columnheader" aria-colindex=${i + 1} aria-sort=${sorted ? this.sortDirection : nothing}>
      <button class="sort" tabindex=${this.tab(0, i)} data-pos="0,${i}" @click=${() => this.sortBy(k)}>
        ${COLUMN_LABEL[k]}<span class="arrow" aria-hidden="true">${arrow}</span>
      </button>
    </div>`;
  }

  private renderRow(r: FleetRow, index: number): TemplateResult {
    const name = r.vm.name;
    const s = this.leases.session(name);
    const status = s?.status?.status ?? r.status;
    const latest = s?.history?.latest() ?? null;
    const seen = this.leases.seen(name);
    return renderRow(
      {
        name,
        description: r.vm.description,
        index,
        status,
        live: s?.connection.state === 'open',
        selected: this.selected === name,
        cpu: latest ? latest.cpu : (seen?.cpu ?? NaN),
        memory: latest ? latest.memPct : (seen?.memory ?? NaN),
        uptime: s?.status ? (s.currentUptime() ?? NaN) : NaN,
        history: s?.history,
        actions: this.actionStates(name, status, s),
        locale: this.localeOrDefault,
      },
      this.rowHandlers,
    );
  }

  private readonly rowHandlers: RowHandlers = {
    tab: (row, col) => this.tab(row, col),
    select: (vmName) => this.select(vmName),
    reason: (st, vmName) => (st.why ? this.texts?.reasonText(st.action, st.why, vmName, kit) : undefined),
    act: (vmName, st, ev) => this.onAction(vmName, st, ev),
  };

  private renderOutcome(): TemplateResult {
    const o = this.actions.outcome;
    // The shared controller words it for one VM's page; a list says which VM.
    return html`<div class="outcome-region" role="status" aria-live="polite">
      ${o
        ? html`<div class="outcome ${o.ok ? 'ok' : 'failed'}" data-ok=${String(o.ok)}>
            <span>${this.actionVm}: ${o.text}</span
            ><button class="link" aria-label=${msg('Dismiss message', { id: 'texts.dismiss' })} @click=${() => this.actions.clear()}>✕</button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderConfirm(): TemplateResult {
    const view = this.confirmView;
    return renderConfirmDialog(this.actions, view ? (a, close) => view.render(a, this.actionVm, close, kit) : null);
  }

}
