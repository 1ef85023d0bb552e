/**
 * The WebSocket routes as an unmodified LibGo's handler behaves on the wire (once its crashes are
 * patched, see docs/deploying-with-libgo.md), on top of the simulation's connection:
 * - the token only from `Authorization: Bearer` (`JWTMiddleware.Authenticate`), and no
 *   subprotocol ever selected (its `websocket.Upgrader` lists none);
 * - commands only acknowledged (`Handler.handleCommand`), console input only echoed
 *   (`Handler.handleConsoleInput`), no console output of its own (nothing calls
 *   `SendVMConsoleOutput`), heartbeats answered with a whole-second timestamp;
 * - status with a whole-second `lastStateChange`, and uptime and state change counted from the
 *   server's first monitoring of the VM (`VMMonitor.RegisterVM`), not from the VM's boot.
 */
import type { ClientConnection, ConnectionSink, ConnectParams, SimConnection } from './connection.js';
import { READ_LIMIT_BYTES } from './connection.js';
import { encodeServerMessage, rfc3339Nano, utf8Length } from './go-json.js';
import type { LibGoSim } from './simulator.js';
import type { UpgradeRequest, UpgradeResult } from './upgrade.js';

/** What `VMMonitor` keeps per watched VM. */
interface Monitored {
  clients: number;
  lastStatus: string | null;
  stateChanged: number;
  startTime: number;
}

export interface StrictSocketOptions {
  /**
   * Also take the token from `?token=` or the subprotocol, as a front proxy would have mapped it.
   * For browser tests that need LibGo's socket behaviour without a proxy; never LibGo's own.
   */
  tokenOutsideHeader?: boolean;
}

const wholeSeconds = (ms: number) => rfc3339Nano(Math.floor(ms / 1000) * 1000);

export class StrictSockets {
  private readonly monitored = new Map<string, Monitored>();

  constructor(
    private readonly sim: LibGoSim,
    private readonly options: StrictSocketOptions = {},
  ) {}

  authorizeUpgrade(req: UpgradeRequest): Promise<UpgradeResult> {
    if (this.options.tokenOutsideHeader) return this.sim.authorizeUpgrade(req);
    return this.sim.authorizeUpgrade({ path: req.path, query: '', headers: req.headers, protocols: [] });
  }

  connect(params: ConnectParams, sink: ConnectionSink): SimConnection {
    if (!this.sim.hasVm(params.vmName)) throw new Error(`unknown VM ${params.vmName}`);
    const now = this.sim.clock.now();
    let m = this.monitored.get(params.vmName);
    if (!m) {
      m = { clients: 0, lastStatus: this.sim.vmStatus(params.vmName), stateChanged: now, startTime: now };
      this.monitored.set(params.vmName, m);
    }
    m.clients++;
    const monitor = m;
    // Console echoes pass; the simulated serial console's own output does not.
    const echoes: string[] = [];
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      if (--monitor.clients === 0) this.monitored.delete(params.vmName);
    };
    const inner = this.sim.connect(params, {
      send: (frame) => {
        const kept = frame.split('\n').flatMap((line) => this.rewrite(line, monitor, echoes));
        if (kept.length > 0) sink.send(kept.join('\n'));
      },
      close: (code, reason) => {
        release();
        sink.close(code, reason);
      },
    });
    const conn = this.sim.connectionsOf(params.vmName).find((c) => c.id === inner.id)!;
    return {
      get id() {
        return inner.id;
      },
      vmName: inner.vmName,
      route: inner.route,
      user: inner.user,
      get closed() {
        return inner.closed;
      },
      receive: (text) => {
        // Oversized frames close with 1009 exactly as the simulation does.
        if (inner.closed || utf8Length(text) > READ_LIMIT_BYTES) return inner.receive(text);
        this.inbound(conn, text, echoes);
      },
      disconnect: () => {
        release();
        inner.disconnect();
      },
    };
  }

  private inbound(conn: ClientConnection, text: string, echoes: string[]): void {
    let msg: { type?: unknown; data?: Record<string, unknown> };
    try {
      msg = JSON.parse(text) as typeof msg;
      if (msg === null || typeof msg !== 'object') throw new Error('not an object');
    } catch {
      conn.enqueue('error', { code: 'INVALID_MESSAGE', message: 'Failed to parse message' });
      return;
    }
    const data = msg.data !== null && typeof msg.data === 'object' ? msg.data : {};
    switch (msg.type) {
      case 'command': {
        const action = data.action;
        if (typeof action !== 'string') {
          conn.enqueue('error', { code: 'INVALID_COMMAND', message: 'Missing or invalid action' });
          return;
        }
        const requestId = typeof data.requestId === 'string' && data.requestId !== '' ? data.requestId : `cmd-${this.sim.clock.now()}000000`;
        conn.enqueue('response', { requestId, success: true, message: `Command '${action}' acknowledged` });
        return;
      }
      case 'console_input': {
        if (conn.route !== 'console') {
          conn.enqueue('error', { code: 'INVALID_MESSAGE_TYPE', message: 'Console input not allowed on this connection' });
          return;
        }
        if (typeof data.content !== 'string') {
          conn.enqueue('error', { code: 'INVALID_CONSOLE_INPUT', message: 'Missing or invalid content' });
          return;
        }
        echoes.push(data.content);
        conn.enqueue('console', { content: data.content, eof: false });
        return;
      }
      case 'heartbeat':
        conn.enqueue('heartbeat', { timestamp: wholeSeconds(this.sim.clock.now()) });
        return;
      default:
        conn.enqueue('error', { code: 'UNKNOWN_MESSAGE_TYPE', message: 'Unknown message type' });
    }
  }

  /** One outgoing message as LibGo would send it, or nothing. */
  private rewrite(line: string, m: Monitored, echoes: string[]): string[] {
    let msg: { type: string; timestamp: string; data: Record<string, unknown> };
    try {
      msg = JSON.parse(line) as typeof msg;
    } catch {
      return [line]; // a fault's raw frame: as sent
    }
    switch (msg.type) {
      case 'connection':
        return [encodeServerMessage('connection', { ...msg.data, message: `Connected to ${String(msg.data.vmName)} WebSocket` }, msg.timestamp)];
      case 'console':
        if (echoes.length > 0 && msg.data.content === echoes[0]) {
          echoes.shift();
          return [line];
        }
        return [];
      case 'status': {
        const now = this.sim.clock.now();
        const status = String(msg.data.status);
        if (status !== m.lastStatus) {
          m.lastStatus = status;
          m.stateChanged = now;
          if (status === 'running') m.startTime = now;
        }
        const uptime = status === 'running' ? Math.floor((now - m.startTime) / 1000) : 0;
        return [encodeServerMessage('status', { status, lastStateChange: wholeSeconds(m.stateChanged), uptime }, msg.timestamp)];
      }
      default:
        return [line];
    }
  }
}
