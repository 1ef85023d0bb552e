/**
 * Registers an element unless its tag is taken. A second copy of the library on one page (two
 * widgets bundled separately) must not crash the page with "already defined": the first copy
 * wins, and the warning names both versions so the host knows which one runs.
 */
import { VERSION } from '../version.js';

const VERSION_KEY = Symbol.for('libgo-vm-elements:version');

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) {
      const theirs = (existing as unknown as Record<symbol, string>)[VERSION_KEY] ?? 'unknown';
      console.warn(
        `libgo-vm-elements ${VERSION}: <${tag}> is already defined by libgo-vm-elements ${theirs}; keeping that one. ` +
          'Load the library once per page to avoid running two copies.',
      );
    }
    return;
  }
  Object.defineProperty(ctor, VERSION_KEY, { value: VERSION });
  customElements.define(tag, ctor);
}
