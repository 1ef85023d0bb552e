// A fleet larger than one answer: the reference server pages its VM list as LibGo does when the
// client asks (`?page=&pageSize=`), so `RestClient.listVms()` lists 10,000 VMs without the
// whole list ever being one (too large) answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RestClient } from '../../src/transport/rest-client.js';
import { fleetOfVms } from '../../src/testing/fleet-fixtures.js';
import type { LibGoServer } from '../create-server.js';
import { login, startServer } from './helpers.js';

describe('VM list of a large fleet', () => {
  let server: LibGoServer;
  let token: string;
  before(async () => {
    server = await startServer({ vms: fleetOfVms(10_000) });
    token = await login(server, 'viewer');
  });
  after(() => server.close());

  const get = async (path: string) => {
    const res = await fetch(server.url + path, { headers: { Authorization: `Bearer ${token}` } });
    return { status: res.status, json: (await res.json()) as { vms: { name: string }[]; count?: number; page?: number; pageSize?: number; code?: string } };
  };

  it('answers one page with {vms, count, page, pageSize} when asked for one', async () => {
    const r = await get('/api/v1/vms?page=3&pageSize=100');
    assert.equal(r.status, 200);
    assert.equal(r.json.count, 10_000);
    assert.equal(r.json.page, 3);
    assert.equal(r.json.pageSize, 100);
    assert.equal(r.json.vms.length, 100);
    assert.equal(r.json.vms[0]!.name, fleetOfVms(201)[200]!.name);
  });

  it('refuses a page size over 100 with a clear error', async () => {
    const r = await get('/api/v1/vms?page=1&pageSize=5000');
    assert.equal(r.status, 400);
    assert.match(JSON.stringify(r.json), /pageSize/);
  });

  it('RestClient.listVms() lists all 10,000 VMs, each once', async () => {
    const vms = await new RestClient({ serverUrl: server.url, tokenProvider: () => token }).listVms();
    assert.equal(vms.length, 10_000);
    assert.equal(new Set(vms.map((v) => v.name)).size, 10_000);
  });
});
