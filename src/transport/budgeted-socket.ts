/**
 * A VmSocket that opens only with a grant from the page's socket budget (`socket-budget.ts`), and
 * shows `queued` while it waits or after the budget took its socket back. This is what
 * `LazyVmSocket` loads on first connect, so the budget never weighs on a first paint.
 */
import type { ClientMessage, ResponseData, VmAction, VmRoute } from '../protocol/types.js';
import { Emitter } from './emitter.js';
import { socketBudget, type SocketTicket } from './socket-budget.js';
import type { SocketClaim } from './socket-budget-config.js';
import { VmSocket, type SocketSnapshot, type VmSocketEvents, type VmSocketOptions } from './vm-socket.js';

export class BudgetedSocket {
  readonly vmName: string;
  readonly route: VmRoute;
  readonly events = new Emitter<VmSocketEvents>();
  private readonly real: VmSocket;
  private ticket: SocketTicket | null = null;
  private queuedSnapshot: { from: SocketSnapshot; snapshot: SocketSnapshot } | null = null;

  private readonly claim: SocketClaim | undefined;
  private wasOpening = false;
  /** The budget's grant is held (the ticket says so too, but only once `request` has returned). */
  private granted = false;

  /** Granted, its handshake not over yet (the budget lets only a few open at once). */
  private get opening(): boolean {
    const s = this.real.state.state;
    return this.granted && (s === 'idle' || s === 'connecting');
  }

  constructor(options: VmSocketOptions) {
    const real = (this.real = new VmSocket(options));
    const claim = (this.claim = options.claim);
    if (claim) claim.changed = () => this.ticket?.changed();
    this.vmName = real.vmName;
    this.route = real.route;
    real.events.on('state', () => {
      // A handshake that ended (open, or failed) frees a place for the next socket to open.
      if (this.wasOpening && !this.opening) this.ticket?.changed();
      this.wasOpening = this.opening;
      this.events.emit('state', this.state);
    });
    real.events.on('message', (m) => this.events.emit('message', m));
    real.events.on('decode-error', (e) => this.events.emit('decode-error', e));
    real.events.on('open', () => this.events.emit('open', undefined));
  }

  /**
   * The socket's state; `queued` while the budget has no room for it, `connecting` while it only
   * waits for its turn to open (a few handshakes at a time).
   */
  get state(): SocketSnapshot {
    const state = this.real.state;
    if (!this.ticket || this.ticket.granted) return state;
    const shown = this.ticket.paced ? 'connecting' : 'queued';
    if (this.queuedSnapshot?.from !== state || this.queuedSnapshot.snapshot.state !== shown) {
      this.queuedSnapshot = { from: state, snapshot: { ...state, state: shown, nextRetryAt: null } };
    }
    return this.queuedSnapshot.snapshot;
  }

  get isOpen(): boolean {
    return this.real.isOpen;
  }

  get bufferedAmount(): number {
    return this.real.bufferedAmount;
  }

  get canPauseReading(): boolean {
    return this.real.canPauseReading;
  }

  pauseReading(paused: boolean): void {
    this.real.pauseReading(paused);
  }

  connect(): void {
    if (this.ticket) {
      if (this.ticket.granted) this.real.connect();
      return;
    }
    const claim = this.claim;
    const route = this.route;
    const real = this.real;
    this.ticket = socketBudget().request({
      opening: () => this.opening,
      get priority() {
        return route === 'console' ? 'console' : !claim || claim.shown ? 'visible' : 'background';
      },
      get passiveSince() {
        return claim?.passiveSince ?? -Infinity;
      },
      grant: () => {
        this.granted = this.wasOpening = true;
        real.connect();
      },
      revoke: () => {
        this.granted = false;
        // The close tells the owner (a gap in the metrics), shown as `queued`.
        real.close();
        claim?.onQueued?.();
      },
    });
    if (!this.ticket.granted) {
      this.events.emit('state', this.state);
      // Waiting for its turn to open is not waiting for a socket.
      if (!this.ticket.paced) claim?.onQueued?.();
    }
  }

  reconnectNow(): void {
    if (!this.ticket) this.connect();
    else if (this.ticket.granted) this.real.reconnectNow();
  }

  close(): void {
    const ticket = this.ticket;
    this.ticket = null;
    this.granted = false;
    ticket?.release();
    this.real.close();
  }

  send(message: ClientMessage): boolean {
    return this.real.send(message);
  }

  request(action: VmAction): Promise<ResponseData> {
    return this.real.request(action);
  }
}
