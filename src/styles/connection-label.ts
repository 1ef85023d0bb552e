/** Words for a connection state, shared so every element says the same thing. */
import type { SocketSnapshot } from '../hub/index.js';

export function connectionLabel(c: SocketSnapshot, now = Date.now()): string {
  switch (c.state) {
    case 'open':
      return 'Live';
    case 'connecting':
      return c.attempt > 0 ? 'Reconnecting…' : 'Connecting…';
    case 'reconnecting': {
      const s = c.nextRetryAt === null ? 0 : Math.max(0, Math.ceil((c.nextRetryAt - now) / 1000));
      return `Reconnecting in ${s} s`;
    }
    case 'offline':
      return 'Offline: waiting for the network';
    case 'unauthorized':
      return c.lastError?.code === 'PERMISSION_DENIED' ? 'No permission' : 'Not signed in';
    case 'not-found':
      return 'VM not found';
    case 'closed':
      return 'Disconnected';
    case 'idle':
      return 'Not connected';
    case 'queued':
      return 'Not live: waiting for a connection';
  }
}
