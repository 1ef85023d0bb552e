/// <reference types="mocha" />
// A value with its unit inside a right-to-left sentence: isolated, it keeps its own order.
import { expect } from '@open-wc/testing';
import { isolate } from '../../src/internal/bidi.js';
import { pasteProgressText } from '../../src/elements/vm-console/console-input.js';

/** Where `part` of the paragraph's text is drawn, from the left. */
function leftOf(p: HTMLElement, part: string): number {
  const node = p.firstChild!;
  const at = node.textContent!.indexOf(part);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + part.length);
  return range.getBoundingClientRect().left;
}

describe('isolate', () => {
  // A Hebrew sentence, as a translation would make it ("8 GiB of memory").
  const sentence = (value: string) => `זיכרון ${value} בשימוש`;
  const paragraph = (text: string) => {
    const p = document.createElement('p');
    p.dir = 'rtl';
    p.style.cssText = 'font: 16px monospace; white-space: pre';
    p.textContent = text;
    document.body.append(p);
    return p;
  };

  it('keeps "8 GiB" whole in a right-to-left sentence (without it, the unit goes left of the number)', () => {
    const plain = paragraph(sentence('8 GiB'));
    const isolated = paragraph(sentence(isolate('8 GiB')));
    try {
      expect(leftOf(plain, 'GiB'), 'the control case: unisolated, "GiB 8"').to.be.lessThan(leftOf(plain, '8'));
      expect(leftOf(isolated, '8'), 'isolated: "8 GiB"').to.be.lessThan(leftOf(isolated, 'GiB'));
    } finally {
      plain.remove();
      isolated.remove();
    }
  });

  it('is what the elements put around a size inside a sentence', () => {
    expect(pasteProgressText(512, 2048)).to.match(/^Pasting… 25 % of \u2068[^\u2069]+ KiB\u2069$/);
  });
});
