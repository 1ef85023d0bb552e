export * from './types.js';
export { decode, MAX_FRAME_CHARS } from './decode.js';
export { encode, isVmAction, commandMessage, heartbeatMessage, utf8Length } from './encode.js';
export { chunkConsoleInput } from './chunk.js';
export { normaliseStatus, parseRfc3339 } from './validate.js';
export { VmError, isVmError, type VmErrorCode, type ClientErrorCode, type InvalidReason } from './errors.js';
export { parseVmInfo, parseLoginResult } from './vm-info.js';
