/**
 * Wire types of the LibGo WebSocket protocol, as the real server speaks it (see PROTOCOL.md).
 * Everything here is plain data: no DOM, no timers.
 */

/** Status strings the server is known to send; anything else is normalised to `unknown`. */
export const VM_STATUSES = [
  'running',
  'stopped',
  'paused',
  'shutdown',
  'crashed',
  'suspended',
  'error',
  'unknown',
] as const;
export type VmStatus = (typeof VM_STATUSES)[number];

export const VM_ACTIONS = ['start', 'stop', 'restart', 'suspend', 'resume'] as const;
export type VmAction = (typeof VM_ACTIONS)[number];

export const ERROR_CODES = [
  'AUTH_ERROR',
  'VM_NOT_FOUND',
  'VM_NOT_RUNNING',
  'INVALID_COMMAND',
  'INVALID_MESSAGE',
  'INVALID_MESSAGE_TYPE',
  'INVALID_CONSOLE_INPUT',
  'UNKNOWN_MESSAGE_TYPE',
  'UNKNOWN_ERROR',
] as const;
/** Known codes; the server may grow new ones, so the type stays open. */
export type ErrorCode = (typeof ERROR_CODES)[number] | (string & {});

/** The two upgrade routes: `monitor` is `/ws/vms/{name}`, `console` is `/ws/vms/{name}/console`. */
export type VmRoute = 'monitor' | 'console';

export interface ConnectionData {
  status: string;
  vmName: string;
  message: string;
}

export interface StatusData {
  status: VmStatus;
  /** The raw string as received, kept so an unknown value can still be shown to an operator. */
  rawStatus: string;
  /** Milliseconds since the epoch, or null when the server sent none / an unparsable one. */
  lastStateChange: number | null;
  /** Seconds. */
  uptime: number;
}

export interface MetricsData {
  cpu: { utilization: number };
  memory: { used: number; total: number };
  /** Cumulative counters: they fall back to 0 when the VM restarts. */
  network: { rxBytes: number; txBytes: number };
  disk: { readBytes: number; writeBytes: number };
}

export interface ResponseData {
  requestId: string;
  success: boolean;
  message: string;
}

export interface ConsoleData {
  content: string;
  eof: boolean;
}

export interface ErrorData {
  code: ErrorCode;
  message: string;
}

export interface HeartbeatData {
  /** Milliseconds since the epoch when the server echoed a timestamp, else null. */
  timestamp: number | null;
}

interface Envelope<T extends string, D> {
  type: T;
  /** Milliseconds since the epoch, parsed from the RFC3339 (nanosecond) timestamp. */
  timestamp: number;
  data: D;
}

export type ConnectionMessage = Envelope<'connection', ConnectionData>;
export type StatusMessage = Envelope<'status', StatusData>;
export type MetricsMessage = Envelope<'metrics', MetricsData>;
export type ResponseMessage = Envelope<'response', ResponseData>;
export type ConsoleMessage = Envelope<'console', ConsoleData>;
export type ErrorMessage = Envelope<'error', ErrorData>;
export type HeartbeatMessage = Envelope<'heartbeat', HeartbeatData>;

/** Everything a client can receive, after validation. */
export type ServerMessage =
  | ConnectionMessage
  | StatusMessage
  | MetricsMessage
  | ResponseMessage
  | ConsoleMessage
  | ErrorMessage
  | HeartbeatMessage;

export type ServerMessageType = ServerMessage['type'];

/** Everything a client can send. */
export type ClientMessage =
  | { type: 'command'; data: { action: VmAction; requestId?: string } }
  | { type: 'console_input'; data: { content: string } }
  | { type: 'heartbeat'; data: Record<string, never> };

/** The server's read limit per client frame, counted on the whole encoded JSON frame. */
export const MAX_CLIENT_FRAME_BYTES = 8192;

/** One line of a frame that could not be turned into a valid message. */
export interface DecodeError {
  /** Index of the line within the frame (0-based), -1 for a problem with the frame itself. */
  line: number;
  reason: 'not-text' | 'too-large' | 'invalid-json' | 'invalid-envelope' | 'unknown-type' | 'invalid-data';
  /** Human-readable detail; never contains more than a short, escaped excerpt of the input. */
  detail: string;
}

export interface DecodeResult {
  messages: ServerMessage[];
  errors: DecodeError[];
}

/** VM as returned by `GET /api/v1/vms/{name}` → `{vm}`. */
export interface VmInfo {
  name: string;
  uuid: string;
  description: string;
  status: VmStatus;
  rawStatus: string;
  createdAt: number | null;
  cpu: { count: number; model: string; sockets: number; cores: number; threads: number };
  memory: { sizeBytes: number; sizeMB: number };
  disks: VmDisk[];
  networks: VmNetwork[];
}

export interface VmDisk {
  path: string;
  format: string;
  sizeBytes: number;
  bus: string;
  readOnly: boolean;
  bootable: boolean;
  shareable: boolean;
  serial: string;
  storagePool: string;
  device: string;
}

export interface VmNetwork {
  type: string;
  source: string;
  model: string;
  macAddress: string;
  ipAddress: string;
  ipAddressV6: string;
}

export interface LoginResult {
  token: string;
  /** Milliseconds since the epoch, or null. */
  expiresAt: number | null;
  user: { id: string; username: string; email: string; roles: string[] };
}
