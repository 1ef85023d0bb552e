/// <reference types="mocha" />
// The worker socket's flow control, driven in the page: the worker's own program runs against a
// stand-in `self` (messages cross asynchronously, as postMessage does) and a fake socket that
// counts how much the worker has read from it. The page side is the real WorkerWebSocket.
import { expect } from '@open-wc/testing';
import { CREDIT_CHARS, QUIET_MS, WORKER_SOURCE, WorkerWebSocket } from '../../src/transport/worker-socket.js';

const FRAME_CHARS = 4096;
const FRAMES = 400; // 1.6 M characters: six times the credit window

/** Frame `i` as the server would send it: self-identifying, so order and loss are checked exactly. */
const frame = (i: number) => `{"n":${i}}`.padEnd(FRAME_CHARS, '.');

const until = async (check: () => boolean, what: string) => {
  // A generous bound that only a hang reaches.
  const end = performance.now() + 5000;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
};

/** Lets every message in flight between page and worker arrive, and the worker act on it. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

/** A WebSocketStream whose readable yields frames only when read, and counts the reads. */
class FakeStream {
  static last: FakeStream | null = null;
  reads = 0;
  readonly opened: Promise<unknown>;
  readonly closed: Promise<{ closeCode: number; reason: string }>;
  private closeWith!: (c: { closeCode: number; reason: string }) => void;
  private controller!: ReadableStreamDefaultController<string>;
  constructor(readonly url: string) {
    FakeStream.last = this;
    const readable = new ReadableStream<string>(
      {
        start: (c) => {
          this.controller = c;
        },
        pull: (c) => {
          if (this.reads < FRAMES) c.enqueue(frame(this.reads++));
        },
      },
      { highWaterMark: 0 },
    );
    const writable = new WritableStream<string>();
    this.opened = Promise.resolve({ readable, writable, protocol: '' });
    this.closed = new Promise((resolve) => (this.closeWith = resolve));
  }
  close(info?: { closeCode?: number; reason?: string }) {
    // As the browser's: the readable ends with the connection.
    this.controller.close();
    this.closeWith({ closeCode: info?.closeCode ?? 1005, reason: info?.reason ?? '' });
  }
}

/** A plain WebSocket that delivers every frame at once, as a fast server would. */
class FakeWebSocket {
  static last: FakeWebSocket | null = null;
  bufferedAmount = 0;
  protocol = '';
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.last = this;
    setTimeout(() => this.onopen?.());
  }
  flood() {
    for (let i = 0; i < FRAMES; i++) this.onmessage?.({ data: frame(i) });
  }
  send() {}
  close() {}
}

function connect(globals: { WebSocketStream?: unknown; WebSocket?: unknown }) {
  const fakeWorker = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage: (m: unknown) => setTimeout(() => workerSelf.onmessage?.({ data: structuredClone(m) })),
    terminate: () => undefined,
  };
  const workerSelf = {
    ...globals,
    onmessage: null as ((e: { data: unknown }) => void) | null,
    postMessage: (m: unknown) => setTimeout(() => fakeWorker.onmessage?.(new MessageEvent('message', { data: m }))),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    close: () => undefined,
  };
  // The worker's program, run as the worker would.
  new Function('self', WORKER_SOURCE)(workerSelf);
  const ws = new WorkerWebSocket('ws://test.invalid/ws', undefined, fakeWorker as unknown as Worker);
  const frames: string[] = [];
  let chars = 0;
  let messages = 0;
  ws.onmessage = (ev) => {
    const data = ev.data as string;
    messages++;
    chars += data.length;
    frames.push(...data.split('\n'));
  };
  return { ws, frames, received: () => chars, messages: () => messages };
}

const expectAllInOrder = (frames: string[]) => {
  expect(frames.length).to.equal(FRAMES);
  for (let i = 0; i < FRAMES; i++) if (frames[i] !== frame(i)) throw new Error(`frame ${i} is out of order or damaged`);
};

/**
 * The worker's program over a plain fake WebSocket, opened, where both directions and the worker's
 * timers run only when the test says (`run(queue)`): a page that is busy until told otherwise.
 */
async function steppedWorker(performance?: { now(): number }) {
  const toPage: (() => void)[] = [];
  const toWorker: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const run = (q: (() => void)[]) => q.splice(0).forEach((f) => f());
  const fakeWorker = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null,
    postMessage: (m: unknown) => toWorker.push(() => workerSelf.onmessage?.({ data: structuredClone(m) })),
    terminate: () => undefined,
  };
  const workerSelf = {
    WebSocket: FakeWebSocket,
    ...(performance ? { performance } : {}),
    onmessage: null as ((e: { data: unknown }) => void) | null,
    postMessage: (m: unknown) => toPage.push(() => fakeWorker.onmessage?.(new MessageEvent('message', { data: m }))),
    setTimeout: (fn: () => void) => timers.push(fn),
    close: () => undefined,
  };
  new Function('self', WORKER_SOURCE)(workerSelf);
  const ws = new WorkerWebSocket('ws://test.invalid/ws', undefined, fakeWorker as unknown as Worker);
  const messages: string[] = [];
  ws.onmessage = (ev) => messages.push(ev.data as string);
  run(toWorker);
  await until(() => FakeWebSocket.last?.onopen !== null, 'socket');
  await new Promise((r) => setTimeout(r));
  run(toPage);
  return { ws, messages, toPage, toWorker, timers, run };
}

