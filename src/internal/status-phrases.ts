/** The VM status words in their phrase form (see status-words.ts for the other forms). */
import type { VmStatus } from '../protocol/types.js';

/** A status with its subject, where the VM is not named nearby: "VM shut down". */
export const VM_STATUS_PHRASE: Readonly<Record<VmStatus, string>> = {
  running: 'VM running',
  stopped: 'VM stopped',
  shutdown: 'VM shut down',
  paused: 'VM paused',
  suspended: 'VM suspended',
  crashed: 'VM crashed',
  error: 'VM in error',
  unknown: 'VM state unknown',
};
