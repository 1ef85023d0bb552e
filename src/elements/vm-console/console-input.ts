/**
 * What the user sends from `<vm-console>`: input to the guest (refused with a notice in a
 * read-only console, a progress notice for a big paste, a notice when sending fails) and a copy
 * of the selection to the clipboard.
 */
import type { ConsoleSession } from '../../hub/console.js';
import { formatBytes } from '../../metrics/format.js';
import type { ConsoleStatus } from './console-status.js';

export interface ConsoleInputHost {
  readonly element: { readonly effectiveReadOnly: boolean };
  session(): ConsoleSession | null;
  readonly status: Pick<ConsoleStatus, 'notice' | 'show' | 'set' | 'readOnlyReason'>;
}

/** The status strip's words for a paste under way. */
export function pasteProgressText(sentChars: number, totalChars: number): string {
  return `Pasting… ${Math.floor((sentChars / totalChars) * 100)} % of ${formatBytes(totalChars)}`;
}

export class ConsoleInput {
  constructor(private readonly host: ConsoleInputHost) {}

  send(data: string, showProgress = false): Promise<void> {
    const { status } = this.host;
    if (this.host.element.effectiveReadOnly) {
      if (status.notice?.cause !== 'read-only') {
        status.show({ tone: 'info', cause: 'read-only', text: `${status.readOnlyReason()} Input is not sent.` });
      }
      return Promise.resolve();
    }
    const session = this.host.session();
    if (!session) return Promise.resolve();
    const onProgress = showProgress
      ? ({ sentChars, totalChars }: { sentChars: number; totalChars: number }) =>
          status.set(sentChars >= totalChars ? null : { tone: 'info', cause: 'paste', text: pasteProgressText(sentChars, totalChars) })
      : undefined;
    return session.sendInput(data, onProgress).catch((e: unknown) => {
      status.show({ tone: 'danger', cause: 'input', text: (e as Error)?.message ?? 'The input was not sent.' });
    });
  }

  /** Copies `text` (the terminal's selection) to the clipboard, and says so. */
  async copy(text: string): Promise<void> {
    if (!text) return;
    const { status } = this.host;
    try {
      await navigator.clipboard.writeText(text);
      status.show({ tone: 'info', cause: 'clipboard', text: `Copied ${formatBytes(new Blob([text]).size)} to the clipboard.` });
    } catch {
      status.show({ tone: 'danger', cause: 'clipboard', text: 'The browser did not allow copying; use Ctrl+C in the selection menu instead.' });
    }
  }
}
