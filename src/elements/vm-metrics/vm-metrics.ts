import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { VmMonitorController } from '../../controllers/session-controller.js';
import { LeaseVisibilityController } from '../../controllers/lease-visibility-controller.js';
import { ConnectionViewController } from '../../controllers/connection-view-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { msg, str } from '../../internal/msg.js';
import { PageListenersController } from '../../controllers/page-listeners-controller.js';
import { emit } from '../../events/index.js';
import type { MetricsSnapshot } from '../../metrics/index.js';
import { VmMetricsHistory } from '../../metrics/vm-metrics-history.js';
import { chartClock, sparklineClock } from './clocks.js';
import { renderCard, renderControls, renderValue } from './metric-card.js';
import type { PlotArea } from './chart-renderer.js';
import { ChartDrawController, clockFor } from './chart-draw-controller.js';
import { MetricValues } from './metric-values.js';
import { PacedRenderController } from './paced-render-controller.js';
import { describeMetrics, type MetricsView } from './metrics-view.js';
import { METRIC_SERIES, METRIC_WINDOWS, parseSeries, windowSpan, type MetricSeries, type MetricWindow } from './series-specs.js';
import { addSamples, type MetricsSample } from './samples.js';
import { placeUnfilled, renderFilling, windowFill, type WindowFill } from './window-fill.js';
import { vmMetricsStyles } from './vm-metrics.styles.js';

export type { MetricsSample } from './samples.js';

export { METRIC_SERIES, METRIC_WINDOWS } from './series-specs.js';
export type { MetricSeries, MetricWindow } from './series-specs.js';

/**
 * Live CPU, memory, network and disk charts of one VM. History comes from the hub's shared
 * monitor session, so a chart opened late (or shown again after a tab switch) starts with what
 * the session already holds. Without a server, a host pushes samples into the `metrics` property.
 *
 * Chart.js is loaded on first use, and never for `compact` tiles: those draw sparklines with a
 * small renderer of their own (sparkline.ts). Values and charts of every element on the page change
 * together in one shared frame, at most four a second for full panels and once a second for
 * compact tiles (see clocks.ts); no chart work while the element is off-screen, hidden or the
 * page is in the background (it catches up when visible), and none while paused.
 *
 * @tagname vm-metrics
 * @summary Live CPU, memory, network and disk charts of a VM.
 *
 * @fires {CustomEvent<VmErrorDetail>} vm-error - A pushed sample was invalid (`code` `INVALID_INPUT`, skipped), or the charts
 *   could not be loaded.
 *
 * @csspart base - The outer frame.
 * @csspart header - Title, state badge, window selector and pause button.
 * @csspart values - The current-values row.
 * @csspart value - One current value (also `value-cpu`, `value-memory`, `value-network`, `value-disk`).
 * @csspart card - Every chart card.
 * @csspart cpu-card - The CPU card.
 * @csspart memory-card - The memory card.
 * @csspart network-card - The network card.
 * @csspart disk-card - The disk card.
 * @csspart placeholder - The message shown in a card without live data.
 * @csspart filling - "Collecting data — 20 s of 5 min", shown until the window holds data from end to end.
 *
 * @cssproperty --vm-metrics-cpu-color - CPU line.
 * @cssproperty --vm-metrics-memory-color - Memory line.
 * @cssproperty --vm-metrics-rx-color - Network received line.
 * @cssproperty --vm-metrics-tx-color - Network sent line.
 * @cssproperty --vm-metrics-read-color - Disk read line.
 * @cssproperty --vm-metrics-write-color - Disk write line.
 * @cssproperty --vm-metrics-grid-color - Chart grid lines.
 * @cssproperty --vm-metrics-chart-height - Height of a chart (default 168px).
 * @cssproperty --vm-metrics-sparkline-height - Height of a compact tile's chart (default 40px).
 * @cssproperty --vm-color-bg - Background (shared theme token, like those below).
 * @cssproperty --vm-color-surface - Background of the chart cards and controls.
 * @cssproperty --vm-color-border - Borders and dividers.
 * @cssproperty --vm-color-text - Text and chart labels.
 * @cssproperty --vm-color-text-muted - Secondary text, axes and placeholders.
 * @cssproperty --vm-color-accent - The selected window, focus of the controls.
 * @cssproperty --vm-color-accent-text - Text on the accent colour.
 * @cssproperty --vm-color-success - The "Live" badge.
 * @cssproperty --vm-color-warning - Reconnecting, stale data.
 * @cssproperty --vm-color-danger - Errors.
 * @cssproperty --vm-color-focus - Focus ring.
 * @cssproperty --vm-radius - Corner radius.
 * @cssproperty --vm-font-family - Font (also of the chart labels).
 * @cssproperty --vm-font-size - Base font size.
 */
