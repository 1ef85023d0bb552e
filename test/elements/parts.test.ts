// The parts every element promises in custom-elements.json, seen from a host page's CSS: a `base`
// part around everything each element renders (read from the manifest, so an element added later
// is checked without editing this file), and the deprecated part names that still style what they
// styled in 0.1 (`vm-console::part(status)` is now `::part(notice)`).
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/index.js';
import { VmHub } from '../../src/hub/vm-hub.js';
import { createInPagePeer } from '../../src/testing/index.js';

interface ManifestElement {
  tagName: string;
  cssParts?: { name: string; description?: string }[];
}

async function manifestElements(): Promise<ManifestElement[]> {
  const res = await fetch('/custom-elements.json');
  expect(res.ok, 'custom-elements.json is served').to.equal(true);
  const manifest = (await res.json()) as { modules: { declarations?: (ManifestElement & { customElement?: boolean })[] }[] };
  return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
}

/** Adds a stylesheet to the page for one test. */
function hostCss(text: string): () => void {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  return () => style.remove();
}

describe('parts', () => {
  it('every element in the manifest documents a base part and renders it around all it shows', async () => {
    const elements = await manifestElements();
    expect(elements.map((e) => e.tagName)).to.include.members(['vm-connection', 'vm-console', 'vm-detail', 'vm-metrics']);
    const undo = hostCss(elements.map((e) => `${e.tagName}::part(base) { outline: 3px dotted rgb(1, 2, 3); }`).join('\n'));
    try {
      for (const { tagName, cssParts } of elements) {
        expect(cssParts?.map((p) => p.name) ?? [], `${tagName}: @csspart base in its JSDoc`).to.include('base');
        expect(customElements.get(tagName), `${tagName} is defined by src/index.ts`).to.not.equal(undefined);
        const wrapper = await fixture<HTMLElement>(html`<div></div>`);
        const el = document.createElement(tagName) as LitElement;
        wrapper.append(el);
        await el.updateComplete;
        const root = el.shadowRoot!;
        const bases = root.querySelectorAll('[part~="base"]');
        expect(bases.length, `${tagName}: one base part`).to.equal(1);
        // Outermost: it is the shadow root's one element child (styles are adopted, not elements).
        const children = [...root.children].filter((c) => c.localName !== 'style');
        expect(children, `${tagName}: everything it renders is inside base`).to.deep.equal([bases[0]]);
        // And host CSS reaches it.
        expect(getComputedStyle(bases[0]!).outlineColor, `${tagName}::part(base) applies`).to.equal('rgb(1, 2, 3)');
      }
    } finally {
      undo();
    }
  });

  it('no part name has two meanings: each is documented once per element', async () => {
    for (const { tagName, cssParts } of await manifestElements()) {
      const names = (cssParts ?? []).map((p) => p.name);
      expect(new Set(names).size, `${tagName}: ${names.join(', ')}`).to.equal(names.length);
    }
  });

  it("vm-console's notice strip answers to ::part(notice) and, deprecated, to ::part(status)", async () => {
    const undo = hostCss(`
      vm-console::part(notice) { outline: 2px solid rgb(10, 20, 30); }
      vm-console::part(status) { text-decoration-line: underline; text-decoration-color: rgb(40, 50, 60); }
    `);
    const peer = createInPagePeer();
    const hub = new VmHub({ serverUrl: peer.serverUrl, fetch: peer.fetch, socketFactory: peer.socketFactory, tokenProvider: () => peer.login('admin') });
    try {
      const wrapper = await fixture<HTMLElement>(html`<vm-connection .hub=${hub}><vm-console vm-name="web-01" read-only></vm-console></vm-connection>`);
      const el = wrapper.querySelector('vm-console')!;
      await el.ready;
      for (let i = 0; el.session?.connection.state !== 'open'; i++) {
        if (i > 400) throw new Error('the console socket did not open');
        await new Promise((r) => setTimeout(r, 20));
      }
      // Read-only, so a paste is refused with a notice.
      el.paste('ls');
      await el.updateComplete;
      const notice = el.shadowRoot!.querySelector('[part~="notice"]');
      expect(notice, 'the notice strip').to.not.equal(null);
      expect(notice!.textContent).to.contain('The paste was not sent.');
      expect(notice!.getAttribute('part')!.split(/\s+/)).to.include.members(['notice', 'status']);
      const style = getComputedStyle(notice!);
      expect(style.outlineColor, '::part(notice)').to.equal('rgb(10, 20, 30)');
      expect(style.textDecorationColor, '::part(status), the 0.1 name').to.equal('rgb(40, 50, 60)');
      // The pill keeps its own name: `status-pill` is the connection state, not the notice.
      expect(el.shadowRoot!.querySelectorAll('[part~="status"]')).to.have.length(1);
    } finally {
      undo();
      hub.dispose();
      peer.close();
    }
  });
});
