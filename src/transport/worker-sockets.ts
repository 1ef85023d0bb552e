/**
 * The socket factories a hub loads on demand (`VmHubConfig.consoleInWorker`, `monitorsInWorker`),
 * named by route: a console socket in a worker of its own, monitor sockets together in one.
 */
import { batchedWorkerSocketFactory } from './batched-worker-sockets.js';
import type { SyncSocketFactory } from './socket-factory.js';
import { workerSocketFactory } from './worker-socket.js';

export const console: SyncSocketFactory = workerSocketFactory;
export const monitor: SyncSocketFactory = batchedWorkerSocketFactory;
