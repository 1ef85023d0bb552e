/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { downloadText, transcriptFileName } from '../../../src/elements/vm-console/transcript.js';

describe('transcript file', () => {
  it('is named after the VM, made safe for a file name, and the time', () => {
    const at = new Date('2026-12-01T07:03:56.789Z');
    const table: [string, string][] = [
      ['web-01', 'web-01-console-2026-12-01T07-03-56.txt'],
      ['', 'console-console-2026-12-01T07-03-56.txt'],
      ['a b/c:d', 'a_b_c_d-console-2026-12-01T07-03-56.txt'],
      ['db.v2_x', 'db.v2_x-console-2026-12-01T07-03-56.txt'],
    ];
    expect(table.map(([name]) => transcriptFileName(name, at))).to.deep.equal(table.map((r) => r[1]));
  });

  it('downloads as a UTF-8 text file through a link that does not stay', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    let got: { name: string; type: string; text: string } | null = null;
    const clicks: Promise<void>[] = [];
    parent.addEventListener('click', (e) => {
      const a = e.target as HTMLAnchorElement;
      e.preventDefault();
      clicks.push(
        fetch(a.href)
          .then((r) => r.blob())
          .then(async (b) => {
            got = { name: a.download, type: b.type, text: await b.text() };
          }),
      );
    });
    downloadText(parent, 'x.txt', 'héllo\n');
    await Promise.all(clicks);
    const file = got as { name: string; type: string; text: string } | null;
    expect(file && { name: file.name, text: file.text }).to.deep.equal({ name: 'x.txt', text: 'héllo\n' });
    // Chromium 150 drops the charset parameter when a blob: URL is fetched back; 156 keeps it.
    expect(file?.type).to.match(/^text\/plain(;charset=utf-8)?$/);
    expect(parent.children.length, 'the link is removed').to.equal(0);
  });
});
