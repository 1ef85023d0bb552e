/// <reference types="mocha" />
// observeWhileRendered: an element whose content the browser skips (`content-visibility: auto`,
// far off screen) is not held by the page-wide intersection observer, and is again once rendered.
import { expect, waitUntil } from '@open-wc/testing';
import { observeWhileRendered } from '../../src/controllers/observe-while-rendered.js';

/** An observer stand-in that records what it holds (the real one's targets cannot be read). */
function recordingObserver() {
  const held = new Set<Element>();
  const calls: string[] = [];
  const observer = {
    observe: (el: Element) => {
      held.add(el);
      calls.push('observe');
    },
    unobserve: (el: Element) => {
      held.delete(el);
      calls.push('unobserve');
    },
  } as unknown as IntersectionObserver;
  return { observer, held, calls };
}

describe('observeWhileRendered (observe-while-rendered.ts)', () => {
  let spacer: HTMLElement;
  let el: HTMLElement;

  beforeEach(() => {
    // Far below the screen: the browser skips the content of an auto element there.
    spacer = Object.assign(document.createElement('div'), { style: 'height: 6000px' });
    el = document.createElement('div');
    el.style.cssText = 'content-visibility: auto; contain-intrinsic-size: auto 100px';
    el.textContent = 'tile';
    document.body.append(spacer, el);
  });

  afterEach(() => {
    spacer.remove();
    el.remove();
    scrollTo(0, 0);
  });

  it('lets go of an element while its content is skipped, says so, and observes it again once rendered', async () => {
    const { observer, held, calls } = recordingObserver();
    let skipped = 0;
    const stop = observeWhileRendered(el, observer, () => skipped++);
    expect(held.has(el), 'observed from the start').to.equal(true);
    await waitUntil(() => skipped === 1, 'told the element is skipped');
    expect(held.has(el), 'not held while skipped').to.equal(false);
    el.scrollIntoView();
    await waitUntil(() => held.has(el), 'observed again in view');
    expect(calls).to.deep.equal(['observe', 'unobserve', 'observe']);
    expect(skipped).to.equal(1);
    stop();
    expect(held.has(el)).to.equal(false);
    // Stopped: no longer listening, so scrolling away and back changes nothing.
    scrollTo(0, 0);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    el.scrollIntoView();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(calls).to.have.length(4);
    expect(skipped).to.equal(1);
  });

  it('keeps observing an element whose content is never skipped', async () => {
    el.style.cssText = '';
    const { observer, held } = recordingObserver();
    let skipped = 0;
    const stop = observeWhileRendered(el, observer, () => skipped++);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise((r) => setTimeout(r, 100));
    expect(held.has(el)).to.equal(true);
    expect(skipped).to.equal(0);
    stop();
  });
});