export class VmMetrics extends LitElement {
  static override styles = vmMetricsStyles;

  /** The VM to watch (ignored once samples have been pushed into `metrics`). */
  @property({ attribute: 'vm-name', reflect: true }) vmName = '';

  /** Time window shown: `5m` (default), `15m` or `1h`. */
  @property({ reflect: true }) window: MetricWindow = '5m';

  /** Which charts to show, space separated: any of `cpu memory network disk` (default all). */
  @property() series = '';

  /**
   * Sparkline tiles for dashboards: no axes, legend, tooltips or controls; small and cheap (drawn
   * by a small built-in renderer, so a page of compact tiles never loads Chart.js), and updated at
   * most once a second.
   */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Freezes the charts (data keeps arriving; resuming catches up). */
  @property({ type: Boolean, reflect: true }) paused = false;

  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /**
   * BCP 47 locale for numbers and times. It wins over the page's: unset, numbers and times follow
   * `setLocale()`, else the nearest `lang` attribute (as the words do), else the browser's locale.
   */
  @property() locale: string | undefined;

  /**
   * Samples kept in host mode (the `metrics` property). Default 720: one hour at LibGo's 5 s; a
   * host pushing every second wants 3600 for a full hour. Read when the first sample arrives.
   */
  @property({ type: Number }) capacity = 720;

  /** Heading of the panel; defaults to the VM name. */
  @property() label = '';

  /**
   * Keeps this VM's history out of storage: nothing is restored or kept across page loads for it,
   * and what was kept is deleted. (The hub's `persistHistory: false`, or `<vm-connection
   * no-persist-history>`, turns it off for every VM.)
   */
  @property({ type: Boolean, attribute: 'no-persist-history' }) noPersistHistory = false;

  /** The locale of its words (and, without a `locale` property, of its numbers). */
  private readonly l10n = new LocaleController(this);
  private readonly values = new MetricValues(
    () => this.locale || this.l10n.formatLocale,
    (fn) => this.l10n.run(fn),
  );
  private readonly monitor = new VmMonitorController(this, {
    vmName: () => (this.ownHistory ? null : this.vmName),
    onChange: () => this.charts.schedule(),
    // Values, badge and charts of every tile change together, in the shared frame; a change of
    // state (connected, first sample, lost) shows at once: a tile scrolled into view would
    // otherwise say "Live" up to a whole sparkline interval after its first sample came.
    scheduleUpdate: () => (this.view().kind === this.renderedKind ? this.paced.queue() : this.requestUpdate()),
    onSession: () => {
      // Called on every update while there is no session; only a different session matters.
      const session = this.monitor?.session ?? null;
      if (session && this.noPersistHistory) session.disablePersistence();
      if (session === this.drawnSession) return;
      this.drawnSession = session;
      this.charts.redraw();
    },
  });
  private readonly charts = new ChartDrawController(this, {
    history: () => this.history,
    source: () => (this.ownHistory ? 'own' : this.monitor.session?.vmName),
    window: () => this.window,
    series: () => this.series,
    compact: () => this.compact,
    paused: () => this.paused,
    values: this.values,
    inLocale: (fn) => this.l10n.run(fn),
    drawn: (key, area) => this.placeUnfilled(key, area),
    onScreenChange: () => this.paced.catchUp(),
    failed: (message) => {
      console.error(`<vm-metrics>: ${message}`);
      emit(this, 'vm-error', { vmName: this.vmName || null, code: 'NOT_CONNECTED', message });
    },
  });
  /** Samples pushed by a host re-render the values row in the shared chart frame (see there). */
  private readonly paced = new PacedRenderController(this, {
    clock: () => clockFor(this.compact),
    visible: () => this.charts.canDraw,
    clocks: [chartClock, sparklineClock],
  });

