import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { vmHubContext } from '../../context.js';
import { styleMap } from 'lit/directives/style-map.js';
import { emit } from '../../events/index.js';
import type { VmHub } from '../../hub/vm-hub.js';
import type { VmError } from '../../protocol/errors.js';
import type { VmStatus } from '../../protocol/types.js';
import { HubResolver } from '../../internal/hub-resolver.js';
import { ErrorReport } from '../../internal/error-report.js';
import { FleetController } from '../../controllers/fleet-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { PageListenersController } from '../../controllers/page-listeners-controller.js';
import { renderEmpty, renderListError, renderLoading, renderNoFleet } from '../../internal/fleet-messages.js';
import { msg } from '../../internal/msg.js';
import { checkSize, checkVms, DEFAULT_TILE_HEIGHT, DEFAULT_TILE_WIDTH, sortedNames } from './grid-input.js';
import { firstRow, GAP, indexOfSlot, keyTarget, OVERSCAN_ROWS, poolLayout, slotOfIndex, tileOffset, type PoolLayout } from './tile-pool.js';
import { GridMeasureController } from './grid-measure-controller.js';
import { styles } from './vm-grid.styles.js';
import '../vm-metrics/vm-metrics.define.js';

/**
 * The fleet as a grid of live tiles: each VM a compact `<vm-metrics>` (status, CPU, memory,
 * network and disk sparklines). It lists the fleet from the hub's paginated REST poll
 * (`fleetOf(hub)`), or shows the VMs of its `vms` property, in any number: only the tiles in and
 * near view exist, a fixed pool reused as the page scrolls, and only they hold live sessions,
 * within the page's socket budget.
 *
 * The grid is as tall as all its rows; the page (or any scrolling box around it) scrolls it. A
 * tile chosen with a click or Enter fires `vm-select`. Keyboard: one tab stop; arrow keys,
 * Home/End (Ctrl: first and last VM) and PageUp/PageDown move between tiles.
 *
 * Uses the hub of a `<vm-connection>` (or `<vm-detail>`) above it, else its `hub` property, else
 * the page-wide default hub.
 *
 * @tagname vm-grid
 * @summary The fleet as live metric tiles, any number of VMs, virtualized.
 *
 * @fires {CustomEvent<VmSelectDetail>} vm-select - A tile was chosen (click, or Enter/Space).
 *   Cancelable: `preventDefault()` keeps `selected` as it was. `detail: {vmName}`.
 * @fires {CustomEvent<VmErrorDetail>} vm-error - When the list cannot be loaded (the server is
 *   unreachable, or the user may not list VMs). `detail: {vmName: null, code, message}`.
 *
 * @csspart base - The outermost wrapper: messages and tiles.
 * @csspart tiles - The list of tiles (as tall as all rows).
 * @csspart tile - Each tile's frame, around its `<vm-metrics compact>`.
 * @csspart message - The loading, empty, no-permission and unreachable messages.
 *
 * @cssproperty --vm-color-bg - Background of the messages (tiles: see `<vm-metrics>`).
 * @cssproperty --vm-color-border - Border of the messages.
 * @cssproperty --vm-color-text - Text.
 * @cssproperty --vm-color-text-muted - Secondary text.
 * @cssproperty --vm-color-accent - The chosen tile's ring.
 * @cssproperty --vm-color-focus - Focus ring.
 * @cssproperty --vm-radius - Corner radius.
 * @cssproperty --vm-font-family - Font.
 * @cssproperty --vm-font-size - Base font size.
 */
export class VmGrid extends LitElement {
  static override styles = styles;

  /**
   * The VMs to show, by name, in this order; unset: every VM of the hub's fleet list, by name.
   * Names that cannot be used, and repeats, are left out with a console warning.
   */
  @property({ attribute: false }) vms: readonly string[] | undefined;

  /** The narrowest a tile may be, in px (160-1200, default 280): the grid fits as many columns as it can. */
  @property({ attribute: 'tile-width', type: Number }) tileWidth = DEFAULT_TILE_WIDTH;

