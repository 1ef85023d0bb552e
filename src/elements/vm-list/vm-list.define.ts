import { defineElement } from '../define.js';
import { VmList } from './vm-list.js';

defineElement('vm-list', VmList);

declare global {
  interface HTMLElementTagNameMap {
    'vm-list': VmList;
  }
}

export { VmList };
export type { SortKey as VmListSortKey, SortDirection as VmListSortDirection } from './fleet-view.js';
