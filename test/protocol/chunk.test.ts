/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { chunkConsoleInput, encode, MAX_CLIENT_FRAME_BYTES } from '../../src/protocol/index.js';

const frameBytes = (content: string) =>
  new TextEncoder().encode(encode({ type: 'console_input', data: { content } })).length;

function check(text: string): string[] {
  const chunks = chunkConsoleInput(text);
  expect(chunks.join('')).to.equal(text);
  chunks.forEach((c, i) => {
    expect(frameBytes(c)).to.be.at.most(MAX_CLIENT_FRAME_BYTES);
    expect(c.length).to.be.greaterThan(0);
    // No boundary falls between the two halves of a surrogate pair.
    if (i > 0) {
      const prevLast = chunks[i - 1]!.charCodeAt(chunks[i - 1]!.length - 1);
      const first = c.charCodeAt(0);
      expect(prevLast >= 0xd800 && prevLast <= 0xdbff && first >= 0xdc00 && first <= 0xdfff).to.equal(false);
    }
  });
  return chunks;
}

describe('chunkConsoleInput', () => {
  it('keeps a short input in one frame', () => {
    expect(check('ls -la\r')).to.deep.equal(['ls -la\r']);
  });

  it('splits a 1 MB paste into frames of at most 8192 bytes, in order', () => {
    const text = Array.from({ length: 60000 }, (_, i) => `line ${i} "quoted" \\ tab\t\r\n`).join('').slice(0, 1024 * 1024);
    expect(text.length).to.equal(1024 * 1024);
    const chunks = check(text);
    expect(chunks.length).to.be.greaterThan(128);
    // Uses the budget well: only the last frame may be much smaller than the limit.
    for (const c of chunks.slice(0, -1)) expect(frameBytes(c)).to.be.greaterThan(MAX_CLIENT_FRAME_BYTES - 8);
  });

  it('fills a frame to exactly 8192 bytes when the content allows', () => {
    const chunks = check('a'.repeat(20000));
    expect(frameBytes(chunks[0]!)).to.equal(MAX_CLIENT_FRAME_BYTES);
  });

  it('never splits a surrogate pair or a multi-byte character', () => {
    const text = '😀é中'.repeat(5000);
    const chunks = check(text);
    for (const c of chunks) {
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(c))).to.equal(c);
      const last = c.charCodeAt(c.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).to.equal(false);
    }
  });

  it('counts JSON escapes: control characters take six bytes each', () => {
    const text = '\u0001'.repeat(5000);
    const chunks = check(text);
    expect(chunks.length).to.equal(4);
  });

  it('survives lone surrogates, which JSON.stringify escapes', () => {
    check('\ud800x\udc00'.repeat(3000));
  });
});
