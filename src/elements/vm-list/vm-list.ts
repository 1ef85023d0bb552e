import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import { property, query, state } from 'lit/decorators.js';
import { virtualize, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { emit } from '../../events/index.js';
import type { VmHub } from '../../hub/vm-hub.js';
import type { VmError } from '../../protocol/errors.js';
import type { VmAction } from '../../protocol/types.js';
import { HubResolver } from '../../internal/hub-resolver.js';
import { ErrorReport } from '../../internal/error-report.js';
import { PermissionsController } from '../../controllers/permissions-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { msg } from '../../internal/msg.js';
import { FleetController } from '../../controllers/fleet-controller.js';
import { buildView, isSortKey, parseStatuses, type FleetRow, type FleetView, type SortDirection, type SortKey } from './fleet-view.js';
import { checkDirection, checkSort, confirmActionsWarning, nextSort, statusFilterWarning, warn, warned } from './list-query.js';
import { GridNavController } from './grid-nav-controller.js';
import { LiveRowsController } from './live-rows-controller.js';
import { rowsInView } from './row-ranges.js';
import { ROW_ACTIONS, RowActionsController } from './row-actions-controller.js';
import { CARD_HEIGHT, CARDS_BELOW, ROW_HEIGHT, rowLayout } from './row-layout.js';
import { CELL_COLS, renderRow, type RowHandlers } from './fleet-row.js';
import { renderHeaderRow } from './grid-header.js';
import { renderEmpty, renderListError, renderLoading, renderNoFleet, renderNoMatch } from '../../internal/fleet-messages.js';
import { renderSummary, shownText, toggleStatus } from './status-summary.js';
import { styles } from './vm-list.styles.js';

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
  /** The live region's words, made at each render (in the locale shown, even one that loaded after). */
  @state() private announcement: () => string = () => '';

  @query('.body') private body!: (HTMLElement & Partial<VirtualizerHostElement>) | null;
  @query('dialog') private dialog!: HTMLDialogElement | null;

  private readonly resolver = new HubResolver(this, () => this.requestUpdate());
  /** Whether the rows are cards (the styles' container query, told to the virtualizer). */
  private readonly cards = new ResizeController<boolean>(this, {
    callback: (entries) => {
      const w = entries[entries.length - 1]?.contentRect.width ?? this.clientWidth;
      return w > 0 && w < CARDS_BELOW;
    },
  });
  private readonly fleet = new FleetController(this, () => this.fleetChanged());
  /** `vm-error` once per failure of the list, not on every failed poll. */
  private readonly errors = new ErrorReport();
  private permissionsFor: VmHub | null = null;
  /** What the user may do: the `permissions` property, else the token's roles (as on <vm-detail>). */
  private readonly access = new PermissionsController(this, { given: () => this.permissions, hub: () => this.activeHub });
  private readonly actions = new RowActionsController(this, {
    hub: () => this.activeHub,
    permissions: () => this.access.effective,
    confirmActions: () => this.confirmActions,
    dialog: () => this.dialog,
  });
  private readonly live = new LiveRowsController(this, {
    rows: () => this.view?.rows ?? [],
    hub: () => this.activeHub,
    rangeChanged: () => this.nav.keepInReach(this.live.ranges.rendered, this.live.ranges.shownRange),
    inView: () => rowsInView(this.renderRoot.querySelector('.body')),
  });
  private readonly nav = new GridNavController(this, {
    rows: () => this.view?.rows.length ?? 0,
    // Each row's cells, then each action button.
    cols: CELL_COLS + ROW_ACTIONS.length,
    cells: CELL_COLS,
    body: () => this.body,
    choose: (index) => {
      const row = this.view?.rows[index];
      if (row) this.select(row.vm.name);
      return !!row;
    },
  });

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
    return this.fleet.poller?.refresh() ?? Promise.resolve();
  }

  /**
   * Sends Start or Stop for a VM as its row's button does, without confirmation (the host has
   * asked already). Resolves with whether it succeeded; reported as `vm-action-result`.
   */
  runAction(vmName: string, action: VmAction): Promise<boolean> {
    return this.actions.run(vmName, action);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolver.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resolver.disconnect();
    this.permissionsFor = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A deep link may hold anything: an unknown value is said, and the default (or the known words) used.
    if (changed.has('sort')) this.sort = warned(checkSort(String(this.sort)));
    if (changed.has('sortDirection')) this.sortDirection = warned(checkDirection(String(this.sortDirection)));
    if (changed.has('statusFilter')) warn(statusFilterWarning(this.statusFilter));
    if (changed.has('confirmActions')) warn(confirmActionsWarning(this.confirmActions));
    const hub = this.isConnected ? this.activeHub : null;
    if (hub !== this.fleet.hub) {
      // Nothing of the old hub's list shows under the new one.
      this.view = null;
      this.listError = null;
      this.fleet.follow(hub);
      this.live.scheduleSettle();
    }
    if (hub !== this.permissionsFor || changed.has('permissions')) {
      this.permissionsFor = hub;
      this.access.refresh();
    }
    // The page's locale may have changed too (LocaleController): it sorts and counts.
    const queryChanged = ['filter', 'statusFilter', 'sort', 'sortDirection', 'locale'].some((k) => changed.has(k as keyof VmList)) || this.localeOrDefault !== this.builtIn;
    if (queryChanged) this.rebuild(true);
  }

  protected override updated(): void {
    this.errors.report(this, '', this.listError);
  }

  // ---- fleet list ---------------------------------------------------------------------------

  private fleetChanged(): void {
    const f = this.fleet.poller;
    if (!f) return;
    this.listError = f.error;
    if (f.vms) this.rebuild(false);
  }

  private get localeOrDefault(): string | undefined {
    return this.locale || this.l10n.formatLocale;
  }

  /** Filters and sorts the fleet again (on a new list or a new query, not on every sample). */
  private rebuild(queryChanged: boolean): void {
    const vms = this.fleet.poller?.vms;
    if (!vms) return;
    const before = this.view;
    const leases = this.live.leases;
    this.builtIn = this.localeOrDefault;
    this.view = buildView(
      {
        vms,
        statusOf: (vm) => leases.session(vm.name)?.status?.status ?? vm.status,
        seen: (name) => leases.seen(name),
      },
      {
        text: this.filter,
        statuses: parseStatuses(this.statusFilter).statuses,
        sort: isSortKey(this.sort) ? this.sort : 'name',
        direction: this.sortDirection === 'descending' ? 'descending' : 'ascending',
        locale: this.localeOrDefault,
      },
    );
    this.nav.clampTo(this.view.rows.length);
    const view = this.view;
    const locale = this.localeOrDefault;
    if (queryChanged || !before) this.announcement = () => shownText(view, locale);
    this.live.scheduleSettle();
  }

  private select(vmName: string): void {
    if (!emit(this, 'vm-select', { vmName }, { cancelable: true })) return;
    this.selected = vmName;
  }

  private sortBy(key: SortKey): void {
    ({ sort: this.sort, direction: this.sortDirection } = nextSort(this.sort, this.sortDirection, key));
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
      ${this.actions.renderOutcome()}
      <div class="visually-hidden" role="status">${this.announcement()}</div>
      ${this.renderMain(v)} ${this.actions.renderConfirm()}
    </div>`;
  }

  private renderMain(v: FleetView | null): TemplateResult {
    const e = this.listError;
    if (this.fleet.switchedOff) return renderNoFleet();
    // Not signed in, or not allowed: a list read before says nothing the user may still see.
    if (e && (!v || e.code === 'AUTH_ERROR' || e.code === 'PERMISSION_DENIED')) return this.errorMessage(e, false);
    if (!v) return renderLoading();
    if (v.total === 0) return renderEmpty();
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
    const tab = (row: number, col: number) => this.nav.tab(row, col);
    return html`<div
      class="grid"
      part="grid"
      role="grid"
      aria-label=${this.label || msg('Virtual machines', { id: 'list.label' })}
      aria-rowcount=${v.rows.length + 1}
      aria-colcount=${CELL_COLS + 1}
      @keydown=${this.nav.onKeydown}
      @focusin=${this.nav.onFocusin}
    >
      <div class="head-wrap" role="rowgroup">
        ${renderHeaderRow({ sort: this.sort, direction: this.sortDirection, tab, sortBy: (k) => this.sortBy(k) })}
      </div>
      <div class="body" role="rowgroup" @rangeChanged=${this.live.onRange} @visibilityChanged=${this.live.onVisibleRange}>
        ${virtualize({
          items: v.rows,
          // By place in the rendered range, not by VM: a row scrolled out is reused for the one
          // scrolled in (its parts updated), instead of a new row built and the old one removed.
          // Keyed in a ring (index modulo the rows rendered), only the rows that came would change,
          // but each is moved in the DOM: a fling's layout went from 580 to 870 ms in 3 s.
          keyFunction: (_r: FleetRow, i: number) => i - this.live.slotBase,
          // The virtualizer renders rows in its own cycle, after the list's update: in the list's
          // locale, or a row would speak the page's (English under a German lang attribute).
          renderItem: (r: FleetRow, i: number) => this.l10n.run(() => this.renderRow(r, i)),
          scroller: true,
          layout: rowLayout(this.cards.value ? CARD_HEIGHT : ROW_HEIGHT),
        })}
      </div>
    </div>`;
  }

  private renderRow(r: FleetRow, index: number): TemplateResult {
    const name = r.vm.name;
    const s = this.live.leases.session(name);
    const status = s?.status?.status ?? r.status;
    const latest = s?.history?.latest() ?? null;
    const seen = this.live.leases.seen(name);
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
        actions: this.actions.states(name, status, s),
        locale: this.localeOrDefault,
      },
      this.rowHandlers,
    );
  }

  private readonly rowHandlers: RowHandlers = {
    tab: (row, col) => this.nav.tab(row, col),
    select: (vmName) => this.select(vmName),
    reason: (st, vmName) => this.actions.reason(st, vmName),
    act: (vmName, st, ev) => this.actions.activate(vmName, st, ev),
  };
}
