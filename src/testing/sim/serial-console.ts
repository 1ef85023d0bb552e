/**
 * A VM's serial port: one per VM, shared by every console socket (like `virsh console`), so output
 * goes to all of them and input from any of them reaches the same tty. Implements the small part of
 * a tty line discipline a browser terminal exercises: echo, CR → CRLF, backspace, ^C, no echo for
 * passwords.
 */
import type { Clock, TimerHandle } from './clock.js';
import { bootLog, REBOOT_LOG, SHUTDOWN_LOG } from './boot-log.js';
import { floodSlice } from './flood-text.js';
import { runShellCommand } from './shell.js';

/** How much a LibGo console read returns at most (one `console` message). */
const PTY_READ_CHARS = 4096;

export interface SerialConsoleHost {
  readonly vmName: string;
  readonly cpus: number;
  readonly memMB: number;
  readonly clock: Clock;
  bootLineDelayMs(): number;
  uptimeSeconds(): number;
  /** Sends output to every console socket of this VM. */
  emit(content: string, eof?: boolean): void;
  /** The fullest send queue among this VM's console sockets, so long outputs can wait for it. */
  pressure(): number;
  /** The fullest transport send buffer among this VM's console sockets, in bytes (0 if unknown). */
  transportBacklog?(): number;
  /** Models a client too slow to drain its queue, so `burst` can overflow it on purpose. */
  blockWriter(blocked: boolean): void;
}

type TtyState = 'off' | 'booting' | 'login' | 'password' | 'shell' | 'busy';

/** Flood output waits while a socket holds this many messages, well under the 256 that drop it. */
const PRESSURE_LIMIT = 128;
const MAX_MESSAGES_PER_TURN = 128;
/**
 * Flood output also waits while a socket's transport holds this many bytes: a guest writing to a
 * serial port is held back by TCP when the reader falls behind. Without it the server would buffer
 * the whole flood at once, and a key typed during it (Ctrl+C) would queue behind all of it.
 */
const TRANSPORT_LIMIT_BYTES = 256 * 1024;

export class SerialConsole {
  private state: TtyState = 'off';
  private line = '';
  private user = '';
  private lastWasCR = false;
  private timers = new Set<TimerHandle>();
  /** Bumped on power events so that late boot lines or flood chunks of a previous run stop. */
  private generation = 0;

  constructor(private readonly host: SerialConsoleHost) {}

  /** A VM already running when the simulation starts sits at its login prompt. */
  attachRunning(): void {
    this.generation++;
    this.state = 'login';
  }

  powerOn(): void {
    this.generation++;
    this.state = 'booting';
    this.printLines(bootLog(this.host.vmName, this.host.cpus, this.host.memMB), () => {
      this.state = 'login';
      this.out(this.loginPrompt());
    });
  }

  powerOff(): void {
    this.cancel();
    this.state = 'off';
    this.out(`\r\n${SHUTDOWN_LOG.join('\r\n')}\r\n`);
    this.out('', true);
  }

  reboot(): void {
    this.cancel();
    this.out(`\r\n${REBOOT_LOG.join('\r\n')}\r\n`);
    this.powerOn();
  }

  dispose(): void {
    this.cancel();
    this.state = 'off';
  }

  /**
   * Output produced while one input frame is processed, emitted afterwards in pty-read-sized
   * messages: a real console is read from a tty in chunks, not one message per line, so a pasted
   * script does not turn into tens of thousands of messages.
   */
  private collected: string[] | null = null;

  private out(content: string, eof = false): void {
    if (this.collected && !eof) {
      this.collected.push(content);
      return;
    }
    this.flushCollected();
    this.host.emit(content, eof);
  }

