import { defineElement } from '../define.js';
import { VmDetail } from './vm-detail.js';

defineElement('vm-detail', VmDetail);

declare global {
  interface HTMLElementTagNameMap {
    'vm-detail': VmDetail;
  }
}

export { VmDetail };
export type { VmDetailTab } from './vm-detail.js';
