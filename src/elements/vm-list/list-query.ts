/**
 * `<vm-list>`'s query attributes (`sort`, `sort-direction`, `status-filter`, `confirm-actions`)
 * checked as pure functions: a host may deep-link any string into them, so a value the list does
 * not know falls back to the default with a console warning instead of an empty or unsorted list.
 */
import { parseConfirmActions } from '../../hub/action-rules.js';
import { isSortKey, parseStatuses, SORT_KEYS, type SortDirection, type SortKey } from './fleet-view.js';

/** A checked value: what to use, and the warning to log when the given one was not valid. */
export interface Checked<T> {
  value: T;
  warning: string | null;
}

/** Logs a warning, if there is one. */
export function warn(warning: string | null): void {
  if (warning) console.warn(warning);
}

/** Logs a checked value's warning, if any, and gives the value to use. */
export function warned<T>(c: Checked<T>): T {
  warn(c.warning);
  return c.value;
}

export function checkSort(sort: string): Checked<SortKey> {
  if (isSortKey(sort)) return { value: sort, warning: null };
  return { value: 'name', warning: `<vm-list>: sort="${sort}" is not one of ${SORT_KEYS.join(', ')}; sorting by name.` };
}

export function checkDirection(direction: string): Checked<SortDirection> {
  if (direction === 'ascending' || direction === 'descending') return { value: direction, warning: null };
  return { value: 'ascending', warning: `<vm-list>: sort-direction="${direction}" is not ascending or descending; using ascending.` };
}

/** The warning for statuses that `status-filter` ignores; null when it names only known ones. */
export function statusFilterWarning(statusFilter: string): string | null {
  const { unknown } = parseStatuses(statusFilter);
  return unknown.length > 0 ? `<vm-list>: status-filter ignores unknown status(es): ${unknown.join(', ')}.` : null;
}

/** The warning for actions that `confirm-actions` ignores; null when it names only known ones. */
export function confirmActionsWarning(confirmActions: string): string | null {
  const { unknown } = parseConfirmActions(confirmActions);
  return unknown.length > 0 ? `<vm-list>: confirm-actions ignores unknown action(s): ${unknown.join(', ')}.` : null;
}

/** The sort after a click on a column header: the same column turns around, another starts over. */
export function nextSort(sort: SortKey, direction: SortDirection, key: SortKey): { sort: SortKey; direction: SortDirection } {
  if (sort === key) return { sort, direction: direction === 'ascending' ? 'descending' : 'ascending' };
  // Live values read best highest first; words from A.
  return { sort: key, direction: key === 'cpu' || key === 'memory' || key === 'uptime' ? 'descending' : 'ascending' };
}
