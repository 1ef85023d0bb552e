// `no-paste-confirm` (a boolean attribute that defaults to false, like every boolean attribute)
// and its deprecated opposite `confirm-paste`, kept for 0.1 pages: attribute and property, both
// ways, and what the user sees when pasting. Against the in-page LibGo peer: the subject is the
// element's API, not the socket.
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import '../../../src/elements/vm-console/vm-console.define.js';
import type { VmConsole } from '../../../src/elements/vm-console/vm-console.js';
import { VmHub } from '../../../src/hub/vm-hub.js';
import { createInPagePeer, type InPagePeer } from '../../../src/testing/index.js';
import type { WebSocketLike } from '../../../src/transport/socket-factory.js';
import { until } from './helpers.js';

describe('<vm-console> no-paste-confirm, and confirm-paste as its deprecated alias', function () {
  this.timeout(20_000);
  let peer: InPagePeer;
  let hub: VmHub;
  let sent: string[];

  beforeEach(() => {
    peer = createInPagePeer({ uploadBytesPerMs: Infinity });
    sent = [];
    hub = new VmHub({
      serverUrl: peer.serverUrl,
      fetch: peer.fetch,
      tokenProvider: () => peer.login('admin'),
      socketFactory: (url, protocols) => {
        const ws = peer.socketFactory(url, protocols) as WebSocketLike & { send(data: string): void };
        const send = ws.send.bind(ws);
        ws.send = (data: string) => {
          sent.push(data);
          send(data);
        };
        return ws;
      },
    });
  });
  afterEach(() => {
    hub.dispose();
    peer.close();
  });

  const inputs = () =>
    sent
      .flatMap((s) => s.split('\n'))
      .map((s) => JSON.parse(s) as { type: string; data: { content?: string } })
      .filter((m) => m.type === 'console_input')
      .map((m) => m.data.content ?? '')
      .join('');

  async function mount(attrs: { noPasteConfirm?: boolean; confirmPaste?: string } = {}): Promise<VmConsole> {
    const wrapper = await fixture<HTMLElement>(html`<vm-connection .hub=${hub}>
      <vm-console
        vm-name="web-01"
        ?no-paste-confirm=${attrs.noPasteConfirm ?? false}
        confirm-paste=${attrs.confirmPaste ?? nothing}
        style="width: 600px; height: 300px"
      ></vm-console>
    </vm-connection>`);
    const el = wrapper.querySelector('vm-console')!;
    await el.ready;
    await until(() => el.session?.connection.state === 'open', 'the console socket to open');
    return el;
  }

  /** Pastes two lines; true when they were sent at once, false when the console asked first. */
  async function pastesAtOnce(el: VmConsole): Promise<boolean> {
    const before = inputs();
    el.paste('one\ntwo');
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('[role="dialog"]');
    if (dialog) {
      expect(dialog.textContent).to.contain('Paste 2 lines?');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="paste-cancel"]')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="dialog"]'), 'the dialog closes').to.equal(null);
      expect(inputs(), 'nothing sent when cancelled').to.equal(before);
      return false;
    }
    await until(() => inputs().length > before.length, 'the paste to be sent');
    expect(inputs().slice(before.length)).to.equal('one\rtwo');
    return true;
  }

  it('asks before a multi-line paste by default: both properties say so', async () => {
    const el = await mount();
    expect(el.noPasteConfirm).to.equal(false);
    expect(el.confirmMultilinePaste).to.equal(true);
    expect(await pastesAtOnce(el)).to.equal(false);
  });

  it('no-paste-confirm pastes at once; removing it asks again', async () => {
    const el = await mount({ noPasteConfirm: true });
    expect(el.noPasteConfirm).to.equal(true);
    expect(el.confirmMultilinePaste, 'the deprecated property follows').to.equal(false);
    expect(await pastesAtOnce(el)).to.equal(true);
    el.removeAttribute('no-paste-confirm');
    await el.updateComplete;
    expect(el.noPasteConfirm).to.equal(false);
    expect(el.confirmMultilinePaste).to.equal(true);
    expect(await pastesAtOnce(el)).to.equal(false);
  });

  it('confirm-paste="false" in the markup still pastes at once (0.1 pages keep working)', async () => {
    const el = await mount({ confirmPaste: 'false' });
    expect(el.noPasteConfirm, 'the new property follows the old attribute').to.equal(true);
    expect(el.confirmMultilinePaste).to.equal(false);
    expect(await pastesAtOnce(el)).to.equal(true);
    el.setAttribute('confirm-paste', 'true');
    await el.updateComplete;
    expect(el.noPasteConfirm).to.equal(false);
    expect(await pastesAtOnce(el)).to.equal(false);
    el.setAttribute('confirm-paste', 'false');
    await el.updateComplete;
    el.removeAttribute('confirm-paste'); // absent: the 0.1 default, asking
    await el.updateComplete;
    expect(el.noPasteConfirm).to.equal(false);
    expect(await pastesAtOnce(el)).to.equal(false);
  });

  it('the properties are one setting seen from both sides', async () => {
    const el = await mount();
    el.confirmMultilinePaste = false;
    await el.updateComplete;
    expect(el.noPasteConfirm).to.equal(true);
    expect(await pastesAtOnce(el)).to.equal(true);
    el.noPasteConfirm = false;
    await el.updateComplete;
    expect(el.confirmMultilinePaste).to.equal(true);
    expect(await pastesAtOnce(el)).to.equal(false);
    el.noPasteConfirm = true;
    await el.updateComplete;
    expect(el.confirmMultilinePaste).to.equal(false);
    expect(await pastesAtOnce(el)).to.equal(true);
  });

  it('whichever attribute was set last wins', async () => {
    const el = await mount({ noPasteConfirm: true });
    el.setAttribute('confirm-paste', 'true');
    await el.updateComplete;
    expect(el.noPasteConfirm).to.equal(false);
    el.setAttribute('no-paste-confirm', ''); // present all along: setting it again is what counts
    await el.updateComplete;
    expect(el.noPasteConfirm).to.equal(true);
    expect(await pastesAtOnce(el)).to.equal(true);
  });
});
