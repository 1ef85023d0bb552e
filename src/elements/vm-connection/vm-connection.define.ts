import { defineElement } from '../define.js';
import { VmConnection } from './vm-connection.js';

defineElement('vm-connection', VmConnection);

declare global {
  interface HTMLElementTagNameMap {
    'vm-connection': VmConnection;
  }
}

export { VmConnection };
