import { defineElement } from '../define.js';
import { VmConsole } from './vm-console.js';

defineElement('vm-console', VmConsole);

declare global {
  interface HTMLElementTagNameMap {
    'vm-console': VmConsole;
  }
}

export { VmConsole };
