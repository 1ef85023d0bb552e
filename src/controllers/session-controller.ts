/**
 * Ties an element to a hub session for as long as it is connected: finds the hub, leases the
 * session for the element's current VM name, follows name changes, and re-renders the element
 * at most once per animation frame however many messages arrive. Releases everything in
 * hostDisconnected, so a removed element holds no socket.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { VmError } from '../protocol/errors.js';
import type { SessionBase } from '../hub/session-base.js';
import type { MonitorSession } from '../hub/monitor-session.js';
import type { SessionLease, VmHub } from '../hub/vm-hub.js';
import { FrameBatcher } from '../internal/frame-batcher.js';
import { HubResolver } from '../internal/hub-resolver.js';

export interface SessionControllerOptions {
  /** Read on every update; a change re-leases the session for the new VM. */
  vmName: () => string | null | undefined;
  /** Called synchronously on every session change (before the batched render). */
  onChange?: () => void;
  /** Called when the session object itself changes (new VM, new hub, or none). */
  onSession?: () => void;
  /**
   * A hub of the element's own that takes precedence over the one found above it (an element
   * that is itself a provider, like `<vm-detail server="…">`, leases from the hub it provides).
   */
  hub?: () => VmHub | null;
  /** Called when the hub in use changes (to provide it further down, for instance). */
  onHub?: (hub: VmHub | null) => void;
  /**
   * Schedules the host's re-render after session changes, instead of once per animation frame
   * (a dashboard of tiles batches every tile's render into one page-wide frame).
   */
  scheduleUpdate?: () => void;
}

export abstract class SessionController<S extends SessionBase> implements ReactiveController {
  protected readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: SessionControllerOptions;
  private readonly resolver: HubResolver;
  private readonly batcher: FrameBatcher;
  private lease: SessionLease<S> | null = null;
  private leasedFor: { hub: VmHub; name: string } | null = null;
  private unsubscribe: (() => void) | null = null;
  private nameErrorValue: VmError | null = null;
  private lastHub: VmHub | null = null;
  /** Whether the element shows the session (see `SessionLease.setVisible`); true unless told. */
  private visible = true;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SessionControllerOptions) {
    this.host = host;
    this.options = options;
    this.batcher = new FrameBatcher(host);
    this.resolver = new HubResolver(host, () => {
      this.sync();
      host.requestUpdate();
    });
    host.addController(this);
  }

  /** The hub in use: the element's own if it has one, else the one above it or the page default. */
  get hub(): VmHub | null {
    return this.options.hub?.() ?? this.resolver.hub;
  }

  get session(): S | null {
    return this.lease?.session ?? null;
  }

  /** Why there is no session although a name was given (an invalid VM name). */
  get nameError(): VmError | null {
    return this.nameErrorValue;
  }

  hostConnected(): void {
    this.resolver.connect();
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.batcher.cancel();
    this.release();
    this.resolver.disconnect();
    this.notifyHub();
  }

  protected abstract acquire(hub: VmHub, vmName: string): SessionLease<S>;

  /**
   * Whether the element shows its session on screen; off-screen sessions yield their socket to
   * shown ones under the page's socket budget. Kept across re-leases.
   */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.lease?.setVisible(visible);
  }

  /** Re-reads the hub and the VM name now (e.g. right after the element replaced its own hub). */
  sync(): void {
    this.notifyHub();
    const hub = this.hub;
    const raw = this.options.vmName();
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (this.leasedFor && this.leasedFor.hub === hub && this.leasedFor.name === name) return;
    this.release();
    this.nameErrorValue = null;
    if (!hub || name === '' || !this.host.isConnected) {
      this.options.onSession?.();
      return;
    }
    try {
      this.lease = this.acquire(hub, name);
      if (!this.visible) this.lease.setVisible(false);
    } catch (e) {
      this.nameErrorValue = e instanceof VmError ? e : new VmError('INVALID_INPUT', 'That VM name cannot be used.');
      this.leasedFor = { hub, name };
      this.options.onSession?.();
      return;
    }
    this.leasedFor = { hub, name };
    this.unsubscribe = this.lease.session.subscribe(() => {
      this.options.onChange?.();
      if (this.options.scheduleUpdate) this.options.scheduleUpdate();
      else this.batcher.schedule();
    });
    this.options.onSession?.();
  }

  private notifyHub(): void {
    const hub = this.host.isConnected ? this.hub : null;
    if (hub === this.lastHub) return;
    this.lastHub = hub;
    this.options.onHub?.(hub);
  }

  private release(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.lease?.release();
    this.lease = null;
    this.leasedFor = null;
  }
}

/**
 * Gives an element the shared monitor session (status, metrics, commands) of its VM. Here, not in
 * a module of its own: <vm-detail> and <vm-metrics> share it, and a module the two share apart from
 * the rest of this file would be one more file in <vm-detail>'s first paint (0.1 KB gzip).
 */
export class VmMonitorController extends SessionController<MonitorSession> {
  protected acquire(hub: VmHub, vmName: string): SessionLease<MonitorSession> {
    return hub.monitor(vmName);
  }
}
