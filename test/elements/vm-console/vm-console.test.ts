// <vm-console> against the in-page LibGo peer (real xterm.js; the subject is the element, not the
// network: real sockets are backpressure.test.ts's and test/integration's).
import { sendKeys } from '@web/test-runner-commands';
import { expect, oneEvent } from '@open-wc/testing';
import { floodText } from '../../../src/testing/sim/flood-text.js';
import { utf8Length } from '../../../src/hub/index.js';
import { leaseConsole } from '../../../src/hub/console.js';
import type { InPagePeer } from '../../../src/testing/index.js';
import { connected, consoleFrame, disposeHubs, loginShell, makeHub, mount, peerFor, shadowText, until } from './helpers.js';

describe('<vm-console> against the in-page peer', function () {
  this.timeout(30_000);
  let peer: InPagePeer;

  beforeEach(() => {
    peer = peerFor();
  });
  afterEach(() => {
    disposeHubs();
    peer.close();
  });

  it('connects, shows the guest output and fires vm-console-connect', async () => {
    const { hub } = await makeHub(peer);
    const wait = new Promise<CustomEvent>((resolve) => document.addEventListener('vm-console-connect', (e) => resolve(e), { once: true }));
    const { el } = await mount(peer, { hub: { hub, sent: [] } });
    const event = await wait;
    expect(event.detail).to.deep.equal({ vmName: 'web-01' });
    expect(event.bubbles && event.composed).to.equal(true);
    await connected(el);
    expect(shadowText(el, '[part="status-pill"]')).to.equal('Connected');
    // A silent serial console says how to get a prompt instead of showing an empty black box.
    await until(() => shadowText(el, '[part="hint"]').includes('press Enter'), 'the hint');
    await expect(el).to.be.accessible();
    await el.session!.sendInput('\r');
    await until(() => el.getTranscript().includes('web-01 login:'), 'the login prompt');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="hint"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('makes the toolbar one tab stop: arrows, Home and End move within it, Tab leaves it', async () => {
    const { el } = await mount(peer);
    await connected(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const enabled = () =>
      [...root.querySelectorAll<HTMLButtonElement>('.toolbar .tools > button, .toolbar .tools .menu-anchor > button')].filter((b) => !b.disabled);
    const stops = () => enabled().filter((b) => b.tabIndex === 0);
    const buttons = enabled();
    expect(buttons.length).to.be.greaterThan(3);
    expect(stops()).to.deep.equal([buttons[0]]);
    buttons[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(root.activeElement).to.equal(buttons[1]);
    await sendKeys({ press: 'End' });
    expect(root.activeElement).to.equal(buttons.at(-1));
    await sendKeys({ press: 'ArrowRight' });
    expect(root.activeElement, 'wraps around').to.equal(buttons[0]);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    // The stop follows the button used last, so Tab back into the toolbar returns to it.
    expect(stops()).to.deep.equal([buttons[1]]);
    await sendKeys({ press: 'Tab' });
    expect(buttons.includes(root.activeElement as HTMLButtonElement), 'Tab leaves the toolbar').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('writes output that arrived before the terminal existed once, in order, and continues without duplicates after a move', async () => {
    const { hub, sent } = await makeHub(peer);
    // The session exists (and receives output) before any element, so before xterm is ready.
    const lease = leaseConsole(hub, 'web-01');
    await until(() => lease.session.connection.state === 'open', 'the early socket');
    const early = Array.from({ length: 50 }, (_, i) => `early line ${String(i).padStart(3, '0')}\r\n`);
    for (const line of early) peer.faults.sendRaw('web-01', consoleFrame(line), 'console');
    await until(() => lease.session.replayBytes >= early.join('').length, 'the replay buffer to fill');
    const { el } = await mount(peer, { hub: { hub, sent } });
    lease.release();
    await el.flushed();
    const text = el.getTranscript();
    for (let i = 0; i < early.length; i++) expect(text.split(early[i]!.trim()).length - 1, `line ${i} once`).to.equal(1);
    const positions = early.map((l) => text.indexOf(l.trim()));
    expect([...positions].sort((a, b) => a - b)).to.deep.equal(positions);

    // Move the element elsewhere in the DOM: it re-attaches where it stopped.
    const other = document.createElement('div');
    el.parentElement!.appendChild(other);
    other.appendChild(el);
    peer.faults.sendRaw('web-01', consoleFrame('after the move\r\n'), 'console');
    await until(() => el.getTranscript().includes('after the move'), 'output after the move');
    await el.flushed();
    const after = el.getTranscript();
    expect(after.split('early line 000').length - 1).to.equal(1);
    expect(after.split('after the move').length - 1).to.equal(1);
  });

  it('shows a burst of 10,000 messages complete and in order, batched into far fewer terminal writes', async () => {
    const { el } = await mount(peer);
    el.scrollback = 20_000;
    await loginShell(el);
    const term = el.terminal!;
    let writes = 0;
    const write = term.write.bind(term);
    term.write = ((data: string | Uint8Array, cb?: () => void) => {
      writes++;
      write(data, cb);
    }) as typeof term.write;
    const total = 10_000 * 80;
    await el.session!.sendInput(`flood ${total} 80\r`);
    // The prompt after the flood.
    const t0 = performance.now();
    try {
      await until(() => /00010000 \S+\nroot@web-01:~# ?$/.test(el.getTranscript()), 'the flood to finish', 20_000);
    } finally {
      console.log(`flood of 10,000 messages: ${Math.round(performance.now() - t0)} ms, ${writes} terminal writes`);
    }
    await el.flushed();
    const lines = el.getTranscript().split('\n');
    const first = lines.findIndex((l) => l.startsWith('00000001 '));
    expect(first, 'first flood line').to.be.greaterThan(-1);
    const expected = floodText(total).split('\r\n').slice(0, -1);
    expect(lines.slice(first, first + expected.length)).to.deep.equal(expected);
    expect(el.droppedBytes).to.equal(0);
    expect(writes, 'terminal writes for 10,000 messages').to.be.lessThan(10_000);
  });

  it('sends a 1 MB paste intact, in frames of at most 8192 bytes', async () => {
    const { el, sent } = await mount(peer);
    await loginShell(el);
    // Printable text with multi-byte characters, no line breaks (so no confirmation): the guest echoes it.
    const unit = 'abcdefghijklmnopqrstuvwxyz0123456789 éß€ 日本 🚀 ';
    const text = unit.repeat(Math.ceil((1024 * 1024) / utf8Length(unit)));
    let echoed = '';
    const attachment = el.session!.attach({ write: (t) => (echoed += t) }, el.session!.replayBytes > 0 ? Number.MAX_SAFE_INTEGER : 0);
    const before = sent.length;
    el.paste(text);
    const t0 = performance.now();
    try {
      await until(() => echoed.length >= text.length, 'the echo of the whole paste', 20_000);
    } finally {
      console.log(`1 MB paste echoed: ${Math.round(performance.now() - t0)} ms, ${sent.length - before} frames`);
    }
    attachment.detach();
    expect(echoed.slice(0, text.length)).to.equal(text);
    const frames = sent.slice(before);
    expect(frames.length).to.be.greaterThan(128);
    for (const f of frames) expect(utf8Length(f)).to.be.at.most(8192);
    expect(frames.map((f) => (JSON.parse(f) as { data: { content: string } }).data.content).join('')).to.equal(text);
    expect(el.session!.connection.state).to.equal('open');
  });

  it('asks before a multi-line paste, and pastes with CR line ends only when confirmed', async () => {
    const { el, inputs } = await mount(peer);
    await connected(el);
    el.paste('echo one\necho two\n');
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('[role="dialog"]')!;
    expect(dialog, 'confirmation dialog').to.exist;
    expect(dialog.textContent).to.contain('Paste 2 lines?');
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('paste-confirm');
    await expect(el).to.be.accessible();
    // Escape cancels: nothing is sent.
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="dialog"]')).to.equal(null);
    expect(inputs().join('')).to.equal('');
    el.paste('echo one\necho two\n');
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="paste-confirm"]')!.click();
    await until(() => inputs().join('') === 'echo one\recho two\r', 'the confirmed paste');
    // confirm-paste="false" pastes straight away.
    el.setAttribute('confirm-paste', 'false');
    await el.updateComplete;
    el.paste('a\nb');
    await until(() => inputs().join('').endsWith('a\rb'), 'the unconfirmed paste');
    expect(el.shadowRoot!.querySelector('[role="dialog"]')).to.equal(null);
  });

  it('wraps a paste in bracketed-paste markers when the guest enabled them', async () => {
    const { el, inputs } = await mount(peer, { attrs: '' });
    await connected(el);
    el.confirmMultilinePaste = false;
    // The guest turns bracketed paste on (DECSET 2004).
    peer.faults.sendRaw('web-01', consoleFrame('\x1b[?2004h'), 'console');
    await until(() => el.terminal!.modes.bracketedPasteMode, 'bracketed paste mode');
    el.paste('line 1\nline 2');
    await until(() => inputs().join('').length > 0, 'the paste');
    expect(inputs().join('')).to.equal('\x1b[200~line 1\rline 2\x1b[201~');
  });

  it('sends the documented bytes for special keys, from the API and the menu', async () => {
    const { el, inputs } = await mount(peer);
    await connected(el);
    const cases: [string, string][] = [
      ['ctrl-c', '\x03'],
      ['ctrl-d', '\x04'],
      ['ctrl-z', '\x1a'],
      ['ctrl-backslash', '\x1c'],
      ['esc', '\x1b'],
      ['tab', '\t'],
      ['up', '\x1b[A'],
      ['left', '\x1b[D'],
      ['home', '\x1b[H'],
      ['pgup', '\x1b[5~'],
      ['pgdn', '\x1b[6~'],
      ['f1', '\x1bOP'],
      ['f5', '\x1b[15~'],
      ['f12', '\x1b[24~'],
      ['ctrl-alt-del', '\x1b[3;7~'],
    ];
    for (const [id] of cases) await el.sendKey(id);
    await until(() => inputs().length >= cases.length, 'all keys');
    expect(inputs()).to.deep.equal(cases.map(([, bytes]) => bytes));
    // Application cursor keys (DECCKM) switch arrows and Home/End to SS3.
    peer.faults.sendRaw('web-01', consoleFrame('\x1b[?1h'), 'console');
    await until(() => el.terminal!.modes.applicationCursorKeysMode, 'application cursor mode');
    await el.sendKey('up');
    await until(() => inputs().length === cases.length + 1, 'the arrow');
    expect(inputs().at(-1)).to.equal('\x1bOA');
    await el.sendKey('nope').then(
      () => expect.fail('an unknown key must be rejected'),
      (e: Error) => expect(e.message).to.contain('Unknown special key'),
    );
    // The menu: open, pick F5.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="keys"]')!.click();
    await el.updateComplete;
    const menu = el.shadowRoot!.querySelector('[role="menu"]')!;
    expect(menu).to.exist;
    await expect(el).to.be.accessible();
    menu.querySelector<HTMLButtonElement>('[data-key="f5"]')!.click();
    await until(() => inputs().length === cases.length + 2, 'the menu key');
    expect(inputs().at(-1)).to.equal('\x1b[15~');
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
  });

  it('sends typed input, and blocks all input when read-only', async () => {
    const { el, inputs } = await mount(peer);
    await connected(el);
    el.terminal!.input('ls');
    await until(() => inputs().join('') === 'ls', 'typed input');
    el.readOnly = true;
    await el.updateComplete;
    el.terminal!.input('x');
    el.paste('pasted');
    await el.sendKey('ctrl-c');
    await new Promise((r) => setTimeout(r, 150));
    expect(inputs().join('')).to.equal('ls');
    expect(shadowText(el, '[part~="notice"]')).to.contain('read-only');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="keys"]')!.disabled).to.equal(true);
    expect(shadowText(el, '[part="toolbar"]')).to.contain('Read-only');
  });

  it('follows its container size (cols/rows), and does not take a size while hidden', async () => {
    const { el } = await mount(peer);
    await until(() => el.cols > 20, 'a fitted size');
    const { cols, rows } = el;
    el.style.width = '500px';
    el.style.height = '300px';
    // ResizeObserver fires with rendering; a background tab (the runner may use one) renders
    // nothing, so there the test fits by hand.
    const fitIfHidden = () => (document.hidden ? el.fit() : undefined);
    await until(() => (fitIfHidden(), el.cols < cols && el.rows < rows), 'a smaller size');
    const small = { cols: el.cols, rows: el.rows };
    el.style.display = 'none';
    await new Promise((r) => setTimeout(r, 100));
    expect({ cols: el.cols, rows: el.rows }).to.deep.equal(small);
    el.style.width = '900px';
    el.style.display = '';
    await until(() => (fitIfHidden(), el.cols > small.cols), 'the size after becoming visible');
  });

  it('drops the OLDEST pending output beyond maxPendingBytes, with one visible marker', async () => {
    const { el } = await mount(peer);
    await connected(el);
    await el.flushed();
    el.maxPendingBytes = 4096;
    await el.updateComplete;
    // 20 messages of 1000 bytes in one frame: they reach the queue within one task, before a flush.
    const messages = Array.from({ length: 20 }, (_, i) => `msg-${String(i).padStart(2, '0')} ${'x'.repeat(991)}\r\n`);
    peer.faults.sendRaw('web-01', messages.map((m) => consoleFrame(m)).join('\n'), 'console');
    await until(() => el.getTranscript().includes('msg-19'), 'the newest message');
    await el.flushed();
    const text = el.getTranscript();
    // msg-00 found the terminal idle and was written at once; 01–15 waited and are over the bound.
    expect(el.droppedBytes).to.equal(15 * 1000);
    expect(text).to.contain('[… 14.6 KiB of output dropped');
    expect(text.split('output dropped').length - 1).to.equal(1);
    expect(text.indexOf('msg-00 ')).to.be.within(0, text.indexOf('output dropped'));
    for (let i = 1; i < 16; i++) expect(text).not.to.contain(`msg-${String(i).padStart(2, '0')} `);
    const kept = [16, 17, 18, 19].map((i) => text.indexOf(`msg-${i} `));
    expect(kept.every((p) => p > text.indexOf('output dropped'))).to.equal(true);
    expect([...kept].sort((a, b) => a - b)).to.deep.equal(kept);
  });

  it('reports a disconnect once with a countdown, reconnects, and fires the events', async () => {
    const { el } = await mount(peer);
    await connected(el);
    const disconnected = oneEvent(el, 'vm-console-disconnect');
    peer.faults.dropConnections('web-01');
    const ev = await disconnected;
    expect(ev.detail.vmName).to.equal('web-01');
    await el.updateComplete;
    expect(shadowText(el, '[part~="notice"]')).to.match(/Disconnected — reconnect/);
    expect(el.getTranscript()).not.to.contain('Disconnected');
    await oneEvent(el, 'vm-console-connect');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="notice"]')).to.equal(null);
  });

  it('says the VM stopped and the guest closed the console (EOF), in the status strip', async () => {
    const { el } = await mount(peer);
    await connected(el);
    const eof = oneEvent(el, 'vm-console-eof');
    peer.faults.setVmStatus('web-01', 'stopped');
    expect((await eof).detail.vmName).to.equal('web-01');
    await until(() => shadowText(el, '[part="status-pill"]') === 'VM stopped', 'the stopped pill');
    await el.updateComplete;
    expect(shadowText(el, '[part~="notice"]')).to.match(/VM stopped|EOF/);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.match(/\S/);
  });

  it('shows "VM stopped" for a VM that is not running (db-01)', async () => {
    const { el } = await mount(peer, { vm: 'db-01' });
    await connected(el);
    await until(() => shadowText(el, '[part="status-pill"]') === 'VM stopped', 'the stopped state');
    await el.updateComplete;
    expect(shadowText(el, '[part~="notice"]')).to.contain('VM stopped');
    await expect(el).to.be.accessible();
  });

  it('is read-only with a clear message for a viewer (no console permission)', async () => {
    const { el, inputs } = await mount(peer, { user: 'viewer' });
    await until(() => el.shadowRoot!.querySelector('.overlay') !== null, 'the permission message');
    expect(shadowText(el, '.overlay')).to.contain('No console permission');
    expect(el.effectiveReadOnly).to.equal(true);
    await until(() => el.session!.connection.state === 'unauthorized', 'the refused socket');
    expect(el.session!.connection.lastError?.code).to.equal('PERMISSION_DENIED');
    expect(shadowText(el, '[part="status-pill"]')).to.equal('No permission');
    el.paste('x');
    expect(inputs()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('switches VMs and back without duplicating output', async () => {
    // The session lingers after the switch, so its replay still holds the marker.
    const { el } = await mount(peer, { hub: await makeHub(peer, 'admin', 10_000) });
    await connected(el);
    peer.faults.sendRaw('web-01', consoleFrame('marker of web-01\r\n'), 'console');
    await until(() => el.getTranscript().includes('marker of web-01'), 'web-01 output');
    el.vmName = 'build-01';
    await until(() => el.session?.vmName === 'build-01' && el.session.connection.state === 'open', 'build-01');
    await el.flushed();
    expect(el.getTranscript()).not.to.contain('marker of web-01');
    el.vmName = 'web-01';
    await until(() => el.session?.vmName === 'web-01' && el.session.connection.state === 'open', 'web-01 again');
    await el.flushed();
    expect(el.getTranscript().split('marker of web-01').length - 1).to.equal(1);
  });

  it('searches the scrollback, downloads the transcript, clears, and freezes while scrolled up', async () => {
    const { el } = await mount(peer);
    await connected(el);
    const lines = Array.from({ length: 120 }, (_, i) => `row ${i} needle-${i % 7 === 0 ? 'yes' : 'no'}`).join('\r\n') + '\r\n';
    peer.faults.sendRaw('web-01', consoleFrame(lines), 'console');
    await until(() => el.getTranscript().includes('row 119'), 'the rows');
    await el.flushed();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="search"]')!.click();
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="search"] input')!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    input.value = 'needle-yes';
    input.dispatchEvent(new Event('input'));
    expect(el.search('no-such-needle')).to.equal(false);
    expect(el.search('needle-yes')).to.equal(true);
    // The count comes from xterm's decorations, which render only while the page is visible
    // (the runner may run this file in a background tab).
    if (!document.hidden) await until(() => shadowText(el, '[part="search"] .count').includes('of 18'), 'the match count');
    await expect(el).to.be.accessible();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="search"]')).to.equal(null);

    // Scrolling up freezes the view; new output does not move it; "Jump to latest" returns.
    el.terminal!.scrollLines(-50);
    await until(() => el.shadowRoot!.querySelector('[data-action="jump"]') !== null, 'the jump button');
    const top = el.terminal!.buffer.active.viewportY;
    peer.faults.sendRaw('web-01', consoleFrame('more\r\nand more\r\n'), 'console');
    await until(() => el.getTranscript().includes('and more'), 'new output');
    await el.flushed();
    expect(el.terminal!.buffer.active.viewportY).to.equal(top);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="jump"]')!.click();
    await el.updateComplete;
    const b = el.terminal!.buffer.active;
    expect(b.viewportY).to.equal(b.baseY);

    // Download: a .txt Blob through a temporary <a download>.
    let downloaded: { name: string; text: Promise<string> } | null = null;
    const origCreate = URL.createObjectURL;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = origCreate(obj);
      blobs.set(url, obj as Blob);
      return url;
    };
    const onClick = (e: Event) => {
      const a = e.composedPath()[0] as HTMLAnchorElement;
      if (a instanceof HTMLAnchorElement && a.download) {
        e.preventDefault();
        downloaded = { name: a.download, text: blobs.get(a.href)!.text() };
      }
    };
    el.shadowRoot!.addEventListener('click', onClick, true);
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="download"]')!.click();
    } finally {
      URL.createObjectURL = origCreate;
      el.shadowRoot!.removeEventListener('click', onClick, true);
    }
    expect(downloaded).to.not.equal(null);
    const file = downloaded as unknown as { name: string; text: Promise<string> };
    expect(file.name).to.match(/^web-01-console-.*\.txt$/);
    const content = await file.text;
    expect(content).to.contain('row 0 needle-yes\nrow 1 needle-no');
    expect(content).to.contain('and more');

    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="clear"]')!.click();
    await el.flushed();
    expect(el.getTranscript()).not.to.contain('row 5 ');
  });

  it('applies the --vm-console-* palette and font, re-read when the theme attribute changes', async () => {
    const { el } = await mount(peer);
    el.style.setProperty('--vm-console-background', '#102030');
    el.style.setProperty('--vm-console-red', '#ff0000');
    el.style.setProperty('--vm-console-font-size', '17px');
    el.theme = 'light';
    await el.updateComplete;
    expect(el.terminal!.options.theme!.background).to.equal('#102030');
    expect(el.terminal!.options.theme!.red).to.equal('#ff0000');
    expect(el.terminal!.options.fontSize).to.equal(17);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="font-larger"]')!.click();
    await el.updateComplete;
    expect(el.terminal!.options.fontSize).to.equal(18);
    el.screenReader = true;
    await el.updateComplete;
    expect(el.terminal!.options.screenReaderMode).to.equal(true);
  });
});

describe('<vm-console> without a server', () => {
  let peer: InPagePeer;
  beforeEach(() => {
    peer = peerFor();
  });
  afterEach(() => {
    disposeHubs();
    peer.close();
  });

  it('says so when no VM is named, and is accessible', async () => {
    const { el } = await mount(peer, { vm: '' });
    await el.updateComplete;
    expect(shadowText(el, '.overlay')).to.contain('No VM selected');
    await expect(el).to.be.accessible();
  });
});
