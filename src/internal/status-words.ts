/**
 * The words for a VM's status and a connection's state, written once so every element says the
 * same thing. Elements pick a form (a badge label, a phrase with its subject); they do not write
 * their own. The phrase form ("VM shut down") is in status-phrases.ts: only the console and the
 * connection view use it, and a module shared by several chunks travels whole, so keeping it here
 * would put it in every element's first paint.
 */
import type { VmStatus } from '../protocol/types.js';
import type { SocketSnapshot } from '../transport/vm-socket.js';

/** A status on its own, as a badge shows it: "Shut down". */
export const VM_STATUS_LABEL: Readonly<Record<VmStatus, string>> = {
  running: 'Running',
  stopped: 'Stopped',
  paused: 'Paused',
  shutdown: 'Shut down',
  crashed: 'Crashed',
  suspended: 'Suspended',
  error: 'Error',
  unknown: 'Unknown',
};

/** Words for the states around a connection that are not one socket state. */
export const CONNECTION_WORDS = {
  /** The socket is open (a live view: metrics, detail). */
  live: 'Live',
  /** The socket is open (a two-way view: the console). */
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  /** Offline, said short (a pill). */
  offline: 'Offline',
  offlineWaiting: 'Offline: waiting for the network',
  noPermission: 'No permission',
  notSignedIn: 'Not signed in',
  notFound: 'VM not found',
  disconnected: 'Disconnected',
  notConnected: 'Not connected',
  /** Queued by the page's socket budget: last values shown, not live. */
  queued: 'Not live: waiting for a connection',
  /** Queued, said in a console (which shows no stale values). */
  waiting: 'Waiting for a connection…',
  noVm: 'No VM selected',
  invalidName: 'Invalid VM name',
} as const;

/** Whole seconds until `at` (never negative; 0 when unknown). */
export function secondsUntil(at: number | null, now = Date.now()): number {
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** "Reconnecting in 3 s". */
export function reconnectingIn(seconds: number): string {
  return `Reconnecting in ${seconds} s`;
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
