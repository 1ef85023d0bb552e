/**
 * The words for a VM's status and a connection's state, written once so every element says the
 * same thing. Elements pick a form (a badge label, a phrase with its subject); they do not write
 * their own. The phrase form ("VM shut down") is in status-phrases.ts: only the console and the
 * connection view use it, and a module shared by several chunks travels whole, so keeping it here
 * would put it in every element's first paint.
 *
 * Every word is a getter: it is looked up when read, in the locale of the element rendering it
 * (localize.ts), never once at module load.
 */
import type { VmStatus } from '../protocol/types.js';
import type { SocketSnapshot } from '../transport/vm-socket.js';
import { msg, str } from './msg.js';

/** A status on its own, as a badge shows it: "Shut down". */
export const VM_STATUS_LABEL: Readonly<Record<VmStatus, string>> = {
  get running() {
    return msg('Running', { id: 'status.running' });
  },
  get stopped() {
    return msg('Stopped', { id: 'status.stopped' });
  },
  get paused() {
    return msg('Paused', { id: 'status.paused' });
  },
  get shutdown() {
    return msg('Shut down', { id: 'status.shutdown' });
  },
  get crashed() {
    return msg('Crashed', { id: 'status.crashed' });
  },
  get suspended() {
    return msg('Suspended', { id: 'status.suspended' });
  },
  get error() {
    return msg('Error', { id: 'status.error' });
  },
  get unknown() {
    return msg('Unknown', { id: 'status.unknown' });
  },
};

/** Words for the states around a connection that are not one socket state. */
export const CONNECTION_WORDS = {
  /** The socket is open (a live view: metrics, detail). */
  get live(): string {
    return msg('Live', { id: 'connection.live' });
  },
  /** The socket is open (a two-way view: the console). */
  get connected(): string {
    return msg('Connected', { id: 'connection.connected' });
  },
  get connecting(): string {
    return msg('Connecting…', { id: 'connection.connecting' });
  },
  get reconnecting(): string {
    return msg('Reconnecting…', { id: 'connection.reconnecting' });
  },
  /** Offline, said short (a pill). */
  get offline(): string {
    return msg('Offline', { id: 'connection.offline' });
  },
  get offlineWaiting(): string {
    return msg('Offline: waiting for the network', { id: 'connection.offlineWaiting' });
  },
  get noPermission(): string {
    return msg('No permission', { id: 'connection.noPermission' });
  },
  get notSignedIn(): string {
    return msg('Not signed in', { id: 'connection.notSignedIn' });
  },
  get notFound(): string {
    return msg('VM not found', { id: 'connection.notFound' });
  },
  get disconnected(): string {
    return msg('Disconnected', { id: 'connection.disconnected' });
  },
  get notConnected(): string {
    return msg('Not connected', { id: 'connection.notConnected' });
  },
  /** Queued by the page's socket budget: last values shown, not live. */
  get queued(): string {
    return msg('Not live: waiting for a connection', { id: 'connection.queued' });
  },
  /** Queued, said in a console (which shows no stale values). */
  get waiting(): string {
    return msg('Waiting for a connection…', { id: 'connection.waiting' });
  },
  get noVm(): string {
    return msg('No VM selected', { id: 'connection.noVm' });
  },
  get invalidName(): string {
    return msg('Invalid VM name', { id: 'connection.invalidName' });
  },
};

/** Whole seconds until `at` (never negative; 0 when unknown). */
export function secondsUntil(at: number | null, now = Date.now()): number {
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** "Reconnecting in 3 s". */
export function reconnectingIn(seconds: number): string {
  return msg(str`Reconnecting in ${seconds} s`, { id: 'connection.reconnectingIn' });
}

/** The words for a connection state (a countdown while reconnecting, so it changes every second). */
export function connectionLabel(c: SocketSnapshot, now = Date.now()): string {
  switch (c.state) {
    case 'open':
      return CONNECTION_WORDS.live;
    case 'connecting':
      return c.attempt > 0 ? CONNECTION_WORDS.reconnecting : CONNECTION_WORDS.connecting;
    case 'reconnecting':
      return reconnectingIn(secondsUntil(c.nextRetryAt, now));
    case 'offline':
      return CONNECTION_WORDS.offlineWaiting;
    case 'unauthorized':
      return c.lastError?.code === 'PERMISSION_DENIED' ? CONNECTION_WORDS.noPermission : CONNECTION_WORDS.notSignedIn;
    case 'not-found':
      return CONNECTION_WORDS.notFound;
    case 'closed':
      return CONNECTION_WORDS.disconnected;
    case 'idle':
      return CONNECTION_WORDS.notConnected;
    case 'queued':
      return CONNECTION_WORDS.queued;
  }
}
