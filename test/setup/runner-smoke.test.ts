// Checks the test environment itself: real Chromium, Lit in dev mode, the Lit-warning hook, and the
// `libgo` server command with the reference server (server/create-server.ts). A run without the
// reference server fails here, saying why, rather than skipping the tests that need it.
import { LitElement, html } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import { allowLitWarning, litWarnings } from './lit.js';
import { createServer, pingLibGo, sharedServer } from './libgo.js';

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

class SmokeChangeInUpdate extends LitElement {
  static override properties = { count: { type: Number } };
  declare count: number;
  constructor() {
    super();
    this.count = 0;
  }
  protected override updated(): void {
    // Setting a property after an update is what Lit's dev mode warns about (change-in-update).
    if (this.count < 1) this.count += 1;
  }
  protected override render() {
    return html`<span>${this.count}</span>`;
  }
}
customElements.define('smoke-change-in-update', SmokeChangeInUpdate);

describe('test runner environment', () => {
  it('runs in headless Chromium with WebSocket on a secure (loopback) origin', () => {
    expect(navigator.userAgent).to.match(/HeadlessChrome\/\d+/);
    expect(typeof WebSocket).to.equal('function');
    expect(window.isSecureContext).to.equal(true);
    // Nothing here depends on cross-origin isolation; the elements must not need it.
    expect(typeof window.crossOriginIsolated).to.equal('boolean');
  });

  it('loads Lit in dev mode (the "development" export condition)', () => {
    const issued = (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings;
    expect(issued, 'globalThis.litIssuedWarnings exists only in dev builds').to.be.instanceOf(Set);
    expect([...issued!].some((w) => w.includes('dev-mode') || w.startsWith('Lit is in dev mode'))).to
      .equal(true);
  });

  it('records Lit dev-mode warnings (this one is allowed on purpose)', async () => {
    allowLitWarning('change-in-update');
    const el = await fixture<SmokeChangeInUpdate>(html`<smoke-change-in-update></smoke-change-in-update>`);
    await el.updateComplete;
    await el.updateComplete;
    expect(litWarnings().map((w) => w.code)).to.include('change-in-update');
    expect(el.shadowRoot!.textContent).to.equal('1');
  });
});

describe('libgo server command', () => {
  it('round-trips through the runner, with the reference server loaded', async () => {
    const ping = await pingLibGo();
    expect(ping.ok).to.equal(true);
    expect(ping.available, `the reference server is missing: ${ping.reason}`).to.equal(true);
    expect(ping.reason).to.equal(undefined);
  });

  it('serves the shared reference server on loopback', async () => {
    const server = await sharedServer();
    expect(server.id).to.equal('shared');
    expect(server.port).to.be.greaterThan(0);
    expect(new URL(server.url).hostname).to.match(/^(127\.0\.0\.1|localhost|\[::1\])$/);
    expect(await reachable(`${server.url}/healthz`)).to.equal(true);
  });

  it('creates, drives, stops, restarts and closes an isolated server', async () => {
    const server = await createServer();
    const health = `${server.url}/healthz`;
    try {
      expect(server.id).to.not.equal('shared');
      expect(server.port).to.not.equal((await sharedServer()).port);
      expect(await reachable(health)).to.equal(true);

      // A real WebSocket from the page to the server, authenticated with a token made by the sim.
      const [vm] = await server.sim<string[]>('vmNames');
      const token = await server.sim<string>('issueToken', 'admin');
      const ws = new WebSocket(server.wsUrl(`/ws/vms/${encodeURIComponent(vm)}?token=${encodeURIComponent(token)}`));
      const first = await new Promise<string>((resolve, reject) => {
        ws.onmessage = (event) => resolve(String(event.data));
        ws.onclose = (event) => reject(new Error(`closed ${event.code} before the first message`));
      });
      expect(JSON.parse(first.split('\n')[0])).to.include({ type: 'connection' });
      const closed = new Promise<number>((resolve) => (ws.onclose = (event) => resolve(event.code)));
      expect(await server.fault<number>('dropConnections', vm)).to.be.greaterThan(0);
      expect(await closed).to.be.a('number');

      await server.stop();
      expect(await reachable(health)).to.equal(false);
      await server.start();
      expect(await reachable(health)).to.equal(true);
    } finally {
      await server.close();
    }
    expect(await reachable(health)).to.equal(false);
  });
});
