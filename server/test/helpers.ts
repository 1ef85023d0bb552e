/** Shared by the conformance tests: a real server on a random port, and a `ws` client that records. */
import { spawn } from 'node:child_process';
import { WebSocket, type ClientOptions } from 'ws';
import { createLibGoServer, type LibGoServer, type LibGoServerOptions } from '../create-server.js';

export const FAST: LibGoServerOptions = {
  port: 0,
  faults: true,
  metricsIntervalMs: 150,
  transitionDelayMs: 20,
  bootLineDelayMs: 0,
};

export function startServer(options: LibGoServerOptions = {}): Promise<LibGoServer> {
  return createLibGoServer({ ...FAST, ...options });
}

export const PASSWORDS: Record<string, string> = { admin: 'admin123', operator: 'operator123', viewer: 'viewer123' };

export async function login(server: LibGoServer, username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORDS[username] }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export interface Msg {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** A client that keeps every frame and every decoded message, and can wait for one. */
export class Client {
  readonly frames: string[] = [];
  readonly messages: Msg[] = [];
  closeCode: number | null = null;
  closeReason = '';
  private waiters: (() => void)[] = [];
  private cursor = 0;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = String(data);
      this.frames.push(text);
      for (const line of text.split('\n')) this.messages.push(JSON.parse(line) as Msg);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closeCode = code;
      this.closeReason = String(reason);
      this.wake();
    });
    ws.on('error', () => {});
  }

  send(value: unknown): void {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** The next message (after those already taken) that matches, skipping the others. */
  async next(match: (m: Msg) => boolean = () => true, timeoutMs = 3000): Promise<Msg> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.messages.length) {
        const m = this.messages[this.cursor++]!;
        if (match(m)) return m;
      }
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode}) while waiting`);
      if (Date.now() > deadline) throw new Error('timed out waiting for a message');
      await this.wait(deadline - Date.now());
    }
  }

  nextOfType(type: string, timeoutMs?: number): Promise<Msg> {
    return this.next((m) => m.type === type, timeoutMs);
  }

  async closed(timeoutMs = 3000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === null) {
      if (Date.now() > deadline) throw new Error('timed out waiting for close');
      await this.wait(deadline - Date.now());
    }
    return { code: this.closeCode, reason: this.closeReason };
  }

  /** Everything console-typed received so far, concatenated. */
  consoleText(): string {
    return this.messages.filter((m) => m.type === 'console').map((m) => m.data.content as string).join('');
  }

  async waitForConsole(text: string, timeoutMs = 3000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!this.consoleText().includes(text)) {
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode}) waiting for ${JSON.stringify(text)}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for console ${JSON.stringify(text)}; got ${JSON.stringify(this.consoleText().slice(-300))}`);
      await this.wait(deadline - Date.now());
    }
    return this.consoleText();
  }

  close(): void {
    this.ws.close();
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, Math.max(1, ms));
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }
}

export function wsUrl(server: LibGoServer, path: string): string {
  return server.url.replace(/^http/, 'ws') + path;
}

/** Opens a socket; resolves once open (the welcome may already be recorded). */
export function open(server: LibGoServer, path: string, protocols?: string[], options?: ClientOptions): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(server, path), protocols ?? [], options);
    const client = new Client(ws);
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new UpgradeRefused(res.statusCode ?? 0)));
    ws.once('error', (e) => reject(e));
  });
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with HTTP ${status}`);
  }
}

/** The HTTP status an upgrade is refused with, or 101 when it succeeds. */
export async function upgradeStatus(server: LibGoServer, path: string, protocols?: string[], options?: ClientOptions): Promise<number> {
  try {
    const c = await open(server, path, protocols, options);
    c.close();
    return 101;
  } catch (e) {
    if (e instanceof UpgradeRefused) return e.status;
    throw e;
  }
}

export async function openVm(server: LibGoServer, vm: string, user = 'admin', route: 'monitor' | 'console' = 'monitor'): Promise<Client> {
  const token = await login(server, user);
  const client = await open(server, `/ws/vms/${encodeURIComponent(vm)}${route === 'console' ? '/console' : ''}?token=${token}`);
  await client.nextOfType('connection');
  return client;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Sends a command and waits for its response. */
export async function command(client: Client, action: string, requestId = `req-${Math.random()}`): Promise<Msg> {
  client.send({ type: 'command', data: { action, requestId } });
  return client.next((m) => m.type === 'response' && m.data.requestId === requestId);
}

/**
 * A console socket logged in to a shell. The serial tty is shared by all sockets of a VM and keeps
 * its state, so the simulation is reset first to start at the login prompt.
 */
export async function shellSession(server: LibGoServer, vm = 'web-01', user = 'root'): Promise<Client> {
  server.sim.reset();
  const c = await openVm(server, vm, 'admin', 'console');
  c.send({ type: 'console_input', data: { content: `${user}\rsecret\r` } });
  await c.waitForConsole(user === 'root' ? ':~# ' : ':~$ ');
  return c;
}

/** Types a command line and resolves with everything printed until the next prompt. */
export async function runShell(c: Client, line: string, prompt = ':~# ', timeoutMs = 5000): Promise<string> {
  const start = c.consoleText().length;
  c.send({ type: 'console_input', data: { content: `${line}\r` } });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = c.consoleText().slice(start);
    if (out.endsWith(prompt)) return out;
    if (Date.now() > deadline) throw new Error(`no prompt after ${JSON.stringify(line)}; got ${JSON.stringify(out.slice(-200))}`);
    await c.next(() => true, deadline - Date.now()).catch(() => undefined);
  }
}

/** Runs `npm start`'s entry point with `env` and resolves with what it printed once it exits or listens. */
export function runMain(env: Record<string, string>, untilOutput?: RegExp): Promise<{ code: number | null; output: string }> {
  const base = { ...process.env };
  for (const name of ['HOST', 'JWT_SECRET', 'ALLOW_PUBLIC', 'LIBGO_FAULTS']) delete base[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...base, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (untilOutput?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
