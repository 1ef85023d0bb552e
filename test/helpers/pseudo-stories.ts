/// <reference types="mocha" />
/**
 * Every story of an element under the pseudo-locale: no visible English (each text a message, or
 * data the caller names), and no text clipped or spilling out of its box (the pseudo-locale is
 * 40 % longer than English, as German often is).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clippedTexts, PSEUDO, unlocalized, waitUntil } from './pseudo-locale.js';
import { storiesOf, type StoriesModule } from './stories.js';

/** The elements a story shows; each is checked with the shadow roots nested inside it. */
const ELEMENTS = 'vm-detail, vm-metrics, vm-list, vm-console';

export interface StoryCheckOptions {
  /** Data, not words (VM names, host labels, durations): see `unlocalized`. */
  data: readonly (string | RegExp)[];
  /** Containers whose text is data throughout (terminal output, table cells of server values). */
  skip?: string;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

export function describeStoriesUnderPseudoLocale(title: string, mod: StoriesModule, options: StoryCheckOptions): void {
  describe(`${title} stories under the pseudo-locale`, function () {
    this.timeout(90_000);
    const skip = ['.term, .xterm', options.skip].filter(Boolean).join(', ');
    before(async () => {
      // The viewport test-stories.mjs renders in: the stories' own widths fit inside it.
      await setViewport({ width: 1320, height: 900 });
      document.documentElement.lang = PSEUDO;
    });
    after(() => document.documentElement.removeAttribute('lang'));

    for (const story of storiesOf(mod)) {
      it(story.name, async () => {
        const canvas = document.createElement('div');
        document.body.append(canvas);
        const cleanup = await story.run(canvas, { theme: 'light', locale: PSEUDO });
        try {
          const elements = () => [...canvas.querySelectorAll(ELEMENTS)].filter((e) => !e.parentElement?.closest(ELEMENTS));
          const english = () => elements().flatMap((e) => unlocalized(e, options.data, skip));
          // Words load lazily: wait for them, then report what is still English.
          await waitUntil(() => english().length === 0, undefined, { timeout: 3000 }).catch(() => undefined);
          await frame();
          const found = [...english(), ...elements().flatMap((e) => clippedTexts(e, skip))];
          expect(found).to.deep.equal([]);
        } finally {
          cleanup();
          canvas.remove();
        }
      });
    }
  });
}
