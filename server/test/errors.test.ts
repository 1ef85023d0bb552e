import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LibGoServer } from '../create-server.js';
import { command, openVm, startServer } from './helpers.js';

describe('inbound errors: every code path', () => {
  let server: LibGoServer;
  before(async () => {
    server = await startServer({ metricsIntervalMs: 60_000 });
  });
  after(() => server.close());

  const cases: [string, string | object, string][] = [
    ['invalid JSON', '{nope', 'INVALID_MESSAGE'],
    ['two messages in one client frame', '{"type":"heartbeat","data":{}}\n{"type":"heartbeat","data":{}}', 'INVALID_MESSAGE'],
    ['a JSON array', '[1,2]', 'INVALID_MESSAGE'],
    ['a non-string type', { type: 42, data: {} }, 'INVALID_MESSAGE'],
    ['an unknown type', { type: 'reboot_everything', data: {} }, 'UNKNOWN_MESSAGE_TYPE'],
    ['a server-only type', { type: 'status', data: {} }, 'UNKNOWN_MESSAGE_TYPE'],
    ['no type', { data: {} }, 'UNKNOWN_MESSAGE_TYPE'],
    ['an unknown action', { type: 'command', data: { action: 'explode', requestId: 'r1' } }, 'INVALID_COMMAND'],
    ['a missing action', { type: 'command', data: {} }, 'INVALID_COMMAND'],
    ['command data that is not an object', { type: 'command', data: 'start' }, 'INVALID_MESSAGE'],
    ['console_input on the monitor route', { type: 'console_input', data: { content: 'ls\r' } }, 'INVALID_MESSAGE_TYPE'],
  ];
  for (const [name, payload, code] of cases) {
    it(`${name} → ${code}`, async () => {
      const c = await openVm(server, 'web-01');
      c.send(payload);
      const err = await c.nextOfType('error');
      assert.equal(err.data.code, code);
      assert.equal(typeof err.data.message, 'string');
      assert.equal(c.closeCode, null, 'the socket stays open');
      c.close();
    });
  }

  it('console_input with non-string content on the console route → INVALID_CONSOLE_INPUT', async () => {
    const c = await openVm(server, 'web-01', 'admin', 'console');
    for (const data of [{ content: 42 }, {}, null]) {
      c.send({ type: 'console_input', data });
      assert.equal((await c.nextOfType('error')).data.code, 'INVALID_CONSOLE_INPUT');
    }
    c.close();
  });

  it('console_input to a stopped VM → VM_NOT_RUNNING', async () => {
    const c = await openVm(server, 'db-01', 'admin', 'console');
    c.send({ type: 'console_input', data: { content: 'x' } });
    assert.equal((await c.nextOfType('error')).data.code, 'VM_NOT_RUNNING');
    c.close();
  });

  it('a command without permission → AUTH_ERROR and a failed response', async () => {
    const c = await openVm(server, 'web-01', 'viewer');
    c.send({ type: 'command', data: { action: 'stop', requestId: 'v1' } });
    const err = await c.nextOfType('error');
    assert.equal(err.data.code, 'AUTH_ERROR');
    const res = await c.nextOfType('response');
    assert.deepEqual({ ...res.data, message: undefined }, { requestId: 'v1', success: false, message: undefined });
    c.close();
  });

  it('makes up a requestId when the client sends none', async () => {
    const c = await openVm(server, 'web-01');
    c.send({ type: 'command', data: { action: 'start' } });
    const res = await c.nextOfType('response');
    assert.equal(res.data.success, false);
    assert.match(res.data.requestId as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    c.close();
  });

  it('echoes the requestId the client chose', async () => {
    const c = await openVm(server, 'web-01');
    const res = await command(c, 'resume', 'mine-123');
    assert.equal(res.data.requestId, 'mine-123');
    c.close();
  });
});
