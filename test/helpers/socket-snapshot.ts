import type { SocketSnapshot } from '../../src/transport/vm-socket.js';

/** A socket's state as an element reads it: `state`, with nothing else happened unless `over` says so. */
export const socket = (state: SocketSnapshot['state'], over: Partial<SocketSnapshot> = {}): SocketSnapshot => ({
  state,
  attempt: 0,
  nextRetryAt: null,
  lastError: null,
  lastCloseCode: null,
  ...over,
});
