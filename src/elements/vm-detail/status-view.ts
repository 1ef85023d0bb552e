/**
 * The header's state: the VM's status badge, the connection's label, and the sentence
 * the live region says when either changes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { VmStatus } from '../../protocol/types.js';
import type { SocketSnapshot } from '../../transport/vm-socket.js';
import type { VmError } from '../../protocol/errors.js';
import { VM_STATUS_LABEL as STATUS_LABEL, connectionLabel, CONNECTION_WORDS, secondsUntil } from '../../internal/status-words.js';
import { activeLocale, msg, str } from '../../internal/msg.js';
import { statusTone } from '../../internal/status-tone.js';

/** The badge; `noStatus` is what it says before the server has told the VM's status. */
export function renderBadge(status: VmStatus | null, raw: string, noStatus: string): TemplateResult {
  const label = status ? STATUS_LABEL[status] : noStatus;
  const title = status === 'unknown' && raw && raw !== 'unknown' ? msg(str`The server reported “${raw}”`, { id: 'detail.status.raw' }) : nothing;
  return html`<span part="status-badge" class="badge tone-${statusTone(status)}" data-status=${status ?? 'none'} title=${title}>
    <span class="badge-dot" aria-hidden="true"></span><span class="visually-hidden">${msg('Status:', { id: 'detail.status' })} </span>${label}${title !== nothing
      ? html`<span class="visually-hidden"> (${raw})</span>`
      : nothing}
  </span>`;
}

export interface ConnectionView {
  connection: SocketSnapshot | undefined;
  now: number;
  /** Whether the socket has been open before (else it never was: "retrying", not "reconnecting"). */
  wasOpen: boolean;
  /** The REST API is out of reach too. */
  restDown: boolean;
  restFallback: boolean;
  /** The banner shows, with its own retry. */
  bannerRetry: boolean;
  retry: () => void;
}

export function renderConnection(v: ConnectionView): TemplateResult {
  const c = v.connection;
  if (!c) return html`<span class="conn" data-state="none">${CONNECTION_WORDS.notConnected}</span>`;
  const kind =
    c.state === 'open'
      ? 'live'
      : c.state === 'connecting' || c.state === 'reconnecting'
        ? 'reconnecting'
        : c.state === 'unauthorized' || c.state === 'not-found'
          ? 'unauthorized'
          : 'offline';
  const restOnly = kind !== 'live' && kind !== 'unauthorized' && !v.restDown && v.restFallback;
  let label = connectionLabel(c, v.now);
  if (kind === 'offline' && c.state !== 'offline') label = CONNECTION_WORDS.offline;
  // "Reconnecting" would say a connection was lost; there never was one.
  if (!v.wasOpen && c.state === 'reconnecting') {
    const seconds = secondsUntil(c.nextRetryAt, v.now);
    label = msg(str`Retrying in ${seconds} s`, { id: 'connection.retryingIn' });
  } else if (!v.wasOpen && c.state === 'connecting' && c.attempt > 0) label = msg('Retrying…', { id: 'connection.retrying' });
  // The VM is named as not found by the banner and the badge already.
  if (c.state === 'not-found') label = CONNECTION_WORDS.notConnected;
  // One retry control: the banner's when it shows.
  const retry = kind !== 'live' && !v.bannerRetry;
  return html`<span class="conn" data-state=${kind}>
    <span class="conn-dot" aria-hidden="true"></span>
    <span class="conn-label">${label}${restOnly ? html`<span class="rest-only"> · ${msg('REST only', { id: 'detail.restOnly' })}</span>` : nothing}</span>
    ${retry ? html`<button class="link" @click=${v.retry}>${msg('Retry now', { id: 'detail.retryNow' })}</button>` : nothing}
  </span>`;
}

/** What the live region says when the VM's status or the connection changes (not the first time). */
export class StatusAnnouncer {
  private last: { status: VmStatus | ''; conn: string } = { status: '', conn: '' };

  /**
   * The sentence for this change, or null when there is nothing new to say: a function, so its
   * words are made in the locale of the render that shows them.
   */
  next(vmName: string, status: VmStatus | null, c: SocketSnapshot | undefined, wasOpen: boolean): (() => string) | null {
    const conn = c ? c.state : '';
    const parts: (() => string)[] = [];
    if (status && status !== this.last.status && this.last.status !== '') {
      parts.push(() => {
        const statusText = STATUS_LABEL[status].toLocaleLowerCase(activeLocale());
        return msg(str`${vmName} is now ${statusText}.`, { id: 'detail.announce.status' });
      });
    }
    if (conn && conn !== this.last.conn && this.last.conn !== '') {
      // Before the first connection there is nothing to restore or lose; the banner (an alert) speaks.
      if (wasOpen || conn === 'open') {
        const snapshot = c!;
        parts.push(() => {
          if (conn === 'open') return msg('Live connection restored.', { id: 'detail.announce.restored' });
          if (conn === 'reconnecting') return msg('Connection lost; reconnecting.', { id: 'detail.announce.lost' });
          const state = connectionLabel(snapshot);
          return msg(str`Connection: ${state}.`, { id: 'detail.announce.connection' });
        });
      }
    }
    if (status) this.last.status = status;
    if (conn) this.last.conn = conn;
    return parts.length > 0 ? () => parts.map((p) => p()).join(' ') : null;
  }
}

/**
 * What the badge says before the server has told the VM's status: what is known instead (not
 * found; unknown after a failure; else still loading).
 */
export function noStatusLabel(c: SocketSnapshot | undefined, restError: VmError | null, nameError: VmError | null): string {
  if (c?.state === 'not-found' || restError?.code === 'VM_NOT_FOUND') return msg('Not found', { id: 'detail.badge.notFound' });
  if (nameError || restError || (c && c.state !== 'open' && c.state !== 'idle' && (c.attempt > 0 || c.lastError))) return STATUS_LABEL.unknown;
  return msg('Loading', { id: 'detail.badge.loading' });
}
