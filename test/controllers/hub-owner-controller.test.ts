/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { ContextEvent } from '@lit/context';
import { LitElement } from 'lit';
import { vmHubContext } from '../../src/context.js';
import { HubOwnerController } from '../../src/controllers/hub-owner-controller.js';
import { PermissionsController } from '../../src/controllers/permissions-controller.js';
import type { VmHub } from '../../src/hub/vm-hub.js';
import type { VmError } from '../../src/protocol/errors.js';

class Owner extends LitElement {
  server = 'http://libgo.test';
  authMode = 'query';
  wanted = true;
  errors: VmError[] = [];
  dispose = false;
  readonly owner = new HubOwnerController(this, {
    wanted: () => this.wanted,
    config: () => ({ serverUrl: this.server, authMode: this.authMode as 'query' }),
    identity: () => this.server,
    onError: (e) => this.errors.push(e),
    disposeOnDisconnect: this.dispose,
  });
}
customElements.define('hub-owner-probe', Owner);

class Disposing extends Owner {
  override dispose = true;
  readonly disposing = new HubOwnerController(this, {
    wanted: () => true,
    config: () => ({ serverUrl: this.server }),
    onError: (e) => this.errors.push(e),
    disposeOnDisconnect: true,
  });
}
customElements.define('hub-owner-disposing', Disposing);

describe('HubOwnerController', () => {
  it('builds one hub, a new one for a new identity, and none while not wanted', async () => {
    const el = await fixture<Owner>(html`<hub-owner-probe></hub-owner-probe>`);
    const first = el.owner.hub!;
    expect(first.config.serverUrl).to.equal('http://libgo.test');
    expect(el.owner.hub).to.equal(first);
    el.server = 'http://other.test';
    const second = el.owner.hub!;
    expect(second).to.not.equal(first);
    expect(second.config.serverUrl).to.equal('http://other.test');
    el.wanted = false;
    expect(el.owner.hub).to.equal(null);
  });

  it('keeps the hub in force and reports refused settings', async () => {
    const el = await fixture<Owner>(html`<hub-owner-probe></hub-owner-probe>`);
    const hub = el.owner.hub!;
    el.authMode = 'carrier-pigeon';
    el.owner.reconfigure();
    expect(el.errors.map((e) => e.code)).to.deep.equal(['INVALID_CONFIG']);
    expect(el.owner.hub).to.equal(hub);
    expect(hub.config.authMode).to.equal('query');
  });

  it('reports settings refused at first and has no hub until valid ones', async () => {
    const el = await fixture<Owner>(html`<hub-owner-probe></hub-owner-probe>`);
    el.authMode = 'nope';
    expect(el.owner.hub).to.equal(null);
    expect(el.errors).to.have.length(1);
    el.authMode = 'query';
    el.server = 'http://again.test';
    expect(el.owner.hub?.config.serverUrl).to.equal('http://again.test');
  });

  it('provides its hub to the elements inside', async () => {
    const el = await fixture<Owner>(html`<hub-owner-probe></hub-owner-probe>`);
    el.owner.provide(el.owner.hub!);
    let got: VmHub | undefined;
    const child = document.createElement('span');
    el.append(child);
    child.dispatchEvent(new ContextEvent(vmHubContext, child, (h: VmHub) => (got = h)));
    expect(got).to.equal(el.owner.hub);
  });

  it('disposes its hub when the element leaves, if asked to', async () => {
    const el = await fixture<Disposing>(html`<hub-owner-disposing></hub-owner-disposing>`);
    const hub = el.disposing.hub!;
    el.remove();
    document.body.append(el);
    expect(el.disposing.hub).to.not.equal(hub);
  });
});

class Perms extends LitElement {
  given: readonly string[] | undefined;
  hubValue: VmHub | null = null;
  readonly access = new PermissionsController(this, { given: () => this.given, hub: () => this.hubValue });
}
customElements.define('permissions-probe', Perms);

describe('PermissionsController', () => {
  const hubWith = (p: Promise<ReadonlySet<string> | null>) => ({ permissions: () => p }) as unknown as VmHub;

  it('prefers the given list, else asks the hub; unknown allows everything', async () => {
    const el = await fixture<Perms>(html`<permissions-probe></permissions-probe>`);
    expect(el.access.effective).to.equal(null);
    expect(el.access.allows('console')).to.equal(true);
    el.hubValue = hubWith(Promise.resolve(new Set(['read'])));
    el.access.refresh();
    await new Promise((r) => setTimeout(r));
    expect(el.access.allows('console')).to.equal(false);
    el.given = ['read', 'console'];
    el.access.refresh();
    expect(el.access.allows('console')).to.equal(true);
  });

  it('keeps only the newest answer', async () => {
    const el = await fixture<Perms>(html`<permissions-probe></permissions-probe>`);
    let answerOld!: (p: ReadonlySet<string>) => void;
    el.hubValue = hubWith(new Promise((r) => (answerOld = r)));
    el.access.refresh();
    el.hubValue = hubWith(Promise.resolve(new Set(['console'])));
    el.access.refresh();
    await new Promise((r) => setTimeout(r));
    answerOld(new Set(['read']));
    await new Promise((r) => setTimeout(r));
    expect(el.access.allows('console')).to.equal(true);
  });
});