  constructor() {
    super();
    // Off screen, the socket may go to a tile that is shown (the page's socket budget).
    new LeaseVisibilityController(this, this.monitor);
    // A countdown in the badge (reconnecting) re-renders every second while it shows.
    new ConnectionViewController(this, { describe: () => this.view(), tickMs: 1000, run: (fn) => this.l10n.run(fn) });
    new PageListenersController(this).onVisibility(this.onVisibility).onMediaQuery('(prefers-color-scheme: dark)', () => this.charts.restyle());
  }

  private ownHistory: VmMetricsHistory | null = null;
  /** The view's kind as last rendered. */
  private renderedKind: MetricsView['kind'] | null = null;
  private drawnSession: unknown = null;
  private lastPushed: MetricsSample | readonly MetricsSample[] | null = null;
  private formattedIn: string | undefined;
  private warnedSeries = '';

  private readonly onVisibility = () => {
    this.paced.catchUp();
    this.charts.schedule();
  };

  /** Also waits for a values-row render queued for the shared frame. */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (this.paced.pending) await this.paced.pending;
    return super.getUpdateComplete();
  }

  /**
   * Pushes samples (one or an array): the protocol's MetricsData plus `timestamp` (ms since the
   * epoch, RFC3339 or a Date). The first push switches the element to host mode: it keeps its own
   * history and ignores `vm-name`. Samples not newer than the newest one are skipped silently, so a
   * host may hand over its whole array each time; invalid ones are skipped with a console warning
   * and a `vm-error` event.
   */
  set metrics(value: MetricsSample | readonly MetricsSample[] | null | undefined) {
    if (value === null || value === undefined) return;
    this.lastPushed = value;
    this.push(Array.isArray(value) ? value : [value]);
  }

  get metrics(): MetricsSample | readonly MetricsSample[] | null {
    return this.lastPushed;
  }

  /** The history the charts draw: the hub session's, or the element's own in host mode. */
  get history(): VmMetricsHistory | null {
    return this.ownHistory ?? this.monitor.session?.history ?? null;
  }

  /** Chart update passes done so far (one per frame at most); for tests and profiling. */
  get drawCount(): number {
    return this.charts.drawCount;
  }

  /** `history.version` as of the last chart update, -1 before the first. */
  get lastDrawnVersion(): number {
    return this.charts.drawnVersion;
  }

  /** Re-reads colours and fonts from CSS custom properties (after the host changed them). */
  refreshTheme(): void {
    this.charts.restyle();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('series')) {
      const { unknown } = parseSeries(this.series);
      const key = unknown.join(' ');
      if (unknown.length > 0 && key !== this.warnedSeries) {
        console.warn(`<vm-metrics>: unknown series "${key}" ignored; use any of: ${METRIC_SERIES.join(', ')}.`);
      }
      this.warnedSeries = key;
    }
    if (changed.has('window') && !(this.window in METRIC_WINDOWS)) {
      console.warn(`<vm-metrics>: window "${String(this.window)}" is not one of 5m, 15m, 1h; showing 5m.`);
      this.window = '5m';
    }
    // Either locale may have changed (the property, or the page's through LocaleController).
    const formatIn = this.locale || this.l10n.formatLocale;
    if (changed.has('locale') || formatIn !== this.formattedIn) {
      this.formattedIn = formatIn;
      this.values.reset();
    }
    if (changed.has('compact')) this.charts.destroy();
    if (changed.has('noPersistHistory') && this.noPersistHistory) this.monitor.session?.disablePersistence();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The charts draw again after every update (ChartDrawController); a new theme restyles them.
    if (changed.has('theme')) this.charts.restyle();
  }

  // ---- data ----------------------------------------------------------------------------------

  private push(samples: readonly unknown[]): void {
    if (!this.ownHistory) {
      const capacity = Number.isInteger(this.capacity) && this.capacity > 1 ? this.capacity : 720;
      if (capacity !== this.capacity) console.warn(`<vm-metrics>: capacity must be an integer > 1, got ${this.capacity}; using 720.`);
      this.ownHistory = new VmMetricsHistory({ capacity });
      this.charts.redraw();
      // The controller reads vmName() on update and releases the session now that it is null.
      this.requestUpdate();
    }
    const message = addSamples(this.ownHistory, samples);
    if (message) {
      console.warn(`<vm-metrics>: ${message}`);
      emit(this, 'vm-error', { vmName: this.vmName || null, code: 'INVALID_INPUT', message });
    }
    // Off-screen or in a background tab the values row waits too (PacedRenderController).
    this.paced.changed();
    this.charts.schedule();
  }

  // ---- state ---------------------------------------------------------------------------------

  private view(): MetricsView {
    const history = this.history;
    const session = this.monitor.session;
    return describeMetrics({
      hostMode: !!this.ownHistory,
      vmName: this.vmName,
      nameError: this.monitor.nameError,
      session: session && { vmName: session.vmName, connection: session.connection, status: session.status?.status ?? null },
      hasData: (history?.series.length ?? 0) > 0,
      hasLatest: history?.latest() != null,
    });
  }

  /** Text of the current value of one card: primary (large) and secondary. */
  private currentValue(key: MetricSeries, s: MetricsSnapshot | null): { primary: string; secondary: string; parts: string[] } {
    return this.values.current(key, s);
  }

  /** The plot's text alternative: current value(s) and the trend over the window. */
  private altText(key: MetricSeries, s: MetricsSnapshot | null): string {
    return this.values.altText(key, s, this.window, this.charts.trends);
  }

  /** How much of the shown window holds data; null once the window is full. */
  private fillState(): WindowFill | null {
    const series = this.history?.series;
    const any = !!series && series.length > 0;
    return windowFill(any ? series.time(0) : null, any ? series.lastTime : null, windowSpan(this.window));
  }

  /** Paused with samples that the charts do not show yet. */
  private unseenData(): boolean {
    const h = this.history;
    return this.paused && !!h && this.charts.drawnVersion >= 0 && h.version !== this.charts.drawnVersion;
  }

  /** Hatches the part of a plot that the window has no data for yet (left of the first sample). */
  private placeUnfilled(key: MetricSeries, area: PlotArea | null): void {
    const el = this.renderRoot.querySelector<HTMLElement>(`.card[data-series="${key}"] .unfilled`);
    if (el) placeUnfilled(el, area ? this.fillState() : null, area);
  }

  // ---- render --------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const view = this.view();
    this.renderedKind = view.kind;
    const shown = parseSeries(this.series).list;
    const latest = this.history?.latest() ?? null;
    const name = this.label || this.vmName || (this.ownHistory ? msg('Metrics', { id: 'metrics.name' }) : msg('VM metrics', { id: 'metrics.name.vm' }));
    const dim = view.kind !== 'live' && (this.history?.series.length ?? 0) > 0;
    return html`
      <section class="base" part="base" aria-label=${msg(str`Metrics: ${name}`, { id: 'metrics.section' })}>
        <header part="header">
          <div class="title">
            <span class="name" title=${name}>${name}</span>
            <span class="badge" data-tone=${view.tone}><span class="dot" aria-hidden="true"></span>${view.label}</span>
          </div>
          ${this.compact
            ? nothing
            : renderControls({ window: this.window, paused: this.paused, unseen: this.unseenData(), selectWindow: (w) => (this.window = w), togglePause: () => (this.paused = !this.paused), locale: this.locale || this.l10n.formatLocale })}
        </header>
        <div class="visually-hidden" role="status" aria-live="polite">${view.announce}</div>
        ${this.compact
          ? nothing
          : html`<dl class="values" part="values">${shown.map((key) => renderValue(key, this.currentValue(key, latest)))}</dl>`}
        ${renderFilling(view.kind === 'live' && !this.compact ? this.fillState() : null)}
        <div class="grid">${shown.map((key) =>
          renderCard(key, {
            value: this.currentValue(key, latest),
            alt: this.altText(key, latest),
            // Sparkline tiles are too small for sentences: the badge's words say the same in short.
            placeholder: view.kind === 'live' ? '' : this.compact ? view.label : view.message,
            dim,
            compact: this.compact,
          }),
        )}</div>
      </section>
    `;
  }
}