  /** Each tile's height, in px (72-600); unset: the height a tile needs, measured (a taller tile is clipped to a set one). */
  @property({ attribute: 'tile-height', type: Number }) tileHeight: number | null = null;

  /** Which charts each tile shows, space separated: any of `cpu memory network disk` (default all), as on `<vm-metrics>`. */
  @property() series = '';

  /** The chosen VM's name (set by `vm-select` unless cancelled, or by the host). Reflected. */
  @property({ reflect: true }) selected = '';

  /** The grid's accessible name; unset: "Virtual machines" in the element's language. */
  @property() label = '';

  /** BCP 47 locale for the tiles' numbers; unset, they follow the page (as `<vm-metrics>` does). */
  @property() locale: string | undefined;

  /** `light` or `dark` forces a theme (on every tile too); otherwise it follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** A hub to use instead of the one above (or the page default). */
  @property({ attribute: false }) hub: VmHub | undefined;

  /** The VMs shown, in order (names). */
  @state() private names: readonly string[] | null = null;
  @state() private listError: VmError | null = null;
  /** The first grid row the pool draws, and the row at the top of the view. */
  @state() private first = 0;
  private viewRow = 0;
  /** The tile that has (or last had) keyboard focus, by index; -1: none yet. */
  @state() private active = -1;

  private statuses = new Map<string, VmStatus>();
  private readonly l10n = new LocaleController(this);
  private readonly resolver = new HubResolver(this, () => this.requestUpdate());
  private readonly fleet = new FleetController(this, () => this.fleetChanged());
  /** `vm-error` once per failure of the list, not on every failed poll. */
  private readonly errors = new ErrorReport();
  private readonly measure = new GridMeasureController(this);
  /** The tiles inside use the grid's hub (its `hub` property too), as `<vm-detail>`'s tabs use its. */
  private readonly tilesHub = new ContextProvider(this, { context: vmHubContext });
  private layout: PoolLayout | null = null;
  private layoutKey = '';
  private warnedVms: unknown = undefined;

  constructor() {
    super();
    // Any scrolling box around the grid moves it (capture: scroll does not bubble); a taller or
    // shorter window changes how many rows the pool needs.
    new PageListenersController(this)
      .on(() => window, 'scroll', () => this.place(), { capture: true, passive: true })
      .on(() => window, 'resize', () => this.requestUpdate());
  }

  /** The hub in use: the `hub` property, else the one above, else the page default. */
  get activeHub(): VmHub | null {
    return this.hub ?? this.resolver.hub;
  }

  /** The VMs shown, in order (names). */
  get shownNames(): string[] {
    return [...(this.names ?? [])];
  }

  /** Lists the fleet again now (the grid also refreshes itself at the hub's `fleetPollMs`). */
  refresh(): Promise<void> {
    return this.fleet.poller?.refresh() ?? Promise.resolve();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolver.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resolver.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tileWidth')) this.tileWidth = checkSize('tile-width', this.tileWidth, DEFAULT_TILE_WIDTH, 160, 1200);
    if (changed.has('tileHeight') && this.tileHeight !== null) this.tileHeight = checkSize('tile-height', this.tileHeight, null, 72, 600);
    const active = this.activeHub;
    if (active && this.tilesHub.value !== active) this.tilesHub.setValue(active);
    // Given names need no list; without them the grid follows the hub's fleet.
    const hub = this.isConnected && this.vms === undefined ? active : null;
    if (hub !== this.fleet.hub) {
      // Nothing of the old hub's list shows under the new one.
      this.listError = null;
      this.statuses = new Map();
      if (this.vms === undefined) this.names = null;
      this.fleet.follow(hub);
    }
    if (changed.has('vms') && this.vms !== undefined) {
      const checked = checkVms(this.vms);
      // A host that sets the same bad list on every render hears about it once.
      if (checked.warning && this.warnedVms !== this.vms) console.warn(checked.warning);
      this.warnedVms = this.vms;
      this.names = checked.names;
    } else if (changed.has('locale')) this.fleetChanged();
    // A new layout or list may have moved the rows the view needs (set here, it costs no second update).
    if (this.relayout()) this.first = this.firstInView();
  }

