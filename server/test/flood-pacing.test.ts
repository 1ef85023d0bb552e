// The simulated guest's flood is held back by the client's transport, as a real guest is held
// back by TCP: while a socket's send buffer is full, no more output is produced, so a key typed
// during a flood (Ctrl+C) is not queued behind megabytes the server already buffered.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { floodText } from '../../src/testing/sim/flood-text.js';
import { LibGoSim } from '../../src/testing/sim/simulator.js';

const FLOOD = 4 * 1024 * 1024;

function consoleClient(sim: LibGoSim) {
  let buffered = 0;
  let stuck = true;
  let text = '';
  const conn = sim.connect(
    { vmName: 'web-01', route: 'console', user: { userId: 'u1', username: 'admin', roles: ['admin'], exp: 4102444800 } },
    {
      send: (frame) => {
        if (stuck) buffered += frame.length;
        for (const line of frame.split('\n')) {
          const m = JSON.parse(line) as { type: string; data: { content?: string } };
          if (m.type === 'console') text += m.data.content ?? '';
        }
      },
      close: () => undefined,
      bufferedAmount: () => buffered,
    },
  );
  const type = (content: string) => conn.receive(JSON.stringify({ type: 'console_input', data: { content } }));
  return {
    type,
    text: () => text,
    drain: () => {
      stuck = false;
      buffered = 0;
    },
    stick: () => {
      stuck = true;
    },
  };
}

const until = async (check: () => boolean, what: string) => {
  // A generous bound that only a hang reaches.
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
};
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 1));
};

describe('flood pacing by the transport', () => {
  it('stops producing while the socket send buffer is full, resumes when it drains, loses nothing', async () => {
    const sim = new LibGoSim();
    const c = consoleClient(sim);
    c.drain();
    c.type('root\rx\r');
    await until(() => c.text().includes(':~# '), 'shell prompt');
    const start = c.text().length;
    c.stick();
    c.type(`flood ${FLOOD} 4096\r`);
    await turns(30);
    const whileStuck = c.text().length - start;
    // About the transport's limit (256 KiB) and one turn of messages; nowhere near the flood.
    assert.ok(whileStuck < 1024 * 1024, `${whileStuck} bytes produced into a full send buffer`);
    await turns(10);
    assert.equal(c.text().length - start, whileStuck, 'output went on while the buffer stayed full');
    c.drain();
    await until(() => c.text().endsWith('root@web-01:~# '), 'the flood to finish');
    const out = c.text().slice(start);
    const echo = `flood ${FLOOD} 4096\r\n`;
    assert.equal(out.slice(echo.length, echo.length + FLOOD), floodText(FLOOD));
    sim.dispose();
  });

  it('Ctrl+C while the buffer is full ends the flood at once', async () => {
    const sim = new LibGoSim();
    const c = consoleClient(sim);
    c.drain();
    c.type('root\rx\r');
    await until(() => c.text().includes(':~# '), 'shell prompt');
    c.stick();
    c.type(`flood ${FLOOD} 4096\r`);
    await turns(10);
    c.type('\x03');
    c.drain();
    await until(() => c.text().endsWith('^C\r\nroot@web-01:~# '), 'the prompt after ^C');
    const produced = c.text().length;
    await turns(10);
    assert.equal(c.text().length, produced, 'the flood went on after ^C');
    assert.ok(produced < FLOOD, 'the whole flood was produced before ^C was read');
    sim.dispose();
  });
});
