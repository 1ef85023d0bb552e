/**
 * The header's state: the VM's status badge, its uptime, the connection's label, and the sentence
 * the live region says when either changes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatUptime } from '../../metrics/format.js';
import type { VmStatus } from '../../protocol/types.js';
import type { SocketSnapshot } from '../../transport/vm-socket.js';
import { VM_STATUS_LABEL as STATUS_LABEL, connectionLabel } from '../../internal/status-words.js';
import { statusTone } from '../../internal/status-tone.js';

/** The badge; `noStatus` is what it says before the server has told the VM's status. */
export function renderBadge(status: VmStatus | null, raw: string, noStatus: string): TemplateResult {
  const label = status ? STATUS_LABEL[status] : noStatus;
  const title = status === 'unknown' && raw && raw !== 'unknown' ? `The server reported “${raw}”` : nothing;
  return html`<span part="status-badge" class="badge tone-${statusTone(status)}" data-status=${status ?? 'none'} title=${title}>
    <span class="badge-dot" aria-hidden="true"></span><span class="visually-hidden">Status: </span>${label}${title !== nothing
      ? html`<span class="visually-hidden"> (${raw})</span>`
      : nothing}
  </span>`;
}

export function renderUptime(up: number | null | undefined): TemplateResult | typeof nothing {
  if (up === null || up === undefined) return nothing;
  const secs = Math.floor(up);
  return html`<span class="uptime" title=${`Up for ${secs.toLocaleString()} seconds`}
    ><span class="visually-hidden">Uptime </span>up <time datetime="PT${secs}S">${formatUptime(secs)}</time></span
  >`;
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
  if (!c) return html`<span class="conn" data-state="none">Not connected</span>`;
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
  if (kind === 'offline' && c.state !== 'offline') label = 'Offline';
  // "Reconnecting" would say a connection was lost; there never was one.
  if (!v.wasOpen && (c.state === 'reconnecting' || c.state === 'connecting')) label = label.replace('Reconnecting', 'Retrying');
  // The VM is named as not found by the banner and the badge already.
  if (c.state === 'not-found') label = 'Not connected';
  // One retry control: the banner's when it shows.
  const retry = kind !== 'live' && !v.bannerRetry;
  return html`<span class="conn" data-state=${kind}>
    <span class="conn-dot" aria-hidden="true"></span>
    <span class="conn-label">${label}${restOnly ? html`<span class="rest-only"> · REST only</span>` : nothing}</span>
    ${retry ? html`<button class="link" @click=${v.retry}>Retry now</button>` : nothing}
  </span>`;
}

/** What the live region says when the VM's status or the connection changes (not the first time). */
export class StatusAnnouncer {
  private last = { status: '', conn: '' };

  /** The sentence for this change, or null when there is nothing new to say. */
  next(vmName: string, status: VmStatus | null, c: SocketSnapshot | undefined, wasOpen: boolean): string | null {
    const conn = c ? c.state : '';
    const statusText = status ? STATUS_LABEL[status].toLowerCase() : '';
    const parts: string[] = [];
    if (statusText && statusText !== this.last.status && this.last.status !== '') parts.push(`${vmName} is now ${statusText}.`);
    if (conn && conn !== this.last.conn && this.last.conn !== '') {
      // Before the first connection there is nothing to restore or lose; the banner (an alert) speaks.
      if (wasOpen || conn === 'open') {
        parts.push(conn === 'open' ? 'Live connection restored.' : conn === 'reconnecting' ? 'Connection lost; reconnecting.' : `Connection: ${connectionLabel(c!)}.`);
      }
    }
    if (statusText) this.last.status = statusText;
    if (conn) this.last.conn = conn;
    return parts.length > 0 ? parts.join(' ') : null;
  }
}
