/**
 * Turns one WebSocket frame into validated messages.
 *
 * The LibGo server writes every message queued for a client into ONE text frame, separated by
 * `\n`, so a frame is split before parsing. Every field of every message is checked here; the
 * rest of the library trusts what comes out and never sees raw server JSON.
 */
import type {
  DecodeError,
  DecodeResult,
  ServerMessage,
  ServerMessageType,
} from './types.js';
import {
  bool,
  excerpt,
  isObject,
  nonNegative,
  normaliseStatus,
  parseRfc3339,
  str,
  type JsonObject,
} from './validate.js';

/** Frames larger than this are refused whole: no legitimate batch comes near it. */
export const MAX_FRAME_CHARS = 8 * 1024 * 1024;
/** Console content above this in one message is refused (the server sends ≤ 4 KiB reads). */
const MAX_CONSOLE_CHARS = 1024 * 1024;

type DataParser = (data: JsonObject) => ServerMessage['data'] | string;

const num = (o: JsonObject, k: string) => nonNegative(o[k]);

const parsers: Record<ServerMessageType, DataParser> = {
  connection(d) {
    const status = str(d.status, 256);
    const vmName = str(d.vmName ?? '', 1024);
    const message = str(d.message ?? '', 4096);
    if (status === undefined) return 'status must be a string';
    if (vmName === undefined || message === undefined) return 'vmName/message must be strings';
    return { status, vmName, message };
  },
  status(d) {
    const rawStatus = str(d.status, 256);
    if (rawStatus === undefined) return 'status must be a string';
    const uptime = d.uptime === undefined ? 0 : nonNegative(d.uptime);
    if (uptime === undefined) return 'uptime must be a non-negative number';
    const lastStateChange =
      d.lastStateChange === undefined || d.lastStateChange === null || d.lastStateChange === ''
        ? null
        : (parseRfc3339(d.lastStateChange) ?? null);
    return { status: normaliseStatus(rawStatus), rawStatus, lastStateChange, uptime };
  },
  metrics(d) {
    const cpu = d.cpu;
    const memory = d.memory;
    const network = d.network;
    const disk = d.disk;
    if (!isObject(cpu) || !isObject(memory) || !isObject(network) || !isObject(disk)) {
      return 'cpu, memory, network and disk must be objects';
    }
    const utilization = num(cpu, 'utilization');
    const used = num(memory, 'used');
    const total = num(memory, 'total');
    const rxBytes = num(network, 'rxBytes');
    const txBytes = num(network, 'txBytes');
    const readBytes = num(disk, 'readBytes');
    const writeBytes = num(disk, 'writeBytes');
    if (utilization === undefined) return 'cpu.utilization must be a non-negative number';
    if (used === undefined || total === undefined) return 'memory.used/total must be non-negative numbers';
    if (rxBytes === undefined || txBytes === undefined) return 'network counters must be non-negative numbers';
    if (readBytes === undefined || writeBytes === undefined) return 'disk counters must be non-negative numbers';
    return {
      // A guest with many vCPUs can report >100 %; clamp to keep one scale.
      cpu: { utilization: Math.min(utilization, 100) },
      memory: { used, total },
      network: { rxBytes, txBytes },
      disk: { readBytes, writeBytes },
    };
  },
  response(d) {
    const requestId = str(d.requestId, 256);
    const success = bool(d.success);
    const message = str(d.message ?? '', 4096);
    if (requestId === undefined) return 'requestId must be a string';
    if (success === undefined) return 'success must be a boolean';
    if (message === undefined) return 'message must be a string';
    return { requestId, success, message };
  },
  console(d) {
    const content = str(d.content ?? '', MAX_CONSOLE_CHARS);
    const eof = d.eof === undefined ? false : bool(d.eof);
    if (content === undefined) return 'content must be a string';
    if (eof === undefined) return 'eof must be a boolean';
    return { content, eof };
  },
  error(d) {
    const code = str(d.code, 128);
    const message = str(d.message ?? '', 4096);
    if (code === undefined || !/^[A-Z0-9_]{1,64}$/.test(code)) return 'code must be an UPPER_CASE string';
    if (message === undefined) return 'message must be a string';
    return { code, message };
  },
  heartbeat(d) {
    return { timestamp: d.timestamp === undefined ? null : (parseRfc3339(d.timestamp) ?? null) };
  },
};

const KNOWN_TYPES = new Set(Object.keys(parsers));

function decodeLine(line: string, index: number, now: number): ServerMessage | DecodeError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { line: index, reason: 'invalid-json', detail: `not JSON: ${excerpt(line)}` };
  }
  if (!isObject(parsed) || typeof parsed.type !== 'string') {
    return { line: index, reason: 'invalid-envelope', detail: 'expected an object with a string "type"' };
  }
  const type = parsed.type;
  if (!KNOWN_TYPES.has(type)) {
    return { line: index, reason: 'unknown-type', detail: `unknown message type "${excerpt(type, 40)}"` };
  }
  // Some server messages (heartbeat replies from older builds) carry no data object.
  const data = parsed.data === undefined || parsed.data === null ? {} : parsed.data;
  if (!isObject(data)) {
    return { line: index, reason: 'invalid-data', detail: `${type}: data must be an object` };
  }
  const result = parsers[type as ServerMessageType](data);
  if (typeof result === 'string') {
    return { line: index, reason: 'invalid-data', detail: `${type}: ${result}` };
  }
  // A missing or broken timestamp must not drop a console byte; the receive time stands in.
  const timestamp = parseRfc3339(parsed.timestamp) ?? now;
  return { type, timestamp, data: result } as ServerMessage;
}

/**
 * Decodes one frame. Never throws: binary data, `null`, oversized frames and garbage all come
 * back as errors, and the valid lines of a partly broken frame are still delivered in order.
 */
export function decode(frame: unknown, now: number = Date.now()): DecodeResult {
  const messages: ServerMessage[] = [];
  const errors: DecodeError[] = [];
  if (typeof frame !== 'string') {
    errors.push({ line: -1, reason: 'not-text', detail: `expected a text frame, got ${describe(frame)}` });
    return { messages, errors };
  }
  if (frame.length > MAX_FRAME_CHARS) {
    errors.push({ line: -1, reason: 'too-large', detail: `frame of ${frame.length} characters refused` });
    return { messages, errors };
  }
  const lines = frame.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Go's writer may leave a trailing newline or \r\n; blank lines are separators, not messages.
    if (line.trim() === '') continue;
    const out = decodeLine(line, i, now);
    if ('reason' in out) errors.push(out);
    else messages.push(out);
  }
  return { messages, errors };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v instanceof ArrayBuffer) return `binary (${v.byteLength} bytes)`;
  if (typeof Blob !== 'undefined' && v instanceof Blob) return `binary (${v.size} bytes)`;
  return typeof v;
}
