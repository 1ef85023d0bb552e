/**
 * The synchronous face of a VmSocket whose code loads on first `connect()`. A page paints its
 * widgets ("Connecting…") before the socket, decoding and REST-probing code has even arrived;
 * that code then loads in parallel with everything else. Sessions talk to this class only.
 */
import { VmError } from '../protocol/errors.js';
import type { ClientMessage, ResponseData, VmAction, VmRoute } from '../protocol/types.js';
import { Emitter } from './emitter.js';
import { validateVmName } from './vm-name.js';
import type { SocketSnapshot, VmSocketEvents, VmSocketOptions } from './vm-socket.js';
import type { BudgetedSocket } from './budgeted-socket.js';

// The socket comes with the page's socket budget (budgeted-socket.ts): both load on first connect.
let loading: Promise<typeof import('./budgeted-socket.js')> | null = null;
let loaded: typeof import('./budgeted-socket.js') | null = null;
const loadSocketModule = () =>
  (loading ??= import('./budgeted-socket.js').then((m) => {
    loaded = m;
    return m;
  }));

/**
 * Runs `fn` once the page has painted (the frame after next), or after a short timeout where no
 * frames come (a background tab, a non-browser runtime): the first paint never waits for the
 * connection code.
 */
function afterPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

/**
 * Starts loading the connection code now (e.g. on hover of a link to a VM page), so the first
 * `connect()` does not wait for it. Resolves once it is loaded.
 */
export function preloadConnection(): Promise<void> {
  return loadSocketModule().then(() => undefined);
}

export class LazyVmSocket {
  readonly vmName: string;
  readonly route: VmRoute;
  readonly events = new Emitter<VmSocketEvents>();
  private real: BudgetedSocket | null = null;
  private wanted = false;
  private closed = false;
  private readingPaused = false;
  private snapshot: SocketSnapshot = { state: 'idle', attempt: 0, nextRetryAt: null, lastError: null, lastCloseCode: null };

  constructor(private readonly options: VmSocketOptions) {
    // Validated now, so a bad name fails where the session is asked for, not later.
    this.vmName = validateVmName(options.vmName);
    this.route = options.route;
  }

  get state(): SocketSnapshot {
    return this.real?.state ?? this.snapshot;
  }

  get isOpen(): boolean {
    return this.real?.isOpen ?? false;
  }

  get bufferedAmount(): number {
    return this.real?.bufferedAmount ?? 0;
  }

  /** True when the socket can stop reading output (see `VmSocket.pauseReading`). */
  get canPauseReading(): boolean {
    return this.real?.canPauseReading ?? false;
  }

  /** Stops (`true`) or resumes reading output; remembered until the real socket exists. */
  pauseReading(paused: boolean): void {
    this.readingPaused = paused;
    this.real?.pauseReading(paused);
  }

  connect(): void {
    if (this.real) return this.real.connect();
    if (this.wanted && !this.closed) return;
    this.wanted = true;
    this.closed = false;
    this.setState({ state: 'connecting' });
    if (loaded) return this.start(loaded);
    afterPaint(() => {
      if (this.closed || this.real) return;
      loadSocketModule().then(
        (m) => this.start(m),
        () => {
          // A chunk that failed to load (offline, a deploy replaced it) is retried on reconnect.
          loading = null;
          this.wanted = false;
          this.setState({ state: 'closed', lastError: new VmError('NETWORK_ERROR', 'The connection code could not be loaded; check the network and reconnect.') });
        },
      );
    });
  }

  private start({ BudgetedSocket }: typeof import('./budgeted-socket.js')): void {
    if (this.closed || this.real) return;
    const real = new BudgetedSocket(this.options);
    this.real = real;
    if (this.readingPaused) real.pauseReading(true);
    real.events.on('state', (s) => this.events.emit('state', s));
    real.events.on('message', (m) => this.events.emit('message', m));
    real.events.on('decode-error', (e) => this.events.emit('decode-error', e));
    real.events.on('open', () => this.events.emit('open', undefined));
    real.connect();
  }

  reconnectNow(): void {
    if (this.real) this.real.reconnectNow();
    else this.connect();
  }

  close(): void {
    this.closed = true;
    this.wanted = false;
    if (this.real) this.real.close();
    else this.setState({ state: 'closed', nextRetryAt: null });
  }

  send(message: ClientMessage): boolean {
    return this.real?.send(message) ?? false;
  }

  request(action: VmAction): Promise<ResponseData> {
    if (this.real) return this.real.request(action);
    return Promise.reject(new VmError('NOT_CONNECTED', `Cannot ${action} ${this.vmName}: there is no live connection.`));
  }

  private setState(patch: Partial<SocketSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.events.emit('state', this.snapshot);
  }
}