  private flushCollected(): void {
    if (!this.collected || this.collected.length === 0) return;
    const text = this.collected.join('');
    this.collected = [];
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + PTY_READ_CHARS);
      // Never split a surrogate pair between two messages.
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      this.host.emit(text.slice(start, end));
      start = end;
    }
  }

  input(content: string): void {
    if (this.state === 'off') return;
    this.collected = [];
    try {
      this.processInput(content);
    } finally {
      this.flushCollected();
      this.collected = null;
    }
  }

  private processInput(content: string): void {
    let echo = '';
    const flushEcho = () => {
      if (echo) this.out(echo);
      echo = '';
    };
    const chars = [...content];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const wasCR = this.lastWasCR;
      this.lastWasCR = ch === '\r';
      if (this.state === 'booting') continue;
      if (this.state === 'busy') {
        if (ch === '\x03') {
          this.generation++;
          this.state = 'shell';
          echo += `^C\r\n${this.shellPrompt()}`;
        }
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        if (ch === '\n' && wasCR) continue;
        const line = this.line;
        this.line = '';
        echo += '\r\n';
        flushEcho();
        this.submit(line);
        continue;
      }
      if (ch === '\x7f' || ch === '\b') {
        if (this.line.length > 0) {
          const cps = [...this.line];
          cps.pop();
          this.line = cps.join('');
          if (this.state !== 'password') echo += '\b \b';
        }
        continue;
      }
      if (ch === '\x03') {
        this.line = '';
        echo += `^C\r\n${this.promptForState()}`;
        continue;
      }
      if (ch === '\x04') {
        if (this.line === '' && this.state === 'shell') {
          echo += 'logout\r\n';
          flushEcho();
          this.logout();
        }
        continue;
      }
      if (ch === '\x1b') {
        // Arrow keys and other CSI sequences: the simple shell has no line editing, so skip them.
        if (chars[i + 1] === '[') {
          i += 2;
          while (i < chars.length && !/[@-~]/.test(chars[i]!)) i++;
        }
        continue;
      }
      if (ch < ' ') continue;
      this.line += ch;
      if (this.state !== 'password') echo += ch;
    }
    flushEcho();
  }

  private submit(line: string): void {
    switch (this.state) {
      case 'login':
        if (line.trim() === '') {
          this.out(this.loginPrompt());
          return;
        }
        this.user = line.trim();
        this.state = 'password';
        this.out('Password: ');
        return;
      case 'password':
        this.state = 'shell';
        this.out(
          `Linux ${this.host.vmName} 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 x86_64\r\n\r\n` +
            `Type 'help' for the commands of this simulated shell.\r\n${this.shellPrompt()}`,
        );
        return;
      case 'shell':
        this.runCommand(line);
        return;
      default:
        return;
    }
  }

  private runCommand(line: string): void {
    const outcome = runShellCommand(line, {
      vmName: this.host.vmName,
      user: this.user,
      now: this.host.clock.now(),
      uptimeSeconds: this.host.uptimeSeconds(),
    });
    switch (outcome.kind) {
      case 'output':
        this.out(outcome.text + this.shellPrompt());
        return;
      case 'logout':
        this.out(outcome.text);
        this.logout();
        return;
      case 'flood':
        this.flood(outcome.bytes, outcome.chunkBytes);
        return;
      case 'burst':
        // Deliberately ignores back-pressure: this is how the real server's buffer overflows.
        this.flushCollected();
        this.host.blockWriter(true);
        try {
          for (let i = 0; i < outcome.count; i++) this.host.emit(floodSlice(i * outcome.bytes, (i + 1) * outcome.bytes));
        } finally {
          this.host.blockWriter(false);
        }
        this.out(this.shellPrompt());
        return;
    }
  }

  /** Exactly `total` bytes in messages of `chunk` bytes, paced by the sockets' send queues. */
  private flood(total: number, chunk: number): void {
    this.state = 'busy';
    const generation = this.generation;
    let sent = 0;
    const step = () => {
      if (generation !== this.generation) return;
      const room = PRESSURE_LIMIT - this.host.pressure();
      const transportRoom = TRANSPORT_LIMIT_BYTES - (this.host.transportBacklog?.() ?? 0);
      if (room <= 0 || transportRoom <= 0) {
        this.schedule(step, 1);
        return;
      }
      const messages = Math.min(room, MAX_MESSAGES_PER_TURN, Math.ceil(transportRoom / Math.max(1, chunk)));
      for (let i = 0; i < messages && sent < total; i++) {
        const n = Math.min(chunk, total - sent);
        this.flushCollected();
        this.host.emit(floodSlice(sent, sent + n));
        sent += n;
      }
      if (sent < total) {
        this.schedule(step, 0);
        return;
      }
      this.state = 'shell';
      this.out(this.shellPrompt());
    };
    step();
  }

  private logout(): void {
    this.user = '';
    this.state = 'login';
    this.out(`\r\n${this.loginPrompt()}`);
  }

  private printLines(lines: string[], done: () => void): void {
    const delay = this.host.bootLineDelayMs();
    const generation = this.generation;
    if (delay <= 0) {
      this.out(lines.map((l) => `${l}\r\n`).join(''));
      done();
      return;
    }
    let i = 0;
    const next = () => {
      if (generation !== this.generation) return;
      if (i >= lines.length) {
        done();
        return;
      }
      this.out(`${lines[i++]}\r\n`);
      this.schedule(next, delay);
    };
    next();
  }

  private schedule(fn: () => void, ms: number): void {
    const handle = this.host.clock.setTimeout(() => {
      this.timers.delete(handle);
      fn();
    }, ms);
    this.timers.add(handle);
  }

  private cancel(): void {
    this.generation++;
    for (const t of this.timers) this.host.clock.clearTimeout(t);
    this.timers.clear();
    this.line = '';
  }

  private loginPrompt(): string {
    return `${this.host.vmName} login: `;
  }

  private shellPrompt(): string {
    return this.user === 'root' ? `root@${this.host.vmName}:~# ` : `${this.user}@${this.host.vmName}:~$ `;
  }

  private promptForState(): string {
    if (this.state === 'shell') return this.shellPrompt();
    if (this.state === 'password') {
      this.state = 'login';
      return this.loginPrompt();
    }
    return this.loginPrompt();
  }
}
