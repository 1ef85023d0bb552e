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
import type { HistoryPersistOptions } from './config.js';
import type { HistoryPersistence } from './history-persistence.js';
import { localClock, type LocalClock } from './local-clock.js';
import { SessionBase } from './session-base.js';
import { actionPolicy, type ActionPolicy } from './action-policy.js';

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

type OutcomeModule = typeof import('./action-outcome.js');

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

/** Live samples wait at most this long for a kept history to be read. */
const RESTORE_WAIT_MS = 3000;

export class MonitorSession extends SessionBase {
  private historyValue: VmMetricsHistory | null = null;
  /** Samples (and gaps, as null) that arrived while the history code was loading; bounded. */
  private pendingMetrics: Array<{ message: MetricsMessage; receivedAt: number } | null> = [];
  /** @internal Read by the history store (as are `clock`, `socketOptions`, `dropped`, `createHistory`). */
  readonly metricsCapacity: number;
  private historyRequested = false;
  private disposed = false;
  private statusInfo: VmStatusInfo | null = null;
  private welcome: string | null = null;
  private readonly inFlight = new Set<VmAction>();
  private confirmingText: string | null = null;
  private confirmingActionValue: VmAction | null = null;
  /** @internal */
  readonly timers: Timers;
  /** @internal */
  readonly clock: LocalClock;
  /** @internal */
  socketOptions: VmSocketOptions;
  /** Keeps the history across page loads (history-persistence.ts); null until its code is here. */
  private kept: HistoryPersistence | null = null;
  /** Samples wait for the kept history (it goes first), but never longer than RESTORE_WAIT_MS. */
  private restoring = false;
  private restoreBegun = false;
  private persistOff = false;
  /** Wall-clock time at which the newest sample arrived, saved with the history. */
  private lastReceivedWall = NaN;

  constructor(
    options: VmSocketOptions,
    /** @internal Also read by action-outcome.ts, which polls the status over REST while the socket is down. */
    readonly restClient: () => RestApi,
    private readonly restFallback: () => boolean,
    metricsCapacity: number,
    timers: Timers,
    private readonly persistence: () => HistoryPersistOptions | null = () => null,
    /** @internal Who is signed in, from the token's claims (for the history store). */
    readonly user: () => Promise<string | null> = async () => null,
    private readonly actions: () => ActionPolicy = () => actionPolicy({}),
  ) {
    super(options);
    this.socketOptions = options;
    this.metricsCapacity = metricsCapacity;
    this.timers = timers;
    this.clock = localClock(timers);
  }

  override start(): void {
    super.start();
    this.beginRestore();
  }

  override rebind(options: VmSocketOptions, connect: boolean): void {
    this.socketOptions = options;
    super.rebind(options, connect);
    if (this.kept?.rebind(options)) return;
    // Signed in only now (a token provider set after the elements loaded): look again.
    if (!this.historyValue && !this.restoring) {
      this.restoreBegun = false;
      this.beginRestore();
    }
  }

  /**
   * This VM's history is not kept across page loads (an element asked, e.g. `no-persist-history`):
   * what was kept is deleted, and a restore still under way is dropped.
   */
  disablePersistence(): void {
    if (this.persistOff) return;
    this.persistOff = true;
    this.kept?.forget();
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
    this.kept?.flush(this.historyValue, this.lastReceivedWall);
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

  /** The action `confirming` describes (for words of one's own: `confirming` is English). */
  get confirmingAction(): VmAction | null {
    return this.confirmingActionValue;
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
      // The waiting code is not needed before the first action (nor in the first paint): it loads
      // while the action is sent.
      const outcomeCode = import('./action-outcome.js');
      outcomeCode.catch(() => {}); // awaited below once sent; a refused send must not leave it unhandled
      const before = this.statusInfo;
      const policy = this.actions();
      const sent = await this.send(action, policy, outcomeCode);
      const { awaitOutcome, confirmingMessage, notConfirmedError } = await outcomeCode;
      this.confirmingText = confirmingMessage(action, this.vmName);
      this.confirmingActionValue = action;
      this.changed();
      const outcome = await awaitOutcome(this, action, before, policy, this.timers);
      if (!outcome.confirmed) throw notConfirmedError(action, this.vmName, outcome.status, policy.confirmTimeoutMs);
      return { ...sent, status: outcome.status!.status };
    } finally {
      this.confirmingText = null;
      this.confirmingActionValue = null;
      this.inFlight.delete(action);
      this.changed();
    }
  }

