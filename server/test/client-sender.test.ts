import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WebSocket } from 'ws';
import { ClientSender, SOCKET_HIGH_WATER_BYTES } from '../client-sender.js';
import { sleep } from './helpers.js';

/** What ClientSender uses of a `ws` socket, with a peer whose reading we control. */
class FakeSocket {
  readyState = 1; // OPEN
  bufferedAmount = 0;
  readonly written: string[] = [];
  readonly pending: (() => void)[] = [];
  closedWith: 'close' | 'terminate' | null = null;
  closeArgs: unknown[] = [];
  send(frame: string, done: () => void): void {
    this.written.push(frame);
    this.bufferedAmount += frame.length;
    this.pending.push(() => {
      this.bufferedAmount -= frame.length;
      done();
    });
  }
  /** The peer reads everything written so far. */
  readAll(): void {
    while (this.pending.length > 0) this.pending.shift()!();
  }
  close(...args: unknown[]): void {
    this.closedWith = 'close';
    this.closeArgs = args;
    this.readyState = 2;
  }
  terminate(): void {
    this.closedWith ??= 'terminate';
    this.readyState = 3;
  }
  once(): this {
    return this;
  }
}

function sender(writeWaitMs = 10_000) {
  const ws = new FakeSocket();
  const s = new ClientSender(ws as unknown as WebSocket, writeWaitMs);
  let dropped = 0;
  s.onDropped = () => dropped++;
  return { ws, s, dropped: () => dropped };
}

describe('ClientSender', () => {
  it('queues behind a full socket and drains in order as the peer reads', () => {
    const { ws, s, dropped } = sender();
    const big = 'x'.repeat(SOCKET_HIGH_WATER_BYTES);
    s.send(big);
    for (let i = 0; i < 200; i++) s.send(`{"n":${i}}`);
    assert.equal(ws.written.length, 1, 'nothing more reaches a socket over its high-water mark');
    const queued = Array.from({ length: 200 }, (_, i) => `{"n":${i}}`.length).reduce((a, b) => a + b, 0);
    assert.equal(s.bufferedAmount(), big.length + queued, 'queued bytes count as buffered');
    ws.readAll();
    assert.deepEqual(ws.written.slice(1), Array.from({ length: 200 }, (_, i) => `{"n":${i}}`));
    assert.equal(dropped(), 0);
  });

  it('drops a client with a close frame without status once 256 queued messages would overflow', () => {
    const { ws, s, dropped } = sender();
    s.send('x'.repeat(SOCKET_HIGH_WATER_BYTES));
    // 255 messages in 85 frames of three, then one frame of two: 257 > 256.
    for (let i = 0; i < 85; i++) s.send('{}\n{}\n{}');
    assert.equal(ws.closedWith, null);
    s.send('{}\n{}');
    assert.equal(ws.closedWith, 'close');
    assert.deepEqual(ws.closeArgs, [], 'no status: the browser sees 1005');
    assert.equal(dropped(), 1);
    assert.equal(s.bufferedAmount(), SOCKET_HIGH_WATER_BYTES, 'the queue is freed at once');
    s.send('{}');
    assert.equal(ws.written.length, 1, 'nothing is sent after the drop');
  });

  it('drops the connection when a write makes no progress for the write wait, not before', async () => {
    const { ws, s, dropped } = sender(100);
    s.send('{"a":1}');
    await sleep(40);
    ws.readAll(); // progress: the deadline starts again
    s.send('{"a":2}');
    await sleep(70);
    assert.equal(ws.closedWith, null, 'still within the write wait');
    await sleep(400);
    assert.equal(ws.closedWith, 'terminate');
    assert.equal(dropped(), 1);
  });

  it('a peer that keeps reading is never dropped', async () => {
    const { ws, s, dropped } = sender(100);
    for (let i = 0; i < 10; i++) {
      s.send(`{"i":${i}}`);
      await sleep(30);
      ws.readAll();
    }
    await sleep(250);
    assert.equal(ws.closedWith, null);
    assert.equal(dropped(), 0);
  });
});
