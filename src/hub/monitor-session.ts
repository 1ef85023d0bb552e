/**
 * Shared state of one VM's monitor socket: connection, status, bounded metrics history, the last
 * error, and commands (over the socket when it is open, else REST for start/stop).
 */
import { isVmAction } from '../protocol/encode.js';
import { VmError } from '../protocol/errors.js';
import type { MetricsMessage, ServerMessage, VmAction, VmStatus } from '../protocol/types.js';
import type { VmMetricsHistory } from '../metrics/vm-metrics-history.js';
import type { SocketSnapshot, Timers, VmSocketOptions } from '../transport/index.js';
import type { RestApi } from '../transport/lazy-rest-client.js';
import { SessionBase } from './session-base.js';
import { actionPolicy, awaitOutcome, confirmingMessage, notConfirmedError, type ActionPolicy } from './action-outcome.js';

export interface VmStatusInfo {
  status: VmStatus;
  /** As received, so an unknown value can still be shown to an operator. */
  rawStatus: string;
  /** Seconds, as of `receivedAt`; tick it locally with `currentUptime()`. */
  uptime: number;
  receivedAt: number;
  lastStateChange: number | null;
}

export interface CommandResult {
  action: VmAction;
  message: string;
  via: 'socket' | 'rest';
  /** The status that showed the action's effect. */
  status: VmStatus;
}

const REST_ACTIONS: ReadonlySet<VmAction> = new Set(['start', 'stop']);

// The history code (series, rates) loads with the first metrics message, not with the page: a
// status badge or an Overview tab never needs it, and no sample can arrive before the socket code,
// which itself loads after the first paint. Shared by every session of the page.
type HistoryModule = typeof import('../metrics/vm-metrics-history.js');
let historyModule: HistoryModule | null = null;
let historyLoading: Promise<HistoryModule> | null = null;
function loadHistoryModule(): Promise<HistoryModule> {
  return (historyLoading ??= import('../metrics/vm-metrics-history.js').then(
    (m) => (historyModule = m),
    (e: unknown) => {
      historyLoading = null; // retried with the next sample
      throw e;
    },
  ));
}

export class MonitorSession extends SessionBase {
  private historyValue: VmMetricsHistory | null = null;
  /** Samples (and gaps, as null) that arrived while the history code was loading; bounded. */
  private pendingMetrics: Array<MetricsMessage | null> = [];
  private readonly metricsCapacity: number;
  private historyRequested = false;
  private disposed = false;
  private statusInfo: VmStatusInfo | null = null;
  private welcome: string | null = null;
  private readonly inFlight = new Set<VmAction>();
  private confirmingText: string | null = null;
  private readonly timers: Timers;

  constructor(
    options: VmSocketOptions,
    private readonly restClient: () => RestApi,
    private readonly restFallback: () => boolean,
    metricsCapacity: number,
    timers: Timers,
    private readonly actions: () => ActionPolicy = () => actionPolicy({}),
  ) {
    super(options);
    this.metricsCapacity = metricsCapacity;
    this.timers = timers;
  }

  /**
   * The VM's metrics history, kept for as long as the session lives. Null until the first
   * metrics message has been stored (its code loads then); subscribers are notified when it appears.
   */
  get history(): VmMetricsHistory | null {
    return this.historyValue;
  }

  override dispose(): void {
    this.disposed = true;
    this.pendingMetrics = [];
    super.dispose();
  }

  get status(): VmStatusInfo | null {
    return this.statusInfo;
  }

  /** The server's welcome text once the socket is open and greeted. */
  get welcomed(): string | null {
    return this.welcome;
  }

  /** Actions sent and not yet answered. */
  get pendingActions(): ReadonlySet<VmAction> {
    return this.inFlight;
  }

  /** While the server has accepted an action and the VM has not yet shown its effect: what is awaited, in words. */
  get confirming(): string | null {
    return this.confirmingText;
  }

  /** Uptime in seconds now, counted on from the last status message while the VM runs. */
  currentUptime(now = this.timers.now()): number | null {
    const s = this.statusInfo;
    if (!s) return null;
    if (s.status !== 'running') return s.uptime;
    return s.uptime + Math.max(0, (now - s.receivedAt) / 1000);
  }

