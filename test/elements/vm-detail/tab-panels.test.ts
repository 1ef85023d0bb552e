/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { renderPanel, type PanelsView } from '../../../src/elements/vm-detail/tab-panels.js';
import type { VmDetailTab } from '../../../src/elements/vm-detail/detail-tabs.js';
import { VmError } from '../../../src/protocol/errors.js';
import type { VmInfo } from '../../../src/protocol/types.js';

function view(over: Partial<PanelsView> = {}, views: Partial<PanelsView['views']> = {}): PanelsView {
  return {
    tab: 'overview',
    vmName: 'web-01',
    theme: undefined,
    views: { texts: null, overview: null, overviewState: 'idle', parts: { metrics: 'idle', console: 'idle' }, loadOverview: () => undefined, ...views },
    details: { vm: null, error: null, loading: false },
    consoleAllowed: true,
    serverUrl: '',
    copied: false,
    retryTab: () => undefined,
    refresh: () => undefined,
    copy: () => undefined,
    ...over,
  };
}

function panel(t: VmDetailTab, v: PanelsView): HTMLElement {
  const div = document.createElement('div');
  render(renderPanel(t, v), div);
  return div.firstElementChild as HTMLElement;
}

describe('<vm-detail> tab panels (tab-panels.ts)', () => {
  it('is a tabpanel labelled by its tab, hidden unless selected', () => {
    const p = panel('monitoring', view());
    expect(p.getAttribute('role')).to.equal('tabpanel');
    expect(p.id).to.equal('panel-monitoring');
    expect(p.getAttribute('aria-labelledby')).to.equal('tab-monitoring');
    expect(p.hidden).to.equal(true);
    expect(panel('overview', view()).hidden).to.equal(false);
  });

  it('the Overview: the skeleton while loading, what to set without a name, what is missing after a failure', () => {
    expect(panel('overview', view()).querySelector('.skeleton')).to.not.equal(null);
    expect(panel('overview', view({ vmName: '' })).textContent).to.contain('to show a VM');
    expect(panel('overview', view({ vmName: '' })).querySelector('code')!.textContent).to.equal('vm-name');
    const failed = view({ details: { vm: null, error: new VmError('NETWORK_ERROR', 'down'), loading: false } }, {
      texts: { explainError: () => 'The server is out of reach.' } as unknown as PanelsView['views']['texts'],
    });
    expect(panel('overview', failed).querySelector('[data-state="error"]')!.textContent).to.contain("details could not be loaded");
  });

  it('the Overview: its details once both they and their code are here, stale words beside a failed reload', () => {
    const vm = { name: 'web-01', uuid: 'u-1' } as VmInfo;
    let given: Record<string, unknown> | null = null;
    const copies: string[] = [];
    const overview = {
      render: (v: Record<string, unknown>) => {
        given = v;
        return html`<div class="overview">details</div>`;
      },
    } as unknown as PanelsView['views']['overview'];
    const explain = { explainError: (e: VmError) => `why: ${e.code}` } as unknown as PanelsView['views']['texts'];
    const v = view({ details: { vm, error: new VmError('TIMEOUT', 't'), loading: false }, copy: (u) => copies.push(u) }, { overview, texts: explain });
    expect(panel('overview', v).querySelector('.overview')!.textContent).to.equal('details');
    expect(given!['stale']).to.equal('why: TIMEOUT');
    (given!['copy'] as () => void)();
    expect(copies).to.deep.equal(['u-1']);
    expect(panel('overview', view({ details: { vm, error: null, loading: false } })).querySelector('.skeleton'), 'code not here yet').to.not.equal(null);
  });

  it('Monitoring and Console: nothing until chosen, a loading line, then their element for the VM', () => {
    expect(panel('monitoring', view()).childElementCount).to.equal(0);
    expect(panel('monitoring', view({}, { parts: { metrics: 'loading', console: 'idle' } })).textContent).to.contain('Loading the live charts');
    const metrics = panel('monitoring', view({ theme: 'dark' }, { parts: { metrics: 'ready', console: 'idle' } })).querySelector('vm-metrics')!;
    expect(metrics.getAttribute('vm-name')).to.equal('web-01');
    expect(metrics.getAttribute('theme')).to.equal('dark');
    const console = panel('console', view({}, { parts: { metrics: 'idle', console: 'ready' } })).querySelector('vm-console')!;
    expect(console.getAttribute('vm-name')).to.equal('web-01');
    expect(console.hasAttribute('theme')).to.equal(false);
  });

  it('a failed part offers its retry; a console the user may not use shows why instead', () => {
    const retries: string[] = [];
    const texts = {
      renderLoadFailed: (what: string, retry: () => void) => html`<button class="retry" @click=${retry}>${what}</button>`,
      renderConsoleLocked: (vm: string) => `locked for ${vm}`,
    } as unknown as PanelsView['views']['texts'];
    const failed = panel('console', view({ retryTab: () => retries.push('tab') }, { texts, parts: { metrics: 'idle', console: 'failed' } }));
    failed.querySelector<HTMLButtonElement>('.retry')!.click();
    expect(retries).to.deep.equal(['tab']);
    expect(panel('console', view({ consoleAllowed: false }, { texts, parts: { metrics: 'idle', console: 'ready' } })).textContent!.trim()).to.equal('locked for web-01');
    const details = panel('overview', view({ details: { vm: { name: 'web-01' } as VmInfo, error: null, loading: false } }, { texts, overviewState: 'failed', loadOverview: () => retries.push('overview') }));
    details.querySelector<HTMLButtonElement>('.retry')!.click();
    expect(retries).to.deep.equal(['tab', 'overview']);
  });
});
