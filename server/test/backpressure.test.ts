import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { LibGoServer } from '../create-server.js';
import { floodText } from '../../src/testing/sim/flood-text.js';
import { login, shellSession, sleep, startServer } from './helpers.js';

/** A masked client text frame (payload under 126 bytes), as a browser would send it. */
function clientTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
}

/** A console socket made by hand on a raw TCP connection, so that it can stop reading. */
async function rawConsole(server: LibGoServer, token: string): Promise<Socket> {
  const socket = connect(server.port, '127.0.0.1');
  socket.write(
    `GET /ws/vms/web-01/console?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\n` +
      'Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  await new Promise<void>((resolve, reject) => {
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (!head.startsWith('HTTP/1.1 101')) reject(new Error(head.split('\r\n')[0]));
      else resolve();
    };
    socket.on('data', onData);
    socket.on('error', reject);
  });
  return socket;
}

/**
 * The first whole server frame in `buf` (unmasked, as a server sends), or null while it is
 * incomplete; the extended length may itself be split across TCP reads.
 */
function nextFrame(buf: Buffer): { opcode: number; payload: Buffer; rest: Buffer } | null {
  if (buf.length < 2) return null;
  let len = buf[1]! & 0x7f;
  let at = 2;
  if (len === 126) {
    if (buf.length < 4) return null;
    [len, at] = [buf.readUInt16BE(2), 4];
  } else if (len === 127) {
    if (buf.length < 10) return null;
    [len, at] = [Number(buf.readBigUInt64BE(2)), 10];
  }
  if (buf.length < at + len) return null;
  return { opcode: buf[0]! & 0x0f, payload: buf.subarray(at, at + len), rest: buf.subarray(at + len) };
}

/** Reads every server frame left on the socket; resolves with the last close frame's status (1005 = none). */
function readUntilClose(socket: Socket, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    let buf: Buffer = Buffer.alloc(0);
    const done = (code: number | null) => {
      clearTimeout(timer);
      socket.removeAllListeners('data');
      resolve(code);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (let frame = nextFrame(buf); frame; frame = nextFrame(buf)) {
        if (frame.opcode === 0x8) return done(frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005);
        buf = frame.rest;
      }
    });
    socket.on('close', () => done(null));
    socket.resume();
  });
}

describe('the test\'s frame reader', () => {
  it('waits for an extended length split across reads (it threw RangeError when a read ended inside it)', () => {
    const payload = Buffer.alloc(70_000, 0x61);
    const header = Buffer.alloc(10);
    header[0] = 0x81;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(payload.length), 2);
    const whole = Buffer.concat([header, payload, Buffer.from([0x88, 0x00])]);
    for (const cut of [1, 2, 3, 9, 10, 70_009]) assert.equal(nextFrame(whole.subarray(0, cut)), null, `cut at ${cut}`);
    const first = nextFrame(whole)!;
    assert.equal(first.opcode, 1);
    assert.equal(first.payload.length, payload.length);
    assert.deepEqual(nextFrame(first.rest), { opcode: 8, payload: Buffer.alloc(0), rest: Buffer.alloc(0) });
  });
});

describe('backpressure: a client that stops reading', () => {
  let server: LibGoServer;
  before(async () => {
    server = await startServer({ metricsIntervalMs: 60_000 });
  });
  after(() => server.close());

  it('is dropped with a close frame without status (1005) during a flood, and the server does not balloon', async () => {
    // Log the shared tty in, then leave it to the stalled socket alone.
    (await shellSession(server)).close();
    await sleep(50);
    const stalled = await rawConsole(server, await login(server, 'admin'));
    stalled.pause();
    stalled.write(clientTextFrame(JSON.stringify({ type: 'console_input', data: { content: 'flood 1000000000 8192\r' } })));
    const rssBefore = process.memoryUsage().rss;
    let peakGrowth = 0;
    const deadline = Date.now() + 15_000;
    while (server.sim.connectionsOf('web-01', 'console').length > 0 && Date.now() < deadline) {
      peakGrowth = Math.max(peakGrowth, process.memoryUsage().rss - rssBefore);
      await sleep(100);
    }
    const stillConnected = server.sim.connectionsOf('web-01', 'console').length;
    const code = stillConnected === 0 ? await readUntilClose(stalled, 15_000) : null;
    stalled.destroy();
    server.sim.reset(); // stop the flood
    // Before the fix: still connected after 15 s (until the 60 s pong timeout), +650 MB in 10 s.
    assert.equal(stillConnected, 0, `the stalled reader was not dropped within 15 s (RSS +${Math.round(peakGrowth / 2 ** 20)} MB)`);
    // Like LibGo: a close frame without status when its queue overflows (1005), or no close frame
    // at all when a write makes no progress past the write deadline (gorilla's writeWait; 1006).
    // The simulated guest is paced by the send buffer, as TCP holds a real one back, so a stalled
    // reader usually meets the deadline first; client-sender.test.ts covers the overflow itself.
    assert.ok(code === 1005 || code === null, `closed like LibGo, not with status ${code}`);
    assert.ok(peakGrowth < 200 * 2 ** 20, `RSS grew by ${Math.round(peakGrowth / 2 ** 20)} MB`);
  });

  it('a client that reads keeps everything of a 4 MB flood, in order, and is not dropped', async () => {
    const c = await shellSession(server);
    const bytes = 4 * 1024 * 1024;
    const from = c.consoleText().length;
    c.send({ type: 'console_input', data: { content: `flood ${bytes} 8192\r` } });
    const deadline = Date.now() + 60_000;
    let out = '';
    // 512 messages of 8 KiB: more than the 256 a queue holds, so a reader that keeps up must be drained, not dropped.
    while (!(out = c.consoleText().slice(from)).endsWith(':~# ') && c.closeCode === null && Date.now() < deadline) await sleep(200);
    assert.equal(c.closeCode, null, 'not dropped');
    const start = `flood ${bytes} 8192\r\n`.length;
    assert.ok(out.slice(start, start + bytes) === floodText(bytes), 'the flood arrived whole and in order');
    c.close();
  });
});
