import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { floodText } from '../../src/testing/sim/flood-text.js';
import type { LibGoServer } from '../create-server.js';
import { command, openVm, runShell, shellSession, startServer } from './helpers.js';

describe('serial console', () => {
  let server: LibGoServer;
  before(async () => {
    server = await startServer({ metricsIntervalMs: 60_000 });
  });
  after(() => server.close());

  it('logs in with any credentials; echoes the user name, not the password', async () => {
    server.sim.reset();
    const c = await openVm(server, 'web-01', 'admin', 'console');
    c.send({ type: 'console_input', data: { content: '\r' } });
    await c.waitForConsole('web-01 login: ');
    c.send({ type: 'console_input', data: { content: 'alice\r' } });
    await c.waitForConsole('Password: ');
    c.send({ type: 'console_input', data: { content: 's3cret-pw\r' } });
    const text = await c.waitForConsole('alice@web-01:~$ ');
    assert.ok(text.includes('alice\r\n'), 'user name echoed with CRLF');
    assert.ok(!text.includes('s3cret-pw'), 'password not echoed');
    c.close();
  });

  it('handles backspace, CRLF and ^C like a tty', async () => {
    const c = await shellSession(server);
    const out = await runShell(c, 'echo helo\x7flo');
    assert.ok(out.startsWith('echo helo\b \blo\r\n'), JSON.stringify(out));
    assert.ok(out.includes('hello\r\n'));
    const start = c.consoleText().length;
    c.send({ type: 'console_input', data: { content: 'echo a\r\necho b\r\n' } });
    await c.waitForConsole('b\r\nroot@web-01:~# ');
    const both = c.consoleText().slice(start);
    assert.equal(both.split('root@web-01:~# ').length - 1, 2, 'CRLF is one newline, not two');
    const ctrlC = await (async () => {
      const s = c.consoleText().length;
      c.send({ type: 'console_input', data: { content: 'half typed\x03' } });
      await c.waitForConsole('^C\r\nroot@web-01:~# ');
      return c.consoleText().slice(s);
    })();
    assert.equal(ctrlC, 'half typed^C\r\nroot@web-01:~# ');
    c.close();
  });

  it('runs the shell commands', async () => {
    const c = await shellSession(server);
    assert.match(await runShell(c, 'help'), /flood BYTES/);
    assert.match(await runShell(c, 'uname -a'), /Linux web-01 6\.1\.0-18-amd64 .* x86_64 GNU\/Linux/);
    assert.match(await runShell(c, 'uptime'), /up 3 days/);
    assert.match(await runShell(c, 'ls'), /notes\.txt/);
    assert.match(await runShell(c, 'echo hello   world'), /hello {3}world\r\n/);
    assert.match(await runShell(c, 'date'), /UTC \d{4}\r\n/);
    assert.match(await runShell(c, 'cat /etc/os-release'), /PRETTY_NAME="Debian GNU\/Linux 12 \(bookworm\)"/);
    const colors = await runShell(c, 'colors');
    assert.ok(colors.includes('\x1b[31m') && colors.includes('\x1b[48;5;255m'));
    assert.ok((await runShell(c, 'clear')).includes('\x1b[2J'));
    assert.match(await runShell(c, 'frobnicate'), /-bash: frobnicate: command not found/);
    assert.match(await runShell(c, 'exit', 'web-01 login: '), /logout/);
    c.close();
  });

  it('flood prints exactly the requested bytes, in chunks of the requested size', async () => {
    const c = await shellSession(server);
    for (const [bytes, chunk] of [[100_000, undefined], [12_345, 1000], [1, 1]] as const) {
      const from = c.messages.length;
      const out = await runShell(c, `flood ${bytes}${chunk ? ` ${chunk}` : ''}`, ':~# ', 10_000);
      const echo = `flood ${bytes}${chunk ? ` ${chunk}` : ''}\r\n`;
      assert.ok(out.startsWith(echo));
      assert.equal(out.slice(echo.length, echo.length + bytes), floodText(bytes));
      assert.equal(out.slice(echo.length + bytes), 'root@web-01:~# ');
      const chunks = c.messages.slice(from).filter((m) => m.type === 'console').map((m) => m.data.content as string);
      const floodChunks = chunks.slice(1, -1);
      const size = chunk ?? 1024;
      assert.equal(floodChunks.length, Math.ceil(bytes / size));
      floodChunks.slice(0, -1).forEach((s) => assert.equal(s.length, size));
    }
    c.close();
  });

  it('flood text is numbered 80-byte lines', () => {
    const t = floodText(160);
    assert.equal(t.slice(0, 9), '00000001 ');
    assert.equal(t.slice(78, 89), '\r\n00000002 ');
  });

  it('a large flood over maxBatch 1 still arrives whole and in order', async () => {
    const c = await shellSession(server);
    server.faults.setMaxBatch(1);
    try {
      const out = await runShell(c, 'flood 300000 512', ':~# ', 20_000);
      assert.equal(out.slice('flood 300000 512\r\n'.length, -'root@web-01:~# '.length), floodText(300_000));
      assert.ok(c.frames.slice(-50).every((f) => !f.includes('\n{')), 'one message per frame');
    } finally {
      server.faults.setMaxBatch(null);
    }
    c.close();
  });

  it('a burst of more than 256 messages overflows the send buffer: closed without status (1005)', async () => {
    const c = await shellSession(server);
    c.send({ type: 'console_input', data: { content: 'burst 300\r' } });
    const closed = await c.closed();
    assert.equal(closed.code, 1005);
  });

  it('prints a boot log and a login prompt when the VM starts, and eof when it stops', async () => {
    server.sim.reset();
    const c = await openVm(server, 'db-01', 'admin', 'console');
    const m = await openVm(server, 'db-01', 'admin');
    await command(m, 'start');
    const text = await c.waitForConsole('db-01 login: ');
    assert.match(text, /Linux version 6\.1\.0/);
    assert.match(text, /Hostname set to <db-01>/);
    await command(m, 'stop');
    const eof = await c.next((x) => x.type === 'console' && x.data.eof === true);
    assert.equal(eof.data.content, '');
    c.send({ type: 'console_input', data: { content: 'ls\r' } });
    assert.equal((await c.nextOfType('error')).data.code, 'VM_NOT_RUNNING');
    assert.equal(m.messages.filter((x) => x.type === 'console').length, 0, 'monitor sockets get no console output');
    c.close();
    m.close();
  });

  it('shares one tty among all console sockets of a VM', async () => {
    const a = await shellSession(server);
    const b = await openVm(server, 'web-01', 'operator', 'console');
    await runShell(a, 'echo shared');
    await b.waitForConsole('shared\r\n');
    a.close();
    b.close();
  });
});
