import { defineElement } from '../define.js';
import { VmGrid } from './vm-grid.js';

defineElement('vm-grid', VmGrid);

declare global {
  interface HTMLElementTagNameMap {
    'vm-grid': VmGrid;
  }
}

export { VmGrid };
