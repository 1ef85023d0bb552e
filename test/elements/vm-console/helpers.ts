import { fixture, html } from '@open-wc/testing';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import '../../../src/elements/vm-console/vm-console.define.js';
import type { VmConsole } from '../../../src/elements/vm-console/vm-console.js';
import { VmHub, browserSocketFactory, type WebSocketLike } from '../../../src/hub/index.js';
import { RestClient } from '../../../src/transport/index.js';
import { createInPagePeer, type InPagePeer, type InPagePeerOptions } from '../../../src/testing/index.js';
import type { LibGoServer } from '../../setup/libgo.js';

/** The reference server (for tests whose subject is the real network) or the in-page peer. */
export type ConsoleTarget = LibGoServer | InPagePeer;

const isPeer = (target: ConsoleTarget): target is InPagePeer => 'socketFactory' in target;

/** The in-page LibGo peer at the test runner's cadence (test/setup/libgo-server-plugin.mjs). Close it when done. */
export function peerFor(options: InPagePeerOptions = {}): InPagePeer {
  return createInPagePeer({ metricsIntervalMs: 200, transitionDelayMs: 20, ...options });
}

export const PASSWORDS: Record<string, string> = { admin: 'admin123', operator: 'operator123', viewer: 'viewer123' };

export async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export interface Mounted {
  el: VmConsole;
  hub: VmHub;
  /** Every frame the page sent on a console socket, in order. */
  sent: string[];
  /** The console_input contents among them. */
  inputs(): string[];
}

const hubs: VmHub[] = [];

/** Disposes every hub `makeHub` made, so none reconnects to a peer closed after the test. */
export function disposeHubs(): void {
  for (const hub of hubs.splice(0)) hub.dispose();
}

/** A hub for `target` logged in as `user`, recording what its sockets send. */
export async function makeHub(target: ConsoleTarget, user = 'admin', lingerMs = 200): Promise<{ hub: VmHub; sent: string[] }> {
  const peer = isPeer(target) ? target : undefined;
  const serverUrl = peer ? peer.serverUrl : (target as LibGoServer).url;
  const token = peer ? await peer.login(user) : (await new RestClient({ serverUrl }).login(user, PASSWORDS[user]!)).token;
  const openSocket = peer ? peer.socketFactory : browserSocketFactory;
  const sent: string[] = [];
  const hub = new VmHub({
    serverUrl,
    ...(peer ? { fetch: peer.fetch } : {}),
    tokenProvider: () => token,
    lingerMs,
    backoff: { initialMs: 300, maxMs: 1000 },
    socketFactory: (url, protocols) => {
      const ws = openSocket(url, protocols) as WebSocketLike & { send(data: string): void };
      if (url.includes('/console')) {
        const send = ws.send.bind(ws);
        ws.send = (data: string) => {
          sent.push(data);
          send(data);
        };
      }
      return ws;
    },
  });
  hubs.push(hub);
  return { hub, sent };
}

export async function mount(
  target: ConsoleTarget,
  options: { user?: string; vm?: string; attrs?: string; hub?: { hub: VmHub; sent: string[] } } = {},
): Promise<Mounted> {
  const { hub, sent } = options.hub ?? (await makeHub(target, options.user));
  const wrapper = await fixture<HTMLElement>(html`<vm-connection .hub=${hub}>
    <vm-console vm-name=${options.vm ?? 'web-01'} style="width: 760px; height: 420px"></vm-console>
  </vm-connection>`);
  const el = wrapper.querySelector('vm-console')!;
  await el.ready;
  return {
    el,
    hub,
    sent,
    inputs: () =>
      sent
        .map((s) => JSON.parse(s) as { type: string; data: { content?: string } })
        .filter((m) => m.type === 'console_input')
        .map((m) => m.data.content ?? ''),
  };
}

export async function connected(el: VmConsole): Promise<void> {
  await until(() => el.session?.connection.state === 'open', 'the console socket to open');
}

/** Logs in on the simulated guest's serial console and waits for the shell prompt. */
export async function loginShell(el: VmConsole, vm = 'web-01'): Promise<void> {
  await connected(el);
  await el.session!.sendInput('\r');
  await until(() => el.getTranscript().includes(`${vm} login:`), 'the login prompt');
  await el.session!.sendInput('root\r');
  await until(() => el.getTranscript().includes('Password:'), 'the password prompt');
  await el.session!.sendInput('secret\r');
  await until(() => el.getTranscript().includes(`root@${vm}:~# `), 'the shell prompt');
  await el.flushed();
}

export function shadowText(el: Element, selector: string): string {
  return (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function consoleFrame(content: string, timestamp = '2026-11-25T20:14:03.123456789Z'): string {
  return JSON.stringify({ data: { content, eof: false }, timestamp, type: 'console' });
}
