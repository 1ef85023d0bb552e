/** How a status is shown (the error texts load after the first paint: `explainError` in `texts.ts`). */
import type { VmStatus } from '../../hub/index.js';

export const STATUS_LABEL: Readonly<Record<VmStatus, string>> = {
  running: 'Running',
  stopped: 'Stopped',
  paused: 'Paused',
  shutdown: 'Shut down',
  crashed: 'Crashed',
  suspended: 'Suspended',
  error: 'Error',
  unknown: 'Unknown',
};

/** The colour family of a status badge. */
export function statusTone(status: VmStatus | null): 'ok' | 'warn' | 'danger' | 'muted' {
  switch (status) {
    case 'running':
      return 'ok';
    case 'paused':
    case 'suspended':
      return 'warn';
    case 'crashed':
    case 'error':
      return 'danger';
    default:
      return 'muted';
  }
}
