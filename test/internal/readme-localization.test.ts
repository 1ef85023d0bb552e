/// <reference types="mocha" />
// The README's Localization snippet, run as written (its package imports pointed at src/).
import { expect } from '@open-wc/testing';
import { renderIn } from '../../src/internal/msg.js';
import { getPageLocale, setLocale } from '../../src/localize.js';
import { VM_STATUS_LABEL } from '../../src/internal/status-words.js';
import { ACTION_LABEL } from '../../src/internal/action-words.js';

describe('README: Localization', () => {
  after(() => setLocale(null));

  it('registers a locale and sets it page-wide, verbatim', async () => {
    const readme = await (await fetch('/README.md')).text();
    const section = readme.slice(readme.indexOf('## Localization'));
    const code = /```js\n([\s\S]*?)```/.exec(section)![1]!;
    const src = (path: string) => new URL(`../../src/${path}`, import.meta.url).href;
    const runnable = code
      .replace(`'libgo-vm-elements/localize'`, `'${src('localize.ts')}'`)
      .replace(`'libgo-vm-elements/vm-detail'`, `'${src('elements/vm-detail/vm-detail.define.ts')}'`);
    expect(runnable, 'only the package imports are changed').to.not.contain('libgo-vm-elements/');
    const url = URL.createObjectURL(new Blob([runnable], { type: 'text/javascript' }));
    await import(/* @vite-ignore */ url);
    expect(getPageLocale()).to.equal('fr');
    expect(renderIn('fr', () => [VM_STATUS_LABEL.running, ACTION_LABEL.stop, ACTION_LABEL.start])).to.deep.equal(['En marche', 'Arrêter', 'Start']);
    expect(customElements.get('vm-detail'), 'the element entry it imports').to.not.equal(undefined);
  });
});
