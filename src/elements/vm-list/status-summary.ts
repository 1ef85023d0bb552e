/**
 * The line of counts per status above the grid, each a toggle of the status filter, and the
 * sentence the live region says about how many VMs are shown.
 */
import { html, type TemplateResult } from 'lit';
import { VM_STATUSES, type VmStatus } from '../../protocol/types.js';
import { statusTone } from '../../internal/status-tone.js';
import { VM_STATUS_LABEL } from '../../internal/status-words.js';
import { msg, str } from '../../internal/msg.js';
import { formatCount } from '../../metrics/format.js';
import { parseStatuses, type FleetView } from './fleet-view.js';

/** "1 VM", "1,204 VMs". */
function vmCount(n: number, locale: string | undefined): string {
  const count = formatCount(n, locale);
  return n === 1 ? msg('1 VM', { id: 'list.vm.one' }) : msg(str`${count} VMs`, { id: 'list.vm.other' });
}

/** "5 VMs shown.", "2 of 5 VMs shown." */
export function shownText(v: FleetView, locale: string | undefined): string {
  const total = vmCount(v.total, locale);
  const shown = formatCount(v.rows.length, locale);
  return v.rows.length === v.total ? msg(str`${total} shown.`, { id: 'list.shown.all' }) : msg(str`${shown} of ${total} shown.`, { id: 'list.shown' });
}

/** The status filter with `s` toggled, in the statuses' order (`running paused`). */
export function toggleStatus(statusFilter: string, s: VmStatus): string {
  const chosen = parseStatuses(statusFilter).statuses;
  if (chosen.has(s)) chosen.delete(s);
  else chosen.add(s);
  return VM_STATUSES.filter((x) => chosen.has(x)).join(' ');
}

/** The statuses present (or chosen), each a toggle with its count. */
export function renderSummary(v: FleetView, statusFilter: string, locale: string | undefined, toggle: (s: VmStatus) => void): TemplateResult {
  const chosen = parseStatuses(statusFilter).statuses;
  const present = VM_STATUSES.filter((s) => v.counts[s] > 0 || chosen.has(s));
  return html`<div class="summary" part="summary" role="group" aria-label=${msg('VMs per status (toggle to filter)', { id: 'list.summary' })}>
    <span class="total">${vmCount(v.total, locale)}</span>
    ${present.map(
      (s) => html`<button
        part="status-chip"
        class="chip tone-${statusTone(s)}"
        data-status=${s}
        aria-pressed=${chosen.has(s) ? 'true' : 'false'}
        @click=${() => toggle(s)}
      >
        <span class="dot" aria-hidden="true"></span>${VM_STATUS_LABEL[s]} <span class="count">${formatCount(v.counts[s], locale)}</span>
      </button>`,
    )}
  </div>`;
}
