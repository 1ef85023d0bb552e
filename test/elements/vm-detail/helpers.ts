/** Shared by the <vm-detail> tests: logins, hubs and ways to read what a user sees. */
import { waitUntil } from '@open-wc/testing';
import { VmHub, type VmHubConfig } from '../../../src/hub/index.js';
import { RestClient } from '../../../src/transport/index.js';
import { createInPagePeer, type InPagePeer, type InPagePeerOptions } from '../../../src/testing/index.js';
import type { VmDetail } from '../../../src/elements/vm-detail/vm-detail.define.js';

export const PASSWORDS: Record<string, string> = { admin: 'admin123', operator: 'operator123', viewer: 'viewer123' };

export async function tokenFor(serverUrl: string, user = 'admin'): Promise<string> {
  return (await new RestClient({ serverUrl }).login(user, PASSWORDS[user]!)).token;
}

/** A hub for one test; dispose it in afterEach. Linger 0 so socket counts settle at once. */
export function hubFor(serverUrl: string, token: string, extra: Partial<VmHubConfig> = {}): VmHub {
  return new VmHub({ serverUrl, tokenProvider: () => token, lingerMs: 0, ...extra });
}

/**
 * The in-page LibGo peer at the test runner's cadence (test/setup/libgo-server-plugin.mjs: metrics
 * every 200 ms, transitions of 20 ms), for tests whose subject is not the real network. Close it in afterEach.
 */
export function peerFor(options: InPagePeerOptions = {}): InPagePeer {
  return createInPagePeer({ metricsIntervalMs: 200, transitionDelayMs: 20, ...options });
}

/** `hubFor` on the in-page peer: its sockets and its fetch, nothing on the network. */
export function peerHub(peer: InPagePeer, token: string, extra: Partial<VmHubConfig> = {}): VmHub {
  return hubFor(peer.serverUrl, token, { socketFactory: peer.socketFactory, fetch: peer.fetch, ...extra });
}

export function q<T extends Element = HTMLElement>(el: VmDetail, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`<vm-detail> has no ${selector}`);
  return found;
}

export function qMaybe<T extends Element = HTMLElement>(el: VmDetail, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

export function actionButton(el: VmDetail, action: string): HTMLButtonElement {
  return q<HTMLButtonElement>(el, `[data-action="${action}"]`);
}

export function isEnabled(el: VmDetail, action: string): boolean {
  return actionButton(el, action).getAttribute('aria-disabled') === 'false';
}

/** The text a screen reader gets as the button's description (aria-describedby). */
export function reasonOf(el: VmDetail, action: string): string {
  const id = actionButton(el, action).getAttribute('aria-describedby');
  if (!id) return '';
  return el.shadowRoot!.getElementById(id)?.textContent?.trim() ?? '';
}

export function badgeText(el: VmDetail): string {
  return q(el, '[part="status-badge"]').textContent!.replace(/\s+/g, ' ').trim();
}

export function connState(el: VmDetail): string {
  return qMaybe(el, '.conn')?.getAttribute('data-state') ?? '';
}

/** Waits until the socket is live and the server has said the VM's status. */
export async function live(el: VmDetail, status?: string): Promise<void> {
  const ok = () => connState(el) === 'live' && el.status !== undefined && (status === undefined || el.status === status);
  const until = Date.now() + 8000;
  while (!ok()) {
    if (Date.now() > until) {
      const text = (sel: string) => qMaybe(el, sel)?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 200);
      throw new Error(
        `never live${status ? ` with status ${status}` : ''}: conn "${text('.conn')}", status ${String(el.status)}, ` +
          `banner "${text('[part="banner"]')}", overview "${text('#panel-overview')}"`,
      );
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await el.updateComplete;
}

export function outcome(el: VmDetail): { ok: boolean; text: string } | null {
  const o = qMaybe(el, '.outcome');
  return o ? { ok: o.getAttribute('data-ok') === 'true', text: o.textContent!.replace(/\s+/g, ' ').trim() } : null;
}

export async function waitOutcome(el: VmDetail): Promise<{ ok: boolean; text: string }> {
  await waitUntil(() => outcome(el) !== null, 'no outcome shown', { timeout: 5000 });
  return outcome(el)!;
}

export function bannerText(el: VmDetail): string {
  const b = qMaybe(el, '[part="banner"]');
  return !b || b.hidden ? '' : b.textContent!.replace(/\s+/g, ' ').trim();
}

/** Clicks an action, and confirms in the dialog when one opens. */
export async function clickAction(el: VmDetail, action: string, confirm: 'ok' | 'cancel' | 'none' = 'none'): Promise<void> {
  actionButton(el, action).click();
  if (confirm === 'none') return;
  await waitUntil(() => qMaybe<HTMLDialogElement>(el, 'dialog')?.open === true, 'the confirmation did not open');
  q<HTMLButtonElement>(el, `dialog [data-confirm="${confirm}"]`).click();
  await el.updateComplete;
}

/**
 * Records the first render in which `action` showed progress (a transition can finish within one
 * polling interval, so this watches mutations instead of polling).
 */
export function watchProgress(el: VmDetail, action: string): { seen: { label: string; othersEnabled: string[] } | null } {
  const out: { seen: { label: string; othersEnabled: string[] } | null } = { seen: null };
  const check = () => {
    if (out.seen) return;
    const b = qMaybe(el, `[data-action="${action}"]`);
    if (b?.getAttribute('aria-busy') !== 'true') return;
    out.seen = {
      label: b.textContent!.trim(),
      othersEnabled: ['start', 'stop', 'restart', 'suspend', 'resume'].filter((a) => isEnabled(el, a)),
    };
    mo.disconnect();
  };
  const mo = new MutationObserver(check);
  mo.observe(el.shadowRoot!, { subtree: true, attributes: true, childList: true, characterData: true });
  return out;
}
