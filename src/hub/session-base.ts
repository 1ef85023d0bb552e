/** What monitor and console sessions share: one VmSocket, change notification, rebinding. */
import type { ServerMessage, VmError, VmRoute } from '../protocol/index.js';
import { LazyVmSocket } from '../transport/lazy-socket.js';
import type { SocketSnapshot, VmSocketOptions } from '../transport/index.js';
import { budgetNow, socketBudget, type SocketClaimant, type SocketPriority, type SocketTicket } from './socket-budget.js';

export abstract class SessionBase {
  readonly vmName: string;
  readonly route: VmRoute;
  protected socket: LazyVmSocket;
  private readonly listeners = new Set<() => void>();
  private unbind: Array<() => void> = [];
  private versionCounter = 0;
  /** The newest error the server sent in an `error` message. */
  protected serverError: VmError | null = null;
  /** The session's claim on the page's socket budget, from the first `start()` to `dispose()`. */
  private ticket: SocketTicket | null = null;
  private visibleLeases = 0;
  private everVisible = false;
  private passiveSinceValue = -Infinity;
  private queuedSnapshot: { from: SocketSnapshot; snapshot: SocketSnapshot } | null = null;

  constructor(options: VmSocketOptions) {
    this.vmName = options.vmName;
    this.route = options.route;
    this.socket = new LazyVmSocket(options);
    this.bind();
  }

  /** Increases on every change; UI code compares it to skip work. */
  get version(): number {
    return this.versionCounter;
  }

  /** The socket's state, or `queued` while the page's socket budget has no grant for it. */
  get connection(): SocketSnapshot {
    const state = this.socket.state;
    if (!this.ticket || this.ticket.granted) return state;
    if (this.queuedSnapshot?.from !== state) this.queuedSnapshot = { from: state, snapshot: { ...state, state: 'queued', nextRetryAt: null } };
    return this.queuedSnapshot.snapshot;
  }

  /** Where the session stands in the page's socket budget. */
  get socketPriority(): SocketPriority {
    if (this.route === 'console') return 'console';
    return this.visibleLeases > 0 ? 'visible' : 'background';
  }

  /**
   * A lease's holder says it is shown (+1) or no longer shown (-1). A session nobody shows is
   * `background`: after the budget's linger its socket may go to one that is shown.
   */
  adjustVisibleLeases(delta: 1 | -1): void {
    const before = this.visibleLeases;
    this.visibleLeases = Math.max(0, before + delta);
    if (before === 0 && this.visibleLeases > 0) this.everVisible = true;
    if (before > 0 && this.visibleLeases === 0) this.passiveSinceValue = this.everVisible ? budgetNow() : -Infinity;
    if ((before === 0) !== (this.visibleLeases === 0)) this.ticket?.changed();
  }

  /** The error to show: the connection's when it is not open, else the server's last one. */
  get error(): VmError | null {
    const c = this.socket.state;
    return c.state !== 'open' && c.lastError ? c.lastError : this.serverError;
  }

  /** Called synchronously on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The hub calls this when the first subscriber arrives or the linger is cancelled. */
  start(): void {
    if (!this.ticket) this.ticket = socketBudget().request(this.claimant());
    else if (this.ticket.granted) this.socket.connect();
  }

  reconnect(): void {
    if (!this.ticket || this.ticket.granted) this.socket.reconnectNow();
  }

  /** Replaces the socket after a configuration change, keeping all state and subscribers. */
  rebind(options: VmSocketOptions, connect: boolean): void {
    for (const off of this.unbind) off();
    this.socket.close();
    this.socket = new LazyVmSocket(options);
    this.bind();
    if (connect) {
      if (!this.ticket) this.start();
      else if (this.ticket.granted) this.socket.connect();
    }
    this.changed();
  }

  dispose(): void {
    this.ticket?.release();
    this.ticket = null;
    for (const off of this.unbind) off();
    this.unbind = [];
    this.socket.close();
    this.listeners.clear();
  }

  protected changed(): void {
    this.versionCounter++;
    for (const l of [...this.listeners]) l();
  }

  protected abstract onMessage(message: ServerMessage): void;

  protected onStateChange(_s: SocketSnapshot): void {}

  private claimant(): SocketClaimant {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const session = this;
    return {
      get priority() {
        return session.socketPriority;
      },
      get passiveSince() {
        return session.passiveSinceValue;
      },
      grant: () => {
        this.socket.connect();
        this.changed();
      },
      revoke: () => {
        // The socket's close tells the session (a gap in the metrics) and its subscribers.
        this.socket.close();
      },
    };
  }

  private bind(): void {
    this.unbind = [
      this.socket.events.on('message', (m) => this.onMessage(m)),
      this.socket.events.on('state', (s) => {
        this.onStateChange(s);
        this.changed();
      }),
    ];
  }
}
