// A terminal that falls behind a flood, with the console socket in a worker: output is held back
// upstream (the worker stops reading, TCP holds the server back) instead of being dropped. The
// pending bound is set tiny so that without backpressure it would drop almost everything.
// Stays on the reference server: the subject is a real socket in a Worker and TCP holding the server back.
import { expect } from '@open-wc/testing';
import { VmHub } from '../../../src/hub/index.js';
import { RestClient } from '../../../src/transport/index.js';
import { floodText } from '../../../src/testing/sim/flood-text.js';
import { createServer, type LibGoServer } from '../../setup/libgo.js';
import { PASSWORDS, loginShell, mount, until } from './helpers.js';

const FLOOD = 4 * 1024 * 1024;

describe('<vm-console> backpressure (console socket in a worker)', function () {
  this.timeout(120_000);
  let server: LibGoServer;
  let hub: VmHub | null = null;

  before(async () => {
    server = await createServer();
  });
  after(async () => {
    await server.close();
  });
  afterEach(() => {
    hub?.dispose();
    hub = null;
  });

  it('a flood far larger than the pending bound reaches the terminal whole and in order, nothing dropped', async () => {
    const { token } = await new RestClient({ serverUrl: server.url }).login('admin', PASSWORDS.admin!);
    hub = new VmHub({ serverUrl: server.url, tokenProvider: () => token, consoleInWorker: true });
    const { el } = await mount(server, { hub: { hub, sent: [] } });
    await loginShell(el);
    await el.flushed();
    el.maxPendingBytes = 16 * 1024;
    await el.updateComplete;

    const term = el.terminal!;
    const chunks: string[] = [];
    const write = term.write.bind(term);
    term.write = ((data: string, cb?: () => void) => {
      chunks.push(data);
      write(data, cb);
    }) as typeof term.write;
    const expected = floodText(FLOOD);
    const lastLine = expected.slice(expected.lastIndexOf('\r\n', expected.length - 3) + 2);
    let tail = '';
    await el.session!.sendInput(`flood ${FLOOD} 4096\r`);
    await until(
      () => {
        tail = chunks.slice(-4).join('').slice(-1000);
        return tail.includes(`${lastLine}root@web-01:~# `) || el.droppedBytes > 0;
      },
      'the end of the flood',
      100_000,
    );
    await el.flushed();
    term.write = write;

    expect(el.droppedBytes, 'bytes dropped').to.equal(0);
    const written = chunks.join('');
    const start = written.indexOf(expected.slice(0, 80));
    expect(start).to.be.greaterThan(-1);
    // Compared exactly: a gap, a duplicate or a reordering anywhere fails.
    expect(written.slice(start, start + expected.length) === expected, 'the flood arrived whole and in order').to.equal(true);
    expect(el.getTranscript()).not.to.contain('output dropped');
  });
});