  /**
   * Runs an action and resolves when the VM's status shows its effect; rejects with a VmError
   * whose message says why otherwise: refused, "needs a live connection", or accepted by the
   * server without the VM following in time (ACTION_NOT_CONFIRMED).
   */
  async command(action: VmAction): Promise<CommandResult> {
    if (!isVmAction(action)) throw new VmError('INVALID_INPUT', `"${String(action)}" is not a VM action.`);
    this.inFlight.add(action);
    this.changed();
    try {
      const before = this.statusInfo;
      const policy = this.actions();
      const sent = await this.send(action, policy);
      this.confirmingText = confirmingMessage(action, this.vmName);
      this.changed();
      const outcome = await awaitOutcome(this, action, before, policy, this.timers);
      if (!outcome.confirmed) throw notConfirmedError(action, this.vmName, outcome.status, policy.confirmTimeoutMs);
      return { ...sent, status: outcome.status!.status };
    } finally {
      this.confirmingText = null;
      this.inFlight.delete(action);
      this.changed();
    }
  }

  /** Sends the action and resolves with the server's accepting reply. */
  private async send(action: VmAction, policy: ActionPolicy): Promise<Omit<CommandResult, 'status'>> {
    const overRest = REST_ACTIONS.has(action) && policy.startStopOverRest;
    if (this.socket.isOpen && !overRest) {
      const response = await this.socket.request(action);
      if (!response.success) throw new VmError('COMMAND_FAILED', response.message || `The server could not ${action} ${this.vmName}.`);
      return { action, message: response.message, via: 'socket' };
    }
    if (!overRest && (!this.restFallback() || !REST_ACTIONS.has(action))) {
      throw new VmError(
        'NOT_AVAILABLE_OFFLINE',
        REST_ACTIONS.has(action)
          ? `${capitalise(action)} needs a live connection to the server.`
          : `${capitalise(action)} needs a live connection: the LibGo REST API has no ${action} route.`,
      );
    }
    const message = await this.restClient().action(this.vmName, action as 'start' | 'stop');
    return { action, message, via: 'rest' };
  }

  /** Reads the VM once over REST to update the status while the socket is down. */
  async refreshStatusFromRest(): Promise<void> {
    try {
      const vm = await this.restClient().getVm(this.vmName);
      if (this.socket.isOpen) return;
      this.setStatus({
        status: vm.status,
        rawStatus: vm.rawStatus,
        uptime: this.statusInfo?.uptime ?? 0,
        receivedAt: this.timers.now(),
        lastStateChange: this.statusInfo?.lastStateChange ?? null,
      });
    } catch {
      // The socket's own state already tells the user that the server is out of reach.
    }
  }

  protected onMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'connection':
        this.welcome = message.data.message || message.data.status;
        this.serverError = null;
        break;
      case 'status':
        this.setStatus({
          status: message.data.status,
          rawStatus: message.data.rawStatus,
          uptime: message.data.uptime,
          receivedAt: this.timers.now(),
          lastStateChange: message.data.lastStateChange,
        });
        return;
      case 'metrics':
        // While samples wait for the history code, later ones queue behind them: order is kept.
        if (!this.historyValue && this.pendingMetrics.length === 0) this.createHistory();
        if (!this.historyValue) {
          this.queueMetrics(message);
          return;
        }
        if (!this.historyValue.addMessage(message)) return;
        break;
      case 'error':
        this.serverError = new VmError(message.data.code, message.data.message || message.data.code);
        break;
      default:
        return;
    }
    this.changed();
  }

  protected override onStateChange(s: SocketSnapshot): void {
    if (s.state !== 'open') {
      this.welcome = null;
      // The chart must break where the connection did, not draw a line across the outage.
      this.markGap();
    }
  }

  private markGap(): void {
    if (this.historyValue) this.historyValue.markGap();
    // Before the first sample there is no line to break.
    else if (this.pendingMetrics.length > 0) this.pendingMetrics.push(null);
  }

  /** Creates the history if its code is here (else it is still loading). */
  private createHistory(): void {
    if (historyModule) this.historyValue = new historyModule.VmMetricsHistory({ capacity: this.metricsCapacity });
  }

  private queueMetrics(message: MetricsMessage): void {
    this.pendingMetrics.push(message);
    if (this.pendingMetrics.length > this.metricsCapacity + 1) this.pendingMetrics.shift();
    if (this.historyRequested) return;
    this.historyRequested = true;
    loadHistoryModule().then(
      () => {
        if (this.disposed) return;
        this.createHistory();
        const pending = this.pendingMetrics;
        this.pendingMetrics = [];
        for (const m of pending) {
          if (m) this.historyValue!.addMessage(m);
          else this.historyValue!.markGap();
        }
        this.changed();
      },
      (e: unknown) => {
        this.historyRequested = false;
        // Kept (bounded) and retried with the next sample, so a flaky network loses no data.
        console.warn('libgo-vm-elements: the metrics history code could not be loaded; retrying with the next sample.', e);
      },
    );
  }

  private setStatus(next: VmStatusInfo): void {
    const prev = this.statusInfo;
    if (prev && prev.status === 'running' && next.status !== 'running') this.markGap();
    this.statusInfo = next;
    this.changed();
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
