/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { VmError } from '../../src/protocol/errors.js';
import { RestClient } from '../../src/transport/rest-client.js';

const VM = (name: string) => ({ name, uuid: `uuid-${name}`, status: 'running', cpu: { count: 1 }, memory: { sizeBytes: 1024 } });

type Route = (url: URL, init?: RequestInit) => { status: number; body: unknown };

function client(route: Route) {
  const calls: string[] = [];
  const rest = new RestClient({
    serverUrl: 'http://libgo.test:8080',
    tokenProvider: () => 'TOKEN',
    fetch: async (input, init) => {
      const url = new URL(String(input));
      calls.push(url.pathname + url.search);
      const { status, body } = route(url, init);
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
    },
  });
  return { rest, calls };
}

async function failure(p: Promise<unknown>): Promise<VmError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(VmError);
    return e as VmError;
  }
  throw new Error('expected a failure');
}

describe('RestClient against LibGo', () => {
  it('reports a VM that LibGo answers as 200 {"vm": null} as not found', async () => {
    const { rest } = client(() => ({ status: 200, body: { vm: null } }));
    const e = await failure(rest.getVm('ghost'));
    expect(e.code).to.equal('VM_NOT_FOUND');
    expect(e.message).to.include('ghost');
    expect(e.message).not.to.include('not understood');
  });

  it('probes 200 {"vm": null} as 404, so a refused upgrade is explained as "no such VM"', async () => {
    const { rest } = client(() => ({ status: 200, body: { vm: null } }));
    expect(await rest.probeVm('ghost', 'TOKEN')).to.equal(404);
    const found = client(() => ({ status: 200, body: { vm: VM('web-01') } }));
    expect(await found.rest.probeVm('web-01', 'TOKEN')).to.equal(200);
  });

  it("reads LibGo's error body {code, message, status}", async () => {
    const { rest } = client(() => ({ status: 404, body: { code: 'NOT_FOUND', message: 'resource not found', status: 404 } }));
    const e = await failure(rest.getVm('ghost'));
    expect(e.code).to.equal('VM_NOT_FOUND');
    const auth = client(() => ({ status: 401, body: { code: 'UNAUTHORIZED', message: 'Authentication required', status: 401 } }));
    const a = await failure(auth.rest.getVm('web-01'));
    expect(a.code).to.equal('AUTH_ERROR');
    expect(a.message).to.equal('Authentication required');
  });

  it("reads the reference server's error body {error, code}", async () => {
    const { rest } = client(() => ({ status: 409, body: { error: 'VM web-01 is already running', code: 'INVALID_STATE' } }));
    const e = await failure(rest.action('web-01', 'start'));
    expect(e.code).to.equal('INVALID_STATE');
    expect(e.message).to.include('already running');
  });

  it('resolves an action with the server\'s words only: none of its own when the server gave none', async () => {
    const said = client(() => ({ status: 200, body: { success: true, message: 'VM started successfully' } }));
    expect(await said.rest.action('web-01', 'start')).to.equal('VM started successfully');
    const silent = client(() => ({ status: 200, body: { success: true } }));
    expect(await silent.rest.action('web-01', 'start')).to.equal('');
  });

  it('explains 400 INVALID_INPUT for an action as "not possible in the VM\'s current state"', async () => {
    const { rest } = client(() => ({ status: 400, body: { code: 'INVALID_INPUT', message: 'invalid VM state for operation', status: 400 } }));
    const e = await failure(rest.action('web-01', 'stop'));
    expect(e.code).to.equal('INVALID_STATE');
    expect(e.message).to.match(/stop web-01/i);
    expect(e.message).to.include('current state');
  });

  it('follows `count` through the pages of GET /vms', async () => {
    const all = Array.from({ length: 250 }, (_, i) => VM(`vm-${i}`));
    const { rest, calls } = client((url) => {
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('pageSize'));
      return { status: 200, body: { vms: all.slice((page - 1) * size, page * size), count: all.length, page, pageSize: size } };
    });
    const vms = await rest.listVms();
    expect(vms.map((v) => v.name)).to.deep.equal(all.map((v) => v.name));
    expect(calls).to.deep.equal(['/api/v1/vms?page=1&pageSize=100', '/api/v1/vms?page=2&pageSize=100', '/api/v1/vms?page=3&pageSize=100']);
  });

  it('asks for the pages of a large fleet several at a time, in order, and no more than there are', async () => {
    const all = Array.from({ length: 10_000 }, (_, i) => VM(`vm-${i}`));
    let inFlight = 0;
    let most = 0;
    const calls: number[] = [];
    const rest = new RestClient({
      serverUrl: 'http://libgo.test:8080',
      tokenProvider: () => 'TOKEN',
      fetch: async (input) => {
        const url = new URL(String(input));
        const page = Number(url.searchParams.get('page'));
        calls.push(page);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 0));
        inFlight--;
        const body = { vms: all.slice((page - 1) * 100, page * 100), count: all.length, page, pageSize: 100 };
        return new Response(JSON.stringify(body), { status: 200 });
      },
    });
    const vms = await rest.listVms();
    expect(vms.map((v) => v.name)).to.deep.equal(all.map((v) => v.name));
    expect(calls.length, 'one request per page').to.equal(100);
    expect(most, 'pages in flight at once').to.equal(6);
  });

  it('keeps following pages from a server that caps the page size without saying so', async () => {
    const all = Array.from({ length: 120 }, (_, i) => VM(`vm-${i}`));
    const { rest } = client((url) => {
      const page = Number(url.searchParams.get('page'));
      return { status: 200, body: { vms: all.slice((page - 1) * 50, page * 50), count: all.length } };
    });
    expect((await rest.listVms()).map((v) => v.name)).to.deep.equal(all.map((v) => v.name));
  });

  it('reads an unpaginated list in one request', async () => {
    const { rest, calls } = client(() => ({ status: 200, body: { vms: [VM('a'), VM('b')] } }));
    expect((await rest.listVms()).map((v) => v.name)).to.deep.equal(['a', 'b']);
    expect(calls.length).to.equal(1);
  });

  it('survives hostile counts: a huge count ends at the first empty page, a server that ignores `page` is read once', async () => {
    const huge = client((url) => {
      const page = Number(url.searchParams.get('page'));
      return { status: 200, body: { vms: page === 1 ? [VM('a')] : [], count: 1e15, page, pageSize: 100 } };
    });
    expect((await huge.rest.listVms()).map((v) => v.name)).to.deep.equal(['a']);
    expect(huge.calls.length, 'a short page is the last').to.equal(1);
    const unstated = client((url) => {
      const page = Number(url.searchParams.get('page'));
      return { status: 200, body: { vms: page === 1 ? [VM('a')] : [], count: 1e15 } };
    });
    expect((await unstated.rest.listVms()).map((v) => v.name)).to.deep.equal(['a']);
    expect(unstated.calls.length, 'ends at the first empty page').to.be.at.most(7);

    const full = Array.from({ length: 100 }, (_, i) => VM(`vm-${i}`));
    const repeating = client(() => ({ status: 200, body: { vms: full, count: 5000, page: 1, pageSize: 100 } }));
    expect((await repeating.rest.listVms()).length).to.equal(100);
    expect(repeating.calls.length, 'one batch further at most').to.be.at.most(7);

    for (const count of [-1, 'many', 2.5, null]) {
      const odd = client(() => ({ status: 200, body: { vms: [VM('a')], count, page: 1, pageSize: 100 } }));
      expect((await odd.rest.listVms()).map((v) => v.name)).to.deep.equal(['a']);
    }
  });

  it('stops after a bounded number of pages however many the server claims', async () => {
    let n = 0;
    const { rest, calls } = client(() => {
      n++;
      return { status: 200, body: { vms: Array.from({ length: 100 }, (_, i) => VM(`p${n}-${i}`)), count: 10_000_000 } };
    });
    const e = await failure(rest.listVms());
    expect(e.code).to.equal('INVALID_RESPONSE');
    expect(e.message).to.include('pages');
    expect(calls.length).to.be.at.most(1000);
  });
});
