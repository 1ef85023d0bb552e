/**
 * What the user sends from `<vm-console>`: input to the guest (refused with a notice in a
 * read-only console, a progress notice for a big paste, a notice when sending fails) and a copy
 * of the selection to the clipboard.
 */
import type { ConsoleSession } from '../../hub/console.js';
import { activeLocale, msg, str } from '../../internal/msg.js';
import { isolate } from '../../internal/bidi.js';
import { formatBytes } from '../../metrics/format.js';
import type { VmError } from '../../protocol/errors.js';
import type { ConsoleStatus } from './console-status.js';

export interface ConsoleInputHost {
  readonly element: { readonly effectiveReadOnly: boolean };
  session(): ConsoleSession | null;
  readonly status: Pick<ConsoleStatus, 'notice' | 'show' | 'set' | 'readOnlyReason'>;
}

/** The status strip's words for a paste under way. */
export function pasteProgressText(sentChars: number, totalChars: number): string {
  const percent = Math.floor((sentChars / totalChars) * 100);
  const size = isolate(formatBytes(totalChars, activeLocale()));
  return msg(str`Pasting… ${percent} % of ${size}`, { id: 'console.notice.pasting' });
}

export class ConsoleInput {
  constructor(private readonly host: ConsoleInputHost) {}

  send(data: string, showProgress = false): Promise<void> {
    const { status } = this.host;
    if (this.host.element.effectiveReadOnly) {
      if (status.notice?.cause !== 'read-only') {
        status.show({ tone: 'info', cause: 'read-only', text: () => `${status.readOnlyReason()} ${msg('Input is not sent.', { id: 'console.notice.inputRefused' })}` });
      }
      return Promise.resolve();
    }
    const session = this.host.session();
    if (!session) return Promise.resolve();
    const onProgress = showProgress
      ? ({ sentChars, totalChars }: { sentChars: number; totalChars: number }) =>
          status.set(sentChars >= totalChars ? null : { tone: 'info', cause: 'paste', text: () => pasteProgressText(sentChars, totalChars) })
      : undefined;
    return session.sendInput(data, onProgress).catch((e: unknown) => {
      // The error's message is English (for logs and events): the notice says it in the reader's
      // words, quoting only what the server said (a VmError's `detail`).
      const server = (e as Partial<VmError> | null)?.detail;
      status.show({
        tone: 'danger',
        cause: 'input',
        text: () => {
          const failed = msg('The input was not sent.', { id: 'console.notice.inputFailed' });
          return server ? `${failed} (${server})` : failed;
        },
      });
    });
  }

  /** Copies `text` (the terminal's selection) to the clipboard, and says so. */
  async copy(text: string): Promise<void> {
    if (!text) return;
    const { status } = this.host;
    try {
      await navigator.clipboard.writeText(text);
      const bytes = new Blob([text]).size;
      status.show({
        tone: 'info',
        cause: 'clipboard',
        text: () => {
          const size = isolate(formatBytes(bytes, activeLocale()));
          return msg(str`Copied ${size} to the clipboard.`, { id: 'console.notice.copied' });
        },
      });
    } catch {
      status.show({
        tone: 'danger',
        cause: 'clipboard',
        text: () => msg('The browser did not allow copying; use Ctrl+C in the selection menu instead.', { id: 'console.notice.copyFailed' }),
      });
    }
  }
}