  protected override updated(): void {
    this.errors.report(this, '', this.listError);
    this.measure.watch(this.renderRoot.querySelector('.line'), this.renderRoot.querySelector('.tile[data-slot="0"] vm-metrics'));
  }

  /** The rows' tile height: the host's, else the measured one (a guess until a tile has drawn). */
  private get rowTileHeight(): number {
    return this.tileHeight ?? (this.measure.tileHeight || DEFAULT_TILE_HEIGHT);
  }

  // ---- the list -----------------------------------------------------------------------------

  private fleetChanged(): void {
    const f = this.fleet.poller;
    if (!f || this.vms !== undefined) return;
    this.listError = f.error;
    if (!f.vms) return;
    this.statuses = new Map(f.vms.map((v) => [v.name, v.status]));
    const names = sortedNames(f.vms, this.locale || this.l10n.formatLocale);
    // Every poll makes a new list; the same VMs in the same order render nothing new.
    if (!this.names || names.length !== this.names.length || names.some((n, i) => n !== this.names![i])) this.names = names;
  }

  // ---- the pool -----------------------------------------------------------------------------

  /** Lays the pool out again when the list, the width, the window or a tile size changed; says whether it did. */
  private relayout(): boolean {
    const count = this.names?.length ?? 0;
    const width = this.measure.width;
    const height = this.rowTileHeight;
    const key = [count, width, innerHeight, this.tileWidth, height].join('|');
    if (key === this.layoutKey) return false;
    this.layoutKey = key;
    this.layout = width > 0 && count > 0 ? poolLayout(count, width, innerHeight, this.tileWidth, height) : null;
    if (this.active >= count) this.active = count - 1;
    return true;
  }

  /** Moves the pool to the rows in view (on every scroll of the page or a box around the grid). */
  private place(): void {
    const first = this.firstInView();
    if (first !== this.first) this.first = first;
  }

  /** The first row the pool should draw for the view as it is now (and the row at its top). */
  private firstInView(): number {
    const l = this.layout;
    if (!l || !this.isConnected) return 0;
    // Before the first render of the tiles, the host's top is theirs.
    const top = (this.renderRoot.querySelector<HTMLElement>('.tiles') ?? this).getBoundingClientRect().top;
    this.viewRow = Math.max(0, Math.min(l.rows - 1, Math.floor(-top / l.rowHeight)));
    return firstRow(l, -top);
  }

  // ---- choosing and the keyboard ------------------------------------------------------------

  private select(vmName: string): void {
    if (!emit(this, 'vm-select', { vmName }, { cancelable: true })) return;
    this.selected = vmName;
  }

  private readonly onClick = (e: MouseEvent) => {
    const tile = (e.target as Element).closest<HTMLElement>('.tile');
    if (!tile?.dataset.vm) return;
    this.active = Number(tile.dataset.index);
    this.select(tile.dataset.vm);
  };

  private readonly onFocusin = (e: FocusEvent) => {
    const tile = (e.target as Element).closest<HTMLElement>('.tile');
    if (tile?.dataset.index) this.active = Number(tile.dataset.index);
  };

