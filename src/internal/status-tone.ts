/** How a status is shown: its colour (the words are in `status-words.ts`; the error texts load after the first paint: `explainError` in `deferred-texts.ts`). */
import type { VmStatus } from '../protocol/types.js';

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
