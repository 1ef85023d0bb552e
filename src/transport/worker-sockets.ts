/**
 * The socket factories a hub loads on demand, named by the options that ask for them: a console
 * socket in a worker of its own, monitor sockets together in one.
 */
import { batchedWorkerSocketFactory } from './batched-worker-sockets.js';
import type { SyncSocketFactory } from './socket-factory.js';
import { workerSocketFactory } from './worker-socket.js';

export const consoleInWorker: SyncSocketFactory = workerSocketFactory;
export const monitorsInWorker: SyncSocketFactory = batchedWorkerSocketFactory;
