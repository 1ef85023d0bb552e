/**
 * `<vm-detail>`'s tab panels: the Overview's details, `<vm-metrics>` and `<vm-console>`, each
 * shown once its code has loaded (lazy-views.ts), with a placeholder until then or a retry when
 * it failed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { VmError } from '../../protocol/errors.js';
import type { VmInfo } from '../../protocol/types.js';
import { kit } from '../../internal/deferred-parts.js';
import type { DeferredPart } from '../../internal/deferred-texts.js';
import { msg, str } from '../../internal/msg.js';
import { RICH, richText } from '../../internal/rich-text.js';
import type { VmDetailTab } from './detail-tabs.js';
import type { LazyViews, LoadState } from './lazy-views.js';
// The elements it renders by tag are defined by what lazy.ts imports on first show; this import
// (nothing runs) lets lit-analyzer's no-missing-import see them.
import './lazy.js';
import { renderLoading, renderSkeleton } from './panels.js';

type Content = TemplateResult | string | typeof nothing;

export interface PanelsView {
  /** The selected tab (the others are hidden). */
  tab: VmDetailTab;
  vmName: string;
  theme: 'light' | 'dark' | undefined;
  views: Pick<LazyViews, 'texts' | 'overview' | 'overviewState' | 'parts' | 'loadOverview'>;
  /** The VM's details as last read over REST (overview-load.ts). */
  details: { readonly vm: VmInfo | null; readonly error: VmError | null; readonly loading: boolean };
  consoleAllowed: boolean;
  serverUrl: string;
  /** The UUID was just copied. */
  copied: boolean;
  /** Loads the selected tab's part again. */
  retryTab: () => void;
  /** Reads the VM's details again. */
  refresh: () => void;
  copy: (uuid: string) => void;
}

export function renderPanel(t: VmDetailTab, v: PanelsView): TemplateResult {
  return html`<div part="panel" role="tabpanel" id="panel-${t}" class="panel panel-${t}" aria-labelledby="tab-${t}" tabindex="0" ?hidden=${v.tab !== t}>
    ${t === 'overview' ? renderOverview(v) : t === 'monitoring' ? renderMonitoring(v) : renderConsole(v)}
  </div>`;
}

function renderMonitoring(v: PanelsView): Content {
  const st = v.views.parts.metrics;
  if (st === 'idle') return nothing;
  if (st === 'ready') return html`<vm-metrics class="fill" vm-name=${v.vmName} theme=${v.theme ?? nothing}></vm-metrics>`;
  return renderPlaceholder(v, 'charts', st);
}

function renderConsole(v: PanelsView): Content {
  // Their words load right after the first paint (internal/deferred-texts.ts), before anyone can choose a tab.
  if (!v.consoleAllowed) return v.views.texts?.renderConsoleLocked(v.vmName, kit) ?? nothing;
  const st = v.views.parts.console;
  if (st === 'idle') return nothing;
  if (st === 'ready') return html`<vm-console class="fill" vm-name=${v.vmName} theme=${v.theme ?? nothing}></vm-console>`;
  return renderPlaceholder(v, 'console', st);
}

function renderPlaceholder(v: PanelsView, what: DeferredPart, st: LoadState, retry = v.retryTab): Content {
  if (st === 'loading') return renderLoading(what);
  // A failure's words load right after the first paint (internal/deferred-texts.ts), before a load can fail.
  return v.views.texts?.renderLoadFailed(what, retry, kit) ?? nothing;
}

function renderOverview(v: PanelsView): Content {
  const { vm, error, loading } = v.details;
  const explain = v.views.texts?.explainError;
  if (!vm) {
    if (error && explain && !loading) {
      // The banner says why and offers the retry; this only says what is missing.
      return html`<div class="empty" data-state="error">
        <p class="empty-title">${msg("The VM's details could not be loaded.", { id: 'texts.loadFailed.details' })}</p>
      </div>`;
    }
    if (!v.vmName.trim()) {
      const text = msg(str`Set ${RICH[0]} to show a VM.`, { id: 'detail.noVm' });
      return html`<div class="empty"><p>${richText(text, [html`<code>vm-name</code>`])}</p></div>`;
    }
    return renderSkeleton();
  }
  const view = v.views.overview;
  if (!view) {
    return v.views.overviewState === 'failed' ? renderPlaceholder(v, 'details', 'failed', () => v.views.loadOverview()) : renderSkeleton();
  }
  return view.render(
    {
      vm,
      vmName: v.vmName,
      loading,
      stale: error && explain ? explain(error, v.vmName, v.serverUrl, kit) : '',
      copied: v.copied,
      retry: v.refresh,
      copy: () => v.copy(vm.uuid),
    },
    kit,
  );
}
