/// <reference types="mocha" />
// The batching socket worker, driven in the page: the worker's own program runs against a
// stand-in `self` whose timers the test moves by hand, so "within one batch window" and "at once"
// are exact, never timing guesses. The page side is the real SocketMux.
import { expect } from '@open-wc/testing';
import { BATCH_MS, MUX_WORKER_SOURCE, SocketMux, type MuxedWebSocket } from '../../src/transport/batched-worker-sockets.js';

/** A WebSocket in the worker that the test drives: open, deliver, close. */
class FakeWebSocket {
  static all: FakeWebSocket[] = [];
  static refuse = false;
  bufferedAmount = 0;
  protocol = '';
  sent: string[] = [];
  closedWith: [number | undefined, string | undefined] | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols?: string[],
  ) {
    if (FakeWebSocket.refuse) throw new DOMException('bad url', 'SyntaxError');
    FakeWebSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
    this.bufferedAmount += data.length;
  }
  close(code?: number, reason?: string) {
    this.closedWith = [code, reason];
  }
}

/** The worker's timers, run only when the test says time has passed. */
class ManualTimers {
  now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  };
  clearTimeout = (id: number) => void this.due.delete(id);
  /** Runs every timer due within `ms`, in order. */
  advance(ms: number) {
    const end = this.now + ms;
    for (;;) {
      const first = [...this.due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!first) break;
      this.due.delete(first[0]);
      this.now = first[1].at;
      first[1].fn();
    }
    this.now = end;
  }
}

/** Page and worker joined synchronously: the order of events is what is under test, not delivery. */
function setUp() {
  FakeWebSocket.all = [];
  FakeWebSocket.refuse = false;
  const timers = new ManualTimers();
  const batches: unknown[][] = [];
  let terminated = 0;
  const worker = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage: (m: unknown) => workerSelf.onmessage?.({ data: structuredClone(m) }),
    terminate: () => void terminated++,
  };
  const workerSelf = {
    WebSocket: FakeWebSocket,
    onmessage: null as ((e: { data: unknown }) => void) | null,
    postMessage: (m: unknown[]) => {
      batches.push(m);
      worker.onmessage?.(new MessageEvent('message', { data: structuredClone(m) }));
    },
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
  };
  new Function('self', MUX_WORKER_SOURCE)(workerSelf);
  /** Each end of the worker, and whether it counted as a refusal. */
  const endings: boolean[] = [];
  const mux = new SocketMux(worker as unknown as Worker, (m) => void endings.push(m.failed));
  return { mux, timers, batches, worker, endings, terminated: () => terminated };
}

function listen(ws: MuxedWebSocket) {
  const events: string[] = [];
  ws.onopen = () => events.push('open');
  ws.onmessage = (e) => events.push(`m:${e.data as string}`);
  ws.onerror = () => events.push('error');
  ws.onclose = (e) => events.push(`close:${e.code}:${e.reason}:${e.wasClean}`);
  return events;
}

