/**
 * Shared state of one VM's monitor socket: connection, status, bounded metrics history, the last
 * error, and commands (over the socket when it is open, else REST for start/stop).
 */
import { isVmAction } from '../protocol/encode.js';
import { VmError } from '../protocol/errors.js';
import type { ServerMessage, VmAction, VmStatus } from '../protocol/types.js';
import type { VmMetricsHistory } from '../metrics/vm-metrics-history.js';
import type { SocketSnapshot, Timers, VmSocketOptions } from '../transport/index.js';
import type { RestApi } from '../transport/lazy-rest-client.js';
import type { HistoryPersistOptions } from './config.js';
import type { MetricsIntake, Waiting } from './metrics-intake.js';
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

// What the session does with metrics (metrics-intake.ts, with the history code) loads with the
// first metrics message, or when a session that keeps its history starts: never with the page.
// Shared by every session of the page.
type IntakeModule = typeof import('./metrics-intake.js');
let intakeLoading: Promise<IntakeModule> | null = null;
function loadIntakeModule(): Promise<IntakeModule> {
  return (intakeLoading ??= import('./metrics-intake.js').catch((e: unknown) => {
    intakeLoading = null; // retried with the next sample
    throw e;
  }));
}

export class MonitorSession extends SessionBase {
  /** The metrics history and its keeping, once their code is here (metrics-intake.ts). */
  private intake: MetricsIntake | null = null;
  /** Samples (and gaps, as null) that arrived while that code was loading; bounded. */
  private early: Waiting[] = [];
  private intakeRequested = false;
  /** Whether the intake, when it comes, looks for a kept history (the session started with persistence on). */
  private restoreWanted = false;
  /** @internal Read by the metrics intake (as are `clock`, `socketOptions`, `user`, `persistence`, `persistOff`). */
  readonly metricsCapacity: number;
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
  /** @internal This VM's history is not kept across page loads (`disablePersistence`). */
  persistOff = false;

  constructor(
    options: VmSocketOptions,
    /** @internal Also read by action-outcome.ts, which polls the status over REST while the socket is down. */
    readonly restClient: () => RestApi,
    private readonly restFallback: () => boolean,
    metricsCapacity: number,
    timers: Timers,
    /** @internal */
    readonly persistence: () => HistoryPersistOptions | null = () => null,
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
    // The kept history may not be this user's; or signed in only now (a token provider set after
    // the elements loaded): look again.
    if (this.intake) this.intake.rebind(options);
    else this.beginRestore();
  }

  /**
   * This VM's history is not kept across page loads (an element asked, e.g. `no-persist-history`):
   * what was kept is deleted, and a restore still under way is dropped.
   */
  disablePersistence(): void {
    if (this.persistOff) return;
    this.persistOff = true;
    this.intake?.forget();
  }

  /**
   * The VM's metrics history, kept for as long as the session lives. Null until the first
   * metrics message has been stored (its code loads then); subscribers are notified when it appears.
   */
  get history(): VmMetricsHistory | null {
    return this.intake?.history ?? null;
  }

  override dispose(): void {
    this.disposed = true;
    this.early = [];
    this.intake?.dispose();
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
        if (this.intake) {
          if (!this.intake.add(message, receivedAt)) return;
          break;
        }
        // While samples wait for the intake code, later ones queue behind them: order is kept.
        this.early.push({ message, receivedAt });
        if (this.early.length > this.metricsCapacity + 1) this.early.shift();
        this.loadIntake();
        return;
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
    if (this.intake) this.intake.markGap();
    // Before the first sample there is no line to break.
    else if (this.early.length > 0) this.early.push(null);
  }

  /**
   * Looks for this VM's history as an earlier page left it (see VmHubConfig.persistHistory), once
   * the intake code is here. Asked when a subscriber arrives; its code loads then, never with the page.
   */
  private beginRestore(): void {
    if (this.intake) return this.intake.beginRestore();
    if (this.persistOff || !this.persistence()) return;
    this.restoreWanted = true;
    this.loadIntake();
  }

  private loadIntake(): void {
    if (this.intakeRequested) return;
    this.intakeRequested = true;
    loadIntakeModule().then(
      (m) => {
        if (this.disposed || this.intake) return;
        const early = this.early;
        this.early = [];
        this.intake = new m.MetricsIntake(this, early, () => this.changed());
        this.intake.start(this.restoreWanted);
      },
      (e: unknown) => {
        this.intakeRequested = false;
        // Kept (bounded) and retried with the next sample, so a flaky network loses no data.
        console.warn('libgo-vm-elements: the metrics history code could not be loaded; retrying with the next sample.', e);
      },
    );
  }

  /** @internal Also called by action-outcome.ts with a status read over REST. */
  setStatus(next: VmStatusInfo): void {
    const prev = this.statusInfo;
    if (prev && prev.status === 'running' && next.status !== 'running') this.markGap();
    this.statusInfo = next;
    this.changed();
  }
}