describe('worker socket flow control', () => {
  it('with WebSocketStream: a page that stops granting credit stops the worker reading the socket; nothing is lost, order is kept', async () => {
    const { ws, frames, received } = connect({ WebSocketStream: FakeStream });
    // A slow page: its terminal is behind from the first batch on. Paused in the open handler,
    // before any batch is handled: a batch handled in between would give its credit back.
    ws.onopen = () => ws.pauseReading!(true);
    await until(() => ws.readyState === 1, 'open');
    await until(() => frames.length > 0, 'first batch');
    await settle();
    const stream = FakeStream.last!;
    // The worker read no more than the window (plus the frame that crossed it) and then stopped.
    expect(stream.reads * FRAME_CHARS).to.be.at.most(CREDIT_CHARS + FRAME_CHARS);
    expect(received()).to.be.at.most(CREDIT_CHARS + FRAME_CHARS);
    const readsWhilePaused = stream.reads;
    await settle();
    expect(stream.reads).to.equal(readsWhilePaused);
    expect(stream.reads).to.be.lessThan(FRAMES);

    ws.pauseReading!(false);
    await until(() => frames.length === FRAMES, 'every frame after resuming');
    expectAllInOrder(frames);
    ws.close(1000);
  });

  it('with a plain WebSocket (no WebSocketStream): the worker keeps what the page has no room for, and posts it in order later', async () => {
    const { ws, frames, received } = connect({ WebSocket: FakeWebSocket });
    ws.onopen = () => ws.pauseReading!(true);
    await until(() => ws.readyState === 1, 'open');
    FakeWebSocket.last!.flood();
    await until(() => frames.length > 0, 'first batch');
    await settle();
    // Everything arrived in the worker at once; only the credit window reached the page.
    expect(received()).to.be.at.most(CREDIT_CHARS + FRAME_CHARS);
    expect(frames.length).to.be.lessThan(FRAMES);

    ws.pauseReading!(false);
    await until(() => frames.length === FRAMES, 'every frame after resuming');
    expectAllInOrder(frames);
  });

  it('a page that keeps up gets everything without ever pausing', async () => {
    const { frames } = connect({ WebSocketStream: FakeStream });
    await until(() => frames.length === FRAMES, 'every frame');
    expectAllInOrder(frames);
    expect(FakeStream.last!.reads).to.equal(FRAMES);
  });

  it('delivers what was read before a close, then the close', async () => {
    const { ws, frames } = connect({ WebSocketStream: FakeStream });
    await until(() => ws.readyState === 1, 'open');
    ws.pauseReading!(true);
    await until(() => frames.length > 0, 'first batch');
    await settle();
    let closedWith: number | null = null;
    ws.onclose = (ev) => {
      closedWith = ev.code;
      // Nothing read from the socket is still held back when the close is reported.
      expect(frames.length).to.equal(FakeStream.last!.reads);
    };
    FakeStream.last!.close({ closeCode: 1000, reason: '' });
    await until(() => closedWith !== null, 'close');
    expect(closedWith).to.equal(1000);
  });

  it('while the page has not answered half the window, frames that arrive join one message', async () => {
    const { ws, messages, toPage, toWorker, timers, run } = await steppedWorker();
    expect(ws.readyState).to.equal(1);
    // Frames arrive one per task, the worker's timers run between them; the page answers nothing.
    const half = CREDIT_CHARS / 2 / FRAME_CHARS;
    const arriving = half + 8;
    for (let i = 0; i < arriving; i++) {
      FakeWebSocket.last!.onmessage?.({ data: frame(i) });
      run(timers);
    }
    const posted = toPage.length;
    // One by one while at most half the window is unanswered (the last of them crosses the half).
    expect(posted, 'posted one by one').to.equal(half + 1);
    // The page catches up and answers: what waited crosses as one message.
    run(toPage);
    run(toWorker);
    run(timers);
    run(toPage);
    expect(messages.length).to.equal(half + 2);
    expect(messages.at(-1)!.split('\n').length).to.equal(arriving - half - 1);
    expect(messages.flatMap((m) => m.split('\n'))).to.deep.equal(Array.from({ length: arriving }, (_, i) => frame(i)));
  });
  it('posts a frame that follows a quiet spell at once, and batches frames that follow closely', async () => {
    // The worker's clock too runs only when the test says.
    let clock = 1000;
    const { messages, toPage, timers, run } = await steppedWorker({ now: () => clock });
    const socket = FakeWebSocket.last!;
    // An echo at an idle prompt: posted in the task that read it, no timer in between.
    socket.onmessage?.({ data: 'echo-1' });
    expect(timers.length, 'no timer for a frame after quiet').to.equal(0);
    run(toPage);
    expect(messages).to.deep.equal(['echo-1']);
    // Output keeps coming less than QUIET_MS later: it waits for the timer and crosses together.
    clock += QUIET_MS / 2;
    socket.onmessage?.({ data: 'out-1' });
    socket.onmessage?.({ data: 'out-2' });
    expect(toPage.length, 'nothing posted before the timer').to.equal(0);
    clock += 0.1;
    run(timers);
    run(toPage);
    expect(messages).to.deep.equal(['echo-1', 'out-1\nout-2']);
    // Quiet again: the next frame goes at once.
    clock += QUIET_MS;
    socket.onmessage?.({ data: 'echo-2' });
    expect(timers.length).to.equal(0);
    run(toPage);
    expect(messages.at(-1)).to.equal('echo-2');
  });
});
