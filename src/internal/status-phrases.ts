/** The VM status words in their phrase form (see status-words.ts for the other forms; getters, as there). */
import type { VmStatus } from '../protocol/types.js';
import { msg } from './msg.js';

/** A status with its subject, where the VM is not named nearby: "VM shut down". */
export const VM_STATUS_PHRASE: Readonly<Record<VmStatus, string>> = {
  get running() {
    return msg('VM running', { id: 'status.phrase.running' });
  },
  get stopped() {
    return msg('VM stopped', { id: 'status.phrase.stopped' });
  },
  get shutdown() {
    return msg('VM shut down', { id: 'status.phrase.shutdown' });
  },
  get paused() {
    return msg('VM paused', { id: 'status.phrase.paused' });
  },
  get suspended() {
    return msg('VM suspended', { id: 'status.phrase.suspended' });
  },
  get crashed() {
    return msg('VM crashed', { id: 'status.phrase.crashed' });
  },
  get error() {
    return msg('VM in error', { id: 'status.phrase.error' });
  },
  get unknown() {
    return msg('VM state unknown', { id: 'status.phrase.unknown' });
  },
};
