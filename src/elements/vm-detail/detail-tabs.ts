/**
 * The Overview / Monitoring / Console tabs (WAI-ARIA tabs: arrow keys, Home and End move, through
 * the library's one roving rule, internal/roving-index.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../internal/msg.js';

export type VmDetailTab = 'overview' | 'monitoring' | 'console';
export const TABS: readonly VmDetailTab[] = ['overview', 'monitoring', 'console'];
const tabLabel = (t: VmDetailTab): string =>
  t === 'overview' ? msg('Overview', { id: 'detail.tab.overview' }) : t === 'monitoring' ? msg('Monitoring', { id: 'detail.tab.monitoring' }) : msg('Console', { id: 'detail.tab.console' });

/**
 * One tab button; `locked`: shown, but its panel says why it is not available, and `lock` (the
 * words and icon that say so on the tab) follows it.
 */
export function renderTab(t: VmDetailTab, selected: boolean, locked: boolean, select: (t: VmDetailTab) => void, lock: unknown = nothing): TemplateResult {
  return html`<button
    part="tab"
    role="tab"
    id="tab-${t}"
    class="tab ${locked ? 'locked' : ''}"
    aria-selected=${selected ? 'true' : 'false'}
    aria-controls="panel-${t}"
    tabindex=${selected ? '0' : '-1'}
    @click=${() => select(t)}
  >
    ${tabLabel(t)}${locked ? lock : nothing}
  </button>`;
}
