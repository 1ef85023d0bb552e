/**
 * The server's send path for one client: what gorilla/websocket's `send` channel and write pump
 * give the real LibGo server, on top of `ws`. `ws.send` never refuses; without this, a client that
 * stops reading grows the server by whatever the simulation produces (+650 MB in 10 s of `flood`).
 *
 * - Frames go straight to the socket while its buffer is under SOCKET_HIGH_WATER_BYTES.
 * - Beyond that they wait here, at most SEND_BUFFER_MESSAGES messages (LibGo's channel size);
 *   one more and the client is dropped as LibGo drops it: a close frame without a status, which
 *   a browser reports as 1005.
 * - A write that makes no progress for WRITE_WAIT_MS drops the connection without a close frame
 *   (gorilla's write deadline; a browser sees 1006), so a reader that stalls while little is sent
 *   does not hold its buffer until the pong timeout.
 */
import { WebSocket } from 'ws';
import { SEND_BUFFER_MESSAGES, type ConnectionSink } from '../src/testing/sim/connection.js';

/** Bytes `ws` and the kernel may hold for one client before frames queue here instead. */
export const SOCKET_HIGH_WATER_BYTES = 1024 * 1024;
/** gorilla's example hub: `writeWait = 10 * time.Second`. */
export const WRITE_WAIT_MS = 10_000;

/** Messages in a frame: the simulation joins them with `\n` (the JSON escapes every other newline). */
function messagesIn(frame: string): number {
  let n = 1;
  for (let i = frame.indexOf('\n'); i >= 0; i = frame.indexOf('\n', i + 1)) n++;
  return n;
}

export class ClientSender implements ConnectionSink {
  /** Called once when this side gives up on the client (overflow or write deadline). */
  onDropped: () => void = () => {};
  private queue: string[] = [];
  private queuedMessages = 0;
  private queuedBytes = 0;
  private pendingWrites = 0;
  private lastProgress = 0;
  private writeTimer: ReturnType<typeof setTimeout> | null = null;
  private dropped = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly writeWaitMs = WRITE_WAIT_MS,
  ) {
    ws.once('close', () => this.release());
  }

  /** What this client has not taken yet: in the socket and queued here, in bytes. */
  bufferedAmount(): number {
    return this.ws.bufferedAmount + this.queuedBytes;
  }

  send(frame: string): void {
    if (this.dropped || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.queue.length === 0 && this.ws.bufferedAmount < SOCKET_HIGH_WATER_BYTES) {
      this.write(frame);
      return;
    }
    const messages = messagesIn(frame);
    if (this.queuedMessages + messages > SEND_BUFFER_MESSAGES) {
      this.drop(() => this.ws.close());
      return;
    }
    this.queue.push(frame);
    this.queuedMessages += messages;
    this.queuedBytes += Buffer.byteLength(frame);
  }

  close(code: number, reason: string): void {
    this.release();
    if (code === 1006) this.ws.terminate();
    else if (code === 1005) this.ws.close();
    else this.ws.close(code, reason);
  }

  private write(frame: string): void {
    if (this.pendingWrites++ === 0) this.armWriteDeadline();
    this.ws.send(frame, () => {
      this.pendingWrites--;
      this.lastProgress = Date.now();
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length > 0 && !this.dropped && this.ws.readyState === WebSocket.OPEN && this.ws.bufferedAmount < SOCKET_HIGH_WATER_BYTES) {
      const frame = this.queue.shift()!;
      this.queuedMessages -= messagesIn(frame);
      this.queuedBytes -= Buffer.byteLength(frame);
      this.write(frame);
    }
  }

  private armWriteDeadline(): void {
    if (this.writeTimer !== null) return;
    this.lastProgress = Date.now();
    const check = () => {
      this.writeTimer = null;
      if (this.pendingWrites === 0 || this.dropped) return;
      const idle = Date.now() - this.lastProgress;
      if (idle >= this.writeWaitMs) this.drop(() => this.ws.terminate());
      else this.writeTimer = setTimeout(check, this.writeWaitMs - idle);
    };
    this.writeTimer = setTimeout(check, this.writeWaitMs);
  }

  private drop(how: () => void): void {
    if (this.dropped) return;
    this.release();
    this.onDropped();
    how();
    // A peer that reads nothing never answers the close frame either; don't wait ws's 30 s for it.
    if (this.ws.readyState !== WebSocket.CLOSED) setTimeout(() => this.ws.terminate(), this.writeWaitMs).unref();
  }

  private release(): void {
    this.dropped = true;
    this.queue = [];
    this.queuedMessages = 0;
    this.queuedBytes = 0;
    if (this.writeTimer !== null) clearTimeout(this.writeTimer);
    this.writeTimer = null;
  }
}