  /**
   * Sends the action and resolves with the server's accepting reply. A refusal's words come with
   * the outcome code (`code`), which is loading already: they are not needed before an action.
   */
  private async send(action: VmAction, policy: ActionPolicy, code: Promise<OutcomeModule>): Promise<Omit<CommandResult, 'status'>> {
    const overRest = REST_ACTIONS.has(action) && policy.startStopOverRest;
    if (this.socket.isOpen && !overRest) {
      const response = await this.socket.request(action);
      if (!response.success) throw (await code).refusedError(action, this.vmName, response.message);
      return { action, message: response.message, via: 'socket' };
    }
    if (!overRest && (!this.restFallback() || !REST_ACTIONS.has(action))) {
      throw (await code).offlineError(action, REST_ACTIONS.has(action));
    }
    const message = await this.restClient().action(this.vmName, action as 'start' | 'stop');
    return { action, message, via: 'rest' };
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
      case 'metrics': {
        // The receive time on a clock that never steps is what tells a server clock step apart.
        const receivedAt = this.clock.monotonic();
        // While samples wait for the history code, later ones queue behind them: order is kept.
        if (!this.historyValue && this.pendingMetrics.length === 0 && !this.restoring) this.createHistory();
        if (!this.historyValue) {
          this.queueMetrics(message, receivedAt);
          return;
        }
        if (!this.historyValue.addMessage(message, receivedAt)) return;
        this.accepted();
        break;
      }
      case 'error':
        this.serverError = new VmError(message.data.code, message.data.message || message.data.code, { detail: message.data.message });
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
  /** @internal The session ended, or was asked not to keep its history. */
  get dropped(): boolean {
    return this.persistOff || this.disposed;
  }

  /** @internal */
  createHistory(): VmMetricsHistory | null {
    if (historyModule) this.historyValue = new historyModule.VmMetricsHistory({ capacity: this.metricsCapacity });
    return this.historyValue;
  }

  private accepted(): void {
    this.lastReceivedWall = this.clock.wall();
    this.kept?.save(this.historyValue, this.lastReceivedWall);
  }

  /**
   * Looks for this VM's history as an earlier page left it (see VmHubConfig.persistHistory).
   * Runs once, when the first subscriber arrives; its code loads then, never with the page.
   */
  private beginRestore(): void {
    const persist = this.persistence();
    if (this.restoreBegun || this.persistOff || !persist) return;
    this.restoreBegun = this.restoring = true;
    const restore = Promise.all([loadHistoryModule(), import('./history-persistence.js')]).then(([, m]) => {
      if (this.dropped) return;
      this.kept = new m.HistoryPersistence(this, () => this.persistence() !== null);
      return this.kept.restore(persist);
    });
    // Storage that hangs must not hold live samples back for long.
    void Promise.race([restore, new Promise((resolve) => setTimeout(resolve, RESTORE_WAIT_MS))])
      .catch(() => undefined)
      .then(() => {
        this.restoring = false;
        if (this.disposed) return;
        if (this.pendingMetrics.length > 0 && historyModule) this.drainPending();
        if (this.historyValue) this.changed();
      });
  }

  private queueMetrics(message: MetricsMessage, receivedAt: number): void {
    this.pendingMetrics.push({ message, receivedAt });
    if (this.pendingMetrics.length > this.metricsCapacity + 1) this.pendingMetrics.shift();
    if (this.historyRequested) return;
    this.historyRequested = true;
    loadHistoryModule().then(
      () => {
        if (this.disposed || this.restoring) return;
        this.drainPending();
        this.changed();
      },
      (e: unknown) => {
        this.historyRequested = false;
        // Kept (bounded) and retried with the next sample, so a flaky network loses no data.
        console.warn('libgo-vm-elements: the metrics history code could not be loaded; retrying with the next sample.', e);
      },
    );
  }

  /** Feeds the samples (and gaps) that waited for the history code or the kept history. */
  private drainPending(): void {
    const history = this.historyValue ?? this.createHistory();
    if (!history) return;
    const pending = this.pendingMetrics;
    this.pendingMetrics = [];
    let any = false;
    for (const m of pending) {
      if (!m) history.markGap();
      else if (history.addMessage(m.message, m.receivedAt)) any = true;
    }
    if (any) this.accepted();
  }

  /** @internal Also called by action-outcome.ts with a status read over REST. */
  setStatus(next: VmStatusInfo): void {
    const prev = this.statusInfo;
    if (prev && prev.status === 'running' && next.status !== 'running') this.markGap();
    this.statusInfo = next;
    this.changed();
  }
}
