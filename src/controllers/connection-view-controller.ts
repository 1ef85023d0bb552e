/**
 * What an element shows and says about its connection: a view (kind, label, tone) of the socket
 * and VM state, a countdown that re-renders the host while one is shown, and a live-region text
 * that changes when the kind of state changes, not with every tick of the countdown.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VmError } from '../protocol/errors.js';
import type { VmStatus } from '../protocol/types.js';
import type { SocketSnapshot } from '../transport/vm-socket.js';
import { CONNECTION_WORDS, connectionLabel } from '../internal/status-words.js';
import { VM_STATUS_PHRASE } from '../internal/status-phrases.js';
import { msg, str } from '../internal/msg.js';

export type ConnectionTone = 'ok' | 'warn' | 'danger' | 'info' | 'busy' | 'muted';

export interface ConnectionView<K extends string = string> {
  kind: K;
  label: string;
  tone: ConnectionTone;
  /** Said in the live region when the kind changes (without a countdown). */
  announce: string;
  /** The label counts down: the host re-renders while it shows. */
  ticking: boolean;
}

export type ConnectionKind =
  | 'none'
  | 'invalid'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'offline'
  | 'unauthorized'
  | 'no-permission'
  | 'not-found'
  | 'not-running'
  | 'closed';

export interface ConnectionFacts {
  vmName: string;
  nameError: VmError | null;
  /** The session's socket and the VM's status, or null while there is no session. */
  session: { connection: SocketSnapshot; vmStatus: VmStatus | null } | null;
  now?: number;
}

function view(kind: ConnectionKind, label: string, tone: ConnectionTone, ticking = false, announce = label.replace('…', '')): ConnectionView<ConnectionKind> {
  return { kind, label, tone, announce, ticking };
}

/** The state of a two-way connection to a VM (the console's), in words. */
export function describeConnection({ vmName, nameError, session, now = Date.now() }: ConnectionFacts): ConnectionView<ConnectionKind> {
  if (vmName.trim() === '') return view('none', CONNECTION_WORDS.noVm, 'muted');
  if (nameError) return view('invalid', CONNECTION_WORDS.invalidName, 'danger');
  if (!session) return view('connecting', CONNECTION_WORDS.connecting, 'busy');
  const c = session.connection;
  switch (c.state) {
    case 'open': {
      const status = session.vmStatus;
      if (status && status !== 'running') return view('not-running', VM_STATUS_PHRASE[status] ?? msg(str`VM ${status}`, { id: 'status.phrase.other' }), 'warn');
      return view('connected', CONNECTION_WORDS.connected, 'ok');
    }
    case 'idle':
    case 'connecting':
      return view('connecting', c.attempt > 0 ? CONNECTION_WORDS.reconnecting : CONNECTION_WORDS.connecting, 'busy');
    case 'reconnecting':
      // The countdown changes every second; the announcement says it once.
      return view('reconnecting', connectionLabel(c, now), 'warn', true, msg('Disconnected, reconnecting', { id: 'connection.announce.reconnecting' }));
    case 'offline':
      return view('offline', CONNECTION_WORDS.offline, 'warn');
    case 'unauthorized':
      return c.lastError?.code === 'PERMISSION_DENIED'
        ? view('no-permission', CONNECTION_WORDS.noPermission, 'danger')
        : view('unauthorized', CONNECTION_WORDS.notSignedIn, 'danger');
    case 'not-found':
      return view('not-found', CONNECTION_WORDS.notFound, 'danger');
    case 'closed':
      return view('closed', CONNECTION_WORDS.disconnected, 'muted');
    case 'queued':
      return view('connecting', CONNECTION_WORDS.waiting, 'busy');
  }
}

export interface ConnectionViewOptions<K extends string> {
  /** The view now (read on every render and sync). */
  describe: () => ConnectionView<K>;
  /** How often a ticking view re-renders the host. Default 500 ms (a countdown in whole seconds). */
  tickMs?: number;
  /**
   * Runs `fn` in the host's locale (its LocaleController's `run`): the view is read outside a
   * render when it is announced. Without it, announcements are in English.
   */
  run?: <T>(fn: () => T) => T;
}

export class ConnectionViewController<K extends string = ConnectionKind> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: ConnectionViewOptions<K>;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private lastKind: K | null = null;
  private announced = '';

  constructor(host: ReactiveControllerHost, options: ConnectionViewOptions<K>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  get view(): ConnectionView<K> {
    return this.options.describe();
  }

  /** The live region's text. */
  get announcement(): string {
    return this.announced;
  }

  /** Re-reads the view and announces it if its kind changed (call on every state change). */
  sync(): void {
    const v = this.words(() => this.view);
    if (v.kind === this.lastKind) return;
    this.lastKind = v.kind;
    this.announce(v.announce);
  }

  /**
   * Says a text in the live region (a notice of the element's own, for instance). A function is
   * called in the host's locale: pass one for words, a string only for what needs no translation.
   */
  announce(words: string | (() => string)): void {
    const text = typeof words === 'function' ? this.words(words) : words;
    if (text === this.announced) return;
    this.announced = text;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const ticking = this.view.ticking;
    if (ticking && this.ticker === null) this.ticker = setInterval(() => this.host.requestUpdate(), this.options.tickMs ?? 500);
    else if (!ticking) this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private words<T>(fn: () => T): T {
    return this.options.run ? this.options.run(fn) : fn();
  }

  private stop(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }
}
