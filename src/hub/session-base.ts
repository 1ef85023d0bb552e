/** What monitor and console sessions share: one VmSocket, change notification, rebinding. */
import type { ServerMessage, VmError, VmRoute } from '../protocol/index.js';
import { LazyVmSocket } from '../transport/lazy-socket.js';
import type { SocketSnapshot, VmSocketOptions } from '../transport/index.js';

export abstract class SessionBase {
  readonly vmName: string;
  readonly route: VmRoute;
  protected socket: LazyVmSocket;
  private readonly listeners = new Set<() => void>();
  private unbind: Array<() => void> = [];
  private versionCounter = 0;
  /** The newest error the server sent in an `error` message. */
  protected serverError: VmError | null = null;

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

  get connection(): SocketSnapshot {
    return this.socket.state;
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
    this.socket.connect();
  }

  reconnect(): void {
    this.socket.reconnectNow();
  }

  /** Replaces the socket after a configuration change, keeping all state and subscribers. */
  rebind(options: VmSocketOptions, connect: boolean): void {
    for (const off of this.unbind) off();
    this.socket.close();
    this.socket = new LazyVmSocket(options);
    this.bind();
    if (connect) this.socket.connect();
    this.changed();
  }

  dispose(): void {
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
