/**
 * LibGo-strict mode: the simulation as an unmodified LibGo server shows itself to clients (see
 * strict-rest.ts and strict-socket.ts for each behaviour and the LibGo function it follows).
 * Not its crashes: those are LibGo's bugs, documented in docs/deploying-with-libgo.md.
 */
import type { ConnectionSink, ConnectParams, SimConnection } from './connection.js';
import type { RestRequest, RestResponse } from './rest.js';
import type { LibGoSim } from './simulator.js';
import { handleStrictRest } from './strict-rest.js';
import { StrictSockets, type StrictSocketOptions } from './strict-socket.js';
import type { UpgradeRequest, UpgradeResult } from './upgrade.js';

export type StrictOptions = StrictSocketOptions;

/** The three entry points a transport drives, as LibGoSim has them. */
export interface SimWire {
  handleRest(request: RestRequest): Promise<RestResponse>;
  authorizeUpgrade(request: UpgradeRequest): Promise<UpgradeResult>;
  connect(params: ConnectParams, sink: ConnectionSink): SimConnection;
}

/** The simulation's entry points, strict when `options` is given, else the simulation's own. */
export function simWire(sim: LibGoSim, options: StrictOptions | boolean | undefined): SimWire {
  if (!options) return sim;
  const sockets = new StrictSockets(sim, options === true ? {} : options);
  return {
    handleRest: (request) => handleStrictRest(sim, request),
    authorizeUpgrade: (request) => sockets.authorizeUpgrade(request),
    connect: (params, sink) => sockets.connect(params, sink),
  };
}
