/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { PageListenersController, mediaQuery } from '../../src/controllers/page-listeners-controller.js';

class ProbeListeners extends LitElement {
  heard: string[] = [];
  target = new EventTarget();
  readonly listeners = new PageListenersController(this)
    .on(() => document, 'probe-ping', () => this.heard.push('document'))
    .on(() => this.target, 'probe-ping', () => this.heard.push('target'))
    .on(() => null, 'probe-ping', () => this.heard.push('never'))
    .on(() => window, 'probe-ping', () => this.heard.push('window capture'), { capture: true })
    .onVisibility((hidden) => this.heard.push(`hidden=${hidden}`));
}
customElements.define('probe-listeners', ProbeListeners);

const ping = () => {
  document.dispatchEvent(new Event('probe-ping'));
  document.dispatchEvent(new Event('visibilitychange'));
};

describe('PageListenersController', () => {
  it('listens while the host is connected, and not before or after', async () => {
    const el = document.createElement('probe-listeners') as ProbeListeners;
    ping();
    expect(el.heard, 'before connecting').to.deep.equal([]);
    const parent = await fixture(html`<div></div>`);
    parent.append(el);
    ping();
    el.target.dispatchEvent(new Event('probe-ping'));
    expect(el.heard).to.deep.equal(['window capture', 'document', `hidden=${document.hidden}`, 'target']);
    el.remove();
    el.heard = [];
    ping();
    el.target.dispatchEvent(new Event('probe-ping'));
    expect(el.heard, 'after removal').to.deep.equal([]);
  });

  it('reads its target anew on every connect, and adds a listener given while connected', async () => {
    const el = await fixture<ProbeListeners>(html`<probe-listeners></probe-listeners>`);
    const parent = el.parentElement!;
    el.remove();
    const old = el.target;
    el.target = new EventTarget();
    parent.append(el);
    el.listeners.on(() => document, 'probe-late', () => el.heard.push('late'));
    old.dispatchEvent(new Event('probe-ping'));
    el.target.dispatchEvent(new Event('probe-ping'));
    document.dispatchEvent(new Event('probe-late'));
    expect(el.heard).to.deep.equal(['target', 'late']);
  });

  it('tells a media query change', async () => {
    const heard: boolean[] = [];
    await emulateMedia({ colorScheme: 'light' });
    const el = await fixture<ProbeListeners>(html`<probe-listeners></probe-listeners>`);
    el.listeners.onMediaQuery('(prefers-color-scheme: dark)', (m) => heard.push(m));
    try {
      await emulateMedia({ colorScheme: 'dark' });
      await until(() => heard.length > 0);
      expect(heard).to.deep.equal([true]);
      expect(mediaQuery('(prefers-color-scheme: dark)')?.matches).to.be.true;
      el.remove();
      await emulateMedia({ colorScheme: 'light' });
      await new Promise((r) => setTimeout(r, 100));
      expect(heard, 'after removal').to.deep.equal([true]);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});

async function until(check: () => boolean): Promise<void> {
  const end = performance.now() + 5000;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 15));
  }
}
