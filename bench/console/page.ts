// The page side of the console benchmark: <vm-console> fed by the reference server (end to end),
// and a bare xterm fed the same bytes directly, in the same page.
import '../../src/elements/vm-connection/vm-connection.define.js';
import '../../src/elements/vm-console/vm-console.define.js';
import type { VmConsole } from '../../src/elements/vm-console/vm-console.js';
import { VmHub } from '../../src/hub/index.js';
import { leaseConsole } from '../../src/hub/console.js';
import { floodText } from '../../src/testing/sim/flood-text.js';
import { Terminal } from '@xterm/xterm';

const until = async (check: () => boolean, what: string, ms = 120_000) => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

let el: VmConsole | null = null;

async function mountConsole(serverUrl: string, token: string, consoleInWorker = false): Promise<void> {
  document.body.replaceChildren();
  const conn = document.createElement('vm-connection');
  (conn as unknown as { hub: VmHub }).hub = new VmHub({ serverUrl, tokenProvider: () => token, consoleInWorker });
  el = document.createElement('vm-console');
  el.vmName = 'web-01';
  el.style.cssText = 'width: 900px; height: 500px; display: flex';
  conn.appendChild(el);
  document.body.appendChild(conn);
  await el.ready;
  await until(() => el!.session?.connection.state === 'open', 'console open');
  await el.session!.sendInput('\r');
  await until(() => el!.getTranscript().includes('login:'), 'login prompt');
  await el.session!.sendInput('root\r');
  await until(() => el!.getTranscript().includes('Password:'), 'password prompt');
  await el.session!.sendInput('x\r');
  await until(() => el!.getTranscript().includes('root@web-01:~# '), 'shell prompt');
  await el.flushed();
}

/** Floods `bytes` through server → socket → hub → element → xterm; returns ms and what xterm got. */
async function endToEnd(bytes: number, chunk: number): Promise<{ ms: number; lost: number; dropped: number; writes: number }> {
  const term = el!.terminal!;
  const expected = floodText(bytes);
  const lastLine = expected.slice(expected.lastIndexOf('\r\n', expected.length - 3) + 2);
  // Chunks are kept in an array and joined once at the end: growing one string and searching it
  // on every write would flatten 20 MB per write and measure the harness, not the console.
  const chunks: string[] = [];
  const TAIL = lastLine.length + 256;
  let tail = '';
  let writes = 0;
  let doneAt = 0;
  const write = term.write.bind(term);
  term.write = ((data: string, cb?: () => void) => {
    chunks.push(data);
    writes++;
    tail = (tail + data.slice(-TAIL)).slice(-TAIL);
    const complete = tail.includes(lastLine);
    write(data, () => {
      cb?.();
      if (complete && !doneAt) doneAt = performance.now();
    });
  }) as typeof term.write;
  const t0 = performance.now();
  await el!.session!.sendInput(`flood ${bytes} ${chunk}\r`);
  await until(() => doneAt > 0, 'flood end');
  term.write = write;
  await el!.flushed();
  const written = chunks.join('');
  const start = written.indexOf(expected.slice(0, 80));
  const got = start < 0 ? '' : written.slice(start, start + expected.length);
  let lost = 0;
  if (got !== expected) {
    // Count the bytes that did not arrive as sent (a cheap bound: differing length plus mismatch).
    lost = Math.max(0, expected.length - got.length);
    if (lost === 0) lost = [...got].filter((c, i) => c !== expected[i]).length;
  }
  return { ms: doneAt - t0, lost, dropped: el!.droppedBytes, writes };
}

/**
 * The transport alone: the same flood through server → socket → hub into a sink that only counts,
 * on a session of its own (run before the console is mounted).
 */
async function socketOnly(serverUrl: string, token: string, bytes: number, chunk: number, consoleInWorker = false): Promise<{ ms: number; received: number }> {
  const hub = new VmHub({ serverUrl, tokenProvider: () => token, consoleInWorker });
  const lease = leaseConsole(hub, 'web-01');
  const s = lease.session;
  await until(() => s.connection.state === 'open', 'socket open');
  let text = '';
  const attachment = s.attach({ write: (t) => (text += t) });
  const send = (x: string) => s.sendInput(x);
  await send('\r');
  await until(() => text.includes('login:'), 'login prompt');
  await send('root\r');
  await until(() => text.includes('Password:'), 'password');
  await send('x\r');
  await until(() => text.includes('root@web-01:~# '), 'prompt');
  let received = 0;
  const expected = floodText(bytes);
  const lastLine = expected.slice(expected.lastIndexOf('\r\n', expected.length - 3) + 2);
  let tail = '';
  let doneAt = 0;
  attachment.detach();
  const counting = s.attach(
    {
      write: (t) => {
        received += t.length;
        tail = (tail + t).slice(-200);
        if (!doneAt && tail.includes(lastLine)) doneAt = performance.now();
      },
    },
    Number.MAX_SAFE_INTEGER,
  );
  const t0 = performance.now();
  await send(`flood ${bytes} ${chunk}\r`);
  await until(() => doneAt > 0, 'flood end (socket only)');
  counting.detach();
  await send('exit\r');
  hub.dispose();
  return { ms: doneAt - t0, received };
}

/** The same bytes written straight into a bare xterm in `chunk`-sized writes. */
async function raw(bytes: number, chunk: number): Promise<{ ms: number }> {
  const host = document.createElement('div');
  host.style.cssText = 'width: 900px; height: 460px; position: fixed; top: 0; left: 0; z-index: 10; background: #000';
  document.body.appendChild(host);
  const term = new Terminal({ scrollback: 5000, cols: el?.cols ?? 100, rows: el?.rows ?? 24 });
  term.open(host);
  const text = floodText(bytes);
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    for (let i = 0; i < text.length; i += chunk) {
      const last = i + chunk >= text.length;
      term.write(text.slice(i, i + chunk), last ? resolve : undefined);
    }
  });
  const ms = performance.now() - t0;
  term.dispose();
  host.remove();
  return { ms };
}

function pasteText(bytes: number): string {
  const unit = 'The quick brown fox jumps over the lazy dog 0123456789 ';
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

function paste(bytes: number): void {
  el!.paste(pasteText(bytes));
}

Object.assign(window, { bench: { mountConsole, endToEnd, raw, paste, pasteText, socketOnly } });
