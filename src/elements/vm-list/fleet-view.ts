/**
 * What `<vm-list>` shows of the fleet: which VMs pass the filter, in which order, and how many of
 * each status there are. Pure functions over the hub's fleet list, so 10,000 VMs are filtered and
 * sorted in one pass each and the rules are tested without a DOM.
 */
import { VM_STATUSES, type VmInfo, type VmStatus } from '../../protocol/types.js';

/** The sortable columns, in the order the grid shows them. */
export const SORT_KEYS = ['status', 'name', 'description', 'cpu', 'memory', 'uptime'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

/** Live values last seen for a VM (a row holds a session only while it is on screen). */
export interface SeenValues {
  /** Percent, or NaN when not known. */
  cpu: number;
  memory: number;
  /** Seconds, or NaN. */
  uptime: number;
}

export interface ViewQuery {
  /** Matched, case- and accent-insensitively, against the name and the description. */
  text: string;
  /** Empty: every status. */
  statuses: ReadonlySet<VmStatus>;
  sort: SortKey;
  direction: SortDirection;
  locale: string | undefined;
}

export interface ViewInput {
  vms: readonly VmInfo[];
  /** The status to show: a row's live session's when it has one, else the list's. */
  statusOf: (vm: VmInfo) => VmStatus;
  seen: (name: string) => SeenValues | undefined;
}

export interface FleetRow {
  vm: VmInfo;
  status: VmStatus;
}

export interface FleetView {
  rows: FleetRow[];
  /** Every VM of the fleet per status (not only the filtered ones). */
  counts: Record<VmStatus, number>;
  total: number;
}

/** Lower case without accents, so "cafe" finds "Café". */
export function foldText(s: string, locale?: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);
}

/** `status-filter="running paused"` → the statuses; unknown words are returned, not kept. */
export function parseStatuses(value: string | null | undefined): { statuses: Set<VmStatus>; unknown: string[] } {
  const statuses = new Set<VmStatus>();
  const unknown: string[] = [];
  for (const word of (value ?? '').split(/[\s,]+/)) {
    if (word === '') continue;
    const w = word.toLowerCase();
    if ((VM_STATUSES as readonly string[]).includes(w)) statuses.add(w as VmStatus);
    else unknown.push(word);
  }
  return { statuses, unknown };
}

export function isSortKey(value: unknown): value is SortKey {
  return typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value);
}

// Folded once per listed VM and locale: typing in the filter re-reads 10,000 of them per key.
const folded = new WeakMap<VmInfo, { locale: string | undefined; text: string }>();
function searchText(vm: VmInfo, locale: string | undefined): string {
  const hit = folded.get(vm);
  if (hit && hit.locale === locale) return hit.text;
  // A separator no filter text contains, so a match never spans the name and the description.
  const text = `${foldText(vm.name, locale)}\u0000${foldText(vm.description, locale)}`;
  folded.set(vm, { locale, text });
  return text;
}

const STATUS_RANK = new Map<VmStatus, number>(VM_STATUSES.map((s, i) => [s, i]));

export function buildView(input: ViewInput, q: ViewQuery): FleetView {
  const counts = Object.fromEntries(VM_STATUSES.map((s) => [s, 0])) as Record<VmStatus, number>;
  const needle = foldText(q.text.trim(), q.locale);
  const rows: FleetRow[] = [];
  for (const vm of input.vms) {
    const status = input.statusOf(vm);
    counts[status]++;
    if (q.statuses.size > 0 && !q.statuses.has(status)) continue;
    if (needle && !searchText(vm, q.locale).includes(needle)) continue;
    rows.push({ vm, status });
  }
  sortRows(rows, input, q);
  return { rows, counts, total: input.vms.length };
}

/**
 * Stable (equal rows keep the fleet's order), locale-aware (numbers inside names compare as
 * numbers: vm-9 before vm-10). Live columns sort by the value last seen; VMs with none go last
 * in either direction, so "highest CPU first" never starts with a page of dashes.
 */
function sortRows(rows: FleetRow[], input: ViewInput, q: ViewQuery): void {
  const sign = q.direction === 'descending' ? -1 : 1;
  const collator = new Intl.Collator(q.locale, { numeric: true, sensitivity: 'base' });
  const byName = (a: FleetRow, b: FleetRow) => collator.compare(a.vm.name, b.vm.name);
  let compare: (a: FleetRow, b: FleetRow) => number;
  switch (q.sort) {
    case 'name':
      compare = (a, b) => sign * byName(a, b);
      break;
    case 'description':
      compare = (a, b) => {
        // An empty description goes last, like an unknown value.
        const ea = a.vm.description.trim() === '';
        const eb = b.vm.description.trim() === '';
        if (ea !== eb) return ea ? 1 : -1;
        return sign * collator.compare(a.vm.description, b.vm.description);
      };
      break;
    case 'status':
      compare = (a, b) => sign * (STATUS_RANK.get(a.status)! - STATUS_RANK.get(b.status)!);
      break;
    default: {
      const key = q.sort;
      // One lookup per row, not one per comparison.
      const value = new Map<FleetRow, number>();
      for (const r of rows) value.set(r, input.seen(r.vm.name)?.[key] ?? NaN);
      compare = (a, b) => {
        const va = value.get(a)!;
        const vb = value.get(b)!;
        const na = Number.isNaN(va);
        const nb = Number.isNaN(vb);
        if (na || nb) return na === nb ? 0 : na ? 1 : -1;
        return sign * (va - vb);
      };
    }
  }
  // Array.prototype.sort is stable: ties keep the fleet's order.
  rows.sort(compare);
}
