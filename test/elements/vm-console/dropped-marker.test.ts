/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { droppedMarker } from '../../../src/elements/vm-console/dropped-marker.js';
import { droppedMarker as fromElement } from '../../../src/elements/vm-console/vm-console.js';

describe('dropped-output marker (dropped-marker.ts)', () => {
  it('is a line of its own in dim inverse text that says how much was dropped, attributes reset around it', () => {
    const m = droppedMarker(2048);
    expect(m.startsWith('\x1b[0m\r\n\x1b[2;7m[… ')).to.equal(true);
    expect(m.endsWith(' …]\x1b[0m\r\n')).to.equal(true);
    expect(m).to.contain(' of output dropped: the terminal could not keep up');
    expect(m).to.match(/\[… 2(\.0)?\sKiB\s/);
  });

  it('is still exported where it was (vm-console.ts)', () => {
    expect(fromElement(10)).to.equal(droppedMarker(10));
  });
});
