/**
 * One VM's row of the grid (a card at phone width): status badge, name, description, live CPU and
 * memory with sparklines, uptime, and the quick action buttons with why one is disabled. What the
 * row shows comes in as facts; focus (a roving tabindex) and the actions stay with the element.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { ActionState } from '../../hub/action-rules.js';
import { ACTION_LABEL, ACTION_PROGRESS } from '../../internal/action-words.js';
import { statusTone } from '../../internal/status-tone.js';
import { VM_STATUS_LABEL } from '../../internal/status-words.js';
import { msg, str } from '../../internal/msg.js';
import { formatPercent, formatUptime, NO_VALUE } from '../../metrics/format.js';
import type { VmMetricsHistory } from '../../metrics/vm-metrics-history.js';
import type { VmStatus } from '../../protocol/types.js';
import { SORT_KEYS, type SortKey } from './fleet-view.js';
import { SPARK_HEIGHT, SPARK_WIDTH, sparkPath } from './spark-path.js';

/** Grid columns with a cell of their own (the actions column's buttons follow). */
export const CELL_COLS = SORT_KEYS.length;

/** Getters: read in the locale of the element rendering them. */
export const COLUMN_LABEL: Readonly<Record<SortKey, string>> = {
  get status() {
    return msg('Status', { id: 'list.col.status' });
  },
  get name() {
    return msg('Name', { id: 'list.col.name' });
  },
  get description() {
    return msg('Description', { id: 'overview.description' });
  },
  get cpu() {
    return msg('CPU', { id: 'metrics.cpu' });
  },
  get memory() {
    return msg('Memory', { id: 'metrics.memory' });
  },
  get uptime() {
    return msg('Uptime', { id: 'detail.uptime' });
  },
};

export interface RowFacts {
  name: string;
  description: string;
  /** The row's index among the shown rows (0 is the first VM). */
  index: number;
  status: VmStatus;
  /** Its socket is open: the values are live. */
  live: boolean;
  selected: boolean;
  /** Percentages, NaN when not known; the uptime in seconds. */
  cpu: number;
  memory: number;
  uptime: number;
  history: VmMetricsHistory | null | undefined;
  actions: ActionState[];
  locale: string | undefined;
}

export interface RowHandlers {
  /** The cell's tabindex (0 for the grid's one tab stop). */
  tab(row: number, col: number): number;
  select(vmName: string): void;
  /** Why an action is disabled, in words; empty while those words are loading. */
  reason(st: ActionState, vmName: string): string | undefined;
  act(vmName: string, st: ActionState, ev: Event): void;
}

export function renderRow(f: RowFacts, h: RowHandlers): TemplateResult {
  const { name, status } = f;
  const row = f.index + 1;
  const notLive = !f.live && (Number.isFinite(f.cpu) || Number.isFinite(f.memory));
  return html`<div
    class="row ${f.selected ? 'selected' : ''} ${f.live ? 'live' : ''}"
    part="row"
    role="row"
    aria-rowindex=${f.index + 2}
    aria-selected=${f.selected ? 'true' : 'false'}
    data-vm=${name}
    @click=${(ev: Event) => {
      if (!(ev.target as HTMLElement).closest('button')) h.select(name);
    }}
  >
    <div class="cell col-status" role="gridcell" aria-colindex="1" tabindex=${h.tab(row, 0)} data-pos="${row},0">
      <span part="status-badge" class="badge tone-${statusTone(status)}" data-status=${status}><span class="badge-dot" aria-hidden="true"></span>${VM_STATUS_LABEL[status]}</span>
    </div>
    <div class="cell col-name" role="gridcell" aria-colindex="2" tabindex=${h.tab(row, 1)} data-pos="${row},1"><span class="name">${name}</span></div>
    <div class="cell col-description" role="gridcell" aria-colindex="3" tabindex=${h.tab(row, 2)} data-pos="${row},2" title=${f.description || nothing}>${f.description}</div>
    ${renderMetric(f, row, 3, 'cpu', f.cpu, notLive, h)} ${renderMetric(f, row, 4, 'memory', f.memory, notLive, h)}
    <div class="cell col-uptime" role="gridcell" aria-colindex="6" tabindex=${h.tab(row, 5)} data-pos="${row},5">
      <span class="label" aria-hidden="true">${COLUMN_LABEL.uptime}</span>${status === 'running' ? html`<bdi>${formatUptime(f.uptime, f.locale)}</bdi>` : NO_VALUE}
    </div>
    <div class="cell col-actions" role="gridcell" aria-colindex="7">${f.actions.map((st, k) => renderAction(name, row, CELL_COLS + k, st, h))}</div>
  </div>`;
}

function renderMetric(f: RowFacts, row: number, col: number, key: 'cpu' | 'memory', value: number, notLive: boolean, h: RowHandlers): TemplateResult {
  const d = sparkPath(f.history?.series, key === 'cpu' ? 'cpu' : 'memPct');
  return html`<div class="cell metric col-${key} ${notLive ? 'stale' : ''}" role="gridcell" aria-colindex=${col + 1} tabindex=${h.tab(row, col)} data-pos="${row},${col}">
    <span class="label" aria-hidden="true">${COLUMN_LABEL[key]}</span>
    <bdi class="value">${formatPercent(value, f.locale)}</bdi>${notLive ? html`<span class="visually-hidden"> ${msg('(not live)', { id: 'list.notLive' })}</span>` : nothing}
    <svg part="sparkline" class="spark" aria-hidden="true" viewBox="0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}" width=${SPARK_WIDTH} height=${SPARK_HEIGHT}>
      ${d ? svg`<path d=${d}></path>` : nothing}
    </svg>
  </div>`;
}

function renderAction(vmName: string, row: number, col: number, st: ActionState, h: RowHandlers): TemplateResult {
  const why = st.why && h.reason(st, vmName);
  const whyId = `why-${row}-${st.action}`;
  const label = ACTION_LABEL[st.action];
  return html`<button
    part="action-button"
    class="action ${st.action === 'stop' ? 'danger' : ''}"
    data-action=${st.action}
    data-pos="${row},${col}"
    tabindex=${h.tab(row, col)}
    aria-label=${msg(str`${label} ${vmName}`, { id: 'list.action' })}
    aria-disabled=${st.enabled ? 'false' : 'true'}
    aria-describedby=${why ? whyId : nothing}
    aria-busy=${st.busy ? 'true' : 'false'}
    title=${why || nothing}
    @click=${(ev: Event) => h.act(vmName, st, ev)}
  >
    ${st.busy ? html`<span class="spinner" aria-hidden="true"></span>${ACTION_PROGRESS[st.action]}` : ACTION_LABEL[st.action]}
  </button>${why ? html`<span class="visually-hidden" id=${whyId}>${why}</span>` : nothing}`;
}
