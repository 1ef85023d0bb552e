/**
 * A scripted WebSocket for transport and hub tests that need exact control over open, frames,
 * closes and bufferedAmount. Tests against the real reference server live beside these.
 */
import type { SocketFactory, WebSocketLike } from '../../src/transport/index.js';

export class FakeSocket implements WebSocketLike {
  readyState = 0;
  bufferedAmount = 0;
  protocol = '';
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  readonly sent: string[] = [];
  closedWith: { code?: number; reason?: string } | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[] | undefined,
  ) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }

  // Server side of the script.
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  receive(data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }

  drop(code = 1006): void {
    this.readyState = 3;
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close', { code, wasClean: false }));
  }

  sentMessages(): { type: string; data: Record<string, unknown> }[] {
    return this.sent.map((s) => JSON.parse(s));
  }
}

export function fakeSocketFactory(): { factory: SocketFactory; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    factory: (url, protocols) => {
      const s = new FakeSocket(url, protocols);
      sockets.push(s);
      return s;
    },
  };
}

/** A message line as the Go server encodes it (field order data, timestamp, type). */
export function line(type: string, data: unknown, timestamp = '2026-11-25T20:14:03.123456789Z'): string {
  return JSON.stringify({ data, timestamp, type });
}

/** Manual clock and timers for VmSocket's `timers` option. */
export class ManualTimers {
  private t = 1_700_000_000_000;
  private seq = 0;
  private readonly tasks = new Map<number, { at: number; fn: () => void; every: number | null }>();

  now = (): number => this.t;
  setTimeout = (fn: () => void, ms: number): unknown => this.add(fn, ms, null);
  clearTimeout = (h: unknown): void => void this.tasks.delete(h as number);
  setInterval = (fn: () => void, ms: number): unknown => this.add(fn, ms, Math.max(1, ms));
  clearInterval = (h: unknown): void => void this.tasks.delete(h as number);

  /** Advances time, running due tasks in order (including ones they schedule). */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void; every: number | null }] | null = null;
      for (const entry of this.tasks) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      const [id, task] = next;
      this.t = Math.max(this.t, task.at);
      if (task.every !== null) task.at += task.every;
      else this.tasks.delete(id);
      task.fn();
    }
    this.t = end;
  }

  get pending(): number {
    return this.tasks.size;
  }

  private add(fn: () => void, ms: number, every: number | null): number {
    const id = ++this.seq;
    this.tasks.set(id, { at: this.t + Math.max(0, ms), fn, every });
    return id;
  }
}

/** Lets pending promise callbacks run (token provider, probes). */
export async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await Promise.resolve();
}
