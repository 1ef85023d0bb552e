export { LibGoSim, DEFAULT_JWT_SECRET, type SimOptions, type ActionResult, type LoginWire } from './simulator.js';
export { systemClock, seededRandom, randomUuid, type Clock, type TimerHandle } from './clock.js';
export type { Authenticator, Claims } from './auth.js';
export { createHs256Authenticator } from './hs256.js';
export { base64urlEncodeText, base64urlDecodeText } from './base64url.js';
export { DEFAULT_USERS, ROLE_PERMISSIONS, PERMISSIONS, permissionsForRoles, type Permission, type SimUser } from './users.js';
export { DEFAULT_VMS, type VmSpec, type VmWire } from './vm-fixtures.js';
export type { SimStatus, MetricsWire } from './vm-machine.js';
export {
  READ_LIMIT_BYTES,
  SEND_BUFFER_MESSAGES,
  type ConnectionSink,
  type ConnectParams,
  type Route,
  type SimConnection,
} from './connection.js';
export { FaultInjector } from './faults.js';
export { goJson, rfc3339Nano, encodeServerMessage, utf8Length } from './go-json.js';
export { floodText, floodSlice, floodLine, FLOOD_LINE_BYTES } from './flood-text.js';
export { DEFAULT_DELAYS_MS } from './lifecycle.js';
export type { RestRequest, RestResponse, RestErrorCode } from './rest.js';
export {
  LIBGO_SUBPROTOCOL,
  TOKEN_SUBPROTOCOL_PREFIX,
  parseWsPath,
  type UpgradeRequest,
  type UpgradeResult,
} from './upgrade.js';
export type { HeaderBag } from './http-parts.js';

import { LibGoSim, type SimOptions } from './simulator.js';
export function createSim(options?: SimOptions): LibGoSim {
  return new LibGoSim(options);
}
