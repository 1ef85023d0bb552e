import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { LibGoServer } from '../create-server.js';
import { login, openVm, runShell, shellSession, sleep, startServer, wsUrl } from './helpers.js';

const NANO_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

describe('frames: welcome, encoding, batching, limits, heartbeat', () => {
  let server: LibGoServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('sends the connection welcome first', async () => {
    const c = await openVm(server, 'web-01');
    const first = c.messages[0]!;
    assert.equal(first.type, 'connection');
    assert.deepEqual(first.data, { message: 'Connected to VM web-01', status: 'connected', vmName: 'web-01' });
    c.close();
  });

  it('writes JSON like Go: keys data, timestamp, type; RFC3339 with nanoseconds', async () => {
    const c = await openVm(server, 'web-01');
    await c.nextOfType('metrics');
    for (const frame of c.frames) {
      for (const line of frame.split('\n')) {
        assert.match(line, /^\{"data":\{.*\},"timestamp":"[^"]+","type":"[a-z_]+"\}$/);
        const ts = (JSON.parse(line) as { timestamp: string }).timestamp;
        assert.match(ts, NANO_TS);
      }
    }
    const withNanos = c.messages.filter((m) => /\.\d{7,9}Z$/.test(m.timestamp));
    assert.ok(withNanos.length > 0, 'some timestamps carry sub-microsecond digits');
    const status = c.messages.find((m) => m.type === 'status')!;
    assert.deepEqual(Object.keys(status.data), ['lastStateChange', 'status', 'uptime']);
    assert.match(status.data.lastStateChange as string, NANO_TS);
    c.close();
  });

  it('batches the status + metrics pair into one frame, one interval after connecting', async () => {
    const connectedAt = Date.now();
    const c = await openVm(server, 'web-01');
    const status = await c.nextOfType('status');
    assert.ok(Date.now() - connectedAt >= 140, 'first pair waits one interval');
    const pairFrame = c.frames.find((f) => f.includes('"type":"status"'))!;
    const lines = pairFrame.split('\n');
    assert.equal(lines.length, 2, 'status and metrics share a frame');
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as { type: string }).type), ['status', 'metrics']);
    assert.equal(status.data.status, 'running');
    const metrics = await c.nextOfType('metrics');
    const d = metrics.data as { cpu: { utilization: number }; memory: { used: number; total: number } };
    assert.ok(d.cpu.utilization >= 0 && d.cpu.utilization <= 100);
    assert.equal(d.memory.total, 8192 * 1024 * 1024);
    assert.ok(d.memory.used > 0 && d.memory.used < d.memory.total);
    c.close();
  });

  it('puts everything queued in one turn into one frame separated by \\n', async () => {
    const c = await shellSession(server);
    await runShell(c, 'burst 20 10');
    const burstFrame = c.frames.find((f) => f.split('\n').length >= 20);
    assert.ok(burstFrame, `a frame with the 20 burst messages; frame sizes: ${c.frames.map((f) => f.split('\n').length)}`);
    c.close();
  });

  it('sends only status (no metrics) for a VM that is not running', async () => {
    const c = await openVm(server, 'db-01');
    const status = await c.nextOfType('status');
    assert.equal(status.data.status, 'stopped');
    assert.equal(status.data.uptime, 0);
    await c.nextOfType('status');
    assert.equal(c.messages.filter((m) => m.type === 'metrics').length, 0);
    c.close();
  });

  it('answers an app-level heartbeat with a heartbeat carrying a timestamp', async () => {
    const c = await openVm(server, 'web-01');
    c.send({ type: 'heartbeat', data: {} });
    const hb = await c.nextOfType('heartbeat');
    assert.match(hb.data.timestamp as string, NANO_TS);
    c.close();
  });

  it('accepts a client frame of exactly 8192 bytes and closes with 1009 at 8193', async () => {
    const base = JSON.stringify({ type: 'console_input', data: { content: '' } });
    const exact = JSON.stringify({ type: 'console_input', data: { content: 'x'.repeat(8192 - base.length) } });
    assert.equal(Buffer.byteLength(exact), 8192);
    const c = await openVm(server, 'db-01', 'admin', 'console');
    c.send(exact);
    const err = await c.nextOfType('error');
    assert.equal(err.data.code, 'VM_NOT_RUNNING', 'the 8192-byte frame was read and handled');
    c.send(exact.replace('"}}', 'x"}}'));
    const closed = await c.closed();
    assert.equal(closed.code, 1009);
  });

  it('counts the limit in UTF-8 bytes, not characters', async () => {
    const c = await openVm(server, 'db-01', 'admin', 'console');
    const base = JSON.stringify({ type: 'console_input', data: { content: '' } });
    // 'é' is 2 bytes: (8192 - base) / 2 characters fit, one more does not.
    const n = Math.floor((8192 - base.length) / 2);
    c.send(JSON.stringify({ type: 'console_input', data: { content: 'é'.repeat(n) } }));
    await c.nextOfType('error');
    c.send(JSON.stringify({ type: 'console_input', data: { content: 'é'.repeat(n + 1) } }));
    assert.equal((await c.closed()).code, 1009);
  });

  it('escapes <, > and & as Go does, and the client still decodes them', async () => {
    const c = await shellSession(server);
    c.send({ type: 'console_input', data: { content: 'echo <a&b>\r' } });
    await c.waitForConsole('<a&b>\r\n');
    assert.ok(c.frames.some((f) => f.includes('\\u003ca\\u0026b\\u003e')));
    c.close();
  });

  it('keeps sending status + metrics periodically', async () => {
    const c = await openVm(server, 'web-01');
    await sleep(500);
    assert.ok(c.messages.filter((m) => m.type === 'metrics').length >= 2);
    c.close();
  });
});

/**
 * Sends `tries` frames of `bytes` bytes, one socket each, from another process (in this process the
 * close frame always won the race, in another it lost most of the time), and prints the close codes.
 */
const OVERSIZED_CLIENT = `
import { WebSocket } from 'ws';
const [url, tries, bytes] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
const big = 'x'.repeat(bytes);
const codes = [];
for (let i = 0; i < tries; i++) {
  codes.push(await new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('open', () => ws.send(big));
    ws.on('error', () => {});
    ws.on('close', (code) => resolve(code));
  }));
}
console.log(JSON.stringify(codes));
`;

function closeCodesFromAnotherProcess(url: string, tries: number, bytes: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', OVERSIZED_CLIENT, url, String(tries), String(bytes)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as number[]);
      } catch {
        reject(new Error(`the client printed ${JSON.stringify(out)}`));
      }
    });
  });
}

describe('an oversized frame', () => {
  let server: LibGoServer;
  before(async () => {
    server = await startServer({ metricsIntervalMs: 60_000 });
  });
  after(() => server.close());

  // The close frame used to race the `error` handler's terminate(): 1006 in most tries.
  it('a 10 MiB frame is always closed with 1009, never dropped with 1006 (20 tries)', async () => {
    const token = await login(server, 'admin');
    const codes = await closeCodesFromAnotherProcess(wsUrl(server, `/ws/vms/web-01/console?token=${token}`), 20, 10 * 1024 * 1024);
    assert.deepEqual(codes, Array(20).fill(1009));
  });
});