describe('batched worker sockets', () => {
  it('frames of many sockets that arrive within one window cross to the page in one message, each socket in its order', () => {
    const { mux, timers, batches } = setUp();
    const a = mux.open('ws://x.test/ws/vms/a', undefined);
    const b = mux.open('ws://x.test/ws/vms/b', ['bearer.t']);
    const ea = listen(a);
    const eb = listen(b);
    const [fa, fb] = FakeWebSocket.all;
    expect(fb!.protocols).to.deep.equal(['bearer.t']);
    fa!.onopen!();
    fb!.protocol = 'bearer.t';
    fb!.onopen!();
    timers.advance(0);
    expect(ea).to.deep.equal(['open']);
    expect(eb).to.deep.equal(['open']);
    expect(b.protocol).to.equal('bearer.t');
    const before = batches.length;

    for (let i = 0; i < 5; i++) {
      fa!.onmessage!({ data: `a${i}` });
      fb!.onmessage!({ data: `b${i}` });
    }
    // Nothing crosses until the window ends.
    timers.advance(BATCH_MS - 1);
    expect(batches.length).to.equal(before);
    expect(ea).to.deep.equal(['open']);
    timers.advance(1);
    expect(batches.length).to.equal(before + 1);
    expect(ea).to.deep.equal(['open', 'm:a0', 'm:a1', 'm:a2', 'm:a3', 'm:a4']);
    expect(eb).to.deep.equal(['open', 'm:b0', 'm:b1', 'm:b2', 'm:b3', 'm:b4']);
  });

  it('relays what a hostile server sends unchanged, for the decoder to judge; events for no socket are ignored', () => {
    const { mux, timers, worker } = setUp();
    const a = mux.open('ws://x.test/a', undefined);
    const got: unknown[] = [];
    a.onmessage = (e) => got.push(e.data);
    const [fa] = FakeWebSocket.all;
    const binary = new Uint8Array([0, 255, 1]).buffer;
    const garbage = '{"type":"metrics","data":' + '['.repeat(10_000);
    const big = 'x'.repeat(2 * 1024 * 1024);
    (fa!.onmessage as unknown as (ev: { data: unknown }) => void)({ data: binary });
    fa!.onmessage!({ data: garbage });
    fa!.onmessage!({ data: big });
    timers.advance(BATCH_MS);
    expect(got.length).to.equal(3);
    expect([...new Uint8Array(got[0] as ArrayBuffer)]).to.deep.equal([0, 255, 1]);
    expect(got[1]).to.equal(garbage);
    expect((got[2] as string).length).to.equal(big.length);
    // A batch naming sockets the page does not hold (closed, or never opened) changes nothing.
    worker.onmessage!(new MessageEvent('message', { data: [['m', 999, 'stray'], ['c', 998, 1000, '', true]] }));
    expect(got.length).to.equal(3);
    expect(a.readyState).to.equal(0);
  });

  it('open, error and close cross at once, after the frames that came before them', () => {
    const { mux, timers } = setUp();
    const a = mux.open('ws://x.test/a', undefined);
    const events = listen(a);
    const [fa] = FakeWebSocket.all;
    fa!.onopen!();
    timers.advance(0);
    expect(a.readyState).to.equal(1);
    fa!.onmessage!({ data: 'last words' });
    fa!.onerror!();
    fa!.onclose!({ code: 1011, reason: 'boom', wasClean: false });
    timers.advance(0);
    expect(events).to.deep.equal(['open', 'm:last words', 'error', 'close:1011:boom:false']);
    expect(a.readyState).to.equal(3);
  });

  it('sends to its own socket, closes it when asked, and reports what is still buffered', () => {
    const { mux, timers } = setUp();
    const a = mux.open('ws://x.test/a', undefined);
    const b = mux.open('ws://x.test/b', undefined);
    const eb = listen(b);
    const [fa, fb] = FakeWebSocket.all;
    expect(() => a.send('too early')).to.throw(DOMException);
    fa!.onopen!();
    fb!.onopen!();
    timers.advance(0);
    a.send('{"type":"ping"}');
    expect(fa!.sent).to.deep.equal(['{"type":"ping"}']);
    expect(fb!.sent).to.deep.equal([]);
    expect(a.bufferedAmount).to.equal(15);
    fa!.bufferedAmount = 0;
    timers.advance(BATCH_MS);
    expect(a.bufferedAmount).to.equal(0);

    b.close(1000, 'bye');
    expect(b.readyState).to.equal(2);
    expect(fb!.closedWith).to.deep.equal([1000, 'bye']);
    fb!.onclose!({ code: 1000, reason: 'bye', wasClean: true });
    timers.advance(0);
    expect(eb.at(-1)).to.equal('close:1000:bye:true');
  });

  it('a socket the worker cannot make fails as a browser socket would: an error, then a close', () => {
    const { mux, timers } = setUp();
    FakeWebSocket.refuse = true;
    const a = mux.open('not a url', undefined);
    const events = listen(a);
    timers.advance(0);
    expect(events).to.deep.equal(['error', 'close:1006::false']);
  });

  it('ends the worker with its last socket', () => {
    const { mux, timers, terminated, endings } = setUp();
    const a = mux.open('ws://x.test/a', undefined);
    const b = mux.open('ws://x.test/b', undefined);
    const [fa, fb] = FakeWebSocket.all;
    fa!.onclose!({ code: 1006, reason: '', wasClean: false });
    timers.advance(0);
    expect(terminated()).to.equal(0);
    fb!.onclose!({ code: 1006, reason: '', wasClean: false });
    timers.advance(0);
    expect(terminated()).to.equal(1);
    expect(endings).to.deep.equal([false]);
    expect([a.readyState, b.readyState]).to.deep.equal([3, 3]);
  });

  it('one socket handler that throws costs the others nothing', () => {
    const { mux, timers } = setUp();
    const a = mux.open('ws://x.test/a', undefined);
    const b = mux.open('ws://x.test/b', undefined);
    const eb = listen(b);
    a.onmessage = () => {
      throw new Error('handler bug');
    };
    const [fa, fb] = FakeWebSocket.all;
    const origError = console.error;
    const logged: unknown[] = [];
    console.error = (e: unknown) => logged.push(e);
    try {
      fa!.onmessage!({ data: 'x' });
      fb!.onmessage!({ data: 'y' });
      timers.advance(BATCH_MS);
    } finally {
      console.error = origError;
    }
    expect(eb).to.deep.equal(['m:y']);
    expect(logged).to.have.length(1);
  });

  it('a worker refused before it answered (CSP): its sockets open in the page instead', async () => {
    const OriginalWebSocket = window.WebSocket;
    const made: string[] = [];
    window.WebSocket = class {
      readyState = 0;
      protocol = '';
      bufferedAmount = 0;
      onopen: (() => void) | null = null;
      constructor(url: string) {
        made.push(url);
        setTimeout(() => {
          this.readyState = 1;
          this.onopen?.();
        });
      }
    } as unknown as typeof WebSocket;
    try {
      let terminated = 0;
      let endedFailed: boolean | null = null;
      const worker = { onmessage: null, onerror: null as ((e: Event) => void) | null, postMessage: () => undefined, terminate: () => void terminated++ };
      const mux = new SocketMux(worker as unknown as Worker, (m) => (endedFailed = m.failed));
      const a = mux.open('ws://x.test/a', undefined);
      const events = listen(a);
      worker.onerror!(new Event('error'));
      expect(terminated).to.equal(1);
      expect(endedFailed).to.equal(true);
      expect(made).to.deep.equal(['ws://x.test/a']);
      await new Promise((r) => setTimeout(r, 10));
      expect(events).to.deep.equal(['open']);
      expect(a.readyState).to.equal(1);
    } finally {
      window.WebSocket = OriginalWebSocket;
    }
  });

  it('a worker that dies after it answered: its open sockets close as dropped, to reconnect', () => {
    const { mux, timers, worker, endings } = setUp();
    const a = mux.open('ws://x.test/a', undefined);
    const events = listen(a);
    FakeWebSocket.all[0]!.onopen!();
    timers.advance(0);
    worker.onerror!(new ErrorEvent('error'));
    expect(events).to.deep.equal(['open', 'error', 'close:1006::false']);
    // Not a refusal: a later socket may try a new worker.
    expect(endings).to.deep.equal([false]);
  });
});