  private readonly onKeydown = async (e: KeyboardEvent) => {
    const l = this.layout;
    const names = this.names;
    if (!l || !names) return;
    const from = this.active >= 0 ? this.active : this.viewRow * l.cols;
    if ((e.key === 'Enter' || e.key === ' ') && names[from] !== undefined) {
      e.preventDefault();
      this.select(names[from]!);
      return;
    }
    const pageRows = Math.max(1, Math.floor(innerHeight / l.rowHeight) - 1);
        // Read at the key press: a host may turn the page's direction at any time.
    const rtl = getComputedStyle(this).direction === 'rtl';
    const to = keyTarget(e.key, e.ctrlKey || e.metaKey, from, names.length, l.cols, pageRows, rtl);
    if (to === null) return;
    e.preventDefault();
    this.active = to;
    // A tile far away: draw its rows first, then bring it into view (the scroll moves the pool on).
    if (slotOfIndex(l, this.first, to) < 0) this.first = Math.max(0, Math.min(l.rows - l.poolRows, Math.floor(to / l.cols) - OVERSCAN_ROWS));
    await this.updateComplete;
    const tile = this.renderRoot.querySelector<HTMLElement>(`.tile[data-index="${to}"]`);
    tile?.focus({ preventScroll: true });
    tile?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  // ---- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<div class="base" part="base"><div class="line"></div>${this.renderMain()}</div>`;
  }

  private renderMain(): TemplateResult {
    const e = this.listError;
    const names = this.names;
    if (this.vms === undefined && this.fleet.switchedOff) return renderNoFleet();
    if (e && (!names || e.code === 'AUTH_ERROR' || e.code === 'PERMISSION_DENIED')) return this.errorMessage(e, false);
    // No tile without the hub it will use (one still on its way: a provider above not defined yet).
    if (!names || !this.activeHub) return renderLoading();
    if (names.length === 0) return renderEmpty();
    return html`${e ? this.errorMessage(e, true) : nothing}${this.renderTiles(names)}`;
  }

  private errorMessage(e: VmError, stale: boolean): TemplateResult {
    return renderListError(e, stale, this.activeHub?.config.serverUrl || location.origin, () => void this.refresh());
  }

  private renderTiles(names: readonly string[]): TemplateResult {
    const l = this.layout;
    const slots = l ? l.poolRows * l.cols : 0;
    // The tab stop: the active tile while it is drawn, else the first tile in view.
    const activeSlot = l && this.active >= 0 ? slotOfIndex(l, this.first, this.active) : -1;
    const tabStop = activeSlot >= 0 ? activeSlot : l ? slotOfIndex(l, this.first, Math.min(names.length - 1, this.viewRow * l.cols)) : -1;
    const tiles = [];
    for (let slot = 0; slot < slots; slot++) {
      const i = indexOfSlot(l!, this.first, slot, names.length);
      tiles.push(this.renderTile(l!, slot, i, i >= 0 ? names[i]! : '', names.length, slot === tabStop));
    }
    return html`<div
      class=${this.tileHeight === null ? 'tiles' : 'tiles fixed'}
      part="tiles"
      role="list"
      aria-label=${this.label || msg('Virtual machines', { id: 'list.label' })}
      style=${styleMap({ height: `${l?.height ?? 0}px` })}
      @click=${this.onClick}
      @keydown=${this.onKeydown}
      @focusin=${this.onFocusin}
    >
      ${tiles}
    </div>`;
  }

  private renderTile(l: PoolLayout, slot: number, i: number, name: string, count: number, tabStop: boolean): TemplateResult {
    const at = i >= 0 ? tileOffset(l, i) : { x: 0, y: 0 };
    return html`<div
      class="tile"
      part="tile"
      role="listitem"
      tabindex=${tabStop ? 0 : -1}
      ?hidden=${i < 0}
      aria-posinset=${i + 1}
      aria-setsize=${count}
      aria-current=${name !== '' && name === this.selected ? 'true' : 'false'}
      data-slot=${slot}
      data-index=${i}
      data-vm=${name}
      data-status=${this.statuses.get(name) ?? nothing}
      style=${styleMap({ 'inset-inline-start': `${at.x}px`, transform: `translateY(${at.y}px)`, width: `${l.colWidth}px`, height: `${l.rowHeight - GAP}px` })}
    >
      <vm-metrics compact .vmName=${name} .series=${this.series} .theme=${this.theme} .locale=${this.locale}></vm-metrics>
    </div>`;
  }
}
