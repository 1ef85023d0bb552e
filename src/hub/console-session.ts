/**
 * Shared state of one VM's console socket: a bounded replay buffer so late subscribers miss
 * nothing, ordered input that is chunked under the server's frame limit and paced by the
 * socket's send buffer, end-of-file and the VM status seen on the console route.
 */
import { chunkConsoleInput } from '../protocol/chunk.js';
import { VmError } from '../protocol/errors.js';
import type { ServerMessage, VmStatus } from '../protocol/types.js';
import type { Timers, VmSocketOptions } from '../transport/index.js';
import { ReplayBuffer } from './replay-buffer.js';
import { SessionBase } from './session-base.js';
import type { SessionLease, VmHub } from './vm-hub.js';

/** Console output kept per VM for late subscribers when the hub does not say (`consoleReplayBytes`). */
export const DEFAULT_CONSOLE_REPLAY_BYTES = 256 * 1024;

/**
 * Claims the VM's console session on `hub` (one socket per VM, shared by every subscriber);
 * `release()` the lease when done. A function rather than a hub method so that pages without a
 * console never load this module.
 */
export function leaseConsole(hub: VmHub, vmName: string): SessionLease<ConsoleSession> {
  return hub.lease('console', vmName, (options, config, timers) =>
    new ConsoleSession(options, config.consoleReplayBytes ?? DEFAULT_CONSOLE_REPLAY_BYTES, timers),
  );
}

export interface ConsoleSink {
  /** Output in arrival order; the first call may be the replay of what came before. */
  write(text: string): void;
  /** The guest closed the console (VM stopped). */
  eof?(): void;
  /** Output evicted from the replay buffer before this sink could see it. */
  missed?(bytes: number): void;
}

export interface ConsoleAttachment {
  /** Stops delivery; returns the sequence number to resume from with `attach(sink, seq)`. */
  detach(): number;
  /**
   * Asks the session to stop reading output from the socket (`true`) because this sink is behind,
   * or to read again (`false`). Output is then held upstream (in the worker, the browser's socket
   * buffer, TCP and finally the server), so nothing is lost. Returns true when the socket can
   * do that; false means output keeps coming and a bounded sink may have to drop.
   */
  hold(held: boolean): boolean;
}

export interface InputProgress {
  sentChars: number;
  totalChars: number;
}

/** Above this many bytes waiting in the browser's send buffer, a paste waits. */
const HIGH_WATER_BYTES = 64 * 1024;
const DRAIN_POLL_MS = 8;

export class ConsoleSession extends SessionBase {
  private readonly replay: ReplayBuffer;
  private readonly sinks = new Set<ConsoleSink>();
  /** Sinks that asked to hold output; the socket reads while this is empty. */
  private readonly holders = new Set<ConsoleSink>();
  private vmStatusValue: VmStatus | null = null;
  private eofSeen = false;
  private inputChain: Promise<void> = Promise.resolve();
  private queuedChars = 0;
  private readonly timers: Timers;

  constructor(options: VmSocketOptions, replayBytes: number, timers: Timers) {
    super(options);
    this.replay = new ReplayBuffer(replayBytes);
    this.timers = timers;
  }

  /** The VM status as the console route reports it (it sends status messages too). */
  get vmStatus(): VmStatus | null {
    return this.vmStatusValue;
  }

  get eof(): boolean {
    return this.eofSeen;
  }

  /** Characters accepted by `sendInput` and not yet handed to the socket. */
  get pendingInputChars(): number {
    return this.queuedChars;
  }

  /** Bytes of output held for late subscribers. */
  get replayBytes(): number {
    return this.replay.size;
  }

  /**
   * Delivers what the buffer holds from `fromSeq` (all of it by default) synchronously, then
   * every new chunk as it arrives.
   */
  attach(sink: ConsoleSink, fromSeq?: number): ConsoleAttachment {
    const slice = this.replay.since(fromSeq ?? 0);
    if (slice.missedBytes > 0 && fromSeq !== undefined) sink.missed?.(slice.missedBytes);
    if (slice.text) sink.write(slice.text);
    this.sinks.add(sink);
    return {
      detach: () => {
        this.sinks.delete(sink);
        this.setHold(sink, false);
        return this.replay.nextSeq;
      },
      hold: (held) => {
        if (!this.sinks.has(sink)) return false;
        this.setHold(sink, held);
        return this.socket.canPauseReading;
      },
    };
  }

  private setHold(sink: ConsoleSink, held: boolean): void {
    if (held) this.holders.add(sink);
    else this.holders.delete(sink);
    // The slowest attached terminal sets the pace: the others wait, nobody loses output.
    this.socket.pauseReading(this.holders.size > 0);
  }

  override rebind(options: VmSocketOptions, connect: boolean): void {
    super.rebind(options, connect);
    // A terminal still behind keeps holding the new socket too.
    if (this.holders.size > 0) this.socket.pauseReading(true);
  }

  /** Forgets the replayed output (the user pressed "clear"); live output is unaffected. */
  clearReplay(): void {
    this.replay.clear();
  }

  /**
   * Sends input in order after any input already queued. Large input is split so every frame
   * stays within 8192 bytes, and waits whenever the socket's send buffer is full. Rejects with
   * NOT_CONNECTED (saying how much was sent) if the socket is not, or stops being, open.
   */
  sendInput(text: string, onProgress?: (p: InputProgress) => void): Promise<void> {
    if (typeof text !== 'string') return Promise.reject(new VmError('INVALID_INPUT', 'Console input must be text.'));
    if (text === '') return Promise.resolve();
    if (this.route !== 'console') return Promise.reject(new VmError('INVALID_INPUT', 'This is not a console session.'));
    this.queuedChars += text.length;
    const run = this.inputChain.then(() => this.pump(text, onProgress));
    // A failed paste must not block what the user types next.
    this.inputChain = run.catch(() => undefined);
    return run;
  }

  private async pump(text: string, onProgress?: (p: InputProgress) => void): Promise<void> {
    const chunks = chunkConsoleInput(text);
    let sent = 0;
    try {
      for (const chunk of chunks) {
        while (this.socket.isOpen && this.socket.bufferedAmount > HIGH_WATER_BYTES) await this.sleep(DRAIN_POLL_MS);
        if (!this.socket.send({ type: 'console_input', data: { content: chunk } })) {
          throw new VmError(
            'NOT_CONNECTED',
            sent === 0
              ? 'The console is not connected; the input was not sent.'
              : `The console disconnected after ${sent} of ${text.length} characters were sent.`,
          );
        }
        sent += chunk.length;
        this.queuedChars -= chunk.length;
        onProgress?.({ sentChars: sent, totalChars: text.length });
      }
    } finally {
      this.queuedChars -= text.length - sent;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers.setTimeout(resolve, ms));
  }

  protected onMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'console': {
        const { content, eof } = message.data;
        if (content) {
          this.eofSeen = false;
          this.replay.append(content);
          for (const sink of [...this.sinks]) sink.write(content);
        }
        if (eof) {
          this.eofSeen = true;
          for (const sink of [...this.sinks]) sink.eof?.();
          this.changed();
        }
        return;
      }
      case 'status':
        if (message.data.status === this.vmStatusValue) return;
        this.vmStatusValue = message.data.status;
        break;
      case 'error':
        this.serverError = new VmError(message.data.code, message.data.message || message.data.code, { detail: message.data.message });
        break;
      case 'connection':
        this.serverError = null;
        break;
      default:
        return;
    }
    this.changed();
  }
}
