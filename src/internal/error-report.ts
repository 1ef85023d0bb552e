/**
 * `vm-error` for each new error an element shows (`<vm-detail>`'s banner, a fleet view's list):
 * once per error, not once per render or failed poll.
 */
import { emit } from '../events/index.js';
import type { VmError } from '../protocol/errors.js';

export class ErrorReport {
  private lastKey = '';

  /** Fires `vm-error` on `host` when `error` is not the one reported last (null: none is shown). */
  report(host: HTMLElement, vmName: string, error: VmError | null): void {
    const key = error ? `${error.code}\u0000${error.message}` : '';
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (error) emit(host, 'vm-error', { vmName: vmName || null, code: error.code, message: error.message });
  }

  /** Another VM: an error it shows is new, even if the last VM showed the same. */
  reset(): void {
    this.lastKey = '';
  }
}
